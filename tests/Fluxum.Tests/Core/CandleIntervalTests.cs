using Fluxum.Market;

namespace Fluxum.Tests.Core;

public class CandleIntervalTests
{
    [Theory]
    [InlineData("1m", "1m", 1)]
    [InlineData("60m", "1h", 60)]
    [InlineData("240", null, 0)]
    [InlineData("4h", "4h", 240)]
    [InlineData("1440m", "1d", 1440)]
    [InlineData("10080m", "1w", 10080)]
    [InlineData("21600m", "15d", 21600)]
    [InlineData("7d", "1w", 10080)]
    [InlineData("1M", "1M", 43200)]
    [InlineData("1mo", "1M", 43200)]
    [InlineData("1s", "1s", 0)]
    [InlineData("0m", null, 0)]
    [InlineData("m", null, 0)]
    [InlineData("5x", null, 0)]
    public void Parses_and_normalises(string text, string? code, int minutes)
    {
        var ok = CandleInterval.TryParse(text, out var interval);
        Assert.Equal(code is not null, ok);
        if (!ok) return;
        Assert.Equal(code, interval.Code);
        Assert.Equal(minutes, interval.TotalMinutes);
    }

    [Fact]
    public void Month_steps_by_calendar_months_and_minute_by_minutes()
    {
        var jan31 = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero), CandleInterval.Parse("1M").Next(jan31));
        Assert.Equal(jan31.AddMinutes(15), CandleInterval.Parse("15m").Next(jan31));
        Assert.Equal(CandleInterval.Parse("1h"), CandleInterval.Parse("60m"));
    }
}
