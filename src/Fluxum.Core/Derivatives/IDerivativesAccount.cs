namespace Fluxum.Derivatives;

/// <summary>
/// The risk controls of a derivatives account: positions, leverage, margin and position modes, margin of isolated
/// positions, and the income they produced. Orders go through ITrading like spot orders.
/// </summary>
public interface IDerivativesAccount
{
    /// <summary>Open positions, of one symbol or all; with <paramref name="includeFlat"/> also the symbols without one.</summary>
    Task<IReadOnlyList<Position>> GetPositionsAsync(string? symbol, bool includeFlat, CancellationToken ct);

    Task<LeverageSetting> SetLeverageAsync(string symbol, int leverage, CancellationToken ct);

    Task SetMarginModeAsync(string symbol, MarginMode mode, CancellationToken ct);

    Task<PositionMode> GetPositionModeAsync(CancellationToken ct);

    /// <summary>Applies to every symbol of the account (on Binance, to both futures markets).</summary>
    Task SetPositionModeAsync(PositionMode mode, CancellationToken ct);

    /// <summary>Adds (positive <paramref name="amount"/>) or removes (negative) margin of an isolated position.</summary>
    Task AdjustPositionMarginAsync(string symbol, decimal amount, PositionSide side, CancellationToken ct);

    Task<Page<Income>> GetIncomeAsync(IncomeQuery query, CancellationToken ct);
}
