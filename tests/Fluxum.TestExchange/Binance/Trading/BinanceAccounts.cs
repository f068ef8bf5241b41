using System.Collections.Concurrent;

namespace Fluxum.TestExchange.Binance.Trading;

/// <summary>The test exchange's Binance accounts: who may sign requests, their balances, orders and fills, and the matching engine.</summary>
public sealed class BinanceAccounts
{
    private readonly ConcurrentDictionary<string, BinanceAccount> _accounts = new(StringComparer.Ordinal);

    /// <summary>The fee on every fill, a fraction of what the account receives.</summary>
    public const decimal FeeRate = MatchingEngine.FeeRate;

    internal MatchingEngine Matching { get; } = new();
    internal OrderCounter OrderCounts { get; } = new();

    /// <summary>An account whose requests are signed with an HMAC secret.</summary>
    public BinanceAccount AddHmacAccount(string apiKey, string secret) => _accounts[apiKey] = new BinanceAccount(apiKey, secret, null);

    /// <summary>An account whose requests are signed with the private key matching this RSA or Ed25519 public key (PEM).</summary>
    public BinanceAccount AddKeyPairAccount(string apiKey, string publicKeyPem) => _accounts[apiKey] = new BinanceAccount(apiKey, null, publicKeyPem);

    public BinanceAccount? Account(string? apiKey) => apiKey is not null && _accounts.TryGetValue(apiKey, out var a) ? a : null;
}

/// <summary>Orders placed per 10 seconds and per day, as the X-MBX-ORDER-COUNT-* headers report them.</summary>
internal sealed class OrderCounter
{
    private readonly object _sync = new();
    private long _tenSecondWindow, _day;
    private int _inWindow, _inDay;

    public (int TenSeconds, int Day) Count(DateTimeOffset now)
    {
        lock (_sync)
        {
            var window = now.ToUnixTimeSeconds() / 10;
            var day = now.ToUnixTimeSeconds() / 86400;
            if (window != _tenSecondWindow) (_tenSecondWindow, _inWindow) = (window, 0);
            if (day != _day) (_day, _inDay) = (day, 0);
            return (++_inWindow, ++_inDay);
        }
    }
}
