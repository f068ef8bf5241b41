using System.Management.Automation;
using Fluxum.PowerShell.Tests.Support;
using Fluxum.TestExchange.Binance.Trading;

namespace Fluxum.PowerShell.Tests.Sessions;

/// <summary>Several named accounts of one exchange in one session and one pipeline, each with its own keys and budgets.</summary>
[Collection(ModuleCollection.Name)]
public sealed class NamedAccountTests : IDisposable
{
    private readonly ExchangeFixture _exchange;
    private readonly PowerShellSession _ps = new();
    private readonly string _keyA = "keya" + Guid.NewGuid().ToString("N")[..16];
    private readonly string _secretA = "secreta" + Guid.NewGuid().ToString("N");
    private readonly string _keyB = "keyb" + Guid.NewGuid().ToString("N")[..16];
    private readonly string _secretB = "secretb" + Guid.NewGuid().ToString("N");
    private readonly BinanceAccount _a;
    private readonly BinanceAccount _b;

    public NamedAccountTests(ExchangeFixture exchange)
    {
        _exchange = exchange;
        _exchange.Server.Faults.Clear();
        _a = _exchange.Server.BinanceAccounts.AddHmacAccount(_keyA, _secretA);
        _a.Deposit("USDT", 1_000m);
        _b = _exchange.Server.BinanceAccounts.AddHmacAccount(_keyB, _secretB);
        _b.Deposit("USDT", 2_000m);
        _b.Deposit("ETH", 3m);

        // Account a is connected for the session; account b lives in a (stand-in) SecretManagement vault.
        _ps.Invoke($$"""
            $global:secretsAsked = [System.Collections.Generic.List[string]]::new()
            function global:Get-Secret { param($Name, $Vault)
                $global:secretsAsked.Add($Name)
                if ($Name -eq 'Fluxum.Binance.b') { return [pscredential]::new('{{_keyB}}', [System.Net.NetworkCredential]::new('', '{{_secretB}}').SecurePassword) }
                Write-Error -Message "Secret $Name not found" -Category ObjectNotFound
            }
            $credA = [pscredential]::new('{{_keyA}}', [System.Net.NetworkCredential]::new('', '{{_secretA}}').SecurePassword)
            """).AssertClean();
    }

    public void Dispose()
    {
        _exchange.Server.Faults.Clear();
        _ps.Dispose();
    }

    private void ConnectA()
    {
        var r = _ps.Invoke("Connect-FxExchange -Account a -Credential $credA -Verbose | Out-Null");
        r.AssertClean();
        Assert.Contains(r.Verbose, v => v.Contains("account 'a'") && v.Contains("****" + _keyA[^4..]));
        Assert.DoesNotContain(_secretA, r.AllText);
        Assert.DoesNotContain(_keyA, r.AllText);
    }

    [Fact]
    public void Get_FxBalance_reads_several_accounts_and_each_row_carries_its_account()
    {
        ConnectA();
        var r = _ps.Invoke("Get-FxBalance -Account a, b -Verbose");
        r.AssertClean();
        var rows = r.Output.Select(o => ($"{o.Properties["Account"].Value}", (string)o.Properties["Asset"].Value, (decimal)o.Properties["Free"].Value)).OrderBy(x => x).ToList();
        Assert.Equal(new[] { ("a", "USDT", 1_000m), ("b", "ETH", 3m), ("b", "USDT", 2_000m) }, rows);
        Assert.Contains("Fluxum.Binance.b", _ps.Invoke("$secretsAsked").Output.Select(o => o.ToString()));
        Assert.DoesNotContain(_secretA, r.AllText);
        Assert.DoesNotContain(_secretB, r.AllText);

        var info = _ps.Invoke("Get-FxAccount -Account b");
        info.AssertClean();
        Assert.Equal("b", info.Output.Single().Properties["Account"].Value);
        Assert.Equal("****" + _keyB[^4..], info.Output.Single().Properties["ApiKey"].Value);
    }

