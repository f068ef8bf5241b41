namespace Fluxum.Derivatives;

/// <summary>
/// The public side of a derivatives market: mark and index prices, funding and open interest. Implemented by the
/// exchange modules that list contracts (Binance USD-M and COIN-M, Hyperliquid); others have none, and the
/// cmdlets say so.
/// </summary>
public interface IDerivativesMarket
{
    /// <summary>Null or empty <paramref name="symbols"/> means every contract.</summary>
    Task<IReadOnlyList<MarkPrice>> GetMarkPricesAsync(IReadOnlyList<string>? symbols, CancellationToken ct);

    /// <summary>One page of settlements, oldest first.</summary>
    Task<Page<FundingRate>> GetFundingHistoryAsync(FundingQuery query, CancellationToken ct);

    Task<OpenInterest> GetOpenInterestAsync(string symbol, CancellationToken ct);

    /// <summary>One page of samples, oldest first; the exchange's horizon (Binance: 30 days) is its own.</summary>
    Task<Page<OpenInterest>> GetOpenInterestHistoryAsync(OpenInterestQuery query, CancellationToken ct);

    /// <summary>How far back <see cref="GetOpenInterestHistoryAsync"/> reaches, so a cmdlet can say so instead of returning nothing.</summary>
    TimeSpan? OpenInterestHorizon { get; }
}
