namespace Fluxum.Trading;

/// <summary>Order types across exchanges (Binance spot's set; others map onto it).</summary>
public enum OrderType
{
    Limit,
    Market,
    StopLoss,
    StopLossLimit,
    TakeProfit,
    TakeProfitLimit,
    LimitMaker,
}

/// <summary>How long an order stays working.</summary>
public enum TimeInForce
{
    /// <summary>Good till cancelled.</summary>
    Gtc,

    /// <summary>Immediate or cancel: fill what can be filled now, cancel the rest.</summary>
    Ioc,

    /// <summary>Fill or kill: fill all now or nothing.</summary>
    Fok,
}

public enum OrderStatus
{
    PendingNew,
    New,
    PartiallyFilled,
    Filled,
    PendingCancel,
    Canceled,
    Rejected,
    Expired,
    ExpiredInMatch,
    Unknown,
}

/// <summary>Helpers over the order type enum that the rules and adapters share.</summary>
public static class OrderTypes
{
    public static bool NeedsPrice(OrderType type) =>
        type is OrderType.Limit or OrderType.StopLossLimit or OrderType.TakeProfitLimit or OrderType.LimitMaker;

    public static bool NeedsStopPrice(OrderType type) =>
        type is OrderType.StopLoss or OrderType.StopLossLimit or OrderType.TakeProfit or OrderType.TakeProfitLimit;

    /// <summary>Executes at market when it runs (now, or when its stop triggers): the market lot rules apply.</summary>
    public static bool IsMarketExecution(OrderType type) =>
        type is OrderType.Market or OrderType.StopLoss or OrderType.TakeProfit;

    public static bool TakesTimeInForce(OrderType type) =>
        type is OrderType.Limit or OrderType.StopLossLimit or OrderType.TakeProfitLimit;
}
