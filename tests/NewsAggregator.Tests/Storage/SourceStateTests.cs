using NewsAggregator.Fetching;
using NewsAggregator.Storage;

namespace NewsAggregator.Tests.Storage;

public sealed class SourceStateTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
    private readonly TemporaryDatabase _files = new();

    public void Dispose() => _files.Dispose();

    private NewsDatabase Open() => _files.OpenWithSources(Now, "wire");

    private static SourceRunRecord Run(string? error = null, CacheValidators? validators = null) => new()
    {
        SourceId = "wire",
        StartedAt = Now,
        FinishedAt = Now,
        Error = error,
        NextDueAt = Now.AddHours(2),
        SourceUrl = "https://wire.example/feed.xml",
        SourceValidators = validators,
        EntryProblems = error is null ? ["https://wire.example/a: HTTP 404 Not Found"] : [],
    };

    [Fact]
    public void State_counts_consecutive_failures_and_keeps_the_next_due_time()
    {
        var database = Open();

        database.RecordRun(Run());
        database.RecordRun(Run("HTTP 500 Internal Server Error"));
        database.RecordRun(Run("HTTP 502 Bad Gateway") with { NextDueAt = Now.AddHours(4) });
        var state = database.GetSourceState("wire")!;

        Assert.Equal(2, state.ConsecutiveFailures);
        Assert.Equal("HTTP 502 Bad Gateway", state.LastError);
        Assert.Equal(Now, state.LastSuccessAt);
        Assert.Equal(Now.AddHours(4), state.NextDueAt);
        Assert.Equal(state, database.ReadSourceStates()["wire"]);
    }

    [Fact]
    public void Success_resets_the_failures_and_clears_the_error()
    {
        var database = Open();

        database.RecordRun(Run("timed out after 30 s"));
        database.RecordRun(Run());
        var state = database.GetSourceState("wire")!;

        Assert.Equal(0, state.ConsecutiveFailures);
        Assert.Null(state.LastError);
    }

    [Fact]
    public void A_run_replaces_or_forgets_the_validators_of_the_source_document()
    {
        var database = Open();
        var validators = new CacheValidators("\"v1\"", "Wed, 04 Mar 2026 05:06:07 GMT");

        database.RecordRun(Run(validators: validators));
        var kept = database.FindValidators("wire", "https://wire.example/feed.xml");
        database.RecordRun(Run("HTTP 500 Internal Server Error"));
        var forgotten = database.FindValidators("wire", "https://wire.example/feed.xml");

        Assert.Equal(validators, kept);
        Assert.Null(forgotten);
    }

    [Fact]
    public void Validators_are_kept_per_source_and_url()
    {
        var database = _files.Open();
        database.SyncSources(TemporaryDatabase.Sources("one", "two"), Now);

        database.SaveValidators("one", "https://x.example/page", new CacheValidators("\"a\"", null), Now);

        Assert.Equal(new CacheValidators("\"a\"", null), database.FindValidators("one", "https://x.example/page"));
        Assert.Null(database.FindValidators("two", "https://x.example/page"));
    }

    [Fact]
    public void A_passs_pages_validators_are_read_at_once_as_they_are_one_by_one()
    {
        var database = _files.Open();
        database.SyncSources(TemporaryDatabase.Sources("one", "two"), Now);
        var quoted = "https://x.example/page?q=\"ελ\"";
        database.SaveValidators("one", "https://x.example/page", new CacheValidators("\"a\"", null), Now);
        database.SaveValidators("one", quoted, new CacheValidators(null, "Tue, 03 Mar 2026 10:00:00 GMT"), Now);
        database.SaveValidators("two", "https://x.example/other", new CacheValidators("\"b\"", null), Now);

        var kept = database.FindValidators("one", ["https://x.example/page", quoted, "https://x.example/other", "https://x.example/new"]);

        Assert.Equal(2, kept.Count);
        Assert.Equal(database.FindValidators("one", "https://x.example/page"), kept["https://x.example/page"]);
        Assert.Equal(database.FindValidators("one", quoted), kept[quoted]);
    }

    [Fact]
    public void Entry_problems_are_kept_with_the_run()
    {
        var database = Open();

        database.RecordRun(Run());

        Assert.Equal("https://wire.example/a: HTTP 404 Not Found", _files.Scalar("SELECT entry_problems FROM runs"));
    }

    [Fact]
    public void A_new_database_leaves_no_building_file_behind()
    {
        _files.Open().Close();

        Assert.Equal(["news.db"], Directory.GetFiles(_files.Folder).Select(Path.GetFileName).Where(f => !f!.EndsWith("-wal", StringComparison.Ordinal) && !f.EndsWith("-shm", StringComparison.Ordinal)));
    }
}
