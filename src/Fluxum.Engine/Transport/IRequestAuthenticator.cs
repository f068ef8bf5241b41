namespace Fluxum.Engine.Transport;

/// <summary>Signs a request the way its exchange verifies it, afresh on every attempt (timestamps and nonces expire).</summary>
internal interface IRequestAuthenticator
{
    /// <summary>
    /// Adds what the exchange needs to the request as it will go on the wire: parameters (timestamp, signature)
    /// to <see cref="WireRequest.Signable"/>, headers (API key, a header signature) to <see cref="WireRequest.Headers"/>.
    /// Where the parameters travel is already decided; the authenticator signs what will be sent.
    /// </summary>
    void Authenticate(RestRequest request, WireRequest wire);
}
