using Fluxum.Commands.Bridge;
using Fluxum.Models;

namespace Fluxum.Commands.Cmdlets;

/// <summary>Writing a list answer: its rows as objects, then each row that could not be read as a non-terminating error.</summary>
internal static class RowWriting
{
    public static void EmitRows<T>(this PipelineBridge bridge, RowSet<T> rows, object? target)
    {
        foreach (var item in rows.Items) bridge.Emit(item!);
        foreach (var error in rows.Errors) bridge.Error(error, target);
    }
}
