using System.Management.Automation;
using Fluxum.PowerShell.Tests.Support;
using Fluxum.TestExchange;
using Fluxum.TestExchange.Binance.Trading;

namespace Fluxum.PowerShell.Tests.Cmdlets;

/// <summary>Account and trading cmdlets as a user runs them, against the test exchange's matching engine.</summary>
[Collection(ModuleCollection.Name)]
public sealed class TradingCmdletTests : IDisposable
{
    private readonly ExchangeFixture _exchange;
    private readonly PowerShellSession _ps = new();
    private readonly string _key = "pskey" + Guid.NewGuid().ToString("N")[..16];
    private readonly string _secret = "pssecret" + Guid.NewGuid().ToString("N");
    private readonly BinanceAccount _account;

    public TradingCmdletTests(ExchangeFixture exchange)
    {
        _exchange = exchange;
        _exchange.Server.Faults.Clear();
        _exchange.Server.Requests.Clear();
        _account = _exchange.Server.BinanceAccounts.AddHmacAccount(_key, _secret);
        _account.Deposit("USDT", 50_000m);
        _account.Deposit("BTC", 1m);
        _ps.DefineCredential(_key, _secret).AssertClean();
    }

    public void Dispose()
    {
        _exchange.Server.Faults.Clear();
        _ps.Dispose();
    }

    private int Posts => _exchange.Server.Requests.All.Count(r => r.Method == "POST" && r.Path == "/api/v3/order");

    [Fact]
    public void Explicit_credentials_read_the_account_and_balances()
    {
        var account = _ps.Invoke("Get-FxAccount -Credential $cred");
        account.AssertClean();
        var info = account.Output.Single();
        Assert.True((bool)info.Properties["CanTrade"].Value);
        Assert.Equal("-Credential", info.Properties["CredentialSource"].Value);
        Assert.Equal("****" + _key[^4..], info.Properties["ApiKey"].Value);

        var balances = _ps.Invoke("Get-FxBalance -Credential $cred");
        balances.AssertClean();
        Assert.Equal(new[] { "BTC", "USDT" }, balances.Output.Select(b => (string)b.Properties["Asset"].Value).OrderBy(a => a));
        Assert.Single(_ps.Invoke("Get-FxBalance US* -Credential $cred").Output);
    }

    [Fact]
    public void Get_Secret_shapes_are_all_accepted_when_SecretManagement_is_present()
    {
        _ps.Invoke($$"""
            function global:Get-Secret { param($Name, $Vault, [switch]$AsPlainText)
                switch ($Name) {
                    'Fluxum.Binance' { [pscredential]::new('{{_key}}', [System.Net.NetworkCredential]::new('', '{{_secret}}').SecurePassword) }
                    'as-hashtable' { @{ ApiKey = '{{_key}}'; ApiSecret = [System.Net.NetworkCredential]::new('', '{{_secret}}').SecurePassword } }
                    'as-json' { [System.Net.NetworkCredential]::new('', '{"ApiKey":"{{_key}}","ApiSecret":"{{_secret}}"}').SecurePassword }
                    default { Write-Error -Message "Secret $Name not found" -Category ObjectNotFound }
                }
            }
            """).AssertClean();
        foreach (var call in new[] { "Get-FxAccount", "Get-FxAccount -SecretName as-hashtable", "Get-FxAccount -SecretName as-json -Vault Any" })
        {
            var r = _ps.Invoke(call);
            r.AssertClean();
            Assert.StartsWith("SecretManagement secret", (string)r.Output.Single().Properties["CredentialSource"].Value);
        }

        var missing = _ps.Invoke("try { Get-FxAccount -SecretName nope } catch { $_.FullyQualifiedErrorId }");
        Assert.StartsWith("Fluxum.SecretNotFound", missing.Output.Single().ToString());
    }

