using NewsAggregator.Pipeline;
using NewsAggregator.Storage;

namespace NewsAggregator.Tests.Pipeline;

/// <summary>The failed entry's schedule: when it is asked for again, and when it is given up.</summary>
public sealed class EntryBackoffTests
{
    private static readonly DateTimeOffset First = new(2026, 3, 4, 5, 0, 0, TimeSpan.Zero);
    private const string Url = "https://wire.example/story";

    private static EntryRetryState? Fail(EntryRetryState? previous, EntryFailureKind kind, DateTimeOffset at, TimeSpan? retryAfter = null) =>
        EntryBackoff.After(previous, "wire", Url, new EntryFailure("why", kind, retryAfter), at);

    /// <summary>Fails the entry each time it is due, from <see cref="First"/> on; the states after each failure.</summary>
    private static List<EntryRetryState> FailEachTimeDue(EntryFailureKind kind, int times)
    {
        var states = new List<EntryRetryState>();
        EntryRetryState? state = null;
        var at = First;
        for (var i = 0; i < times && state?.GivenUp != true; i++)
        {
            state = Fail(state, kind, at)!;
            states.Add(state);
            at = state.NextAttemptAt ?? at;
        }
        return states;
    }

    public static TheoryData<string, EntryFailureKind, int, double[]> Schedules => new()
    {
        // case, kind, failures until given up, hours waited after each failure but the last
        { "a 404 is asked for again after 1, 2 and 4 h, and given up at its 4th failure", EntryFailureKind.Permanent, 4, [1, 2, 4] },
        { "a 5xx doubles to the 24 h cap and is given up at its 8th failure", EntryFailureKind.Transient, 8, [1, 2, 4, 8, 16, 24, 24] },
    };

    [Theory]
    [MemberData(nameof(Schedules))]
    public void Failures_wait_longer_each_time_until_the_entry_is_given_up(string rule, EntryFailureKind kind, int limit, double[] waits)
    {
        var states = FailEachTimeDue(kind, times: 20);

        Assert.True(states.Count == limit, rule);
        Assert.Equal(waits, states.SkipLast(1).Select(state => (state.NextAttemptAt!.Value - state.LastFailedAt).TotalHours));
        Assert.Equal((limit, states[^1].LastFailedAt, (DateTimeOffset?)null), (states[^1].Failures, states[^1].GaveUpAt!.Value, states[^1].NextAttemptAt));
        Assert.All(states, state => Assert.Equal(First, state.FirstFailedAt));
    }

    [Fact]
    public void A_longer_retry_after_is_waited_out_up_to_the_cap()
    {
        Assert.Equal(First.AddHours(3), Fail(null, EntryFailureKind.Transient, First, TimeSpan.FromHours(3))!.NextAttemptAt);
        Assert.Equal(First.AddHours(1), Fail(null, EntryFailureKind.Transient, First, TimeSpan.FromMinutes(5))!.NextAttemptAt);
        Assert.Equal(First.AddHours(24), Fail(null, EntryFailureKind.Transient, First, TimeSpan.FromDays(3))!.NextAttemptAt);
    }

    [Fact]
    public void An_entry_failing_for_longer_than_the_age_limit_is_given_up_whatever_its_count()
    {
        var once = Fail(null, EntryFailureKind.Transient, First)!;

        var aWeekLater = Fail(once, EntryFailureKind.Transient, First + EntryBackoff.MaxAge)!;

        Assert.Equal(2, aWeekLater.Failures);
        Assert.True(aWeekLater.GivenUp);
    }

    [Fact]
    public void A_failure_that_is_not_the_entrys_own_does_not_count()
    {
        var notReached = Fail(null, EntryFailureKind.NotTried, First)!;
        var failedOnce = Fail(null, EntryFailureKind.Permanent, First)!;

        // New: kept, due at the next pass, nothing counted; known: left exactly as it was.
        Assert.Equal((0, First), (notReached.Failures, notReached.NextAttemptAt!.Value));
        Assert.Null(Fail(failedOnce, EntryFailureKind.NotTried, First.AddHours(1)));
        Assert.Equal(1, Fail(notReached, EntryFailureKind.Permanent, First.AddMinutes(30))!.Failures);
    }

    [Fact]
    public void An_entry_is_left_alone_while_waiting_or_given_up()
    {
        var waiting = Fail(null, EntryFailureKind.Permanent, First)!;
        var givenUp = FailEachTimeDue(EntryFailureKind.Permanent, times: 20)[^1];

        Assert.False(EntryBackoff.Holds(null, First));
        Assert.True(EntryBackoff.Holds(waiting, First.AddMinutes(59)));
        Assert.False(EntryBackoff.Holds(waiting, First.AddHours(1)));
        Assert.True(EntryBackoff.Holds(givenUp, First.AddYears(1)));
    }
}
