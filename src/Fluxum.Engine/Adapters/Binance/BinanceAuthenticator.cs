using System.Globalization;
using Fluxum.Credentials;
using Fluxum.Engine.Signing;
using Fluxum.Engine.Transport;

namespace Fluxum.Engine.Adapters.Binance;

/// <summary>
/// Binance SIGNED requests: timestamp (exchange time, via the clock offset) and recvWindow appended, the whole
/// query string signed with the key's algorithm, the signature appended last, the API key in X-MBX-APIKEY.
/// </summary>
internal sealed class BinanceAuthenticator(ExchangeCredential credential, ServerClock clock) : IRequestAuthenticator
{
    private readonly IRequestSigner _signer = SignerFactory.Create(credential);

    /// <summary>Milliseconds a request stays valid at the exchange (Binance default 5000, at most 60000).</summary>
    public int RecvWindow { get; set; } = 5000;

    public string Algorithm => _signer.Algorithm;

    /// <summary>The key's signer, for the WebSocket API's signed requests.</summary>
    internal IRequestSigner Signer => _signer;

    public IReadOnlyList<KeyValuePair<string, string>> Authenticate(RestRequest request, HttpRequestMessage message)
    {
        var query = new List<KeyValuePair<string, string>>(request.Query)
        {
            new("recvWindow", RecvWindow.ToString(CultureInfo.InvariantCulture)),
            new("timestamp", clock.Now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
        };
        query.Add(new("signature", _signer.Sign(QueryString.Encode(query))));
        message.Headers.Add("X-MBX-APIKEY", credential.ApiKey);
        return query;
    }
}
