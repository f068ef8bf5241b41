using System.Management.Automation;
using System.Text.RegularExpressions;
using Fluxum.Commands.Bridge;
using Fluxum.Commands.Completion;

namespace Fluxum.Commands.Cmdlets;

/// <summary>
/// The parameters that choose an account and its credentials, declared once for every account command (the
/// trading cmdlets and Watch-FxOrder, whose bases differ). They reach each cmdlet as its dynamic parameters:
/// PowerShell binds, completes and documents them like any other.
/// </summary>
public class AccountParameters
{
    /// <summary>A named account (secret Fluxum.&lt;Exchange&gt;.&lt;Account&gt;, Connect-FxExchange -Account); none is the unnamed one.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(AccountCompleter))]
    [AllowNull]
    [AllowEmptyString]
    public string? Account { get; set; }

    /// <summary>User name = API key, password = API secret (or a PEM private key).</summary>
    [Parameter]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary>The SecretManagement secret to read; default Fluxum.&lt;Exchange&gt; or Fluxum.&lt;Exchange&gt;.&lt;Account&gt;.</summary>
    [Parameter]
    public string? SecretName { get; set; }

    [Parameter]
    public string? Vault { get; set; }

    /// <summary>The accounts asked for, as given (an empty name is the unnamed account); empty when -Account was not given.</summary>
    internal virtual IReadOnlyList<string?> Requested => Account is null ? Array.Empty<string?>() : new[] { Account };

    /// <summary>Whether the user chose the account or its keys on the command line (or by a piped object), rather than the defaults.</summary>
    internal bool IsExplicit => Requested.Count > 0 || Credential is not null || SecretName is not null || Vault is not null;

    /// <summary>Names a secret can carry; an empty one (from a CSV row of the unnamed account) means the unnamed account.</summary>
    private static readonly Regex Valid = new("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$", RegexOptions.CultureInvariant);

    /// <summary>The account name as Fluxum uses it (null for the unnamed one); a name no secret could carry stops the command.</summary>
    internal static string? Normalize(PSCmdlet cmdlet, string? name)
    {
        var trimmed = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        if (trimmed is not null && !Valid.IsMatch(trimmed))
        {
            cmdlet.ThrowTerminatingError(ErrorRecords.InvalidArgument("Fluxum.InvalidAccountName",
                $"'{name}' is not an account name: use letters, digits, '_', '-' or '.', starting with a letter or digit (it becomes the secret name Fluxum.<Exchange>.<Account>).", name));
        }

        return trimmed;
    }

    /// <summary>
    /// The accounts to use: those asked for, else the session default (Set-FxDefault -Account), else the unnamed one.
    /// A name no secret could carry stops the command.
    /// </summary>
    internal IReadOnlyList<string?> Resolve(PSCmdlet cmdlet, string? sessionDefault)
    {
        var requested = Requested;
        if (requested.Count == 0) return new[] { sessionDefault };
        var accounts = new List<string?>();
        foreach (var name in requested)
        {
            var trimmed = Normalize(cmdlet, name);
            if (!accounts.Contains(trimmed, StringComparer.OrdinalIgnoreCase)) accounts.Add(trimmed);
        }

        return accounts;
    }
}

/// <summary>The same parameters for commands that read several accounts at once (Get-FxBalance -Account main, hedge).</summary>
public sealed class AccountListParameters : AccountParameters
{
    /// <summary>One or more named accounts; each one's rows carry its name in their Account property.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(AccountCompleter))]
    [AllowNull]
    [AllowEmptyCollection]
    public new string?[]? Account { get; set; }

    internal override IReadOnlyList<string?> Requested => Account ?? Array.Empty<string?>();
}
