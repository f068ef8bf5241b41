using System.Security.Cryptography;
using System.Text;

namespace Fluxum.Engine.Signing;

/// <summary>HMAC-SHA256 over the payload with the secret as key, as lowercase hex (Binance's HMAC keys).</summary>
internal sealed class HmacSha256Signer(string secret) : IRequestSigner
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(secret);

    public string Algorithm => "HMAC-SHA256";

    public string Sign(string payload) =>
        Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(payload))).ToLowerInvariant();
}
