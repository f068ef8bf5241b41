using System.Text;

namespace Fluxum.Engine.Transport;

/// <summary>Query strings encoded the way exchanges verify signatures: RFC 3986 unreserved characters kept, the rest percent-encoded as UTF-8.</summary>
internal static class QueryString
{
    /// <summary>Names whose values never appear in logs or errors.</summary>
    private static readonly HashSet<string> Secret = new(StringComparer.OrdinalIgnoreCase) { "signature", "apiKey", "listenKey", "nonce", "otp" };

    public static string Encode(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var sb = new StringBuilder();
        foreach (var (name, value) in pairs)
        {
            if (sb.Length > 0) sb.Append('&');
            sb.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return sb.ToString();
    }

    /// <summary>The query as it may be shown: secret-bearing values replaced by ***.</summary>
    public static string Redacted(IEnumerable<KeyValuePair<string, string>> pairs) =>
        Encode(pairs.Select(p => Secret.Contains(p.Key) ? new KeyValuePair<string, string>(p.Key, "***") : p)).Replace("%2A%2A%2A", "***");
}
