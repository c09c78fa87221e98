using NewsAggregator.Pipeline;

namespace NewsAggregator.Tests.Resilience;

public class SourceScheduleTests
{
    private static readonly DateTimeOffset Finished = new(2026, 3, 4, 5, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(30);

    private static TimeSpan Delay(int failures, TimeSpan? hint = null, double jitter = 0) =>
        SourceSchedule.After(Finished, Interval, failures, hint, jitter).At - Finished;

    [Fact]
    public void After_a_success_the_source_is_due_after_its_interval()
    {
        Assert.Equal(Interval, Delay(0));
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(6, 960)]
    public void Each_consecutive_failure_doubles_the_wait(int failures, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), Delay(failures));
    }

    [Fact]
    public void Backoff_is_capped_at_24_hours_so_a_source_is_never_given_up()
    {
        Assert.Equal(TimeSpan.FromHours(24), Delay(40));
        Assert.Equal(TimeSpan.FromHours(24), Delay(int.MaxValue));
    }

    [Fact]
    public void Jitter_adds_up_to_a_quarter_and_never_shortens_the_wait()
    {
        Assert.Equal(TimeSpan.FromMinutes(75), Delay(2, jitter: 1.0));
        Assert.Equal(TimeSpan.FromMinutes(60), Delay(2, jitter: 0.0));
    }

    [Theory]
    [InlineData(0, 120, 120)] // a feed's ttl or max-age of 2 h
    [InlineData(0, 10, 30)] // a hint shorter than the interval does not speed polling up
    [InlineData(0, 3000, 1440)] // nor stretch it past a day
    [InlineData(1, 180, 180)] // Retry-After after a failure
    [InlineData(3, 10, 120)] // a short Retry-After does not cut the backoff
    public void Server_hints_stretch_the_wait_within_bounds(int failures, int hintMinutes, int expectedMinutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), Delay(failures, TimeSpan.FromMinutes(hintMinutes)));
    }

    [Fact]
    public void An_interval_longer_than_a_day_is_kept()
    {
        var week = TimeSpan.FromDays(7);
        Assert.Equal(week, SourceSchedule.After(Finished, week, 5, null, 0).At - Finished);
    }

    [Fact]
    public void Failed_summary_line_shows_the_backoff()
    {
        var result = new SourcePassResult
        {
            SourceId = "city-desk",
            Error = "HTTP 503 Service Unavailable (https://example.org/)",
            ConsecutiveFailures = 3,
            NextTryIn = TimeSpan.FromHours(2),
        };

        Assert.EndsWith("HTTP 503 Service Unavailable (https://example.org/); 3 failures in a row, next try in 2 h", result.SummaryLine());
    }
}
