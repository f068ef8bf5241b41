using Fluxum.Credentials;
using Fluxum.Errors;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Security;

namespace Fluxum.Engine.Signing;

/// <summary>Picks the signer from the secret itself: a PEM private key (RSA or Ed25519), else an HMAC secret.</summary>
internal static class SignerFactory
{
    public static IRequestSigner Create(ExchangeCredential credential)
    {
        if (!credential.IsPrivateKey) return new HmacSha256Signer(credential.RevealSecret());
        object key;
        try
        {
            using var reader = new StringReader(credential.RevealSecret());
            key = new PemReader(reader).ReadObject();
        }
        catch (Exception e) when (e is IOException or PemException or ArgumentException or InvalidCastException)
        {
            throw Unreadable(credential, null);
        }

        return key switch
        {
            Ed25519PrivateKeyParameters ed => new Ed25519Signer(ed),
            RsaPrivateCrtKeyParameters or Org.BouncyCastle.Crypto.AsymmetricCipherKeyPair => new RsaSigner(credential.RevealSecret()),
            _ => throw Unreadable(credential, key?.GetType().Name),
        };
    }

    // The message names the key's source and kind, never its content.
    private static FxException Unreadable(ExchangeCredential credential, string? kind) =>
        new("Fluxum.UnreadablePrivateKey", FxErrorKind.InvalidData,
            $"The private key for {credential.MaskedApiKey} from {credential.Source} is not an RSA or Ed25519 key in PEM form{(kind is null ? "" : $" (it is {kind})")}.",
            credential.Exchange)
        {
            RecommendedAction = "Store the PEM text of the private key (-----BEGIN PRIVATE KEY-----) as the secret, or the HMAC secret key.",
        };
}
