using System.Management.Automation;
using Fluxum.Commands.Bridge;
using Fluxum.Commands.Credentials;
using Fluxum.Errors;
using Fluxum.Trading;

namespace Fluxum.Commands.Cmdlets;

/// <summary>
/// A cmdlet that acts on the user's account: credentials from -Credential, Connect-FxExchange, a
/// SecretManagement secret (-SecretName/-Vault) or environment variables, resolved on the pipeline thread.
/// </summary>
public abstract class TradingCmdlet : MarketDataCmdlet
{
    private ITrading? _account;

    /// <summary>User name = API key, password = API secret (or a PEM private key).</summary>
    [Parameter]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary>The SecretManagement secret to read; default Fluxum.&lt;Exchange&gt;.</summary>
    [Parameter]
    public string? SecretName { get; set; }

    [Parameter]
    public string? Vault { get; set; }

    /// <summary>Milliseconds a signed request stays valid at the exchange (Binance: 5000 default, at most 60000).</summary>
    [Parameter]
    [ValidateRange(1, 60000)]
    public int RecvWindow { get; set; } = 5000;

    /// <summary>The account for the current -Exchange; resolved once per exchange and kept for the command.</summary>
    internal ITrading Account()
    {
        if (_account is { } cached && cached.Exchange == Exchange) return cached;
        try
        {
            var credential = CredentialResolver.Resolve(this, Exchange, Environment, Credential, SecretName, Vault);
            _account = Engine.GetTrading(Exchange, Environment, credential, RecvWindow);
            return _account;
        }
        catch (FxException e)
        {
            ThrowTerminatingError(ErrorRecords.From(e, Exchange));
            throw; // not reached: ThrowTerminatingError throws
        }
    }

    /// <summary>Runs work against the account; the account is resolved here, on the pipeline thread.</summary>
    internal void RunAccount(Func<ITrading, Bridge.PipelineBridge, CancellationToken, Task> work, object? target = null)
    {
        var account = Account();
        Run((bridge, ct) => work(account, bridge, ct), target);
    }
}
