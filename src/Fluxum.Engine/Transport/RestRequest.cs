namespace Fluxum.Engine.Transport;

/// <summary>One REST call: path, query parameters in order, and the weight the exchange charges for it.</summary>
internal sealed class RestRequest
{
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
    public List<KeyValuePair<string, string>> Query { get; } = new();

    /// <summary>GETs are safe to send again after a timeout or 5xx; anything that changes state is not.</summary>
    public bool IsIdempotent => Method == HttpMethod.Get;

    public RestRequest Add(string name, string? value)
    {
        if (value is not null) Query.Add(new(name, value));
        return this;
    }

    public RestRequest Add(string name, long? value) => value is { } v ? Add(name, v.ToString(System.Globalization.CultureInfo.InvariantCulture)) : this;

    /// <summary>Decimals as the exchange wants them: invariant culture, no exponent, no padding zeros.</summary>
    public RestRequest Add(string name, decimal? value) =>
        value is { } v ? Add(name, (v / 1.000000000000000000000000000000000m).ToString(System.Globalization.CultureInfo.InvariantCulture)) : this;
}
