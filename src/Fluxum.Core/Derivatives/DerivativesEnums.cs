namespace Fluxum.Derivatives;

/// <summary>How a futures position's margin is held: shared by the whole account, or fenced per position.</summary>
public enum MarginMode
{
    Cross,
    Isolated,
}

/// <summary>One net position per symbol, or a long and a short side held apart (Binance's hedge mode).</summary>
public enum PositionMode
{
    OneWay,
    Hedge,
}

/// <summary>The side a position or an order belongs to: Both in one-way mode, Long or Short in hedge mode.</summary>
public enum PositionSide
{
    Both,
    Long,
    Short,
}

/// <summary>The kind of contract a derivatives symbol is.</summary>
public enum ContractType
{
    Perpetual,
    CurrentQuarter,
    NextQuarter,

    /// <summary>A dated contract the exchange names otherwise (the native name is kept beside it).</summary>
    Dated,
}

/// <summary>Which price a conditional order watches to trigger.</summary>
public enum WorkingType
{
    /// <summary>The last traded price of the contract.</summary>
    ContractPrice,
    MarkPrice,
}

/// <summary>What moved money in a futures account.</summary>
public enum IncomeType
{
    FundingFee,
    RealizedPnl,
    Commission,
    Transfer,
    Liquidation,
    Settlement,
    Other,
}
