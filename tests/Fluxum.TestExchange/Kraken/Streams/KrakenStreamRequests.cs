using System.Text.Json;

namespace Fluxum.TestExchange.Kraken.Streams;

/// <summary>
/// The v2 methods a market-data client sends: subscribe and unsubscribe ({"method","params":{"channel","symbol":[...],
/// ...},"req_id"}), answered once per symbol, and ping, answered with pong. Answers echo req_id and carry
/// time_in/time_out; refusals have success false and Kraken's error text.
/// </summary>
internal static class KrakenStreamRequests
{
    public static void Handle(KrakenStreams hub, KrakenStreamConnection connection, ReadOnlySpan<byte> message)
    {
        var timeIn = hub.Market.Now;
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(message.ToArray());
        }
        catch (JsonException)
        {
            connection.Send(Answer(null, null, timeIn, hub, error: "Malformed request"));
            return;
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("method", out var m) || m.ValueKind != JsonValueKind.String)
            {
                connection.Send(Answer(null, ReqId(root), timeIn, hub, error: "Malformed request"));
                return;
            }

            var method = m.GetString()!;
            var reqId = ReqId(root);
            switch (method)
            {
                case "ping":
                    connection.Send(Answer("pong", reqId, timeIn, hub));
                    break;
                case "subscribe":
                case "unsubscribe":
                    Subscription(hub, connection, method, root, reqId, timeIn);
                    break;
                default:
                    connection.Send(Answer(method, reqId, timeIn, hub, error: "Method not found"));
                    break;
            }
        }
    }

    private static void Subscription(KrakenStreams hub, KrakenStreamConnection connection, string method, JsonElement root, long? reqId,
        DateTimeOffset timeIn)
    {
        if (!root.TryGetProperty("params", out var p) || p.ValueKind != JsonValueKind.Object
            || !p.TryGetProperty("channel", out var c) || c.ValueKind != JsonValueKind.String)
        {
            connection.Send(Answer(method, reqId, timeIn, hub, error: "Invalid params: channel is required"));
            return;
        }

        var channel = c.GetString()!;
        if (channel is not ("book" or "trade" or "ticker" or "ohlc"))
        {
            connection.Send(Answer(method, reqId, timeIn, hub, error: $"Channel {channel} not supported"));
            return;
        }

        if (!p.TryGetProperty("symbol", out var symbols) || symbols.ValueKind != JsonValueKind.Array || symbols.GetArrayLength() == 0
            || symbols.EnumerateArray().Any(s => s.ValueKind != JsonValueKind.String))
        {
            connection.Send(Answer(method, reqId, timeIn, hub, error: "Invalid params: symbol must be a list of currency pairs"));
            return;
        }

        var depth = Int(p, "depth") ?? 10;
        var interval = Int(p, "interval") ?? 1;
        if (channel == "book" && !KrakenBookFeed.Depths.Contains(depth))
        {
            connection.Send(Answer(method, reqId, timeIn, hub, error: $"Invalid depth {depth}: must be one of 10, 25, 100, 500, 1000"));
            return;
        }

        if (channel == "ohlc" && !Market.CandleInterval.Kraken.ContainsKey(interval))
        {
            connection.Send(Answer(method, reqId, timeIn, hub, error: $"Invalid interval {interval}"));
            return;
        }

        var trigger = !p.TryGetProperty("event_trigger", out var t) ? "trades" : t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (channel == "ticker" && trigger is not ("trades" or "bbo"))
        {
            connection.Send(Answer(method, reqId, timeIn, hub, error: "Invalid event_trigger: must be trades or bbo"));
            return;
        }

        var snapshot = !p.TryGetProperty("snapshot", out var s) || s.ValueKind != JsonValueKind.False;
        lock (hub.Sync)
        {
            foreach (var name in symbols.EnumerateArray().Select(e => e.GetString()!))
            {
                if (KrakenV2Names.Find(name) is not { } pair)
                {
                    connection.Send(Answer(method, reqId, timeIn, hub, error: $"Currency pair not supported {name}", symbol: name));
                    continue;
                }

                var key = (channel, name);
                if (method == "unsubscribe")
                {
                    if (connection.Feeds.Remove(key, out var gone)) connection.Send(Ack(hub, method, gone, reqId, timeIn, snapshot: null));
                    else connection.Send(Answer(method, reqId, timeIn, hub, error: "Subscription Not Found", symbol: name));
                    continue;
                }

                if (connection.Feeds.ContainsKey(key))
                {
                    connection.Send(Answer(method, reqId, timeIn, hub, error: "Already subscribed", symbol: name));
                    continue;
                }

                KrakenFeed feed = channel switch
                {
                    "book" => new KrakenBookFeed(pair, depth),
                    "trade" => new KrakenTradeFeed(pair),
                    "ticker" => new KrakenTickerFeed(pair, trigger == "bbo"),
                    _ => new KrakenOhlcFeed(pair, interval),
                };
                connection.Feeds[key] = feed;
                connection.Send(Ack(hub, method, feed, reqId, timeIn, snapshot));

                // The snapshot also sets where the feed's updates start, so a book without one still gets its diffs right.
                var frame = feed.Snapshot(hub.Market);
                if (snapshot) connection.Send(frame);
            }
        }
    }

    private static byte[] Ack(KrakenStreams hub, string method, KrakenFeed feed, long? reqId, DateTimeOffset timeIn, bool? snapshot) =>
        KrakenStreamJson.Frame(w =>
        {
            w.WriteStartObject();
            w.WriteString("method", method);
            w.WriteStartObject("result");
            w.WriteString("channel", feed.Channel);
            feed.WriteAckFields(w);
            if (snapshot is { } s) w.WriteBoolean("snapshot", s);
            w.WriteString("symbol", feed.Symbol);
            w.WriteEndObject();
            w.WriteBoolean("success", true);
            Times(w, timeIn, hub);
            if (reqId is { } id) w.WriteNumber("req_id", id);
            w.WriteEndObject();
        });

    /// <summary>A pong, or a refusal when <paramref name="error"/> is set.</summary>
    private static byte[] Answer(string? method, long? reqId, DateTimeOffset timeIn, KrakenStreams hub, string? error = null, string? symbol = null) =>
        KrakenStreamJson.Frame(w =>
        {
            w.WriteStartObject();
            if (error is not null) w.WriteString("error", error);
            if (method is not null) w.WriteString("method", method);
            if (reqId is { } id) w.WriteNumber("req_id", id);
            if (error is not null) w.WriteBoolean("success", false);
            if (symbol is not null) w.WriteString("symbol", symbol);
            Times(w, timeIn, hub);
            w.WriteEndObject();
        });

    private static void Times(Utf8JsonWriter w, DateTimeOffset timeIn, KrakenStreams hub)
    {
        KrakenStreamJson.Time(w, "time_in", timeIn);
        KrakenStreamJson.Time(w, "time_out", hub.Market.Now);
    }

    private static long? ReqId(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("req_id", out var r) && r.ValueKind == JsonValueKind.Number && r.TryGetInt64(out var id) ? id : null;

    private static int? Int(JsonElement p, string name) =>
        p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : null;
}
