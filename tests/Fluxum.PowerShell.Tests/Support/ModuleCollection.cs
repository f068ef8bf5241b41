namespace Fluxum.PowerShell.Tests.Support;

/// <summary>
/// One collection for every PowerShell-level test: they share one local test exchange, its fault injector and
/// the process environment that points the module at it, so they run one at a time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ModuleCollection : ICollectionFixture<ExchangeFixture>
{
    public const string Name = "Fluxum module";
}
