using System.Security.Cryptography;
using System.Text;
using Fluxum.Credentials;
using Fluxum.Engine.Signing;
using Fluxum.Engine.Transport;
using Fluxum.Errors;
using Fluxum.Models;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Security;

namespace Fluxum.Tests.Signing;

public class SignerTests
{
    private const string DocSecret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    [Fact]
    public void Hmac_matches_the_documented_Binance_example()
    {
        var credential = new ExchangeCredential(ExchangeId.Binance, "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A", DocSecret, "test");
        var signer = SignerFactory.Create(credential);
        Assert.Equal("HMAC-SHA256", signer.Algorithm);
        Assert.Equal("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71",
            signer.Sign("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"));
    }

    [Fact]
    public void Hmac_over_a_percent_encoded_non_ascii_symbol_matches_the_second_documented_example()
    {
        var query = QueryString.Encode(new KeyValuePair<string, string>[]
        {
            new("symbol", "１２３４５６"), new("side", "BUY"), new("type", "LIMIT"), new("timeInForce", "GTC"),
            new("quantity", "1"), new("price", "0.1"), new("recvWindow", "5000"), new("timestamp", "1499827319559"),
        });
        Assert.Equal("symbol=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559", query);
        Assert.Equal("e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3", new HmacSha256Signer(DocSecret).Sign(query));
    }

    [Fact]
    public void Rsa_pem_key_signs_pkcs1_sha256_that_the_public_key_verifies()
    {
        using var rsa = RSA.Create(2048);
        var pem = rsa.ExportPkcs8PrivateKeyPem();
        var signer = SignerFactory.Create(new ExchangeCredential(ExchangeId.Binance, "key", pem, "test"));
        Assert.Equal("RSA-SHA256", signer.Algorithm);
        const string payload = "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=1&price=0.2&timestamp=1668481559918&recvWindow=5000";
        var signature = Convert.FromBase64String(signer.Sign(payload));
        Assert.True(rsa.VerifyData(Encoding.UTF8.GetBytes(payload), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        Assert.False(rsa.VerifyData(Encoding.UTF8.GetBytes(payload + "&x=1"), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

        // The traditional "BEGIN RSA PRIVATE KEY" form works too.
        var legacy = SignerFactory.Create(new ExchangeCredential(ExchangeId.Binance, "key", rsa.ExportRSAPrivateKeyPem(), "test"));
        Assert.Equal("RSA-SHA256", legacy.Algorithm);
    }

    [Fact]
    public void Ed25519_pem_key_signs_what_the_public_key_verifies()
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        using var text = new StringWriter();
        var writer = new PemWriter(text);
        writer.WriteObject(new Org.BouncyCastle.Utilities.IO.Pem.PemObject("PRIVATE KEY",
            Org.BouncyCastle.Pkcs.PrivateKeyInfoFactory.CreatePrivateKeyInfo(pair.Private).GetEncoded()));
        writer.Writer.Flush();

        var signer = SignerFactory.Create(new ExchangeCredential(ExchangeId.Binance, "key", text.ToString(), "test"));
        Assert.Equal("Ed25519", signer.Algorithm);
        const string payload = "apiKey=key&symbol=BTCUSDT&timestamp=1668481559918";
        var signature = Convert.FromBase64String(signer.Sign(payload));
        var verifier = new Org.BouncyCastle.Crypto.Signers.Ed25519Signer();
        verifier.Init(false, (Ed25519PublicKeyParameters)pair.Public);
        var bytes = Encoding.UTF8.GetBytes(payload);
        verifier.BlockUpdate(bytes, 0, bytes.Length);
        Assert.True(verifier.VerifySignature(signature));
    }

    [Fact]
    public void A_broken_pem_is_a_clear_error_that_does_not_quote_the_key()
    {
        const string broken = "-----BEGIN PRIVATE KEY-----\nAAAAnotakey\n-----END PRIVATE KEY-----";
        var e = Assert.Throws<FxException>(() => SignerFactory.Create(new ExchangeCredential(ExchangeId.Binance, "abcdefgh1234", broken, "test")));
        Assert.Equal("Fluxum.UnreadablePrivateKey", e.ErrorId);
        Assert.DoesNotContain("AAAAnotakey", e.Message);
        Assert.DoesNotContain("abcdefgh1234", e.Message);
        Assert.Contains("****1234", e.Message);
    }

    [Fact]
    public void A_credential_never_prints_its_secret()
    {
        var c = new ExchangeCredential(ExchangeId.Binance, "APIKEY-123456", DocSecret, "environment BINANCE_API_KEY");
        Assert.DoesNotContain(DocSecret, c.ToString());
        Assert.DoesNotContain("APIKEY-123456", c.ToString());
        Assert.Contains("****3456", c.ToString());
    }
}
