using System.Management.Automation;
using Fluxum.Commands.Bridge;
using Fluxum.Commands.Completion;
using Fluxum.Errors;
using Fluxum.Models;
using Fluxum.Trading;

namespace Fluxum.Commands.Cmdlets;

/// <summary>
/// Places an order after checking it against the symbol's trading rules. Every order carries a client order
/// id (generated when not given) so a lost answer is recovered without sending it twice.
/// </summary>
[Cmdlet(VerbsCommon.New, "FxOrder", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = SingleSet, HelpUri = "https://github.com/fluxum/fluxum/blob/main/docs/en-US/New-FxOrder.md")]
[OutputType(typeof(Order))]
public sealed class NewFxOrderCommand : TradingCmdlet
{
    private const string SingleSet = "Single";
    private const string OcoSet = "Oco";
    private const string OtoSet = "Oto";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SymbolCompleter))]
    public string Symbol { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    public TradeSide Side { get; set; }

    /// <summary>The order type; with -Oto, the working order's (Limit or LimitMaker).</summary>
    [Parameter(ParameterSetName = SingleSet, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = OtoSet, ValueFromPipelineByPropertyName = true)]
    public OrderType Type { get; set; } = OrderType.Limit;

    /// <summary>Base-asset quantity.</summary>
    [Parameter(Position = 2, ValueFromPipelineByPropertyName = true)]
    public decimal? Quantity { get; set; }

    /// <summary>Quote-asset amount to spend or receive: market orders only, instead of -Quantity.</summary>
    [Parameter(ParameterSetName = SingleSet, ValueFromPipelineByPropertyName = true)]
    public decimal? QuoteQuantity { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public decimal? Price { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public decimal? StopPrice { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public TimeInForce? TimeInForce { get; set; }

    /// <summary>Your id for the order (letters, digits, . : / _ -, up to 36); generated when omitted.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidatePattern(@"^[\.A-Z\:/a-z0-9_-]{1,36}$")]
    public string? ClientOrderId { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public decimal? IcebergQuantity { get; set; }

    /// <summary>One-cancels-the-other: a limit-maker leg at -Price and a stop leg at -StopPrice (-StopLimitPrice makes it a stop-limit).</summary>
    [Parameter(Mandatory = true, ParameterSetName = OcoSet)]
    public SwitchParameter Oco { get; set; }

    /// <summary>With -Oco: the limit price of the stop leg, which is then a stop-limit order.</summary>
    [Parameter(ParameterSetName = OcoSet)]
    public decimal? StopLimitPrice { get; set; }

    /// <summary>One-triggers-the-other: this order works now; the -Pending* order is placed when it fills.</summary>
    [Parameter(Mandatory = true, ParameterSetName = OtoSet)]
    public SwitchParameter Oto { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = OtoSet)]
    public OrderType PendingType { get; set; }

    /// <summary>The pending order's side; the opposite of -Side when omitted.</summary>
    [Parameter(ParameterSetName = OtoSet)]
    public TradeSide? PendingSide { get; set; }

    [Parameter(ParameterSetName = OtoSet)]
    public decimal? PendingPrice { get; set; }

    [Parameter(ParameterSetName = OtoSet)]
    public decimal? PendingStopPrice { get; set; }

    /// <summary>The pending order's quantity; -Quantity when omitted.</summary>
    [Parameter(ParameterSetName = OtoSet)]
    public decimal? PendingQuantity { get; set; }

    /// <summary>Sends the order to the exchange's test endpoint: fully validated, never placed.</summary>
    [Parameter(ParameterSetName = SingleSet)]
    public SwitchParameter Test { get; set; }

    /// <summary>Rounds quantity down to the lot step and price toward the safe side of the tick instead of failing.</summary>
    [Parameter]
    public SwitchParameter RoundToRules { get; set; }

    /// <summary>Places market orders without asking (for scheduled scripts).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        var request = new OrderRequest(Symbol, Side, ParameterSetName == OcoSet ? OrderType.LimitMaker : Type)
        {
            Quantity = Quantity, QuoteQuantity = QuoteQuantity, Price = Price, StopPrice = ParameterSetName == OcoSet ? null : StopPrice,
            TimeInForce = ParameterSetName == OcoSet ? null : TimeInForce, ClientOrderId = ClientOrderId, IcebergQuantity = IcebergQuantity,
        };
        var list = ParameterSetName switch
        {
            OcoSet => OrderPlanner.Oco(request, new OrderRequest(Symbol, Side, StopLimitPrice is null ? OrderType.StopLoss : OrderType.StopLossLimit)
            {
                Quantity = Quantity, StopPrice = StopPrice, Price = StopLimitPrice, TimeInForce = StopLimitPrice is null ? null : TimeInForce,
            }),
            OtoSet => new OrderListRequest(Symbol, OrderListKind.Oto, request, new OrderRequest(Symbol, PendingSide ?? OrderPlanner.Opposite(Side), PendingType)
            {
                Quantity = PendingQuantity ?? Quantity, Price = PendingPrice, StopPrice = PendingStopPrice,
            }),
            _ => null,
        };

        // The shape is judged before the exchange is asked anything.
        foreach (var leg in list?.Legs ?? new[] { request })
        {
            if (OrderShape.Problem(leg) is { } problem)
            {
                WriteError(ErrorRecords.InvalidArgument("Fluxum.InvalidOrder", problem, leg));
                return;
            }
        }

        // The plan comes first: -WhatIf should show the orders as they would really go out, a market order with its cost.
        var round = RoundToRules.IsPresent;
        var asks = !Test && (!Force || WhatIfRequested());
        OrderPlan? plan = null;
        Run(async (bridge, ct) =>
        {
            plan = await OrderPlanner.PlanAsync(Engine.GetMarketData(Exchange, Environment), list is null ? request : null, list, round, asks, ct).ConfigureAwait(false);
        }, request);
        if (plan is null) return;
        if (plan.ShapeProblem is { } shape)
        {
            WriteError(ErrorRecords.InvalidArgument("Fluxum.InvalidOrder", shape.Problem, shape.Leg));
            return;
        }

        foreach (var v in plan.Violations)
        {
            WriteError(new ErrorRecord(new ArgumentException(v.Message), v.ErrorId, ErrorCategory.InvalidArgument, v.Leg));
        }

        if (!plan.CanSend) return;
        if (!ShouldProcess($"{plan.Symbol!.Symbol} on {Exchange}{(Test ? " (test endpoint)" : "")}", plan.Description)) return;
        if (plan.IsMarket && !Test && !Force && !ConfirmMarketOrder(plan)) return;

        var test = Test.IsPresent;
        if (plan.List is not { } planned)
        {
            var single = plan.Order!;
            RunAccount(async (account, bridge, ct) => bridge.Emit(await account.PlaceOrderAsync(single, test, ct).ConfigureAwait(false)), single);
            return;
        }

        RunAccount(async (account, bridge, ct) =>
        {
            bridge.EmitRows(await account.PlaceOrderListAsync(planned, ct).ConfigureAwait(false), planned);
        }, planned);
    }

    /// <summary>A market order cannot be taken back: asked with No as the default; -Force is how scripts skip it.</summary>
    private bool ConfirmMarketOrder(OrderPlan plan) =>
        ConfirmationPrompt.Ask(this, $"{plan.Description}. A market order executes at whatever the book offers when it arrives. Place it?",
            "Market order", plan.Order ?? (object?)plan.List);

    private bool WhatIfRequested() =>
        (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var w) && w is SwitchParameter { IsPresent: true })
        || (GetVariableValue("WhatIfPreference") is { } pref && LanguagePrimitives.IsTrue(pref));
}
