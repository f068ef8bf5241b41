namespace Fluxum.Engine.Transport;

/// <summary>
/// One row of an exchange module's endpoint table: method, path, the weight the exchange charges, whether it is
/// signed and whether it counts as an order. Where the weight depends on the request (a depth limit, a number of
/// symbols), <see cref="WeightOf"/> gives it. Modules build every request from their table, so limits stay data.
/// </summary>
internal sealed record Endpoint(HttpMethod Method, string Path, int Weight = 1)
{
    public bool Signed { get; init; }
    public bool CountsAsOrder { get; init; }

    /// <summary>The weight for a request of this size (a depth limit, a symbol count); null: <see cref="Weight"/> always.</summary>
    public Func<int, int>? WeightOf { get; init; }

    public static Endpoint Get(string path, int weight = 1) => new(HttpMethod.Get, path, weight);

    public RestRequest Request() => new(Method, Path, Weight) { Signed = Signed, CountsAsOrder = CountsAsOrder };

    /// <summary>The request with the weight <see cref="WeightOf"/> gives for <paramref name="size"/>.</summary>
    public RestRequest Request(int size) => new(Method, Path, WeightOf?.Invoke(size) ?? Weight) { Signed = Signed, CountsAsOrder = CountsAsOrder };

}
