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
/// per-request timeout. The request alone decides how it travels (<see cref="WireRequest"/>) and whether it may be
/// sent again: reads are retried a bounded number of times on 5xx, timeouts, dropped connections and cut-off
/// answers; a request that may change state goes out exactly once, and a lost answer to it is an error marked
/// <see cref="AnswerLost"/> for its module to resolve. 429/418 block the gate for Retry-After and fail at once.
/// Each request is reported to -Verbose with secrets redacted.
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

    /// <summary>The budgets of the account signing through this transport (order counters the exchange keeps per key).</summary>
    public RequestGate? AccountGate { get; init; }

    /// <summary>Shared by everything that talks to this exchange address, so one resync serves all.</summary>
    public ServerClock Clock { get; }

    /// <summary>Signs requests marked Signed; a transport without one refuses them.</summary>
    public IRequestAuthenticator? Authenticator { get; init; }

    /// <summary>How many times a read is sent at most. A state-changing request is sent once, whatever this says.</summary>
    public int MaxAttempts { get; init; } = 3;
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The HTTP client this transport sends with (the process's shared one unless a test gives another).</summary>
    internal HttpClient Http => _http;

    /// <summary>Sends the request and returns the parsed JSON body of a successful answer.</summary>
    public async Task<JsonDocument> SendAsync(RestRequest request, CancellationToken ct)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await SendOnceAsync(request, ct).ConfigureAwait(false);
            }
            catch (TransientFailure failure) when (request.IsRead && attempt < MaxAttempts)
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
        if (AccountGate is { } account) await account.WaitAsync(request, ct).ConfigureAwait(false);
        using var message = new HttpRequestMessage { Method = request.Method };
        var wire = WireRequest.For(request, message, BaseUri);
        if (request.Signed)
        {
            (Authenticator ?? throw new InvalidOperationException($"{Exchange} request {request.Path} needs credentials."))
                .Authenticate(request, wire);
        }

        var path = request.Path.TrimStart('/');
        message.RequestUri = new Uri(BaseUri, wire.RelativeUri(path));
        message.Content = wire.Content();
        if (request.ChangesState)
        {
            // Expect: 100-continue holds the body back until the server answers, which makes the request
            // resendable by the handler again; whatever a signer set, a state-changing request never asks for it.
            message.Headers.ExpectContinue = false;
        }

        var shown = wire.Redacted(request.Method.Method, path);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        var clock = Stopwatch.StartNew();
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            FxLog.Verbose($"{Exchange} {shown} -> no answer within {Timeout.TotalSeconds:0.#} s");
            throw new TransientFailure(AnswerLost.Error("Fluxum.Timeout", FxErrorKind.OperationTimeout,
                $"{Exchange} did not answer {request.Method} {request.Path} within {Timeout.TotalSeconds:0.#} seconds.", Exchange));
        }
        catch (Exception e) when (e is HttpRequestException or ResendRefusedException)
        {
            FxLog.Verbose($"{Exchange} {shown} -> connection failed: {e.Message}");
            throw new TransientFailure(SendFailure(request, e));
        }

        using (response)
        {
            Gate.Observe(request, response.Headers);
            AccountGate?.Observe(request, response.Headers);
            var status = (int)response.StatusCode;
            byte[] body;
            try
            {
                body = await ResponseBody.ReadAsync(response, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                FxLog.Verbose($"{Exchange} {shown} -> {status}, but the body did not arrive within {Timeout.TotalSeconds:0.#} s");
                throw new TransientFailure(AnswerLost.Error("Fluxum.Timeout", FxErrorKind.OperationTimeout,
                    $"{Exchange} answered {request.Method} {request.Path} with {status}, but the answer did not arrive in full within {Timeout.TotalSeconds:0.#} seconds.", Exchange));
            }
            catch (ResponseBody.CutOffException cut)
            {
                var of = cut.Expected is { } expected ? $" of {expected}" : "";
                FxLog.Verbose($"{Exchange} {shown} -> {status}, cut off after {cut.Received}{of} bytes: {cut.InnerException?.Message}");
                throw new TransientFailure(AnswerLost.Error("Fluxum.ResponseCutOff", FxErrorKind.ConnectionError,
                    $"{Exchange}'s answer to {request.Method} /{path} ({status} {response.ReasonPhrase}) was cut off after {cut.Received}{of} bytes: the connection ended before the rest came ({cut.InnerException?.Message})",
                    Exchange, cut.InnerException));
            }

            var usage = string.Join(", ", new[] { Gate.Usage, AccountGate?.Usage ?? "" }.Where(u => u.Length > 0));
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
                throw new TransientFailure(AnswerLost.Error("Fluxum.ServerError", FxErrorKind.ResourceUnavailable,
                    $"{Exchange} answered {status} {response.ReasonPhrase} to {request.Method} {request.Path}; the outcome is unknown to the exchange too.",
                    Exchange));
            }

            if (status is >= 300 and < 400)
            {
                // Redirects are not followed (SharedHttp): following one would send the request, API key included,
                // again and elsewhere.
                throw new FxException("Fluxum.Redirected", FxErrorKind.InvalidOperation,
                    $"{Exchange} answered {request.Method} {request.Path} with {status} {response.ReasonPhrase} to {response.Headers.Location?.ToString() ?? "another address"}; Fluxum does not follow redirects.",
                    Exchange)
                {
                    RecommendedAction = $"Point FLUXUM_{Exchange.ToString().ToUpperInvariant()}_REST_URL at the address the exchange names, if you trust it.",
                };
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

    /// <summary>
    /// What a failed send means. A connection that could not be opened carried nothing; any other failure came
    /// after the request (or part of it) went out, so the exchange may have acted on it.
    /// </summary>
    private FxException SendFailure(RestRequest request, Exception e)
    {
        var site = BaseUri.GetLeftPart(UriPartial.Authority);
        if (e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError })
        {
            return new FxException("Fluxum.ConnectionFailed", FxErrorKind.ConnectionError,
                $"Could not reach {Exchange} at {site}: {e.Message}{(request.ChangesState ? $" {request.Method} {request.Path} was not sent." : "")}", Exchange, e);
        }

        if (Find<ResendRefusedException>(e) is { } refused)
        {
            return AnswerLost.Error("Fluxum.ConnectionFailed", FxErrorKind.ConnectionError,
                $"{Exchange} {request.Method} {request.Path}: {refused.Message}", Exchange, e);
        }

        var how = Find<System.Net.Sockets.SocketException>(e) is { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionReset }
            ? "reset the connection"
            : e is HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } ? "closed the connection" : "lost the connection";
        return AnswerLost.Error("Fluxum.ConnectionFailed", FxErrorKind.ConnectionError,
            $"{Exchange} at {site} {how} before answering {request.Method} {request.Path} ({Innermost(e).Message}).", Exchange, e);
    }

    private static T? Find<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T found) return found;
        }

        return null;
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
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
