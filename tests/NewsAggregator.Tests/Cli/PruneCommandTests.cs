using Microsoft.Data.Sqlite;
using NewsAggregator.Storage;
using NewsAggregator.Tests.Storage;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Cli;

/// <summary><c>prune --older-than</c> as a user runs it: what it prints, what it changes, what it refuses.</summary>
public sealed class PruneCommandTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    /// <summary>A database with <paramref name="old"/> articles first seen 200 days ago and <paramref name="recent"/> seen today.</summary>
    private void Stored(int old, int recent)
    {
        var now = DateTimeOffset.UtcNow;
        var database = NewsDatabase.Open(_workspace.DatabasePath);
        database.SyncSources(TemporaryDatabase.Sources("a"), now);
        for (var i = 0; i < old + recent; i++)
        {
            database.StoreArticle(ChangeSequenceTests.Article("a", $"https://a.example/news/{i}", ChangeSequenceTests.DistinctText(i), 0) with
            {
                FetchedAt = i < old ? now.AddDays(-200).AddHours(i) : now.AddMinutes(-i),
            });
        }
        database.Close();
    }

    private long Articles()
    {
        using var reader = new SqliteConnection($"Data Source={_workspace.DatabasePath};Mode=ReadOnly;Pooling=False");
        reader.Open();
        using var count = reader.CreateCommand();
        count.CommandText = "SELECT count(*) FROM articles;";
        return (long)count.ExecuteScalar()!;
    }

    private Task<CommandRun> PruneAsync(params string[] more) => CommandRun.RunAsync(["prune", "--db", _workspace.DatabasePath, .. more]);

    [Theory]
    [InlineData("6m", "error: --older-than 6m: m is ambiguous (minutes or months): write days, weeks or years instead, such as 180d, 26w or 1y")]
    [InlineData("90", "error: --older-than 90: the unit must be h (hours), d (days), w (weeks) or y (years), after a whole number, as in 90d")]
    [InlineData("0d", "error: --older-than 0d: a duration must be at least 1 of its unit")]
    [InlineData("ninety", "error: --older-than ninety: a duration is a whole number followed by its unit, as in 90d, 12w or 2y")]
    public async Task A_bad_duration_is_exit_2_with_one_line_and_changes_nothing(string duration, string line)
    {
        Stored(old: 2, recent: 1);

        var run = await PruneAsync("--older-than", duration);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(line + "\n", run.Error);
        Assert.Equal(3, Articles());
    }

    [Fact]
    public async Task Without_a_duration_it_is_a_usage_error()
    {
        var run = await PruneAsync();

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--older-than", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public Task A_missing_database_is_exit_2_and_not_created() =>
        ReadOnlyReportChecks.MissingDatabaseIsRefusedAsync(_workspace, () => PruneAsync("--older-than", "90d"));

    [Fact]
    public Task A_file_that_is_not_a_database_is_exit_2_and_left_untouched() =>
        ReadOnlyReportChecks.FileNotOursIsLeftUntouchedAsync(_workspace, () => PruneAsync("--older-than", "90d"));

    [Fact]
    public async Task Dry_run_prints_the_counts_and_deletes_nothing()
    {
        Stored(old: 3, recent: 2);

        var run = await PruneAsync("--older-than", "90d", "--dry-run");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^would prune 3 articles first seen before \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(older than 90d\); nothing was deleted \(--dry-run\)$", lines[0]);
        Assert.StartsWith("rows with them: article_sightings 3, ", lines[1], StringComparison.Ordinal);
        Assert.Contains("URLs remembered so that feeds still listing them do not bring them back: 3;", lines[2], StringComparison.Ordinal);
        Assert.Equal(5, Articles());
    }

    [Fact]
    public async Task Prune_deletes_the_old_articles_and_says_what_it_deleted_and_gave_back()
    {
        Stored(old: 3, recent: 2);

        var run = await PruneAsync("--older-than", "12w");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Matches(@"^pruned 3 articles first seen before \S+ \(older than 12w\)$", lines[0]);
        Assert.Matches(@"^database \d+\.\d MB -> \d+\.\d MB \(\d+\.\d MB given back to the disk by incremental vacuum\)$", lines[3]);
        Assert.Equal(2, Articles());
    }
}
