using System.Management.Automation;
using Fluxum.Models;
using Fluxum.Streams;

namespace Fluxum.Commands.Cmdlets;

/// <summary>
/// Keeps each symbol's full order book locally (snapshot + diffs, checked for gaps and resynced) and writes it,
/// cut to -Depth levels a side, on every change or at most every -Interval. Only the latest book of a symbol
/// waits for a slow pipeline.
/// </summary>
[Cmdlet(VerbsCommon.Watch, "FxBook", HelpUri = "https://github.com/fluxum/fluxum/blob/main/docs/en-US/Watch-FxBook.md")]
[OutputType(typeof(OrderBook))]
public sealed class WatchFxBookCommand : WatchMarketCmdlet
{
    [Parameter]
    [ValidateRange(1, 5000)]
    public int Depth { get; set; } = 20;

    /// <summary>Write a book at most this often per symbol (e.g. 00:00:01, or 1 for seconds); default: on every change.</summary>
    [Parameter]
    [SecondsTransformation]
    [NonNegativeTimeSpan]
    public TimeSpan Interval { get; set; }

    internal override StreamRequest CreateRequest(IReadOnlyList<string> symbols) =>
        new() { Channel = StreamChannel.Book, Symbols = symbols, BookDepth = Depth, BookInterval = Interval };
}
