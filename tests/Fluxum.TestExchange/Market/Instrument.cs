namespace Fluxum.TestExchange.Market;

/// <summary>One traded pair and the deterministic market behind it (both exchanges quote from these).</summary>
internal sealed record Instrument(string Key, decimal BasePrice, decimal Tick, decimal Step, DateTimeOffset Listed)
{
    public int PriceDecimals => Decimals(Tick);
    public int QuantityDecimals => Decimals(Step);

    private static int Decimals(decimal step) => (decimal.GetBits(step / 1.0000000000000000000000000000m)[3] >> 16) & 0xFF;
}
