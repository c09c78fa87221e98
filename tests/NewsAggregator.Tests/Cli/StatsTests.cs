using System.Globalization;
using System.Text.Json;
using NewsAggregator.Storage;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Cli;

/// <summary>
/// <c>stats</c>: the runs of a real database summed per source and UTC day over a window that
/// ends today; never creates a database.
/// </summary>
public sealed class StatsTests : IDisposable
{
    // The command counts back from the real clock, so the runs are placed relative to today (UTC).
    // A fixed day passed as --until: the window never depends on the clock the tests run by.
    private static readonly DateTimeOffset Today = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private static string Day(int daysAgo) => Today.AddDays(-daysAgo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Today: wire stores 3 (1 duplicate); desk stores 1 with 2 failed entries, then fails, then has
    /// a pass still unfinished. Yesterday: wire 2 (2 duplicates), desk fails, retired (gone from the
    /// file) stores 1. Three days ago: wire 4. Ten days ago: wire 9 and a failure, outside 7 days.
    /// </summary>
    private void Prepare()
    {
        _workspace.WriteFile("sources.json", """
            {
              "sources": [
                { "id": "wire", "name": "The Wire", "type": "rss", "url": "https://wire.example/feed.xml" },
                { "id": "desk", "name": "The Desk", "type": "rss", "url": "https://desk.example/feed.xml" }
              ]
            }
            """);
        var database = NewsDatabase.Open(_workspace.DatabasePath);
        try
        {
            database.SyncSources(Storage.TemporaryDatabase.Sources("wire", "desk", "retired"), Today.AddDays(-20));
            database.RecordRun(Run("wire", Today.AddHours(1), stored: 3, duplicates: 1));
            database.RecordRun(Run("desk", Today.AddHours(2), stored: 1, failed: 2));
            database.RecordRun(Run("desk", Today.AddHours(3), error: "HTTP 500 Internal Server Error"));
            database.BeginRun("desk", Today.AddHours(4));
            database.RecordRun(Run("wire", Today.AddDays(-1).AddHours(5), stored: 2, duplicates: 2));
            database.RecordRun(Run("desk", Today.AddDays(-1).AddHours(6), error: "HTTP 502 Bad Gateway"));
            database.RecordRun(Run("retired", Today.AddDays(-1).AddHours(7), stored: 1));
            database.RecordRun(Run("wire", Today.AddDays(-3), stored: 4));
            database.RecordRun(Run("wire", Today.AddDays(-10).AddHours(1), stored: 9));
            database.RecordRun(Run("wire", Today.AddDays(-10).AddHours(2), error: "timed out"));
        }
        finally
        {
            database.Close();
        }
    }

    private static SourceRunRecord Run(string id, DateTimeOffset at, int stored = 0, int duplicates = 0, int failed = 0, string? error = null) => new()
    {
        SourceId = id,
        StartedAt = at,
        FinishedAt = at.AddMinutes(1),
        NewArticles = stored,
        Duplicates = duplicates,
        Failed = failed,
        Error = error,
    };

    private Task<CommandRun> StatsAsync(params string[] more) =>
        CommandRun.RunAsync(["stats", "--sources", _workspace.SourcesPath, "--db", _workspace.DatabasePath,
            "--until", Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), .. more]);

    [Theory]
    [InlineData("0001-01-01", "7")]
    [InlineData("0001-01-05", "10")]
    public async Task A_window_reaching_before_the_calendar_is_one_usage_error_line(string until, string days)
    {
        Prepare();
        var run = await CommandRun.RunAsync("stats", "--sources", _workspace.SourcesPath, "--db", _workspace.DatabasePath, "--until", until, "--days", days);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal($"error: --days {days} ending {until} falls outside the calendar, which starts on 0001-01-01; give a later --until or fewer --days\n", run.Error);
    }