    [Fact]
    public void Environment_variables_are_the_last_source_and_no_credentials_names_all_three_ways()
    {
        var none = _ps.Invoke("try { Get-FxBalance; 'not reached' } catch { $_ }");
        var record = Assert.IsType<ErrorRecord>(none.Output.Single().BaseObject);
        Assert.StartsWith("Fluxum.NoCredentials", record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, record.CategoryInfo.Category);
        Assert.Contains("-Credential", record.Exception.Message);
        Assert.Contains("Fluxum.Binance", record.Exception.Message);
        Assert.Contains("BINANCE_API_KEY", record.Exception.Message);
        Assert.Contains("SecretManagement is not installed", record.Exception.Message);

        try
        {
            Environment.SetEnvironmentVariable("BINANCE_API_KEY", _key);
            Environment.SetEnvironmentVariable("BINANCE_API_SECRET", _secret);
            var r = _ps.Invoke("Get-FxAccount");
            r.AssertClean();
            Assert.Equal("environment BINANCE_API_KEY", r.Output.Single().Properties["CredentialSource"].Value);
        }
        finally
        {
            Environment.SetEnvironmentVariable("BINANCE_API_KEY", null);
            Environment.SetEnvironmentVariable("BINANCE_API_SECRET", null);
        }
    }

    [Fact]
    public void Connect_keeps_credentials_for_the_session_and_Disconnect_forgets_them()
    {
        _ps.Invoke("Connect-FxExchange -Credential $cred").AssertClean();
        var r = _ps.Invoke("Get-FxBalance");
        r.AssertClean();
        Assert.NotEmpty(r.Output);
        using (var other = new PowerShellSession())
        {
            var elsewhere = other.Invoke("try { Get-FxBalance } catch { $_.FullyQualifiedErrorId }");
            Assert.StartsWith("Fluxum.NoCredentials", elsewhere.Output.Single().ToString()); // another runspace sees nothing
        }

        _ps.Invoke("Disconnect-FxExchange").AssertClean();
        Assert.StartsWith("Fluxum.NoCredentials", _ps.Invoke("try { Get-FxBalance } catch { $_.FullyQualifiedErrorId }").Output.Single().ToString());
    }

    [Fact]
    public void WhatIf_sends_nothing()
    {
        var r = _ps.Invoke("New-FxOrder BTCUSDT Buy 0.01 -Price 20000 -Credential $cred -WhatIf; Stop-FxOrder BTCUSDT -All -Credential $cred -WhatIf");
        r.AssertClean();
        Assert.Empty(r.Output);
        Assert.Equal(0, Posts);
        Assert.Equal(0, _account.OrderCount);
        Assert.Equal(0, _exchange.Server.Requests.Count("/api/v3/openOrders"));
    }

    [Fact]
    public void A_market_order_in_a_host_that_cannot_ask_is_not_sent_and_Force_sends_it()
    {
        var refused = _ps.Invoke("New-FxOrder BTCUSDT Buy 0.001 -Type Market -Credential $cred");
        Assert.True(refused.Terminating is not null || refused.Errors.Count > 0);
        Assert.Equal(0, Posts);

        var forced = _ps.Invoke("New-FxOrder BTCUSDT Buy 0.001 -Type Market -Credential $cred -Force");
        forced.AssertClean();
        Assert.Equal("Filled", forced.Output.Single().Properties["Status"].Value.ToString());
        Assert.Equal(1, _account.OrderCount);
    }

    [Fact]
    public void Rule_violations_name_the_rule_and_the_nearest_value_and_RoundToRules_rounds()
    {
        var r = _ps.Invoke("New-FxOrder BTCUSDT Buy 0.000015 -Price 60000.005 -Credential $cred");
        Assert.Equal(0, Posts);
        Assert.Contains(r.Errors, e => e.FullyQualifiedErrorId.StartsWith("Fluxum.OrderRule.PRICE_FILTER") && e.Exception.Message.Contains("60000"));
        Assert.Contains(r.Errors, e => e.FullyQualifiedErrorId.StartsWith("Fluxum.OrderRule.LOT_SIZE") && e.Exception.Message.Contains("0.00001"));
        Assert.All(r.Errors, e => Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category));

