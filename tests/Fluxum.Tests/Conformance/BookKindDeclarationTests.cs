using Fluxum.Engine.Exchanges;
using Fluxum.Models;

namespace Fluxum.Tests.Conformance;

/// <summary>The module list's book kinds: each exchange that streams books says how they prove themselves; one that does not, declares none.</summary>
public class BookKindDeclarationTests
{
    [Fact]
    public void Every_module_that_streams_declares_its_book_kind_and_no_other_does()
    {
        foreach (var module in ExchangeModules.All)
        {
            var streams = module.Info.IsImplemented && module.Info.Supports(ExchangeCapabilities.Streams);
            Assert.True(streams == module.BookKind.HasValue, $"{module.Info.Exchange}: streams {streams}, book kind {module.BookKind?.ToString() ?? "none"}");
        }
    }
}
