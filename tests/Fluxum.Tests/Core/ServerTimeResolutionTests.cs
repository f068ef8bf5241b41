using Fluxum.Models;

namespace Fluxum.Tests.Core;

/// <summary>An exchange that tells time in whole seconds (Kraken) gives an offset in whole seconds, its best estimate.</summary>
public class ServerTimeResolutionTests
{
    private static readonly DateTimeOffset Local = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(-300, 0)]   // the server's second began 0.3 s before local: it is 0.2 s ahead on average, 0 s
    [InlineData(-700, 0)]   // 0.2 s behind on average: 0 s
    [InlineData(100, 1)]    // 0.6 s ahead: 1 s
    [InlineData(-1200, -1)] // 0.7 s behind: -1 s
    [InlineData(3400, 4)]   // 3.9 s ahead: 4 s
    public void Whole_second_readings_give_whole_second_offsets(int serverMinusLocalMs, int expectedSeconds)
    {
        var offset = ServerTime.OffsetAt(Local.AddMilliseconds(serverMinusLocalMs), Local, TimeSpan.FromSeconds(1));
        Assert.Equal(0, offset.Ticks % TimeSpan.TicksPerSecond);
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), offset);
    }

    [Fact]
    public void Millisecond_readings_keep_their_milliseconds()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(-37.5), ServerTime.OffsetAt(Local.AddMilliseconds(-37.5), Local, TimeSpan.FromMilliseconds(1)));
    }
}
