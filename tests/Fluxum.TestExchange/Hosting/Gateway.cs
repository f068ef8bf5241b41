using System.Globalization;
using Fluxum.TestExchange.Binance;
using Fluxum.TestExchange.Market;
using Microsoft.AspNetCore.Http;

namespace Fluxum.TestExchange.Hosting;

/// <summary>
/// What every exchange request passes before its endpoint: it is logged (with its connection, so a test can see
/// that a faulted request came on a reused keep-alive connection, as a client's pooled requests do), then a
/// waiting fault may take it over, then Binance requests are weighed against the per-minute limit (and answered
/// 429 past it) and carry the X-MBX-USED-WEIGHT headers. The /__fluxum control surface bypasses all of it.
/// </summary>
internal sealed class Gateway(RequestLog log, FaultInjector faults, BinanceSpot binance, ExchangeClock clock, CancellationToken stopping)
{
    public const string ControlPrefix = "/__fluxum";

    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        var path = http.Request.Path.Value ?? "/";
        if (path.StartsWith(ControlPrefix, StringComparison.OrdinalIgnoreCase))
        {
            await next(http);
            return;
        }

        await RecordAsync(http, path);
        var venue = Venues.Of(path);
        var taken = faults.Take(http.Request.Method, path);
        if (taken is { AfterProcessing: true } or { Kind: FaultKind.CutOffBody })
        {
            await AfterProcessingAsync(http, taken, next);
            return;
        }

        if (taken is { } fault)
        {
            switch (fault.Kind)
            {
                case FaultKind.Delay:
                    using (var wait = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping))
                    {
                        try
                        {
                            await Task.Delay(fault.Delay, wait.Token);
                        }
                        catch (OperationCanceledException)
                        {
                            // The client gave up, or the server is stopping: nobody will read an answer.
                            http.Abort();
                            return;
                        }
                    }

                    break;
                case FaultKind.MalformedJson:
                    http.Items[JsonBody.TruncateKey] = true;
                    break;
                case FaultKind.CloseConnection:
                    await ConnectionCloser.FinAsync(http, stopping);
                    return;
                case FaultKind.ResetConnection:
                    ConnectionCloser.Reset(http);
                    return;
                default:
                    if (venue == Venue.Binance && fault.Kind is FaultKind.Status429 or FaultKind.Status418 or FaultKind.ExchangeError)
                    {
                        SetWeightHeaders(http, binance.UsedWeight);
                    }

                    await FaultResponder.RespondAsync(http, fault, venue, binance.WeightLimitPerMinute, clock.Now);
                    return;
            }
        }

        if (venue == Venue.Binance)
        {
            var allowed = binance.TryUse(BinanceWeights.Of(http.Request.Method, path, http.Request.Query), out var used, out var retryAfter);
            SetWeightHeaders(http, used);
            if (!allowed)
            {
                await FaultResponder.RespondAsync(http, new Fault { Kind = FaultKind.Status429, RetryAfterSeconds = retryAfter }, venue,
                    binance.WeightLimitPerMinute, clock.Now);
                return;
            }
        }

        await next(http);

        if (http.Items.ContainsKey(JsonBody.TruncateKey) && !http.Response.HasStarted)
        {
            http.Response.Clear();
            await FaultResponder.WriteTruncatedAsync(http, venue);
        }
    }

    /// <summary>Runs the request for real, then loses, fails, cuts off or delays its answer.</summary>
    private async Task AfterProcessingAsync(HttpContext http, Fault fault, RequestDelegate next)
    {
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        await next(http);
        http.Response.Body = original;
        switch (fault.Kind)
        {
            case FaultKind.DropConnection:
                http.Abort();
                return;
            case FaultKind.CloseConnection:
                await ConnectionCloser.FinAsync(http, stopping);
                return;
            case FaultKind.ResetConnection:
                ConnectionCloser.Reset(http);
                return;
            case FaultKind.CutOffBody:
                await ConnectionCloser.CutOffAsync(http, http.Response.StatusCode, http.Response.ContentType,
                    buffer.GetBuffer().AsMemory(0, (int)buffer.Length), stopping);
                return;
            case FaultKind.ServerError:
                http.Response.Clear();
                http.Response.StatusCode = fault.StatusCode;
                await http.Response.WriteAsync("<html><body><h1>Service Unavailable</h1></body></html>");
                return;
            case FaultKind.ExchangeError:
                http.Response.Clear();
                await FaultResponder.RespondAsync(http, fault, Venues.Of(http.Request.Path.Value ?? "/"), binance.WeightLimitPerMinute, clock.Now);
                return;
            case FaultKind.Delay:
                try
                {
                    await Task.Delay(fault.Delay, http.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    http.Abort();
                    return;
                }

                break;
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original);
    }

    private static void SetWeightHeaders(HttpContext http, int used)
    {
        var text = used.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["x-mbx-used-weight"] = text;
        http.Response.Headers["x-mbx-used-weight-1m"] = text;
    }

    /// <summary>Form bodies are kept (up to this size) so tests can see where a client put its parameters.</summary>
    private const int RecordedBodyLimit = 64 * 1024;

    private async Task RecordAsync(HttpContext http, string path)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in http.Request.Headers) headers[name] = value.ToString();
        var query = http.Request.QueryString.HasValue ? http.Request.QueryString.Value![1..] : "";
        var body = "";
        if (http.Request.HasFormContentType && http.Request.ContentLength is > 0 and <= RecordedBodyLimit)
        {
            http.Request.EnableBuffering();
            using (var reader = new StreamReader(http.Request.Body, leaveOpen: true)) body = await reader.ReadToEndAsync(http.RequestAborted);
            http.Request.Body.Position = 0;
        }

        log.Add(new RecordedRequest(http.Request.Method, path, query, headers, DateTimeOffset.UtcNow)
        {
            Body = body,
            ConnectionId = http.Connection.Id,
            OnConnection = ConnectionRequests.Next(http),
        });
    }
}
