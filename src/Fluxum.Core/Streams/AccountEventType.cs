namespace Fluxum.Streams;

/// <summary>The kinds of event the account's own stream (Watch-FxOrder -Type) carries.</summary>
public enum AccountEventType
{
    /// <summary>An order's new state (Fluxum.Trading.Order).</summary>
    Order,

    /// <summary>A fill of one of the account's orders, with its fee (Fluxum.Trading.Fill).</summary>
    Fill,

    /// <summary>An asset's new free and locked amounts (Fluxum.Trading.Balance).</summary>
    Balance,
}