    [Fact]
    public void Account_completes_with_the_accounts_connected_for_the_exchange()
    {
        ConnectA();
        _ps.Invoke("Connect-FxExchange -Account alpha -Credential $credA | Out-Null").AssertClean();
        var line = "Get-FxBalance -Account ";
        var r = _ps.Invoke($"(TabExpansion2 '{line}' {line.Length}).CompletionMatches.CompletionText");
        r.AssertClean();
        Assert.Equal(new[] { "a", "alpha" }, r.Output.Select(o => o.ToString()));
        var krakenLine = "Get-FxBalance -Exchange Kraken -Account ";
        var kraken = _ps.Invoke($"(TabExpansion2 '{krakenLine}' {krakenLine.Length}).CompletionMatches.CompletionText");
        Assert.DoesNotContain(kraken.Output, o => o?.ToString() is "a" or "alpha"); // Binance's accounts are not Kraken's
    }

    [Fact]
    public void A_piped_order_goes_back_to_its_own_account()
    {
        ConnectA();
        _ps.Invoke("New-FxOrder BTCUSDT Buy 0.001 -Price 20000 -Account b | Out-Null").AssertClean();
        Assert.Equal(1, _b.OrderCount);
        var open = _ps.Invoke("Get-FxOrder -Account a, b");
        open.AssertClean();
        Assert.Equal("b", open.Output.Single().Properties["Account"].Value);

        // No -Account on Stop-FxOrder: the order's Account property chooses b (a would not know the order).
        var stopped = _ps.Invoke("Get-FxOrder -Account b | Stop-FxOrder");
        stopped.AssertClean();
        Assert.Equal("Canceled", stopped.Output.Single().Properties["Status"].Value.ToString());
        Assert.Equal("b", stopped.Output.Single().Properties["Account"].Value);
    }

    [Fact]
    public async Task Watch_FxOrder_streams_several_accounts_at_once_and_each_event_carries_its_account()
    {
        ConnectA();
        using var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = _ps.Runspace;
        ps.AddScript("Watch-FxOrder -Account a, b -Duration 20 | ForEach-Object { $_; if ($_.PSObject.TypeNames[0] -eq 'Fluxum.Trading.Order') { $seen += @($_.Account); if ($seen -contains 'a' -and $seen -contains 'b') { break } } }");
        var output = new PSDataCollection<PSObject>();
        var run = ps.BeginInvoke<PSObject, PSObject>(null, output);
        Assert.True(await _exchange.Server.BinanceStreams.WaitForAsync(c => c.Any(x => x.Subscriptions.Any(s => s.Contains(_keyA, StringComparison.Ordinal)))
            && c.Any(x => x.Subscriptions.Any(s => s.Contains(_keyB, StringComparison.Ordinal))), TimeSpan.FromSeconds(5)), "Watch-FxOrder did not subscribe both accounts");

        using (var trader = new PowerShellSession())
        {
            trader.Invoke($"$a = [pscredential]::new('{_keyA}', [System.Net.NetworkCredential]::new('', '{_secretA}').SecurePassword); " +
                          $"$b = [pscredential]::new('{_keyB}', [System.Net.NetworkCredential]::new('', '{_secretB}').SecurePassword); " +
                          "New-FxOrder BTCUSDT Buy 0.001 -Price 20000 -Credential $a | Out-Null; New-FxOrder BTCUSDT Buy 0.002 -Price 20000 -Credential $b | Out-Null").AssertClean();
        }

        ps.EndInvoke(run);
        Assert.Empty(ps.Streams.Error);
        var orders = output.Where(o => o.TypeNames[0] == "Fluxum.Trading.Order").ToList();
        Assert.Contains(orders, o => (string?)o.Properties["Account"].Value == "a" && (decimal?)o.Properties["Quantity"].Value == 0.001m);
        Assert.Contains(orders, o => (string?)o.Properties["Account"].Value == "b" && (decimal?)o.Properties["Quantity"].Value == 0.002m);
    }

