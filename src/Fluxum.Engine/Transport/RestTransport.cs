using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Fluxum.Diagnostics;
using Fluxum.Errors;
using Fluxum.Models;

namespace Fluxum.Engine.Transport;

/// <summary>
/// Sends REST requests for one exchange: gate first (rate budget, bans), then the shared HttpClient with a
/// per-request timeout; GETs are retried a bounded number of times on 5xx, timeouts and dropped connections;
/// 429/418 block the gate for Retry-After and fail at once. Each request is reported to -Verbose with
/// secrets redacted.
/// </summary>
internal sealed class RestTransport
{
    private readonly HttpClient _http;
    private readonly IErrorReader _errors;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;

    public RestTransport(ExchangeId exchange, Uri baseUri, RequestGate gate, IErrorReader errors,
        HttpClient? http = null, Func<TimeSpan, CancellationToken, Task>? delay = null, ServerClock? clock = null)
    {
        Clock = clock ?? new ServerClock();
        Exchange = exchange;
        BaseUri = baseUri;
        Gate = gate;
        _errors = errors;
        _http = http ?? SharedHttp.Client;
        _delay = delay ?? ((span, ct) => Task.Delay(span, ct));
    }

    public ExchangeId Exchange { get; }
    public Uri BaseUri { get; }
    public RequestGate Gate { get; }

    /// <summary>Shared by everything that talks to this exchange address, so one resync serves all.</summary>
    public ServerClock Clock { get; }

    /// <summary>Signs requests marked Signed; a transport without one refuses them.</summary>
    public IRequestAuthenticator? Authenticator { get; init; }

    /// <summary>How many times an idempotent request is sent at most.</summary>
    public int MaxAttempts { get; init; } = 3;
    public TimeSpan Timeout { get; init; } = RestEndpoint.Timeout;

    /// <summary>Sends the request and returns the parsed JSON body of a successful answer.</summary>
    public async Task<JsonDocument> SendAsync(RestRequest request, CancellationToken ct)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await SendOnceAsync(request, ct).ConfigureAwait(false);
            }
            catch (TransientFailure failure) when (request.IsIdempotent && attempt < MaxAttempts)
            {
                var backoff = TimeSpan.FromMilliseconds(250 * Math.Pow(2, attempt - 1) + Random.Shared.Next(0, 100));
                FxLog.Verbose($"{Exchange} {request.Method} {request.Path}: {failure.Error.Message} Retrying in {backoff.TotalMilliseconds:0} ms (attempt {attempt + 1} of {MaxAttempts}).");
                await _delay(backoff, ct).ConfigureAwait(false);
            }
            catch (TransientFailure failure)
            {
                throw failure.Error;
            }
        }
    }

    private async Task<JsonDocument> SendOnceAsync(RestRequest request, CancellationToken ct)
    {
        await Gate.WaitAsync(request, ct).ConfigureAwait(false);
        using var message = new HttpRequestMessage { Method = request.Method };
        IReadOnlyList<KeyValuePair<string, string>> query = request.Query;
        if (request.Signed)
        {
            query = (Authenticator ?? throw new InvalidOperationException($"{Exchange} request {request.Path} needs credentials."))
                .Authenticate(request, message);
        }

        var path = request.Path.TrimStart('/');
        message.RequestUri = new Uri(BaseUri, query.Count == 0 ? path : path + "?" + QueryString.Encode(query));
        var shown = $"{request.Method} /{path}{(query.Count > 0 ? "?" + QueryString.Redacted(query) : "")}";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        var clock = Stopwatch.StartNew();
        HttpResponseMessage response;
        byte[] body;
        try
        {
            response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            body = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            FxLog.Verbose($"{Exchange} {shown} -> no answer within {Timeout.TotalSeconds:0.#} s");
            throw new TransientFailure(new FxException("Fluxum.Timeout", FxErrorKind.OperationTimeout,
                $"{Exchange} did not answer {request.Method} {request.Path} within {Timeout.TotalSeconds:0.#} seconds.", Exchange));
        }
        catch (HttpRequestException e)
        {
            FxLog.Verbose($"{Exchange} {shown} -> connection failed: {e.Message}");
            throw new TransientFailure(new FxException("Fluxum.ConnectionFailed", FxErrorKind.ConnectionError,
                $"Could not reach {Exchange} at {BaseUri.GetLeftPart(UriPartial.Authority)}: {e.Message}", Exchange, e));
        }

        using (response)
        {
            Gate.Observe(request, response.Headers);
            var status = (int)response.StatusCode;
            var usage = Gate.Usage;
            FxLog.Verbose($"{Exchange} {shown} -> {status} {response.ReasonPhrase} in {clock.ElapsedMilliseconds} ms{(usage.Length > 0 ? ", " + usage : "")}");

            if (status == 429 || status == 418)
            {
                var retryAt = DateTimeOffset.UtcNow + RetryAfter(response);
                Gate.Block(retryAt, isBan: status == 418);
                var detail = TryParse(body) is { } doc && _errors.Read(status, doc.RootElement) is { } ex ? ex.Message : "";
                throw new RateLimitedException(Exchange, retryAt, status == 418, detail);
            }

            if (status >= 500)
            {
                throw new TransientFailure(new FxException("Fluxum.ServerError", FxErrorKind.ResourceUnavailable,
                    $"{Exchange} answered {status} {response.ReasonPhrase} to {request.Method} {request.Path}; the outcome is unknown to the exchange too.",
                    Exchange));
            }

            var json = TryParse(body);
            if (json is null)
            {
                throw new FxException("Fluxum.MalformedResponse", FxErrorKind.InvalidResult,
                    $"{Exchange} answered {request.Method} {request.Path} with {status} and a body that is not valid JSON ({body.Length} bytes).", Exchange);
            }

            if (_errors.Read(status, json.RootElement) is { } error)
            {
                json.Dispose();
                if (error is RateLimitedException limited) Gate.Block(limited.RetryAt, limited.IsBan);
                throw error;
            }

            if (status >= 400)
            {
                json.Dispose();
                throw new FxException($"Fluxum.Http{status}", status is 401 or 403 ? FxErrorKind.PermissionDenied : FxErrorKind.InvalidOperation,
                    $"{Exchange} answered {status} {response.ReasonPhrase} to {request.Method} {request.Path}.", Exchange);
            }

            return json;
        }
    }

    private static TimeSpan RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is { } header)
        {
            if (header.Delta is { } delta) return delta;
            if (header.Date is { } date) return date - DateTimeOffset.UtcNow;
        }

        if (response.Headers.TryGetValues("Retry-After", out var raw)
            && int.TryParse(raw.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        // No header: a short pause is still better than sending straight into the limit again.
        return TimeSpan.FromSeconds(30);
    }

    private static JsonDocument? TryParse(byte[] body)
    {
        if (body.Length == 0) return null;
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A failure that may succeed when sent again (only idempotent requests are).</summary>
    private sealed class TransientFailure(FxException error) : Exception(error.Message)
    {
        public FxException Error { get; } = error;
    }
}
