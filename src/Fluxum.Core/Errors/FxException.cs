using Fluxum.Models;

namespace Fluxum.Errors;

/// <summary>
/// Every failure Fluxum reports. ErrorId becomes the ErrorRecord's id (Binance.-1121, Kraken.EQuery,
/// Fluxum.RateLimited); messages never contain credentials or signatures.
/// </summary>
public class FxException : Exception
{
    public FxException(string errorId, FxErrorKind kind, string message, ExchangeId? exchange = null, Exception? inner = null)
        : base(message, inner)
    {
        ErrorId = errorId;
        Kind = kind;
        Exchange = exchange;
    }

    public string ErrorId { get; }
    public FxErrorKind Kind { get; }
    public ExchangeId? Exchange { get; }

    /// <summary>What the user can do about it, shown as the ErrorRecord's recommended action.</summary>
    public string? RecommendedAction { get; init; }

    /// <summary>An exchange Fluxum lists but does not implement yet.</summary>
    public static FxException NotYetImplemented(ExchangeId exchange) =>
        new("Fluxum.NotSupported", FxErrorKind.NotImplemented,
            $"{exchange} is not implemented in this version of Fluxum yet; Get-FxExchange lists what is.", exchange);

    public static FxException NotSupported(ExchangeId exchange, string capability) =>
        new($"Fluxum.NotSupported", FxErrorKind.NotImplemented,
            $"{exchange} does not support {capability}.", exchange)
        {
            RecommendedAction = "Run Get-FxExchange to see what each exchange supports.",
        };
}

/// <summary>The exchange answered with its own error code and message.</summary>
public sealed class ExchangeErrorException : FxException
{
    /// <param name="errorPrefix">The first part of the ErrorId: the exchange family whose code table this is (Binance's
    /// three markets share one); the exchange id when null.</param>
    public ExchangeErrorException(ExchangeId exchange, string code, string exchangeMessage, int httpStatus, FxErrorKind kind, string? errorPrefix = null)
        : base($"{errorPrefix ?? exchange.ToString()}.{code}", kind, $"{exchange} rejected the request: {exchangeMessage} (code {code}).", exchange)
    {
        Code = code;
        ExchangeMessage = exchangeMessage;
        HttpStatus = httpStatus;
    }

    public string Code { get; }
    public string ExchangeMessage { get; }
    public int HttpStatus { get; }
}

/// <summary>The exchange said to stop sending (429) or banned the address (418) until RetryAt.</summary>
public sealed class RateLimitedException : FxException
{
    public RateLimitedException(ExchangeId exchange, DateTimeOffset retryAt, bool isBan, string detail)
        : base(isBan ? "Fluxum.IpBanned" : "Fluxum.RateLimited", FxErrorKind.LimitsExceeded,
            $"{exchange} {(isBan ? "has banned this IP address" : "is rate limiting this IP address")} until {retryAt:u}; " +
            $"Fluxum sends nothing more to it before then. {detail}".TrimEnd(), exchange)
    {
        RetryAt = retryAt;
        IsBan = isBan;
        RecommendedAction = "Wait until the time given, then send fewer requests (streams instead of polling).";
    }

    public DateTimeOffset RetryAt { get; }
    public bool IsBan { get; }
}
