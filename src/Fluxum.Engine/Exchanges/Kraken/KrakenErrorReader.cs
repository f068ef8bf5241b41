using System.Text.Json;
using Fluxum.Engine.Json;
using Fluxum.Engine.Transport;
using Fluxum.Errors;
using Fluxum.Models;

namespace Fluxum.Engine.Exchanges.Kraken;

/// <summary>
/// Kraken answers errors with HTTP 200 and {"error":["EQuery:Unknown asset pair"]}: the category before the
/// colon, the message after it. The ErrorId keeps both without spaces (Kraken.EQuery:UnknownAssetPair).
/// </summary>
internal sealed class KrakenErrorReader : IErrorReader
{
    public FxException? Read(int httpStatus, JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || body.Find("error") is not { ValueKind: JsonValueKind.Array } errors
            || errors.GetArrayLength() == 0)
        {
            return null;
        }

        var all = errors.EnumerateArray().Select(e => e.GetString() ?? "").Where(e => e.Length > 0).ToList();
        if (all.Count == 0) return null;
        var first = all[0];
        var colon = first.IndexOf(':');
        var category = colon > 0 ? first[..colon] : first;
        var text = colon > 0 ? first[(colon + 1)..] : first;
        if (first.StartsWith("EAPI:Rate limit exceeded", StringComparison.Ordinal) || first.StartsWith("EGeneral:Too many requests", StringComparison.Ordinal))
        {
            // Kraken sends no Retry-After; its counters decay within seconds, so a short pause is enough.
            return new RateLimitedException(ExchangeId.Kraken, DateTimeOffset.UtcNow.AddSeconds(5), isBan: false, $"Kraken said: {first}.");
        }

        var code = category + ":" + string.Concat(text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Capitalise));
        return new ExchangeErrorException(ExchangeId.Kraken, code, string.Join("; ", all), httpStatus, KindOf(first));
    }

    public static FxErrorKind KindOf(string error) => error switch
    {
        _ when error.StartsWith("EQuery:Unknown", StringComparison.Ordinal) => FxErrorKind.ObjectNotFound,
        _ when error.StartsWith("EGeneral:Invalid arguments", StringComparison.Ordinal) => FxErrorKind.InvalidArgument,
        _ when error.StartsWith("EGeneral:Permission denied", StringComparison.Ordinal) => FxErrorKind.PermissionDenied,
        _ when error.StartsWith("EAPI:Invalid key", StringComparison.Ordinal) => FxErrorKind.AuthenticationError,
        _ when error.StartsWith("EAPI:Invalid signature", StringComparison.Ordinal) => FxErrorKind.SecurityError,
        _ when error.StartsWith("EAPI:Invalid nonce", StringComparison.Ordinal) => FxErrorKind.SecurityError,
        _ when error.StartsWith("EService:", StringComparison.Ordinal) => FxErrorKind.ResourceUnavailable,
        _ when error.StartsWith("EOrder:", StringComparison.Ordinal) => FxErrorKind.InvalidOperation,
        _ => FxErrorKind.InvalidOperation,
    };

    private static string Capitalise(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
