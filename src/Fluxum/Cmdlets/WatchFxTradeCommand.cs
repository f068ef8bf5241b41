using System.Management.Automation;
using Fluxum.Models;
using Fluxum.Streams;

namespace Fluxum.Commands.Cmdlets;

/// <summary>Streams trades as they happen, for many symbols over one connection.</summary>
[Cmdlet(VerbsCommon.Watch, "FxTrade", HelpUri = "https://github.com/fluxum/fluxum/blob/main/docs/en-US/Watch-FxTrade.md")]
[OutputType(typeof(Trade))]
public sealed class WatchFxTradeCommand : WatchMarketCmdlet
{
    /// <summary>The exchange's aggregate trades (fills of one taker order at one price merged) instead of every fill.</summary>
    [Parameter]
    public SwitchParameter Aggregate { get; set; }

    /// <summary>
    /// Also writes the recent history the exchange sends on subscribing (Kraken: the last 50 trades, the last
    /// candles) before the live events. Binance sends none.
    /// </summary>
    [Parameter]
    public SwitchParameter IncludeSnapshot { get; set; }

    internal override StreamRequest CreateRequest(IReadOnlyList<string> symbols) =>
        new() { Channel = StreamChannel.Trade, Symbols = symbols, Aggregate = Aggregate, IncludeSnapshot = IncludeSnapshot };
}
