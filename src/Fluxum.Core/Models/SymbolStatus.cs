namespace Fluxum.Models;

/// <summary>Whether a symbol trades now; the exchange's own word stays in SymbolInfo.NativeStatus.</summary>
public enum SymbolStatus
{
    Trading,
    Halted,
    PreTrading,
    PostTrading,
    CancelOnly,
    Delisted,
    Unknown,
}
