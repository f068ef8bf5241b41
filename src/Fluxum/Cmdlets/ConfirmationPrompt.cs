using System.Management.Automation;

namespace Fluxum.Commands.Cmdlets;

/// <summary>
/// The extra question dangerous commands ask (market orders, cancel-all) unless -Force. It defaults to No
/// (PowerShell's security-impact form of ShouldContinue), and a host that cannot ask (pwsh -NonInteractive, a
/// hosted runspace) gets Fluxum.ConfirmationRequired naming -Force, since -Confirm:$false does not skip it.
/// </summary>
internal static class ConfirmationPrompt
{
    public static bool Ask(PSCmdlet cmdlet, string query, string caption, object? target)
    {
        var yesToAll = false;
        var noToAll = false;
        try
        {
            return cmdlet.ShouldContinue(query, caption, true, ref yesToAll, ref noToAll);
        }
        catch (Exception e) when (e is PSInvalidOperationException or System.Management.Automation.Host.HostException
                                      or NotImplementedException or PSNotImplementedException)
        {
            cmdlet.WriteError(new ErrorRecord(new PSInvalidOperationException(
                    $"{query} This host cannot ask ({e.Message.Trim().TrimEnd('.')}): pass -Force to go ahead without asking " +
                    "(-Confirm:$false does not skip this question).", e),
                "Fluxum.ConfirmationRequired", ErrorCategory.PermissionDenied, target));
            return false;
        }
    }
}
