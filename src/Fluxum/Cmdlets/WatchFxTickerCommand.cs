using System.Management.Automation;
using Fluxum.Models;
using Fluxum.Streams;

namespace Fluxum.Commands.Cmdlets;

/// <summary>Streams tickers: 24h statistics (Full), the mini ticker's prices and volumes (Price) or the best bid and ask (Book).</summary>
[Cmdlet(VerbsCommon.Watch, "FxTicker", HelpUri = "https://github.com/fluxum/fluxum/blob/main/docs/en-US/Watch-FxTicker.md")]
[OutputType(typeof(Ticker), typeof(BookTicker))]
public sealed class WatchFxTickerCommand : WatchMarketCmdlet
{
    [Parameter]
    public TickerType Type { get; set; } = TickerType.Full;

    internal override StreamRequest CreateRequest(IReadOnlyList<string> symbols) =>
        new() { Channel = StreamChannel.Ticker, Symbols = symbols, TickerType = Type };
}
