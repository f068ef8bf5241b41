using System.Net.Http.Headers;
using System.Text;

namespace Fluxum.Engine.Transport;

/// <summary>
/// A request as it goes on the wire, decided from the request alone: a GET or HEAD carries its parameters in the
/// query string and no content; every other request carries a body - its parameters as a form, the module's JSON,
/// or an empty one - because the HTTP stack resends a body-less request on its own when a connection closes
/// before the answer (dotnet/runtime#86714), and a request with content it never resends. Every exchange module
/// gets this from the transport; none chooses it.
/// </summary>
internal sealed class WireRequest
{
    public const string FormMediaType = "application/x-www-form-urlencoded";
    public const string JsonMediaType = "application/json";

    private string? _json;

    private WireRequest(RestRequest request, HttpRequestHeaders headers, Uri baseUri)
    {
        Headers = headers;
        BaseUri = baseUri;
        if (request.CarriesNoBody)
        {
            Query = new List<KeyValuePair<string, string>>(request.Parameters);
        }
        else if (request.JsonBody is { } json)
        {
            Query = new List<KeyValuePair<string, string>>(request.Parameters);
            _json = json;
        }
        else
        {
            Query = new List<KeyValuePair<string, string>>();
            Form = new List<KeyValuePair<string, string>>(request.Parameters);
        }

        HasBody = !request.CarriesNoBody;
    }

    public static WireRequest For(RestRequest request, HttpRequestMessage message, Uri baseUri) => new(request, message.Headers, baseUri);

    /// <summary>The exchange's base address (scheme, host, port, any base path): what a token's audience or uri claim names.</summary>
    public Uri BaseUri { get; }

    /// <summary>
    /// The JSON body, which a signer may replace with a signed one (an action with its nonce and signature); null
    /// for a form body or none. Only a request that carries a body can have one.
    /// </summary>
    public string? Json
    {
        get => _json;
        set
        {
            if (!HasBody) throw new InvalidOperationException("A read carries no body; its parameters travel in the query string.");
            _json = value;

            // The JSON is the body now: the form it was built from goes with it.
            if (value is not null) Form = null;
        }
    }

    public List<KeyValuePair<string, string>> Query { get; }

    /// <summary>The form body's fields; null when the body is JSON or there is no body.</summary>
    public List<KeyValuePair<string, string>>? Form { get; private set; }

    public HttpRequestHeaders Headers { get; }

    public bool HasBody { get; }

    /// <summary>Where an authenticator adds its parameters: the form body when there is one, else the query string.</summary>
    public List<KeyValuePair<string, string>> Signable => Form ?? Query;

    /// <summary>The parameters the module gave, wherever they travel (a signer that moves them into a signed payload reads them here).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters => Form ?? Query;

    public string EncodedQuery => QueryString.Encode(Query);

    /// <summary>The body exactly as it will be sent (what a signature over the body must cover).</summary>
    public string EncodedBody => Form is not null ? QueryString.Encode(Form) : _json ?? "";

    /// <summary>The path and query for the request URI, relative to the exchange's base address.</summary>
    public string RelativeUri(string path) => Query.Count == 0 ? path : path + "?" + EncodedQuery;

    /// <summary>The content to send: one that refuses to go out twice; null for a GET or HEAD.</summary>
    public HttpContent? Content()
    {
        if (!HasBody) return null;
        var mediaType = Form is not null ? FormMediaType : _json is not null ? JsonMediaType : null;
        return new SendOnceContent(Encoding.UTF8.GetBytes(EncodedBody), mediaType);
    }

    /// <summary>For -Verbose: the query and form with secret-bearing values as ***; a JSON body only by its size.</summary>
    public string Redacted(string method, string path)
    {
        var shown = new StringBuilder().Append(method).Append(" /").Append(path);
        if (Query.Count > 0) shown.Append('?').Append(QueryString.Redacted(Query));
        if (Form is { Count: > 0 }) shown.Append(" (form body) ").Append(QueryString.Redacted(Form));
        else if (_json is not null) shown.Append(" (JSON body, ").Append(Encoding.UTF8.GetByteCount(_json)).Append(" bytes)");
        return shown.ToString();
    }
}