    [Fact]
    public void A_named_account_never_falls_back_to_the_environment_variables()
    {
        try
        {
            Environment.SetEnvironmentVariable("BINANCE_API_KEY", _keyA);
            Environment.SetEnvironmentVariable("BINANCE_API_SECRET", _secretA);
            var r = _ps.Invoke("try { Get-FxBalance -Account nosuch; 'not reached' } catch { $_ }");
            var record = Assert.IsType<ErrorRecord>(r.Output.Single().BaseObject);
            Assert.StartsWith("Fluxum.NoCredentials", record.FullyQualifiedErrorId);
            Assert.Contains("Fluxum.Binance.nosuch", record.Exception.Message);
            Assert.Contains("Connect-FxExchange -Exchange Binance -Account nosuch", record.Exception.Message);
            Assert.Contains("only the unnamed account", record.Exception.Message);

            // The unnamed account still reads them.
            var unnamed = _ps.Invoke("Get-FxAccount");
            unnamed.AssertClean();
            Assert.Null(unnamed.Output.Single().Properties["Account"].Value);
        }
        finally
        {
            Environment.SetEnvironmentVariable("BINANCE_API_KEY", null);
            Environment.SetEnvironmentVariable("BINANCE_API_SECRET", null);
        }
    }

    [Fact]
    public void Commands_that_change_something_take_one_account_and_Disconnect_forgets_one_account()
    {
        ConnectA();
        var two = _ps.Invoke("try { New-FxOrder BTCUSDT Buy 0.001 -Price 20000 -Account a, b } catch { $_.FullyQualifiedErrorId }");
        Assert.StartsWith("CannotConvertArgument", two.Output.Single().ToString()); // -Account of New-FxOrder is one string
        Assert.Equal(0, _a.OrderCount + _b.OrderCount);

        _ps.Invoke("Disconnect-FxExchange -Account a").AssertClean();
        var gone = _ps.Invoke("try { Get-FxBalance -Account a } catch { $_.FullyQualifiedErrorId }");
        Assert.StartsWith("Fluxum.NoCredentials", gone.Output.Single().ToString());
    }

    [Fact]
    public void Each_account_has_its_own_order_counters()
    {
        ConnectA();
        _ps.Invoke("New-FxOrder BTCUSDT Buy 0.001 -Price 20000 -Account a | Out-Null; Get-FxBalance -Account b | Out-Null").AssertClean();
        var r = _ps.Invoke("Get-FxRateLimit -Exchange Binance");
        r.AssertClean();
        double Used(string key, string budget) => (double)r.Output.Single(o => (string?)o.Properties["ApiKey"].Value == "****" + key[^4..] && (string)o.Properties["Name"].Value == budget).Properties["Used"].Value;
        var counter = r.Output.Where(o => (string)o.Properties["Scope"].Value == "Account").Select(o => (string)o.Properties["Name"].Value).First();
        Assert.True(Used(_keyA, counter) >= 1, "a placed an order");
        Assert.Equal(0, Used(_keyB, counter));
        Assert.Equal("a", r.Output.First(o => (string?)o.Properties["ApiKey"].Value == "****" + _keyA[^4..]).Properties["Account"].Value);
        Assert.Contains(r.Output, o => (string)o.Properties["Scope"].Value == "Address" && (double)o.Properties["Used"].Value > 0);
    }

    [Fact]
    public void An_exchange_without_trading_says_so_before_any_credential_is_looked_up()
    {
        foreach (var command in new[] { "Get-FxBalance -Exchange Kraken", "Get-FxAccount -Exchange Kraken -Account b", "Get-FxOrder -Exchange Kraken",
                     "New-FxOrder XBTUSD Buy 0.001 -Price 20000 -Exchange Kraken", "Connect-FxExchange -Exchange Kraken", "Watch-FxOrder -Exchange Kraken -Count 1" })
        {
            _ps.Invoke("$secretsAsked.Clear()").AssertClean();
            var r = _ps.Invoke($"try {{ {command} }} catch {{ $_ }}");
            var record = r.Output.Select(o => o.BaseObject).OfType<ErrorRecord>().Concat(r.Errors).First();
            Assert.Equal(ErrorCategory.NotImplemented, record.CategoryInfo.Category);
            Assert.Contains("Kraken", record.Exception.Message);
            Assert.True(record.Exception.Message.Contains("trading") || record.Exception.Message.Contains("order stream"), record.Exception.Message);
            Assert.Empty(_ps.Invoke("$secretsAsked").Output);
        }
    }
}
