using System.Security.Cryptography;
using System.Text;

namespace Fluxum.Engine.Signing;

/// <summary>RSASSA-PKCS1-v1_5 with SHA-256 over the payload, base64 (Binance's RSA keys).</summary>
internal sealed class RsaSigner : IRequestSigner, IDisposable
{
    private readonly RSA _rsa = RSA.Create();

    public RsaSigner(string pem) => _rsa.ImportFromPem(pem);

    public string Algorithm => "RSA-SHA256";

    public string Sign(string payload) =>
        Convert.ToBase64String(_rsa.SignData(Encoding.UTF8.GetBytes(payload), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public void Dispose() => _rsa.Dispose();
}
