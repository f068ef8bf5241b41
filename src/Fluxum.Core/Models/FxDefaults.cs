namespace Fluxum.Models;

/// <summary>
/// What a command uses when -Exchange, -Environment or -Account is not given (and no piped object carries an
/// Exchange), with where each value came from: "Set-FxDefault", "FLUXUM_DEFAULT_EXCHANGE" or "Built-in".
/// </summary>
public sealed class FxDefaults
{
    public ExchangeId Exchange { get; init; } = ExchangeId.Binance;
    public string ExchangeSource { get; init; } = BuiltIn;
    public TradingEnvironment Environment { get; init; } = TradingEnvironment.Live;
    public string EnvironmentSource { get; init; } = BuiltIn;

    /// <summary>The named account; null is the unnamed one (secret Fluxum.&lt;Exchange&gt;, &lt;EXCHANGE&gt;_API_KEY).</summary>
    public string? Account { get; init; }
    public string AccountSource { get; init; } = BuiltIn;

    public const string BuiltIn = "Built-in";
    public const string Session = "Set-FxDefault";
    public const string ExchangeVariable = "FLUXUM_DEFAULT_EXCHANGE";
}
