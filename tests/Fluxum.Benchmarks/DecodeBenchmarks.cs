using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Fluxum.Books;
using Fluxum.Engine.Exchanges.Binance;
using Fluxum.Models;
using Fluxum.Streams;

namespace Fluxum.Benchmarks;

/// <summary>
/// Binance combined-stream frames (the recorded ones) to model objects with the engine's own parsers: the parse
/// alone (JsonDocument, Payload, DepthUpdate / Trade / AggregateTrade), and the protocol's whole OnFrame for
/// trades, which is what one socket frame costs before the sink. One operation is one frame.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Columns))]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 4, iterationCount: 10)]
public class DecodeBenchmarks
{
    private byte[] _depth = null!;
    private byte[] _trade = null!;
    private byte[] _aggTrade = null!;
    private SymbolInfo _eth = null!;
    private SymbolInfo _nkn = null!;
    private BinanceMarketStreamProtocol _tradeProtocol = null!;
    private BinanceMarketStreamProtocol _aggProtocol = null!;
    private readonly NullSink _sink = new();

    [GlobalSetup]
    public void Setup()
    {
        _depth = StreamFrames.Load(StreamFrames.Depth);
        _trade = StreamFrames.Load(StreamFrames.Trade);
        _aggTrade = StreamFrames.Load(StreamFrames.AggTrade);
        _eth = Symbol("ETHUSDT", "ETH/USDT");
        _nkn = Symbol("NKNUSDT", "NKN/USDT");
        _tradeProtocol = Protocol(new StreamRequest { Channel = StreamChannel.Trade, Symbols = new[] { "ETHUSDT" } }, _eth, "ethusdt@trade");
        _aggProtocol = Protocol(new StreamRequest { Channel = StreamChannel.Trade, Symbols = new[] { "NKNUSDT" }, Aggregate = true }, _nkn, "nknusdt@aggTrade");

        // A frame the protocol skipped would make the OnFrame figures meaningless.
        _tradeProtocol.OnFrame(_trade);
        _aggProtocol.OnFrame(_aggTrade);
        if (_sink.Published != 2) throw new InvalidOperationException($"The protocols published {_sink.Published} items from 2 frames.");
        Console.WriteLine($"// Frame bytes: depthUpdate {_depth.Length}, trade {_trade.Length}, aggTrade {_aggTrade.Length}");
    }

    [Benchmark(Description = "depthUpdate: parse")]
    public DepthDiff DepthUpdate()
    {
        using var doc = JsonDocument.Parse(_depth);
        return BinanceStreamParsers.DepthUpdate(BinanceStreamParsers.Payload(doc.RootElement));
    }

    [Benchmark(Description = "trade: parse")]
    public Trade Trade()
    {
        using var doc = JsonDocument.Parse(_trade);
        return BinanceStreamParsers.Trade(BinanceStreamParsers.Payload(doc.RootElement), _eth);
    }

    [Benchmark(Description = "aggTrade: parse")]
    public Trade AggTrade()
    {
        using var doc = JsonDocument.Parse(_aggTrade);
        return BinanceStreamParsers.AggregateTrade(BinanceStreamParsers.Payload(doc.RootElement), _nkn);
    }

    [Benchmark(Description = "trade: OnFrame")]
    public void TradeOnFrame() => _tradeProtocol.OnFrame(_trade);

    [Benchmark(Description = "aggTrade: OnFrame")]
    public void AggTradeOnFrame() => _aggProtocol.OnFrame(_aggTrade);

    private BinanceMarketStreamProtocol Protocol(StreamRequest request, SymbolInfo symbol, string stream) =>
        new(request, new[] { symbol }, new[] { stream }, _sink,
            (_, _) => throw new InvalidOperationException("No book is kept on a trade stream."), SequenceRule.FirstLast, CancellationToken.None);

    private static SymbolInfo Symbol(string native, string unified) => new()
    {
        Exchange = ExchangeId.Binance, Symbol = unified, NativeSymbol = native, BaseAsset = unified[..unified.IndexOf('/')], QuoteAsset = "USDT",
    };

    /// <summary>Takes everything and keeps nothing, as a sink that never blocks the receive loop.</summary>
    private sealed class NullSink : IStreamSink
    {
        public long Published;

        public void Publish(object item) => Published++;

        public void PublishLatest(ExchangeId exchange, string symbol, object item) => Published++;

        public ValueTask WaitForRoomAsync(CancellationToken ct) => ValueTask.CompletedTask;

        public void ReportGap(StreamGap gap)
        {
        }
    }

    /// <summary>Adds the frame size and the rate it comes to (MB/s = 10^6 bytes per second) to the summary.</summary>
    private sealed class Columns : ManualConfig
    {
        public Columns()
        {
            AddColumn(new FrameColumn(false), new FrameColumn(true));
        }
    }

    private sealed class FrameColumn(bool rate) : IColumn
    {
        private static readonly Lazy<Dictionary<string, int>> Sizes = new(() => new()
        {
            [nameof(DecodeBenchmarks.DepthUpdate)] = StreamFrames.Load(StreamFrames.Depth).Length,
            [nameof(DecodeBenchmarks.Trade)] = StreamFrames.Load(StreamFrames.Trade).Length,
            [nameof(DecodeBenchmarks.TradeOnFrame)] = StreamFrames.Load(StreamFrames.Trade).Length,
            [nameof(DecodeBenchmarks.AggTrade)] = StreamFrames.Load(StreamFrames.AggTrade).Length,
            [nameof(DecodeBenchmarks.AggTradeOnFrame)] = StreamFrames.Load(StreamFrames.AggTrade).Length,
        });

        public string Id => rate ? "FrameMBps" : "FrameBytes";
        public string ColumnName => rate ? "MB/s" : "Frame bytes";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => rate ? 1 : 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => rate ? "Frame bytes / mean time, in 10^6 bytes per second" : "UTF-8 bytes of the frame";
        public bool IsAvailable(Summary summary) => true;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            if (!Sizes.Value.TryGetValue(benchmarkCase.Descriptor.WorkloadMethod.Name, out var bytes)) return "-";
            if (!rate) return bytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
            return mean is > 0 ? (bytes / mean.Value * 1000).ToString("F1", System.Globalization.CultureInfo.InvariantCulture) : "?";
        }
    }
}
