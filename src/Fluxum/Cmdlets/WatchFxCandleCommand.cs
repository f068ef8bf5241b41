using System.Management.Automation;
using Fluxum.Commands.Bridge;
using Fluxum.Commands.Completion;
using Fluxum.Market;
using Fluxum.Models;
using Fluxum.Streams;

namespace Fluxum.Commands.Cmdlets;

/// <summary>Streams candles: the open candle as it changes, or with -ClosedOnly each candle once, when it closes.</summary>
[Cmdlet(VerbsCommon.Watch, "FxCandle", HelpUri = "https://github.com/fluxum/fluxum/blob/main/docs/en-US/Watch-FxCandle.md")]
[OutputType(typeof(Candle))]
public sealed class WatchFxCandleCommand : WatchMarketCmdlet
{
    private CandleInterval _interval;

    [Parameter(Position = 1)]
    [ArgumentCompleter(typeof(IntervalCompleter))]
    public string Interval { get; set; } = "1m";

    [Parameter]
    public SwitchParameter ClosedOnly { get; set; }

    protected override void BeginProcessing()
    {
        if (!CandleInterval.TryParse(Interval, out _interval))
        {
            ThrowTerminatingError(ErrorRecords.InvalidArgument("Fluxum.InvalidInterval",
                $"'{Interval}' is not a candle interval such as 1m, 15m, 1h, 4h, 1d, 1w or 1M.", Interval));
        }
    }

    /// <summary>
    /// Also writes the recent history the exchange sends on subscribing (Kraken: the last 50 trades, the last
    /// candles) before the live events. Binance sends none.
    /// </summary>
    [Parameter]
    public SwitchParameter IncludeSnapshot { get; set; }

    internal override StreamRequest CreateRequest(IReadOnlyList<string> symbols) =>
        new() { Channel = StreamChannel.Candle, Symbols = symbols, Interval = _interval, ClosedOnly = ClosedOnly, IncludeSnapshot = IncludeSnapshot };
}
