using Fluxum.Credentials;
using Fluxum.Engine.Exchanges.Kraken;
using Fluxum.Engine.Transport;
using Fluxum.Models;

namespace Fluxum.Tests.Signing;

/// <summary>
/// Kraken's documented signing example (docs.kraken.com, Spot REST authentication), reproduced through the shared
/// transport's authenticator seam: the HMAC-SHA512-over-SHA-256 kind of signer fits it as Binance's HMAC does.
/// </summary>
public class KrakenSigningTests
{
    private const string Secret = "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==";
    private const string Expected = "4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ==";

    [Fact]
    public void The_documented_AddOrder_example_signs_to_the_documented_API_Sign()
    {
        var authenticator = new KrakenAuthenticator(new ExchangeCredential(ExchangeId.Kraken, "key", Secret, "test"), () => 1616492376594);
        var request = new RestRequest(HttpMethod.Post, "0/private/AddOrder") { Signed = true }
            .Add("ordertype", "limit").Add("pair", "XBTUSD").Add("price", "37500").Add("type", "buy").Add("volume", "1.25");
        using var message = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/kraken/");
        var wire = WireRequest.For(request, message, new Uri("http://127.0.0.1/kraken/"));

        authenticator.Authenticate(request, wire);

        Assert.Equal("nonce=1616492376594&ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.25", wire.EncodedBody);
        Assert.Equal(Expected, Assert.Single(message.Headers.GetValues("API-Sign")));
        Assert.Equal("key", Assert.Single(message.Headers.GetValues("API-Key")));
        Assert.Empty(wire.Query);
    }

    [Fact]
    public void A_secret_that_is_not_base64_is_refused_without_being_quoted()
    {
        var e = Assert.Throws<Fluxum.Errors.FxException>(() =>
            new KrakenAuthenticator(new ExchangeCredential(ExchangeId.Kraken, "key", "not base64 %%", "test"), () => 1));
        Assert.DoesNotContain("%%", e.Message);
        Assert.Equal(Fluxum.Errors.FxErrorKind.InvalidData, e.Kind);
    }
}
