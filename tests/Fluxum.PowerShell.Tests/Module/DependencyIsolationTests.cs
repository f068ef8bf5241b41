using System.Diagnostics;
using System.Runtime.Loader;
using Fluxum.PowerShell.Tests.Support;

namespace Fluxum.PowerShell.Tests.Module;

/// <summary>
/// Another module's BouncyCastle (2.4.0 here) already in the session does not stop Fluxum from signing and
/// streaming, and Fluxum's own copy (2.7.0, which its engine ships for PEM keys and Ed25519) does not replace it:
/// each lives in its own load context.
/// </summary>
[Collection(ModuleCollection.Name)]
public sealed class DependencyIsolationTests(ExchangeFixture exchange)
{
    private const string BouncyCastle = "BouncyCastle.Cryptography";

    [Fact]
    public void A_different_BouncyCastle_loaded_first_still_works_and_Fluxum_signs_and_streams_with_its_own()
    {
        var other = Path.Combine(AppContext.BaseDirectory, BouncyCastle + ".dll");
        Assert.StartsWith("2.4.0", FileVersionInfo.GetVersionInfo(other).FileVersion);

        using var ps = new PowerShellSession(importModule: false);
        var before = ps.Invoke($$"""
            $null = [System.Reflection.Assembly]::LoadFrom('{{other}}')
            [System.Diagnostics.FileVersionInfo]::GetVersionInfo([Org.BouncyCastle.Crypto.Digests.Sha256Digest].Assembly.Location).FileVersion
            """);
        before.AssertClean();
        Assert.StartsWith("2.4.0", before.Output.Single().ToString());

        // Any credential makes the engine read it with its BouncyCastle (a PEM key is tried first), then sign.
        var key = "iso-" + Guid.NewGuid().ToString("N")[..10];
        var secret = "s-" + Guid.NewGuid().ToString("N");
        exchange.Server.BinanceAccounts.AddHmacAccount(key, secret);
        ps.Invoke($"Import-Module '{RepoPaths.Manifest}' -ErrorAction Stop").AssertClean();
        var account = ps.Invoke($"Get-FxAccount -Credential ([pscredential]::new('{key}', [System.Net.NetworkCredential]::new('', '{secret}').SecurePassword))");
        account.AssertClean();
        Assert.Single(account.Output);
        var streamed = ps.Invoke("Watch-FxTrade BTCUSDT -Count 3");
        streamed.AssertClean();
        Assert.Equal(3, streamed.Output.Count);

        // The first copy still answers, and is still the one the session's scripts see.
        var after = ps.Invoke("""
            $digest = [Org.BouncyCastle.Crypto.Digests.Sha256Digest]::new()
            $bytes = [System.Text.Encoding]::UTF8.GetBytes('abc')
            $digest.BlockUpdate($bytes, 0, $bytes.Length)
            $out = [byte[]]::new(32)
            $null = $digest.DoFinal($out, 0)
            [System.Convert]::ToHexString($out)
            [System.Diagnostics.FileVersionInfo]::GetVersionInfo([Org.BouncyCastle.Crypto.Digests.Sha256Digest].Assembly.Location).FileVersion
            """);
        after.AssertClean();
        Assert.Equal("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", after.Output[0].ToString());
        Assert.StartsWith("2.4.0", after.Output[1].ToString());

        var engineContext = AssemblyLoadContext.All.Single(c => c.Assemblies.Any(a => a.GetName().Name == "Fluxum.Engine"));
        var engineCopy = engineContext.Assemblies.Single(a => a.GetName().Name == BouncyCastle);
        Assert.NotEqual(AssemblyLoadContext.Default, engineContext);
        Assert.StartsWith(Path.Combine(Path.GetDirectoryName(RepoPaths.Manifest)!, "Dependencies"), engineCopy.Location);
        var defaultCopy = AssemblyLoadContext.Default.Assemblies.Single(a => a.GetName().Name == BouncyCastle);
        Assert.NotSame(defaultCopy, engineCopy);
        Assert.Equal(other, defaultCopy.Location);
        Assert.StartsWith("2.7.0", FileVersionInfo.GetVersionInfo(engineCopy.Location).FileVersion);
    }
}
