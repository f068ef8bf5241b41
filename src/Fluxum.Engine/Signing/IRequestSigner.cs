namespace Fluxum.Engine.Signing;

/// <summary>Signs a request payload the way the exchange verifies it.</summary>
internal interface IRequestSigner
{
    /// <summary>HMAC, RSA or Ed25519, for messages.</summary>
    string Algorithm { get; }

    /// <summary>The signature of the payload, in the exchange's encoding (hex for HMAC, base64 otherwise).</summary>
    string Sign(string payload);
}
