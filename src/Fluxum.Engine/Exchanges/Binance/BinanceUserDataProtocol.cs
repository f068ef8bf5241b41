using System.Globalization;
using System.Text.Json;
using Fluxum.Diagnostics;
using Fluxum.Engine.Json;
using Fluxum.Engine.Signing;
using Fluxum.Engine.Streams;
using Fluxum.Errors;
using Fluxum.Models;
using Fluxum.Streams;

namespace Fluxum.Engine.Exchanges.Binance;

/// <summary>
/// The account's own events over Binance's WebSocket API: userDataStream.subscribe.signature after every connect
/// (a fresh timestamp and signature each time, so nothing expires while the connection lives and nothing needs
/// a listen key to keep alive), orders, fills and balances to the sink, eventStreamTerminated answered with a new
/// subscription. The WebSocket API answers a ping request, which keeps the stale watchdog fed on quiet accounts.
/// </summary>
internal sealed class BinanceUserDataProtocol(string apiKey, IRequestSigner signer, Func<DateTimeOffset> exchangeNow,
    Func<string, SymbolInfo?> symbolOf, IStreamSink sink) : IStreamProtocol
{
    private readonly IFxHost? _host = FxLog.Current;
    private IStreamLink? _link;
    private int _nextId;

    public StreamOutlet Outlet { get; } = new(sink);

    public void OnConnected(IStreamLink link, ConnectKind kind)
    {
        _link = link;
        if (kind != ConnectKind.Initial)
        {
            _host?.Warning("Binance user data: the connection was replaced; order updates sent in between were missed. Get-FxOrder -Open shows the current state.");
        }

        Subscribe();
    }

    /// <summary>The WebSocket API pings like the market streams; a quiet connection is also pinged ({"method":"ping"}).</summary>
    public KeepAlivePolicy KeepAlive { get; } = new() { ServerPings = true, ApplicationPing = true };

    public string? KeepAliveMessage() => $"{{\"id\":\"ping-{Interlocked.Increment(ref _nextId)}\",\"method\":\"ping\"}}";

    public void OnFrame(ReadOnlyMemory<byte> frame)
    {
        using var doc = JsonDocument.Parse(frame);
        var root = doc.RootElement;
        if (root.Find("status") is { } status)
        {
            if (status.GetInt32() != 200) Refused(root);
            return;
        }

        var e = BinanceUserDataParsers.Event(root);
        switch (e.StringOrNull("e"))
        {
            case "executionReport":
                var native = e.String("s");
                var symbol = symbolOf(native) ?? throw new FormatException($"An execution report for {native}, which the exchange does not list.");
                Outlet.Publish(BinanceUserDataParsers.Order(e, symbol));
                if (BinanceUserDataParsers.Fill(e, symbol) is { } fill) Outlet.Publish(fill);
                break;
            case "outboundAccountPosition":
                foreach (var balance in BinanceUserDataParsers.Balances(e, ExchangeId.Binance)) Outlet.Publish(balance);
                break;
            case "eventStreamTerminated":
                _host?.Verbose("Binance user data: the exchange ended the subscription; subscribing again.");
                Subscribe();
                break;
            case "balanceUpdate" or "listStatus" or "externalLockUpdate":
                // Deposits, list status and locks also show in the order and balance events that follow them.
                break;
            default:
                _host?.Verbose($"Binance user data: skipping an event of type '{e.StringOrNull("e")}'.");
                break;
        }
    }

    private void Subscribe()
    {
        var timestamp = exchangeNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

        // The WebSocket API signs its parameters sorted by name, as a query string.
        var signature = signer.Sign($"apiKey={apiKey}&timestamp={timestamp}");
        _link?.Send(JsonSerializer.Serialize(new
        {
            id = $"subscribe-{Interlocked.Increment(ref _nextId)}",
            method = "userDataStream.subscribe.signature",
            @params = new { apiKey, timestamp = long.Parse(timestamp, CultureInfo.InvariantCulture), signature },
        }));
    }

    private void Refused(JsonElement root)
    {
        var error = root.Find("error");
        var code = error?.Find("code")?.ToString() ?? root.Get("status").ToString();
        var message = error?.StringOrNull("msg") ?? "refused";
        var kind = code switch
        {
            "-1022" or "-2014" or "-2015" => FxErrorKind.AuthenticationError,
            "-1021" => FxErrorKind.InvalidOperation,
            _ => FxErrorKind.ProtocolError,
        };

        // A failed ping or an unknown request is not worth the stream; a refused subscription is.
        if (root.StringOrNull("id") is { } id && id.StartsWith("ping-", StringComparison.Ordinal))
        {
            _host?.Verbose($"Binance user data: ping refused ({code}: {message}).");
            return;
        }

        _link?.Fail(new FxException($"Binance.{code}", kind, $"Binance refused the user data subscription: {message}", ExchangeId.Binance));
    }
}
