namespace Fluxum.Engine.Transport;

/// <summary>Signs a request the way its exchange verifies it, afresh on every attempt (timestamps and nonces expire).</summary>
internal interface IRequestAuthenticator
{
    /// <summary>The query to send (the request's own plus timestamp, signature...); adds any headers to <paramref name="message"/>.</summary>
    IReadOnlyList<KeyValuePair<string, string>> Authenticate(RestRequest request, HttpRequestMessage message);
}