        var rounded = _ps.Invoke("New-FxOrder BTCUSDT Buy 0.0012345 -Price 20000.005 -RoundToRules -Credential $cred");
        rounded.AssertClean();
        var order = rounded.Output.Single();
        Assert.Equal(0.00123m, (decimal)order.Properties["Quantity"].Value);
        Assert.Equal(20000m, (decimal)order.Properties["Price"].Value);
    }

    [Fact]
    public void Orders_pipe_into_Stop_FxOrder_by_property_name()
    {
        _ps.Invoke("""
            New-FxOrder BTCUSDT Buy 0.01 -Price 20000 -Credential $cred
            New-FxOrder BTCUSDT Buy 0.01 -Price 25000 -Credential $cred
            New-FxOrder BTCUSDT Buy 0.01 -Price 30000 -Credential $cred
            """).AssertClean();
        var r = _ps.Invoke("Get-FxOrder -Open BTCUSDT -Credential $cred | Where-Object Price -lt 28000 | Stop-FxOrder -Credential $cred");
        r.AssertClean();
        Assert.Equal(2, r.Output.Count);
        Assert.All(r.Output, o => Assert.Equal("Canceled", o.Properties["Status"].Value.ToString()));
        var open = _ps.Invoke("Get-FxOrder -Credential $cred");
        Assert.Equal(30000m, (decimal)open.Output.Single().Properties["Price"].Value);

        var again = _ps.Invoke("Get-FxOrder -Open -Credential $cred | Get-FxOrder -Credential $cred");
        again.AssertClean();
        Assert.Single(again.Output);

        var all = _ps.Invoke("Stop-FxOrder BTCUSDT -All -Force -Credential $cred; Get-FxOrder BTCUSDT -All -Credential $cred");
        all.AssertClean();
        Assert.Equal(4, all.Output.Count); // the one cancelled now, then the history of three
    }

    [Fact]
    public void Exchange_errors_become_records_with_the_exchange_code()
    {
        var r = _ps.Invoke("New-FxOrder BTCUSDT Sell 5 -Price 70000 -Credential $cred");
        var e = Assert.Single(r.Errors);
        Assert.StartsWith("Binance.-2010", e.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, e.CategoryInfo.Category);

        var unknown = _ps.Invoke("Stop-FxOrder BTCUSDT 999999999 -Credential $cred");
        Assert.StartsWith("Binance.-2011", Assert.Single(unknown.Errors).FullyQualifiedErrorId);
    }

    [Fact]
    public void Oco_and_Oto_lists_are_placed_with_their_legs()
    {
        var last = (decimal)_ps.Invoke("(Get-FxTicker BTCUSDT -Type Price).Price").Output.Single().BaseObject;
        var tp = Math.Round(last * 1.2m, 2);
        var sl = Math.Round(last * 0.8m, 2);
        var oco = _ps.Invoke($"New-FxOrder BTCUSDT Sell 0.1 -Oco -Price {tp} -StopPrice {sl} -StopLimitPrice {sl - 1} -Credential $cred");
        oco.AssertClean();
        Assert.Equal(new[] { "LimitMaker", "StopLossLimit" }, oco.Output.Select(o => o.Properties["Type"].Value.ToString()));
        Assert.Single(oco.Output.Select(o => (string)o.Properties["OrderListId"].Value).Distinct());

        var oto = _ps.Invoke($"New-FxOrder BTCUSDT Buy 0.05 -Price {Math.Round(last * 0.7m, 2)} -Oto -PendingType LimitMaker -PendingPrice {tp} -Credential $cred");
        oto.AssertClean();
        Assert.Equal(new[] { "New", "PendingNew" }, oto.Output.Select(o => o.Properties["Status"].Value.ToString()));
        Assert.Equal("Sell", oto.Output[1].Properties["Side"].Value.ToString());

        var bad = _ps.Invoke($"New-FxOrder BTCUSDT Sell 0.1 -Oco -Price {tp} -StopPrice {sl + 0.005m} -Credential $cred");
        Assert.Contains(bad.Errors, e => e.FullyQualifiedErrorId.StartsWith("Fluxum.OrderRule.PRICE_FILTER"));
        Assert.Equal(2, _exchange.Server.Requests.All.Count(r => r.Path.StartsWith("/api/v3/orderList/")));
    }

    [Fact]
    public void Cancel_all_asks_first_and_a_host_that_cannot_ask_sends_nothing()
    {
        _ps.Invoke("New-FxOrder BTCUSDT Buy 0.01 -Price 20000 -Credential $cred").AssertClean();
        var refused = _ps.Invoke("Stop-FxOrder BTCUSDT -All -Credential $cred");
        Assert.True(refused.Terminating is not null || refused.Errors.Count > 0);
        Assert.Equal(0, _exchange.Server.Requests.All.Count(r => r.Method == "DELETE"));
        Assert.Single(_ps.Invoke("Get-FxOrder -Credential $cred").Output);
    }

    [Fact]
    public void An_order_whose_answer_is_lost_is_placed_exactly_once()
    {
        _exchange.Server.Faults.Add(new Fault { PathPrefix = "/api/v3/order", Kind = FaultKind.DropConnection, AfterProcessing = true });
        var r = _ps.Invoke("New-FxOrder BTCUSDT Buy 0.01 -Price 20000 -ClientOrderId ps-lost-1 -Credential $cred -Verbose");
        r.AssertClean();
        Assert.Equal("ps-lost-1", r.Output.Single().Properties["ClientOrderId"].Value);
        Assert.Equal(1, _account.OrderCount);
        Assert.Equal(1, Posts);
        Assert.Contains(r.Verbose, v => v.Contains("looking it up by its client order id"));
    }

    [Fact]
    public void RecvWindow_goes_on_every_signed_request_and_is_bounded()
    {
        _ps.Invoke("Get-FxAccount -RecvWindow 10000 -Credential $cred").AssertClean();
        Assert.Contains("recvWindow=10000", _exchange.Server.Requests.All.Last(r => r.Path == "/api/v3/account").Query);
        var bad = _ps.Invoke("try { Get-FxAccount -RecvWindow 60001 -Credential $cred } catch { $_.FullyQualifiedErrorId }");
        Assert.StartsWith("ParameterArgumentValidationError", bad.Output.Single().ToString());
    }

    [Fact]
    public void Stop_FxOrder_by_client_order_id()
    {
        _ps.Invoke("New-FxOrder BTCUSDT Buy 0.01 -Price 20000 -ClientOrderId my-bid-1 -Credential $cred").AssertClean();
        var r = _ps.Invoke("Stop-FxOrder BTCUSDT -ClientOrderId my-bid-1 -Credential $cred");
        r.AssertClean();
        Assert.Equal("Canceled", r.Output.Single().Properties["Status"].Value.ToString());
        Assert.Equal("my-bid-1", r.Output.Single().Properties["ClientOrderId"].Value);
    }

    [Fact]
    public void Zero_balances_only_with_IncludeZero()
    {
        _account.Deposit("ETH", 0m);
        Assert.DoesNotContain(_ps.Invoke("Get-FxBalance -Credential $cred").Output, b => (string)b.Properties["Asset"].Value == "ETH");
        Assert.Contains(_ps.Invoke("Get-FxBalance -IncludeZero -Credential $cred").Output, b => (string)b.Properties["Asset"].Value == "ETH");
    }

    [Fact]
    public void My_trades_show_fills_with_fees()
    {
        _ps.Invoke("New-FxOrder BTCUSDT Sell 0.01 -Type Market -Force -Credential $cred").AssertClean();
        var r = _ps.Invoke("Get-FxMyTrade BTCUSDT -Credential $cred");
        r.AssertClean();
        Assert.NotEmpty(r.Output);
        Assert.All(r.Output, f => Assert.Equal("USDT", f.Properties["FeeAsset"].Value));
        Assert.Equal(0.01m, r.Output.Sum(f => (decimal)f.Properties["Quantity"].Value));
    }

    [Fact]
    public void No_secret_or_key_appears_in_any_stream_of_any_trading_cmdlet()
    {
        var script = """
            $VerbosePreference = 'Continue'; $DebugPreference = 'Continue'
            Connect-FxExchange -Credential $cred -Verbose
            Get-FxAccount -Verbose; Get-FxBalance -Verbose
            $o = New-FxOrder BTCUSDT Buy 0.01 -Price 20000 -Verbose
            Get-FxOrder -Open -Verbose; Get-FxOrder BTCUSDT -OrderId $o.OrderId -Verbose
            Get-FxOrder BTCUSDT -All -Verbose; Get-FxMyTrade BTCUSDT -Verbose
            $o | Stop-FxOrder -Verbose
            New-FxOrder BTCUSDT Buy 0.01 -Price 20000 -Test -Verbose
            New-FxOrder BTCUSDT Sell 50 -Price 70000 -Verbose
            Get-FxAccount -Credential ([pscredential]::new('wrongkey123456', [System.Net.NetworkCredential]::new('', 'wrong-secret-value').SecurePassword)) -Verbose
            Disconnect-FxExchange -Verbose
            """;
        var r = _ps.Invoke(script);
        Assert.NotEmpty(r.Verbose);
        Assert.Contains(r.Verbose, v => v.Contains("signature=***"));
        var text = r.AllText;
        Assert.DoesNotContain(_secret, text);
        Assert.DoesNotContain(_key, text);
        Assert.DoesNotContain("wrong-secret-value", text);
        Assert.DoesNotContain("wrongkey123456", text);
        Assert.DoesNotMatch("signature=[0-9a-f]{64}", text);
    }
}
