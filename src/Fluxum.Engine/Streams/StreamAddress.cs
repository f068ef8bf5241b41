namespace Fluxum.Engine.Streams;

/// <summary>
/// A stream address as it may be shown in errors and verbose lines: scheme, host, port and path, with the query
/// left out and any path segment that looks like a token (a Binance listenKey is 60 random characters) replaced,
/// since such a token opens the account's private stream.
/// </summary>
internal static class StreamAddress
{
    private const int TokenLength = 24;

    public static string Redacted(Uri url)
    {
        var segments = url.AbsolutePath.Split('/').Select(s => LooksLikeToken(s) ? "<redacted>" : s);
        var query = string.IsNullOrEmpty(url.Query) ? "" : "?<query>";
        return $"{url.Scheme}://{url.Authority}{string.Join('/', segments)}{query}";
    }

    // Stream names (btcusdt@depth@100ms, v2, ws-api) are short or carry '@'; tokens are long runs of letters and digits.
    private static bool LooksLikeToken(string segment) =>
        segment.Length >= TokenLength && !segment.Contains('@') && segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
