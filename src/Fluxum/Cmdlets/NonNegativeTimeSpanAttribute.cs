using System.Management.Automation;

namespace Fluxum.Commands.Cmdlets;

/// <summary>
/// Rejects a negative time span at binding (-Interval -1): PowerShell's parameter validation error, naming the
/// parameter, instead of a value quietly taken as zero.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class NonNegativeTimeSpanAttribute : ValidateArgumentsAttribute
{
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        var value = arguments is PSObject ps ? ps.BaseObject : arguments;
        if (value is TimeSpan span && span < TimeSpan.Zero)
        {
            throw new ValidationMetadataException($"The time span {span} is negative; give zero or more (seconds, or a time span such as 00:00:01).");
        }
    }
}
