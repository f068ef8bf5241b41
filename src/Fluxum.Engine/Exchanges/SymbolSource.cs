using Fluxum.Models;
using Fluxum.Symbols;

namespace Fluxum.Engine.Exchanges;

/// <summary>
/// The symbol catalog of one exchange address, cached for an hour and reloaded on demand, shared by everything on
/// the connection (market data, streams, trading), so a symbol resolves the same way and is loaded once.
/// </summary>
internal sealed class SymbolSource(ExchangeId exchange)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private SymbolCatalog? _catalog;

    /// <summary>How the module reads the exchange's list; set once by the module's market data.</summary>
    public Func<CancellationToken, Task<RowSet<SymbolInfo>>>? Loader { get; set; }

    public async Task<SymbolCatalog> GetAsync(CancellationToken ct)
    {
        var current = _catalog;
        if (current is not null && DateTimeOffset.UtcNow - current.LoadedAt < Lifetime) return current;
        await _lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_catalog is { } fresh && DateTimeOffset.UtcNow - fresh.LoadedAt < Lifetime) return fresh;
            var load = Loader ?? throw new InvalidOperationException($"{exchange} has no symbol loader.");
            var symbols = await load(ct).ConfigureAwait(false);
            _catalog = new SymbolCatalog(exchange, symbols, DateTimeOffset.UtcNow, symbols.Errors);
            return _catalog;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Finds a symbol by any of its names; reloads the catalog once if it is not there (it may have just been listed).</summary>
    public async Task<SymbolInfo> ResolveAsync(string symbol, CancellationToken ct)
    {
        var catalog = await GetAsync(ct).ConfigureAwait(false);
        if (catalog.TryResolve(symbol, out var info)) return info;
        if (DateTimeOffset.UtcNow - catalog.LoadedAt > TimeSpan.FromMinutes(1))
        {
            _catalog = null;
            catalog = await GetAsync(ct).ConfigureAwait(false);
        }

        return catalog.Resolve(symbol);
    }

    public async Task<IReadOnlyList<SymbolInfo>> ResolveAllAsync(IReadOnlyList<string> symbols, CancellationToken ct)
    {
        var list = new List<SymbolInfo>(symbols.Count);
        foreach (var s in symbols) list.Add(await ResolveAsync(s, ct).ConfigureAwait(false));
        return list;
    }

    /// <summary>Forgets the cached list, so the next use reloads it (an order answer named a symbol we do not know).</summary>
    public void Invalidate() => _catalog = null;
}
