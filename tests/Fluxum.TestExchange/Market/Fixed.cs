using System.Runtime.CompilerServices;

namespace Fluxum.TestExchange.Market;

/// <summary>
/// Exact amounts as whole units of 1e-8 (the finest step either exchange uses), so prices and sizes never
/// pick up binary rounding, and formatting them is a few integer divisions instead of decimal.ToString.
/// </summary>
internal static class Fixed
{
    public const long One = 100_000_000;

    public static long FromDecimal(decimal value) => (long)decimal.Round(value * One, 0, MidpointRounding.ToZero);

    public static decimal ToDecimal(long units) => units / (decimal)One;

    /// <summary>a x b, both in units, truncated to units (quote volume = price x quantity).</summary>
    public static long Multiply(long a, long b) => (long)((Int128)a * b / One);

    /// <summary>Writes units with exactly <paramref name="decimals"/> places (0..8; finer digits truncated).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Format(long units, int decimals, Span<byte> destination)
    {
        int pos = 0;
        ulong magnitude;
        if (units < 0)
        {
            destination[pos++] = (byte)'-';
            magnitude = (ulong)-units;
        }
        else
        {
            magnitude = (ulong)units;
        }

        // Digits right to left into a scratch buffer: 8 fraction digits, then the whole part.
        Span<byte> scratch = stackalloc byte[32];
        int end = scratch.Length, start = end;
        for (int i = 0; i < 8; i++)
        {
            scratch[--start] = (byte)('0' + (int)(magnitude % 10));
            magnitude /= 10;
        }

        var fractionStart = start;
        do
        {
            scratch[--start] = (byte)('0' + (int)(magnitude % 10));
            magnitude /= 10;
        }
        while (magnitude != 0);

        var whole = scratch[start..fractionStart];
        whole.CopyTo(destination[pos..]);
        pos += whole.Length;
        if (decimals <= 0) return pos;
        destination[pos++] = (byte)'.';
        var places = Math.Min(decimals, 8);
        scratch.Slice(fractionStart, places).CopyTo(destination[pos..]);
        pos += places;
        return pos;
    }

    /// <summary>Like <see cref="Format"/> with 8 places, then trailing zeros dropped down to <paramref name="minDecimals"/>.</summary>
    public static int FormatTrimmed(long units, int minDecimals, Span<byte> destination)
    {
        var n = Format(units, 8, destination);
        var dot = destination[..n].IndexOf((byte)'.');
        var keep = dot + 1 + minDecimals;
        while (n > keep && destination[n - 1] == (byte)'0') n--;
        if (minDecimals == 0 && n == dot + 1) n--;
        return n;
    }

    /// <summary>The number of decimal places of a step such as 0.00001 (5).</summary>
    public static int Places(decimal step)
    {
        var normalized = step / 1.000000000000000000000000000000000m;
        return (decimal.GetBits(normalized)[3] >> 16) & 0xFF;
    }
}
