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
    public List<KeyValuePair<string, string>> Query { get; } = new();

    /// <summary>GETs are safe to send again after a timeout or 5xx; anything that changes state is not.</summary>
    public bool IsIdempotent => Method == HttpMethod.Get;

    public RestRequest Add(string name, string? value)
    {
        if (value is not null) Query.Add(new(name, value));
        return this;
    }

    public RestRequest Add(string name, long? value) => value is { } v ? Add(name, v.ToString(System.Globalization.CultureInfo.InvariantCulture)) : this;

    public string PathAndQuery => Query.Count == 0 ? Path : Path + "?" + QueryString.Encode(Query);
}
