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

    internal override StreamRequest CreateRequest(IReadOnlyList<string> symbols) =>
        new() { Channel = StreamChannel.Trade, Symbols = symbols, Aggregate = Aggregate };
}
