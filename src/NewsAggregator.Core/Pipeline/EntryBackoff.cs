using NewsAggregator.Storage;

namespace NewsAggregator.Pipeline;

/// <summary>
/// When an entry whose article could not be had is asked for again, and when it is given up. Pure:
/// the previous state and the failure in, the next state out.
/// </summary>
/// <remarks>
/// The wait doubles from <see cref="FirstDelay"/> to <see cref="MaxDelay"/>, without jitter: entries
/// are asked for by the passes of their source, which are spread out already, so jitter would
/// only make the schedule harder to read in the table. An hour is two passes at the default
/// 30-minute interval, so a dead link costs at most every other pass from its first failure on,
/// while a page that was only late (a feed that lists it before its page is live, a server that
/// restarted) is tried again the same hour. A permanent failure (404, not an article) is given up
/// after <see cref="PermanentLimit"/> failures, about 7 hours after the first (1 + 2 + 4 h): long
/// enough for a page published after its feed entry. Any failure is given up after
/// <see cref="Limit"/>, about 3 days of trying (1 + 2 + 4 + 8 + 16 + 24 + 24 h), which outlasts a
/// weekend's outage, or once <see cref="MaxAge"/> has passed since the first failure (a source run
/// once a day from cron). A Retry-After the server sent is waited out when it is longer, up to
/// <see cref="MaxDelay"/>. Failures that are not the entry's own (<see cref="EntryFailureKind.NotTried"/>)
/// do not count: the entry is simply due again at the next pass.
/// </remarks>
public static class EntryBackoff
{
    public static readonly TimeSpan FirstDelay = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromHours(24);
    public const int PermanentLimit = 4;
    public const int Limit = 8;
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(7);

    /// <summary>Whether the entry is to be left alone at <paramref name="now"/>: given up, or not yet due.</summary>
    public static bool Holds(EntryRetryState? state, DateTimeOffset now) =>
        state is not null && (state.GivenUp || state.NextAttemptAt > now);

    /// <summary>
    /// The entry's state after <paramref name="failure"/> at <paramref name="now"/>; null when it
    /// stays as it was (a failure not counted against an entry that has a state already).
    /// </summary>
    public static EntryRetryState? After(EntryRetryState? previous, string sourceId, string url, EntryFailure failure, DateTimeOffset now)
    {
        if (failure.Kind == EntryFailureKind.NotTried)
        {
            // Not the entry's doing: an entry with a state keeps it; a new one is due at the next pass.
            return previous is not null ? null : new EntryRetryState
            {
                SourceId = sourceId,
                Url = url,
                Failures = 0,
                FirstFailedAt = now,
                LastFailedAt = now,
                NextAttemptAt = now + (failure.RetryAfter ?? TimeSpan.Zero),
                LastError = failure.Reason,
            };
        }

        var failures = (previous?.Failures ?? 0) + 1;
        var first = previous?.FirstFailedAt ?? now;
        var givenUp = failures >= Limit
            || (failure.Kind == EntryFailureKind.Permanent && failures >= PermanentLimit)
            || (failures > 1 && now - first >= MaxAge);
        return new EntryRetryState
        {
            SourceId = sourceId,
            Url = url,
            Failures = failures,
            FirstFailedAt = first,
            LastFailedAt = now,
            NextAttemptAt = givenUp ? null : now + Delay(failures, failure.RetryAfter),
            LastError = failure.Reason,
            GaveUpAt = givenUp ? now : null,
        };
    }

    /// <summary>The wait after the <paramref name="failures"/>th failure in a row.</summary>
    public static TimeSpan Delay(int failures, TimeSpan? retryAfter)
    {
        var doubled = FirstDelay.TotalHours * Math.Pow(2, Math.Clamp(failures - 1, 0, 30));
        var delay = TimeSpan.FromHours(Math.Min(doubled, MaxDelay.TotalHours));
        return retryAfter is { } asked && asked > delay ? (asked < MaxDelay ? asked : MaxDelay) : delay;
    }

    /// <summary>What the run's record says of an entry just given up.</summary>
    public static string GivenUpNote(EntryRetryState state) =>
        $"given up after {state.Failures} failures since {NewsDatabase.Format(state.FirstFailedAt)}; not asked for again";

    /// <summary>Why an entry was left alone, for the log.</summary>
    public static string Describe(EntryRetryState state) =>
        state.GivenUp
            ? $"given up at {NewsDatabase.Format(state.GaveUpAt!.Value)} after {state.Failures} failures (last: {state.LastError})"
            : $"failed {state.Failures} times, next attempt at {NewsDatabase.Format(state.NextAttemptAt!.Value)} (last: {state.LastError})";
}
