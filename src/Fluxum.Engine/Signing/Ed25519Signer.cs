using System.Text;
using Org.BouncyCastle.Crypto.Parameters;

namespace Fluxum.Engine.Signing;

/// <summary>Ed25519 over the payload, base64 (Binance's Ed25519 keys). .NET has no Ed25519, so BouncyCastle signs.</summary>
internal sealed class Ed25519Signer(Ed25519PrivateKeyParameters key) : IRequestSigner
{
    public string Algorithm => "Ed25519";

    public string Sign(string payload)
    {
        var signer = new Org.BouncyCastle.Crypto.Signers.Ed25519Signer();
        signer.Init(forSigning: true, key);
        var bytes = Encoding.UTF8.GetBytes(payload);
        signer.BlockUpdate(bytes, 0, bytes.Length);
        return Convert.ToBase64String(signer.GenerateSignature());
    }
}
