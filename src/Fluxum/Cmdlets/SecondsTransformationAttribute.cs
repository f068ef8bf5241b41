using System.Globalization;
using System.Management.Automation;

namespace Fluxum.Commands.Cmdlets;

/// <summary>
/// Lets a TimeSpan parameter take a plain number as seconds (-Duration 300), as people type it. PowerShell
/// alone would read 300 as ticks and '300' as days; time spans (00:05:00, New-TimeSpan) pass through unchanged.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class SecondsTransformationAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var value = inputData is PSObject ps ? ps.BaseObject : inputData;
        return value switch
        {
            int or long or short or byte or uint or ulong or ushort or sbyte => TimeSpan.FromSeconds(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
            double d => TimeSpan.FromSeconds(d),
            float f => TimeSpan.FromSeconds(f),
            decimal m => TimeSpan.FromSeconds((double)m),
            string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) => TimeSpan.FromSeconds(seconds),
            _ => inputData,
        };
    }
}
