using Fluxum.PowerShell.Tests.Support;

namespace Fluxum.PowerShell.Tests.Sessions;

/// <summary>
/// Set-FxDefault / Get-FxDefault and the order a command takes its exchange in: the command line, a piped
/// object's Exchange, the session default, (FLUXUM_DEFAULT_EXCHANGE: tests/Pester/Sessions.Tests.ps1), Binance.
/// </summary>
[Collection(ModuleCollection.Name)]
public sealed class DefaultsTests : IDisposable
{
    private readonly PowerShellSession _ps = new();

    public DefaultsTests(ExchangeFixture exchange) => exchange.Server.Faults.Clear();

    public void Dispose() => _ps.Dispose();

    private string ExchangeOf(string script)
    {
        var r = _ps.Invoke(script);
        r.AssertClean();
        return string.Join(",", r.Output.Select(o => o.Properties["Exchange"].Value.ToString()));
    }

    [Fact]
    public void Without_a_default_commands_use_Binance_and_Get_FxDefault_says_it_is_built_in()
    {
        var r = _ps.Invoke("Get-FxDefault");
        r.AssertClean();
        var d = r.Output.Single();
        Assert.Equal("Fluxum.Models.FxDefaults", d.BaseObject.GetType().FullName);
        Assert.Equal("Binance", d.Properties["Exchange"].Value.ToString());
        Assert.Equal("Built-in", d.Properties["ExchangeSource"].Value);
        Assert.Null(d.Properties["Account"].Value);
        Assert.Equal("Binance", ExchangeOf("Get-FxServerTime"));
    }

    [Fact]
    public void The_session_default_applies_until_the_command_line_names_another_and_stays_in_its_runspace()
    {
        _ps.Invoke("Set-FxDefault -Exchange Kraken").AssertClean();
        Assert.Equal("Kraken", ExchangeOf("Get-FxServerTime"));
        Assert.Equal("Binance", ExchangeOf("Get-FxServerTime -Exchange Binance"));
        var d = _ps.Invoke("Get-FxDefault").Output.Single();
        Assert.Equal("Kraken", d.Properties["Exchange"].Value.ToString());
        Assert.Equal("Set-FxDefault", d.Properties["ExchangeSource"].Value);
        var script = _ps.Invoke("Get-FxDefault -IgnoreSession").Output.Single();
        Assert.Equal("Binance", script.Properties["Exchange"].Value.ToString());
        Assert.Equal("Built-in", script.Properties["ExchangeSource"].Value);

        using (var other = new PowerShellSession())
        {
            var elsewhere = other.Invoke("Get-FxServerTime");
            elsewhere.AssertClean();
            Assert.Equal("Binance", elsewhere.Output.Single().Properties["Exchange"].Value.ToString());
        }

        _ps.Invoke("Set-FxDefault -Reset").AssertClean();
        Assert.Equal("Binance", ExchangeOf("Get-FxServerTime"));
    }

    [Fact]
    public void Piped_objects_keep_their_exchange_whatever_the_session_default()
    {
        // The session default is Binance: Kraken's ticker still asks Kraken for its book.
        _ps.Invoke("Set-FxDefault -Exchange Binance").AssertClean();
        Assert.Equal("Kraken", ExchangeOf("Get-FxTicker -Exchange Kraken XBTUSD | Get-FxDepth -Limit 10"));

        // And the other way round.
        _ps.Invoke("Set-FxDefault -Exchange Kraken").AssertClean();
        Assert.Equal("Binance", ExchangeOf("Get-FxTicker -Exchange Binance BTCUSDT | Get-FxDepth -Limit 5"));

        // An object without an Exchange, after one with it, gets the session default again (not the previous object's).
        Assert.Equal("Binance,Kraken", ExchangeOf("[pscustomobject]@{ Symbol = 'BTCUSDT'; Exchange = 'Binance' }, 'XBTUSD' | Get-FxDepth -Limit 10"));
    }

    [Fact]
    public void Set_FxDefault_sets_environment_and_account_and_says_where_each_came_from()
    {
        var r = _ps.Invoke("Set-FxDefault -Environment Testnet -Account main -PassThru");
        r.AssertClean();
        var d = r.Output.Single();
        Assert.Equal("Testnet", d.Properties["Environment"].Value.ToString());
        Assert.Equal("Set-FxDefault", d.Properties["EnvironmentSource"].Value);
        Assert.Equal("main", d.Properties["Account"].Value);
        Assert.Equal("Built-in", d.Properties["ExchangeSource"].Value);

        // The default account is what account commands resolve: its secret name says so.
        var missing = _ps.Invoke("try { Get-FxBalance } catch { $_.Exception.Message }");
        Assert.Contains("Fluxum.Binance.main", missing.Output.Single().ToString());

        var back = _ps.Invoke("Set-FxDefault -Account '' -PassThru").Output.Single();
        Assert.Null(back.Properties["Account"].Value);

        Assert.Empty(_ps.Invoke("Set-FxDefault -Exchange Kraken -WhatIf").Output);
        Assert.Equal("Binance", _ps.Invoke("Get-FxDefault").Output.Single().Properties["Exchange"].Value.ToString());
        Assert.StartsWith("Fluxum.NothingToSet", _ps.Invoke("try { Set-FxDefault } catch { $_.FullyQualifiedErrorId }").Output.Single().ToString());
        Assert.StartsWith("Fluxum.InvalidAccountName", _ps.Invoke("try { Set-FxDefault -Account 'a b' } catch { $_.FullyQualifiedErrorId }").Output.Single().ToString());
    }
}
