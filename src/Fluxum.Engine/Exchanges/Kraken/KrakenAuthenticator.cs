using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Fluxum.Credentials;
using Fluxum.Engine.Signing;
using Fluxum.Engine.Transport;

namespace Fluxum.Engine.Exchanges.Kraken;

/// <summary>
/// Kraken's private REST signature: a nonce first in the form body, then API-Sign = base64(HMAC-SHA512(base64-decoded
/// secret, URI path + SHA-256(nonce + body))), with the API key in API-Key. The path is the exchange's own
/// ("/0/private/AddOrder"), not a base path a test exchange may sit under.
/// </summary>
internal sealed class KrakenAuthenticator(ExchangeCredential credential, Func<long> nextNonce) : IRequestAuthenticator
{
    private readonly HmacSha512Signer _signer = new(credential.RevealSecret());

    public void Authenticate(RestRequest request, WireRequest wire)
    {
        var nonce = nextNonce().ToString(CultureInfo.InvariantCulture);
        wire.Signable.Insert(0, new("nonce", nonce));
        wire.Headers.Add("API-Key", credential.ApiKey);
        wire.Headers.Add("API-Sign", Sign("/" + request.Path.TrimStart('/'), nonce, wire.EncodedBody));
    }

    /// <summary>The signature of a request to <paramref name="path"/> whose encoded body (nonce included) is <paramref name="body"/>.</summary>
    internal string Sign(string path, string nonce, string body)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(nonce + body));
        var pathBytes = Encoding.UTF8.GetBytes(path);
        var message = new byte[pathBytes.Length + digest.Length];
        pathBytes.CopyTo(message, 0);
        digest.CopyTo(message, pathBytes.Length);
        return _signer.Sign(message);
    }
}
