namespace Fluxum.Engine.Transport;

/// <summary>
/// One REST call: path, parameters in order, and the weight the exchange charges for it. Where the parameters
/// travel is the transport's decision, not the caller's (see <see cref="WireRequest"/>).
/// </summary>
internal sealed class RestRequest
{
    private readonly bool _declaredRead;

    public RestRequest(HttpMethod method, string path, int weight = 1)
    {
        Method = method;
        Path = path;
        Weight = weight;
    }

    public HttpMethod Method { get; }
    public string Path { get; }
    public int Weight { get; }

    /// <summary>Needs the account's credentials: the transport's authenticator signs it on every attempt.</summary>
    public bool Signed { get; init; }

    /// <summary>Places an order, so it counts against the exchange's order-rate limits.</summary>
    public bool CountsAsOrder { get; init; }

    /// <summary>The request's parameters: the query string of a GET, the form body of anything else.</summary>
    public List<KeyValuePair<string, string>> Parameters { get; } = new();

    /// <summary>
    /// A JSON body the module has serialized itself (exchanges whose private endpoints take JSON); the
    /// parameters then go in the query string.
    /// </summary>
    public string? JsonBody { get; init; }

    /// <summary>
    /// A read may be sent again after a lost answer; anything else may have changed something at the exchange and
    /// goes out exactly once. GET and HEAD are reads. A module may declare a request of another method a read (an
    /// exchange whose private queries are POSTs); it cannot declare a GET state-changing, because a GET carries no
    /// body and the HTTP stack resends body-less requests on its own.
    /// </summary>
    public bool IsRead
    {
        get => _declaredRead || CarriesNoBody;
        init => _declaredRead = value;
    }

    public bool ChangesState => !IsRead;

    /// <summary>GET and HEAD: parameters in the query string, no content at all.</summary>
    public bool CarriesNoBody => Method == HttpMethod.Get || Method == HttpMethod.Head;

    public RestRequest Add(string name, string? value)
    {
        if (value is not null) Parameters.Add(new(name, value));
        return this;
    }

    public RestRequest Add(string name, long? value) => value is { } v ? Add(name, v.ToString(System.Globalization.CultureInfo.InvariantCulture)) : this;

    /// <summary>Decimals as the exchange wants them: invariant culture, no exponent, no padding zeros.</summary>
    public RestRequest Add(string name, decimal? value) =>
        value is { } v ? Add(name, (v / 1.000000000000000000000000000000000m).ToString(System.Globalization.CultureInfo.InvariantCulture)) : this;
}
