using System.Globalization;
using System.Text.Json;
using Fluxum.TestExchange.Binance.Trading;

namespace Fluxum.TestExchange.Binance.Streams;

/// <summary>
/// One WebSocket API connection: requests {"id","method","params"} answered {"id","status","result"} or
/// {"id","status","error":{"code","msg"}}; user data subscriptions by signature (one per account, ids from 0),
/// each forwarding its account's order and balance changes as wrapped events.
/// </summary>
internal sealed class UserDataSession(StreamConnection connection, BinanceAccounts accounts, Func<DateTimeOffset> now) : IDisposable
{
    private readonly object _sync = new();
    private readonly Dictionary<int, Active> _active = new();
    private int _nextId;

    public ValueTask HandleAsync(ReadOnlyMemory<byte> message)
    {
        connection.Enqueue(Answer(message));
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        lock (_sync)
        {
            foreach (var a in _active.Values) a.Detach();
            _active.Clear();
        }
    }

    private byte[] Answer(ReadOnlyMemory<byte> message)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(message);
        }
        catch (JsonException)
        {
            return Error(null, 400, -1135, "Invalid JSON request");
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Error(null, 400, -1135, "Invalid JSON request");
            JsonElement? id = root.TryGetProperty("id", out var idElement) ? idElement.Clone() : null;
            if (!root.TryGetProperty("method", out var method) || method.ValueKind != JsonValueKind.String)
            {
                return Error(id, 400, -1102, "Mandatory parameter 'method' was not sent, was empty/null, or malformed.");
            }

            var parameters = root.TryGetProperty("params", out var p) ? p : default;
            if (parameters.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Object))
            {
                return Error(id, 400, -1135, "Invalid 'params' in JSON request; expected an object.");
            }

            return method.GetString() switch
            {
                "ping" => Ok(id, w =>
                {
                    w.WriteStartObject();
                    w.WriteEndObject();
                }),
                "time" => Ok(id, w =>
                {
                    w.WriteStartObject();
                    w.WriteNumber("serverTime", now().ToUnixTimeMilliseconds());
                    w.WriteEndObject();
                }),
                "userDataStream.subscribe.signature" => Subscribe(id, parameters),
                "userDataStream.unsubscribe" => Unsubscribe(id, parameters),
                "session.subscriptions" => Subscriptions(id),
                _ => Error(id, 400, -1020, "This operation is not supported."),
            };
        }
    }

    private byte[] Subscribe(JsonElement? id, JsonElement parameters)
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (parameters.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in parameters.EnumerateObject())
            {
                values[p.Name] = p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString()!,
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => p.Value.GetRawText(),
                };
            }
        }

        foreach (var name in new[] { "apiKey", "timestamp", "signature" })
        {
            if (!values.ContainsKey(name)) return Error(id, 400, -1102, $"Mandatory parameter '{name}' was not sent, was empty/null, or malformed.");
        }

        if (accounts.Account(values["apiKey"]) is not { } account) return Error(id, 401, -2015, "Invalid API-key, IP, or permissions for action.");

        // The WebSocket API signs its params sorted by name, as key=value joined with '&', without the signature.
        var payload = string.Join('&', values.Where(v => v.Key != "signature").Select(v => v.Key + "=" + v.Value));
        if (!SignatureVerifier.Verify(account, payload, values["signature"])) return Error(id, 400, -1022, "Signature for this request is not valid.");

        if (!long.TryParse(values["timestamp"], NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return Error(id, 400, -1102, "Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed.");
        }

        var recvWindow = values.TryGetValue("recvWindow", out var rw) && decimal.TryParse(rw, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) ? r : 5000m;
        var serverTime = now().ToUnixTimeMilliseconds();
        if (timestamp >= serverTime + 1000) return Error(id, 400, -1021, "Timestamp for this request was 1000ms ahead of the server's time.");
        if (serverTime - timestamp > recvWindow) return Error(id, 400, -1021, "Timestamp for this request is outside of the recvWindow.");

        int subscriptionId;
        lock (_sync)
        {
            if (_active.Values.Any(a => a.Account == account)) return Error(id, 400, -2035, "User Data Stream subscription already active.");
            subscriptionId = _nextId++;
            var active = new Active(subscriptionId, account, connection);
            _active[subscriptionId] = active;
            connection.Add(new Subscription(active.Name, null));
        }

        return Ok(id, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("subscriptionId", subscriptionId);
            w.WriteEndObject();
        });
    }

    private byte[] Unsubscribe(JsonElement? id, JsonElement parameters)
    {
        lock (_sync)
        {
            List<Active> closing;
            if (parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty("subscriptionId", out var sid))
            {
                if (!sid.TryGetInt32(out var n) || !_active.TryGetValue(n, out var one))
                {
                    return Error(id, 400, -1130, "Data sent for parameter 'subscriptionId' is not valid.");
                }

                closing = new List<Active> { one };
            }
            else
            {
                closing = _active.Values.ToList();
            }

            foreach (var a in closing)
            {
                a.Detach();
                _active.Remove(a.Id);
                connection.Remove(a.Name);
            }
        }

        return Ok(id, w =>
        {
            w.WriteStartObject();
            w.WriteEndObject();
        });
    }

    private byte[] Subscriptions(JsonElement? id)
    {
        List<int> ids;
        lock (_sync) ids = _active.Keys.Order().ToList();
        return Ok(id, w =>
        {
            w.WriteStartArray();
            foreach (var n in ids)
            {
                w.WriteStartObject();
                w.WriteNumber("subscriptionId", n);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    private static byte[] Ok(JsonElement? id, Action<Utf8JsonWriter> result) => MarketEvents.Write(w =>
    {
        w.WriteStartObject();
        WriteId(w, id);
        w.WriteNumber("status", 200);
        w.WritePropertyName("result");
        result(w);
        w.WriteEndObject();
    });

    private static byte[] Error(JsonElement? id, int status, int code, string msg) => MarketEvents.Write(w =>
    {
        w.WriteStartObject();
        WriteId(w, id);
        w.WriteNumber("status", status);
        w.WriteStartObject("error");
        w.WriteNumber("code", code);
        w.WriteString("msg", msg);
        w.WriteEndObject();
        w.WriteEndObject();
    });

    private static void WriteId(Utf8JsonWriter w, JsonElement? id)
    {
        w.WritePropertyName("id");
        if (id is { } e) e.WriteTo(w);
        else w.WriteNullValue();
    }

    /// <summary>A live subscription: the account's events, wrapped with its id, queued on the connection.</summary>
    private sealed class Active
    {
        private readonly StreamConnection _connection;

        public Active(int id, BinanceAccount account, StreamConnection connection)
        {
            Id = id;
            Account = account;
            _connection = connection;
            account.OrderChanged += OnOrder;
            account.BalancesChanged += OnBalances;
        }

        public int Id { get; }
        public BinanceAccount Account { get; }
        public string Name => $"userData@{Account.ApiKey}#{Id}";

        public void Detach()
        {
            Account.OrderChanged -= OnOrder;
            Account.BalancesChanged -= OnBalances;
        }

        private void OnOrder(OrderUpdate u) => _connection.Enqueue(UserDataEvents.ExecutionReport(Id, u));

        private void OnBalances(BalanceChange c) => _connection.Enqueue(c.Delta is null
            ? UserDataEvents.AccountPosition(Id, Account, c)
            : UserDataEvents.BalanceUpdate(Id, c));
    }
}
