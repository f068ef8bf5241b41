namespace Fluxum.Market;

/// <summary>The book sizes an exchange serves: a range, or a fixed list of values.</summary>
public sealed class DepthLimitRule
{
    public DepthLimitRule(int min, int max, int defaultLimit, IReadOnlyList<int>? allowed = null)
    {
        Min = min;
        Max = max;
        Default = defaultLimit;
        Allowed = allowed;
    }

    public int Min { get; }
    public int Max { get; }
    public int Default { get; }
    public IReadOnlyList<int>? Allowed { get; }

    public bool IsAllowed(int limit) => Allowed is { } list ? list.Contains(limit) : limit >= Min && limit <= Max;

    public string Describe() => Allowed is { } list ? string.Join(", ", list) : $"{Min} to {Max}";

    /// <summary>Throws Fluxum.InvalidDepthLimit, naming the values <paramref name="exchange"/> serves, unless <paramref name="limit"/> is one.</summary>
    public void Check(Models.ExchangeId exchange, int limit)
    {
        if (!IsAllowed(limit))
        {
            throw new Errors.FxException("Fluxum.InvalidDepthLimit", Errors.FxErrorKind.InvalidArgument,
                $"{exchange} serves depth limits of {Describe()}; {limit} is not one (nearest: {Nearest(limit)}).", exchange);
        }
    }

    /// <summary>The allowed value nearest to <paramref name="limit"/>, to suggest in an error.</summary>
    public int Nearest(int limit) =>
        Allowed is { } list ? list.OrderBy(v => Math.Abs(v - limit)).First() : Math.Clamp(limit, Min, Max);
}
