using System.Security.Cryptography;

namespace Fluxum.Engine.Signing;

/// <summary>
/// HMAC-SHA512 with a base64 secret over a message of raw bytes, as base64: the primitive of signatures that hash
/// part of the message first (Kraken: the URI path followed by SHA-256 of nonce and body).
/// </summary>
internal sealed class HmacSha512Signer(string base64Secret)
{
    private readonly byte[] _key = Decode(base64Secret);

    public string Sign(ReadOnlySpan<byte> message) => Convert.ToBase64String(HMACSHA512.HashData(_key, message));

    private static byte[] Decode(string secret)
    {
        try
        {
            return Convert.FromBase64String(secret);
        }
        catch (FormatException)
        {
            // Never quote the secret: say only what it should look like.
            throw new Errors.FxException("Fluxum.UnreadableSecret", Errors.FxErrorKind.InvalidData,
                "The API secret is not base64 text, which this exchange's keys are (its private key as shown when the key was made).");
        }
    }
}
