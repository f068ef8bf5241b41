namespace Fluxum.Errors;

/// <summary>
/// What went wrong, in the words PowerShell's ErrorCategory uses (same member names), so the cmdlet layer
/// maps it without Core knowing PowerShell.
/// </summary>
public enum FxErrorKind
{
    InvalidArgument,
    ObjectNotFound,
    LimitsExceeded,
    ConnectionError,
    OperationTimeout,
    NotImplemented,
    PermissionDenied,
    AuthenticationError,
    SecurityError,
    InvalidOperation,
    InvalidData,
    InvalidResult,
    ResourceUnavailable,
    NotInstalled,
    ProtocolError,
}
