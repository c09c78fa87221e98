using NewsAggregator.Fetching;
using NewsAggregator.Storage;

namespace NewsAggregator.Tests.Storage;

/// <summary>
/// Failed entries' retry states in <c>entry_retries</c>: written with the pass's run record, in its
/// transaction, so that they, the feed's validators and the run's end are kept together or not at all.
/// </summary>
public sealed class EntryRetriesTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
    private const string FeedUrl = "https://wire.example/feed.xml";
    private const string Dead = "https://wire.example/dead";
    private readonly TemporaryDatabase _files = new();

    public void Dispose() => _files.Dispose();

    private NewsDatabase Open() => _files.OpenWithSources(Now, "wire");

    private static EntryRetryState Failing(string url, int failures, DateTimeOffset? nextAttemptAt, DateTimeOffset? gaveUpAt = null) => new()
    {
        SourceId = "wire",
        Url = url,
        Failures = failures,
        FirstFailedAt = Now.AddHours(-3),
        LastFailedAt = Now,
        NextAttemptAt = nextAttemptAt,
        LastError = "HTTP 404 Not Found",
        GaveUpAt = gaveUpAt,
    };

    private static SourceRunRecord Run(RunId? run, DateTimeOffset finishedAt, params EntryRetryState[] retries) => new()
    {
        SourceId = "wire",
        Run = run,
        StartedAt = finishedAt,
        FinishedAt = finishedAt,
        Failed = retries.Length,
        NextDueAt = finishedAt.AddMinutes(30),
        SourceUrl = FeedUrl,
        SourceValidators = new CacheValidators("\"feed-1\"", null),
        EntryRetries = retries,
    };

    [Fact]
    public void A_pass_keeps_its_failed_entries_states_and_a_later_one_clears_those_it_recovered()
    {
        var database = Open();
        var other = "https://wire.example/other";

        database.RecordRun(Run(null, Now, Failing(Dead, 1, Now.AddHours(1)), Failing(other, 2, Now.AddHours(2))));
        var kept = database.FindEntryRetry("wire", Dead);
        database.RecordRun(Run(null, Now.AddHours(1)) with { RecoveredEntries = [Dead] });

        Assert.Equal(Failing(Dead, 1, Now.AddHours(1)), kept);
        Assert.Null(database.FindEntryRetry("wire", Dead));
        Assert.Equal(2, database.FindEntryRetry("wire", other)!.Failures);
    }

    [Fact]
    public void A_passs_entries_states_are_read_at_once_as_they_are_one_by_one()
    {
        var database = Open();
        var other = "https://wire.example/other?q=\"quoted\"&lang=ελ";
        database.RecordRun(Run(null, Now, Failing(Dead, 1, Now.AddHours(1)), Failing(other, 2, Now.AddHours(2))));

        var states = database.FindEntryRetries("wire", [Dead, other, "https://wire.example/fine"]);

        Assert.Equal(2, states.Count);
        Assert.Equal(database.FindEntryRetry("wire", Dead), states[Dead]);
        Assert.Equal(database.FindEntryRetry("wire", other), states[other]);
        // Another source's are not its.
        Assert.Empty(database.FindEntryRetries("other-source", [Dead, other]));
        Assert.Empty(database.FindEntryRetries("wire", []));
    }

    [Fact]
    public void Only_entries_due_and_not_given_up_are_read_as_due_the_longest_waiting_first()
    {
        var database = Open();
        database.RecordRun(Run(null, Now,
            Failing("https://wire.example/later", 2, Now.AddHours(2)),
            Failing("https://wire.example/due", 1, Now.AddHours(1)),
            Failing("https://wire.example/earlier", 1, Now.AddMinutes(10)),
            Failing("https://wire.example/given-up", 4, null, gaveUpAt: Now)));

        var due = database.ReadDueEntryRetries("wire", Now.AddHours(1), limit: 50);
        var limited = database.ReadDueEntryRetries("wire", Now.AddHours(1), limit: 1);

        Assert.Equal(["https://wire.example/earlier", "https://wire.example/due"], due.Select(state => state.Url));
        Assert.Equal(["https://wire.example/earlier"], limited.Select(state => state.Url));
    }

    [Fact]
    public void A_given_up_entry_is_forgotten_after_its_keeping_time()
    {
        var database = Open();
        database.RecordRun(Run(null, Now, Failing(Dead, 4, null, gaveUpAt: Now)));

        database.RecordRun(Run(null, Now + NewsDatabase.GivenUpKeptFor));
        var stillKept = database.FindEntryRetry("wire", Dead);
        database.RecordRun(Run(null, Now + NewsDatabase.GivenUpKeptFor + TimeSpan.FromSeconds(1)));

        Assert.NotNull(stillKept);
        Assert.Null(database.FindEntryRetry("wire", Dead));
    }

    [Fact]
    public void Retry_states_validators_and_the_runs_end_are_written_in_one_transaction()
    {
        var database = Open();
        var run = database.BeginRun("wire", Now);
        // The second state breaks the table's CHECK once the run's end, the source's state, the
        // validators and the first state are written: a failure anywhere must leave none of them.
        var broken = Failing("https://wire.example/broken", -1, Now.AddHours(1));

        Assert.Throws<StorageException>(() => database.RecordRun(Run(run, Now, Failing(Dead, 1, Now.AddHours(1)), broken)));

        Assert.Equal(NewsDatabase.UnfinishedRun, _files.Scalar("SELECT error FROM runs"));
        Assert.Equal(0L, _files.Scalar("SELECT count(*) FROM entry_retries"));
        Assert.Equal(0L, _files.Scalar("SELECT count(*) FROM fetch_validators"));
        Assert.Null(database.GetSourceState("wire"));
    }

    [Fact]
    public void A_state_is_either_due_at_a_time_or_given_up_never_both()
    {
        var database = Open();

        Assert.Throws<StorageException>(() => database.RecordRun(Run(null, Now, Failing(Dead, 4, Now.AddHours(1), gaveUpAt: Now))));
        Assert.Throws<StorageException>(() => database.RecordRun(Run(null, Now, Failing(Dead, 4, null))));
    }
}
