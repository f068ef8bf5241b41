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
[Cmdlet(VerbsCommon.New, "FxOrder", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Order))]
public sealed class NewFxOrderCommand : TradingCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(SymbolCompleter))]
    public string Symbol { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    public TradeSide Side { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public OrderType Type { get; set; } = OrderType.Limit;

    /// <summary>Base-asset quantity.</summary>
    [Parameter(Position = 2, ValueFromPipelineByPropertyName = true)]
    public decimal? Quantity { get; set; }

    /// <summary>Quote-asset amount to spend or receive: market orders only, instead of -Quantity.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
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

    /// <summary>Sends the order to the exchange's test endpoint: fully validated, never placed.</summary>
    [Parameter]
    public SwitchParameter Test { get; set; }

    /// <summary>Rounds quantity down to the lot step and price toward the safe side of the tick instead of failing.</summary>
    [Parameter]
    public SwitchParameter RoundToRules { get; set; }

    /// <summary>Places market orders without asking (for scheduled scripts).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        var request = new OrderRequest(Symbol, Side, Type)
        {
            Quantity = Quantity, QuoteQuantity = QuoteQuantity, Price = Price, StopPrice = StopPrice, TimeInForce = TimeInForce,
            ClientOrderId = ClientOrderId, IcebergQuantity = IcebergQuantity,
        };
        if (ShapeProblem(request) is { } problem)
        {
            WriteError(ErrorRecords.InvalidArgument("Fluxum.InvalidOrder", problem, request));
            return;
        }

        // The rules come first: -WhatIf should show the order as it would really go out.
        SymbolInfo? info = null;
        decimal? reference = null;
        Run(async (bridge, ct) =>
        {
            var market = Engine.GetMarketData(Exchange, Environment);
            info = (await market.GetSymbolsAsync(ct).ConfigureAwait(false)).Resolve(request.Symbol);
            reference = (await market.GetPriceTickersAsync(new[] { info.NativeSymbol }, ct).ConfigureAwait(false)).FirstOrDefault()?.Price;
        }, request);
        if (info is null) return;

        if (RoundToRules) request = OrderRules.RoundToRules(info, request);
        var violations = OrderRules.Check(info, request, reference);
        if (violations.Count > 0)
        {
            foreach (var v in violations)
            {
                var hint = v.NearestValid is { } n ? $" Nearest valid {v.Field}: {n}." : "";
                WriteError(new ErrorRecord(new ArgumentException(v.Message + hint + (RoundToRules ? "" : " -RoundToRules rounds it for you.")),
                    $"Fluxum.OrderRule.{v.Rule}", ErrorCategory.InvalidArgument, request));
            }

            return;
        }

        var description = Describe(request, info);
        if (!ShouldProcess($"{info.Symbol} on {Exchange}{(Test ? " (test endpoint)" : "")}", description)) return;
        if (request.Type == OrderType.Market && !Test && !Force
            && !ShouldContinue($"{description} on {Exchange} executes at once at whatever the book offers. Continue?", "Market order"))
        {
            return;
        }

        var test = Test.IsPresent;
        RunAccount(async (account, bridge, ct) => bridge.Emit(await account.PlaceOrderAsync(request, test, ct).ConfigureAwait(false)), request);
    }

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
