namespace Fluxum.Tests.Conformance;

/// <summary>What an exchange module does not offer, as its conformance subclass declares it; the suites check the lack is reported, not hidden.</summary>
[Flags]
public enum Lack
{
    None = 0,

    /// <summary>No aggregate trades (-Aggregate): asking is the NotImplemented error.</summary>
    AggregateTrades = 1,

    /// <summary>No trading capability: the engine refuses to open an account.</summary>
    Trading = 2,

    /// <summary>Plain trades cannot be read by time, only aggregate ones (Binance spot).</summary>
    PlainTradeHistoryByTime = 4,
}
