using Fluxum.Models;

namespace Fluxum.Credentials;

/// <summary>
/// An API key and its secret (an HMAC secret, or an RSA or Ed25519 private key in PEM). The secret is kept
/// out of every string this object produces; only a signer reads it, at signing time.
/// </summary>
public sealed class ExchangeCredential
{
    private readonly string _secret;

    public ExchangeCredential(ExchangeId exchange, string apiKey, string secret, string source)
    {
        if (string.IsNullOrWhiteSpace(apiKey)) throw new ArgumentException("The API key is empty.", nameof(apiKey));
        if (string.IsNullOrWhiteSpace(secret)) throw new ArgumentException("The API secret is empty.", nameof(secret));
        Exchange = exchange;
        ApiKey = apiKey.Trim();
        _secret = secret.Trim();
        Source = source;
    }

    public ExchangeId Exchange { get; }

    /// <summary>The named account (-Account) these keys belong to; null for the exchange's unnamed account.</summary>
    public string? Account { get; init; }

    /// <summary>Sent in a header on every signed request; still never printed whole.</summary>
    public string ApiKey { get; }

    /// <summary>Where it came from: "-Credential", "SecretManagement secret 'Fluxum.Binance'", "environment BINANCE_API_KEY".</summary>
    public string Source { get; }

    /// <summary>A PEM private key means RSA or Ed25519 signing; anything else is an HMAC secret.</summary>
    public bool IsPrivateKey => _secret.Contains("PRIVATE KEY-----", StringComparison.Ordinal);

    /// <summary>The API key with all but its last four characters hidden, for messages.</summary>
    public string MaskedApiKey => ApiKey.Length <= 4 ? "****" : "****" + ApiKey[^4..];

    /// <summary>The secret itself: for signers only.</summary>
    public string RevealSecret() => _secret;

    public override string ToString() => $"{Exchange}{(Account is null ? "" : $" account '{Account}'")} key {MaskedApiKey} from {Source}";
}
