using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.OpenSsl;

namespace Fluxum.TestExchange.Binance.Trading;

/// <summary>
/// Verifies a SIGNED request as Binance does: the signature covers the query string exactly as sent, up to
/// "&amp;signature="; HMAC-SHA256 in hex, RSA (PKCS#1 v1.5, SHA-256) or Ed25519 in base64.
/// </summary>
internal static class SignatureVerifier
{
    public static bool Verify(BinanceAccount account, string payload, string signature)
    {
        var data = Encoding.UTF8.GetBytes(payload);
        if (account.HmacSecret is { } secret)
        {
            var expected = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), data));
            return string.Equals(expected, signature, StringComparison.OrdinalIgnoreCase);
        }

        byte[] sig;
        try
        {
            sig = Convert.FromBase64String(signature);
        }
        catch (FormatException)
        {
            return false;
        }

        var key = new PemReader(new StringReader(account.PublicKeyPem!)).ReadObject();
        switch (key)
        {
            case Ed25519PublicKeyParameters ed:
                var verifier = new Org.BouncyCastle.Crypto.Signers.Ed25519Signer();
                verifier.Init(false, ed);
                verifier.BlockUpdate(data, 0, data.Length);
                return verifier.VerifySignature(sig);
            default:
                using (var rsa = RSA.Create())
                {
                    rsa.ImportFromPem(account.PublicKeyPem);
                    return rsa.VerifyData(data, sig, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                }
        }
    }
}
