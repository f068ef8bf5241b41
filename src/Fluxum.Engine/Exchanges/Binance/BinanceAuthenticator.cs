using System.Globalization;
using Fluxum.Credentials;
using Fluxum.Engine.Signing;
using Fluxum.Engine.Transport;

namespace Fluxum.Engine.Exchanges.Binance;

/// <summary>
/// Binance SIGNED requests: timestamp (exchange time, via the clock offset) and recvWindow appended where the
/// parameters travel (the query string of a GET, the form body of a POST, PUT or DELETE), the signature taken
/// over totalParams - the query string followed by the body, nothing between them, as Binance defines it - and
/// appended last, the API key in X-MBX-APIKEY.
/// </summary>
internal sealed class BinanceAuthenticator(ExchangeCredential credential, ServerClock clock) : IRequestAuthenticator
{
    private readonly IRequestSigner _signer = SignerFactory.Create(credential);

    /// <summary>Milliseconds a request stays valid at the exchange (Binance default 5000, at most 60000).</summary>
    public int RecvWindow { get; set; } = 5000;

    public string Algorithm => _signer.Algorithm;

    /// <summary>The key's signer, for the WebSocket API's signed requests.</summary>
    internal IRequestSigner Signer => _signer;

    public void Authenticate(RestRequest request, WireRequest wire)
    {
        var parameters = wire.Signable;
        parameters.Add(new("recvWindow", RecvWindow.ToString(CultureInfo.InvariantCulture)));
        parameters.Add(new("timestamp", clock.Now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)));
        parameters.Add(new("signature", _signer.Sign(TotalParams(wire.EncodedQuery, wire.EncodedBody))));
        wire.Headers.Add("X-MBX-APIKEY", credential.ApiKey);
    }

    /// <summary>What Binance verifies the signature against: the query string, then the request body.</summary>
    internal static string TotalParams(string query, string body) => query + body;
}