    [Fact]
    public async Task The_calendar_s_last_day_is_a_window_like_any_other()
    {
        Prepare();
        var run = await CommandRun.RunAsync("stats", "--sources", _workspace.SourcesPath, "--db", _workspace.DatabasePath, "--until", "9999-12-31", "--days", "1", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task The_table_shows_each_source_per_day_with_totals_aligned()
    {
        Prepare();

        var run = await StatsAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            [
                "DAY         SOURCE   RUNS  STORED  DUPLICATES  FAILED ENTRIES  FAILED RUNS",
                $"{Day(3)}  wire     1     4       0           0               0",
                $"{Day(3)}  (all)    1     4       0           0               0",
                $"{Day(1)}  wire     1     2       2           0               0",
                $"{Day(1)}  desk     1     0       0           0               1",
                $"{Day(1)}  retired  1     1       0           0               0",
                $"{Day(1)}  (all)    3     3       2           0               1",
                $"{Day(0)}  wire     1     3       1           0               0",
                $"{Day(0)}  desk     3     1       0           2               1",
                $"{Day(0)}  (all)    4     4       1           2               1",
                "total       (all)    8     11      3           2               2",
            ],
            run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task The_window_is_the_last_n_days_today_included()
    {
        Prepare();

        var today = await StatsAsync("--days", "1");
        var two = await StatsAsync("--days", "2");
        var eleven = await StatsAsync("--days", "11");

        Assert.True(today.ExitCode == 0, today.ToString());
        Assert.Equal(
            [
                "DAY         SOURCE  RUNS  STORED  DUPLICATES  FAILED ENTRIES  FAILED RUNS",
                $"{Day(0)}  wire    1     3       1           0               0",
                $"{Day(0)}  desk    3     1       0           2               1",
                $"{Day(0)}  (all)   4     4       1           2               1",
                "total       (all)   4     4       1           2               1",
            ],
            today.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain(Day(3), two.Output, StringComparison.Ordinal);
        Assert.Matches("(?m)^total +\\(all\\) +7 +7 +3 +2 +2$", two.Output);
        Assert.Matches($"(?m)^{Day(10)} +wire +2 +9 +0 +0 +1$", eleven.Output);
        Assert.Matches("(?m)^total +\\(all\\) +10 +20 +3 +2 +3$", eleven.Output);
    }

    [Fact]
    public async Task Json_has_the_rows_the_days_and_the_total_with_camel_case_names()
    {
        Prepare();

        var run = await StatsAsync("--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal(7, root.GetProperty("days").GetInt32());
        Assert.Equal(Day(6), root.GetProperty("from").GetString());
        Assert.Equal(Day(0), root.GetProperty("to").GetString());

        var rows = root.GetProperty("rows").EnumerateArray()
            .Select(row => $"{row.GetProperty("day").GetString()} {row.GetProperty("source").GetString()}").ToList();
        Assert.Equal([$"{Day(3)} wire", $"{Day(1)} wire", $"{Day(1)} desk", $"{Day(1)} retired", $"{Day(0)} wire", $"{Day(0)} desk"], rows);
        var desk = root.GetProperty("rows")[5].GetProperty("counts");
        Assert.Equal(3, desk.GetProperty("runs").GetInt64());
        Assert.Equal(1, desk.GetProperty("stored").GetInt64());
        Assert.Equal(0, desk.GetProperty("duplicates").GetInt64());
        Assert.Equal(2, desk.GetProperty("failedEntries").GetInt64());
        Assert.Equal(1, desk.GetProperty("failedRuns").GetInt64());

        var days = root.GetProperty("perDay").EnumerateArray().ToList();
        Assert.Equal([Day(3), Day(1), Day(0)], days.Select(day => day.GetProperty("day").GetString()));
        // A whole day has no source.
        Assert.False(days[1].TryGetProperty("source", out _));
        Assert.Equal(3, days[1].GetProperty("counts").GetProperty("stored").GetInt64());

        var total = root.GetProperty("total");
        Assert.Equal(8, total.GetProperty("runs").GetInt64());
        Assert.Equal(11, total.GetProperty("stored").GetInt64());
        Assert.Equal(3, total.GetProperty("duplicates").GetInt64());
        Assert.Equal(2, total.GetProperty("failedEntries").GetInt64());
        Assert.Equal(2, total.GetProperty("failedRuns").GetInt64());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("3651")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("2.5")]
    public async Task Days_out_of_range_is_exit_2_with_one_line(string days)
    {
        Prepare();

        var run = await StatsAsync("--days", days);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal($"error: --days must be a whole number from 1 to 3650, not {days}\n", run.Error);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task Until_moves_the_window_back()
    {
        Prepare();
        var yesterday = Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var run = await CommandRun.RunAsync(["stats", "--sources", _workspace.SourcesPath, "--db", _workspace.DatabasePath,
            "--until", yesterday, "--days", "1"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(yesterday, run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Until_that_is_not_a_day_is_exit_2_with_one_line()
    {
        Prepare();

        var run = await CommandRun.RunAsync(["stats", "--sources", _workspace.SourcesPath, "--db", _workspace.DatabasePath, "--until", "yesterday"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("error: --until must be a day as yyyy-MM-dd, not yesterday\n", run.Error);
    }

    [Fact]
    public async Task A_missing_database_is_exit_2_and_is_not_created()
    {
        Prepare();
        await ReadOnlyReportChecks.MissingDatabaseIsRefusedAsync(_workspace, () => StatsAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_exit_2_and_left_untouched()
    {
        Prepare();
        await ReadOnlyReportChecks.FileNotOursIsLeftUntouchedAsync(_workspace, () => StatsAsync());
    }
}
