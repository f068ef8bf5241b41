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
            OcoSet => OcoList(request),
            OtoSet => new OrderListRequest(Symbol, OrderListKind.Oto, request, new OrderRequest(Symbol, PendingSide ?? Opposite(Side), PendingType)
            {
                Quantity = PendingQuantity ?? Quantity, Price = PendingPrice, StopPrice = PendingStopPrice,
            }),
            _ => null,
        };
        var legs = list?.Legs.ToList() ?? new List<OrderRequest> { request };
        foreach (var leg in legs)
        {
            if (ShapeProblem(leg) is { } problem)
            {
                WriteError(ErrorRecords.InvalidArgument("Fluxum.InvalidOrder", problem, leg));
                return;
            }
        }

        // The rules come first: -WhatIf should show the orders as they would really go out.
        SymbolInfo? info = null;
        decimal? reference = null;
        Run(async (bridge, ct) =>
        {
            var market = Engine.GetMarketData(Exchange, Environment);
            info = (await market.GetSymbolsAsync(ct).ConfigureAwait(false)).Resolve(request.Symbol);
            reference = (await market.GetPriceTickersAsync(new[] { info.NativeSymbol }, ct).ConfigureAwait(false)).FirstOrDefault()?.Price;
        }, request);
        if (info is null) return;

        if (RoundToRules) legs = legs.Select(l => OrderRules.RoundToRules(info, l)).ToList();
        var broken = false;
        foreach (var leg in legs)
        {
            foreach (var v in OrderRules.Check(info, leg, reference))
            {
                var hint = v.NearestValid is { } n ? $" Nearest valid {v.Field}: {n}." : "";
                WriteError(new ErrorRecord(new ArgumentException(v.Message + hint + (RoundToRules ? "" : " -RoundToRules rounds it for you.")),
                    $"Fluxum.OrderRule.{v.Rule}", ErrorCategory.InvalidArgument, leg));
                broken = true;
            }
        }

        if (broken) return;
        var description = string.Join(", then ", legs.Select(l => Describe(l, info)));
        if (list is not null) description = $"{list.Kind.ToString().ToUpperInvariant()} list: {description}";
        if (!ShouldProcess($"{info.Symbol} on {Exchange}{(Test ? " (test endpoint)" : "")}", description)) return;
        if (legs.Any(l => l.Type == OrderType.Market) && !Test && !Force
            && !ShouldContinue($"{description} on {Exchange} executes at whatever the book offers. Continue?", "Market order"))
        {
            return;
        }

        var test = Test.IsPresent;
        if (list is null)
        {
            var single = legs[0];
            RunAccount(async (account, bridge, ct) => bridge.Emit(await account.PlaceOrderAsync(single, test, ct).ConfigureAwait(false)), single);
            return;
        }

        var rounded = list with { First = legs[0], Second = legs[1] };
        RunAccount(async (account, bridge, ct) =>
        {
            bridge.EmitRows(await account.PlaceOrderListAsync(rounded, ct).ConfigureAwait(false), rounded);
        }, rounded);
    }

    /// <summary>A limit-maker leg at -Price and a stop leg at -StopPrice; for a sell the limit is above the market, for a buy below.</summary>
    private OrderListRequest OcoList(OrderRequest limitMaker)
    {
        var stop = new OrderRequest(Symbol, Side, StopLimitPrice is null ? OrderType.StopLoss : OrderType.StopLossLimit)
        {
            Quantity = Quantity, StopPrice = StopPrice, Price = StopLimitPrice, TimeInForce = StopLimitPrice is null ? null : TimeInForce,
        };
        return Side == TradeSide.Sell
            ? new OrderListRequest(Symbol, OrderListKind.Oco, limitMaker, stop)
            : new OrderListRequest(Symbol, OrderListKind.Oco, stop, limitMaker);
    }

    private static TradeSide Opposite(TradeSide side) => side == TradeSide.Buy ? TradeSide.Sell : TradeSide.Buy;

    /// <summary>What the order type needs, before asking the exchange anything.</summary>
    private static string? ShapeProblem(OrderRequest o)
    {
        if (OrderTypes.NeedsPrice(o.Type) && o.Price is null) return $"A {o.Type} order needs -Price.";
        if (!OrderTypes.NeedsPrice(o.Type) && o.Price is not null) return $"A {o.Type} order takes no -Price.";
        if (OrderTypes.NeedsStopPrice(o.Type) && o.StopPrice is null) return $"A {o.Type} order needs -StopPrice.";
        if (o.QuoteQuantity is not null && o.Type != OrderType.Market) return "-QuoteQuantity is for market orders only.";
        if (o.Quantity is null && o.QuoteQuantity is null) return "Give -Quantity (or -QuoteQuantity for a market order).";
        if (o.Quantity is not null && o.QuoteQuantity is not null) return "Give -Quantity or -QuoteQuantity, not both.";
        if (o.TimeInForce is not null && !OrderTypes.TakesTimeInForce(o.Type)) return $"A {o.Type} order takes no -TimeInForce.";
        return null;
    }

    private static string Describe(OrderRequest o, SymbolInfo s)
    {
        var size = o.Quantity is { } q ? $"{q} {s.BaseAsset}" : $"{o.QuoteQuantity} {s.QuoteAsset} worth of {s.BaseAsset}";
        var at = o.Price is { } p ? $" at {p} {s.QuoteAsset}" : "";
        var stop = o.StopPrice is { } sp ? $", triggered at {sp}" : "";
        return $"Place a {o.Type} order to {o.Side.ToString().ToLowerInvariant()} {size}{at}{stop}";
    }
}
