using Fluxum.Diagnostics;

namespace Fluxum.Tests.Core;

public sealed class ProgressThrottleTests
{
    private TimeSpan _now;

    private ProgressThrottle NewThrottle() => new(() => _now);

    private static FxProgress Page(int activity, int percent) => new(activity, "Candles BTCUSDT", $"{percent}%", percent);

    [Fact]
    public void A_page_every_millisecond_reaches_the_host_at_most_four_times_a_second()
    {
        var throttle = NewThrottle();
        var written = 0;
        for (var ms = 0; ms < 3000; ms++)
        {
            _now = TimeSpan.FromMilliseconds(ms);
            if (throttle.Admit(Page(1, ms / 30)) is not null) written++;
        }

        Assert.Equal(12, written);
    }

    [Fact]
    public void Each_activity_has_its_own_budget()
    {
        var throttle = NewThrottle();
        Assert.NotNull(throttle.Admit(Page(1, 1)));
        Assert.NotNull(throttle.Admit(Page(2, 1)));
        Assert.Null(throttle.Admit(Page(1, 2)));
        _now = ProgressThrottle.Interval;
        Assert.NotNull(throttle.Admit(Page(1, 3)));
    }

    [Fact]
    public void A_completion_is_always_written_for_a_shown_activity_and_never_for_an_unshown_one()
    {
        var throttle = NewThrottle();
        Assert.NotNull(throttle.Admit(Page(1, 10)));
        Assert.Null(throttle.Admit(Page(1, 20)));
        var done = throttle.Admit(new FxProgress(1, "Candles BTCUSDT", "done", 100, Completed: true));
        Assert.NotNull(done);
        Assert.True(done!.Completed);
        Assert.False(throttle.AnyShown);

        Assert.Null(throttle.Admit(new FxProgress(7, "Trades", "done", 100, Completed: true)));
    }

    [Fact]
    public void Ending_the_command_completes_every_activity_still_shown_with_its_last_status()
    {
        var throttle = NewThrottle();
        throttle.Admit(Page(1, 10));
        throttle.Admit(Page(1, 40));
        throttle.Admit(Page(2, 5));

        var done = throttle.CompleteAll();

        Assert.Equal(2, done.Count);
        Assert.All(done, p => Assert.True(p.Completed));
        Assert.Contains(done, p => p.ActivityId == 1 && p.Status == "40%");
        Assert.False(throttle.AnyShown);
        Assert.Empty(throttle.CompleteAll());
    }

    [Fact]
    public void While_rows_pour_out_a_bar_shows_at_most_four_times_a_second_and_is_down_before_each_row()
    {
        var throttle = NewThrottle();
        var shows = 0;
        for (var ms = 0; ms < 2000; ms += 10)
        {
            _now = TimeSpan.FromMilliseconds(ms);
            var hidden = throttle.BeforeOutput();
            Assert.False(throttle.AnyShown);
            if (shows > 0 && ms % 250 == 10) Assert.Single(hidden);
            if (throttle.Admit(Page(1, ms / 20)) is not null) shows++;
        }

        Assert.Equal(8, shows);
    }

    [Fact]
    public void A_bar_held_back_by_the_interval_shows_its_latest_status_once_the_interval_has_passed()
    {
        var throttle = NewThrottle();
        Assert.NotNull(throttle.Admit(Page(1, 10)));
        throttle.BeforeOutput();
        Assert.Null(throttle.Admit(Page(1, 30)));
        Assert.Null(throttle.Admit(Page(1, 40)));
        _now = ProgressThrottle.Interval / 2;
        Assert.Empty(throttle.Due());

        _now = ProgressThrottle.Interval;
        var shown = Assert.Single(throttle.Due());

        Assert.Equal("40%", shown.Status);
        Assert.True(throttle.AnyShown);
        Assert.Empty(throttle.Due());
    }

    [Fact]
    public void A_completion_of_an_activity_taken_down_by_output_is_not_written_again()
    {
        var throttle = NewThrottle();
        throttle.Admit(Page(1, 10));
        throttle.BeforeOutput();
        Assert.Null(throttle.Admit(new FxProgress(1, "Candles BTCUSDT", "done", 100, Completed: true)));
        _now = TimeSpan.FromSeconds(5);
        Assert.Empty(throttle.Due());
        Assert.Empty(throttle.CompleteAll());
    }
}
