using NewsAggregator.Fetching;

namespace NewsAggregator.Pipeline;

/// <summary>When a source should run again, and why (for the log and the summary).</summary>
public sealed record NextRun(DateTimeOffset At, string Reason);

/// <summary>
/// A source's next due time. After a success: its interval, or longer when the feed or server
/// asks (<c>&lt;ttl&gt;</c>, Cache-Control max-age, Expires). After failures: the interval doubled
/// for each consecutive failure after the first, with up to a quarter more of jitter so failing
/// sources spread out, or longer when the server sent Retry-After. Never sooner than the interval,
/// never later than 24 hours (or the interval, if longer): a source is backed off, never given up.
/// </summary>
public static class SourceSchedule
{
    public static readonly TimeSpan MaxDelay = TimeSpan.FromHours(24);

    /// <param name="jitter">A number in [0, 1), random in production.</param>
    public static NextRun After(DateTimeOffset finishedAt, TimeSpan interval, int consecutiveFailures, TimeSpan? serverHint, double jitter)
    {
        var ceiling = interval > MaxDelay ? interval : MaxDelay;
        TimeSpan delay;
        string reason;
        if (consecutiveFailures <= 0)
        {
            delay = interval;
            reason = $"every {Durations.Describe(interval)}";
        }
        else
        {
            var doubled = interval.TotalSeconds * Math.Pow(2, Math.Min(consecutiveFailures - 1, 30)) * (1 + 0.25 * Math.Clamp(jitter, 0, 1));
            delay = TimeSpan.FromSeconds(Math.Min(doubled, ceiling.TotalSeconds));
            reason = consecutiveFailures == 1 ? "after a failure" : $"backing off after {consecutiveFailures} failures in a row";
        }
        if (serverHint is { } hint && hint > delay)
        {
            delay = hint < ceiling ? hint : ceiling;
            reason = consecutiveFailures <= 0 ? $"the source asks to be polled every {Durations.Describe(delay)} at most" : "the server asked us to wait (Retry-After)";
        }
        return new NextRun(finishedAt + delay, reason);
    }
}
