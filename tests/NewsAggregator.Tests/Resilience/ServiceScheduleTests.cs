using Microsoft.Data.Sqlite;
using NewsAggregator.Sources;
using NewsAggregator.Hosting;
using NewsAggregator.Storage;
using NewsAggregator.Tests.TestWeb;
using StorageDatabase = NewsAggregator.Storage.NewsDatabase;

namespace NewsAggregator.Tests.Resilience;

/// <summary>The service keeps each source's next due time, across restarts too.</summary>
public sealed class ServiceScheduleTests : IDisposable
{
    private static readonly string Story = new Uri(FixturePath.Of("ExtractCommand", "saved", "harbour-market.html")).AbsoluteUri;

    private readonly string _folder = Directory.CreateTempSubdirectory("newsaggregator-schedule-").FullName;

    private string SourcesPath => Path.Combine(_folder, "sources.json");
    private string DatabasePath => Path.Combine(_folder, "news.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 0, 0, TimeSpan.Zero);

    private static readonly Source Wire = new() { Id = "wire", Name = "Wire", Type = SourceType.Rss, Url = new Uri("https://wire.example/feed.xml") };

    [Fact]
    public void A_source_due_later_than_its_first_slot_starts_at_its_due_time()
    {
        var state = new SourceState { SourceId = "wire", NextDueAt = Now.AddHours(8) };

        Assert.Equal(Now.AddHours(8), SourceSchedule.FirstRunAt(Wire, 0, 1, Now, state));
    }

    [Fact]
    public void A_source_already_due_or_never_run_takes_its_spread_out_slot()
    {
        var overdue = new SourceState { SourceId = "wire", NextDueAt = Now.AddHours(-8) };

        Assert.Equal(Now + TimeSpan.FromMinutes(2.5), SourceSchedule.FirstRunAt(Wire, 1, 2, Now, overdue));
        Assert.Equal(Now, SourceSchedule.FirstRunAt(Wire, 0, 2, Now, null));
    }

    [Fact]
    public async Task Service_records_each_pass_next_due_time_and_leaves_a_backed_off_source_alone()
    {
        File.WriteAllText(SourcesPath, $$"""
            { "sources": [
              { "id": "due", "name": "Due", "type": "page", "url": "{{Story}}" },
              { "id": "backed-off", "name": "Backed off", "type": "page", "url": "{{Story}}" }
            ] }
            """);
        // An earlier run left "backed-off" failing, not due again for a day.
        var database = StorageDatabase.Open(DatabasePath);
        database.SyncSources(SourcesFile.Load(SourcesPath), DateTimeOffset.UtcNow);
        database.RecordRun(new SourceRunRecord
        {
            SourceId = "backed-off",
            StartedAt = DateTimeOffset.UtcNow,
            FinishedAt = DateTimeOffset.UtcNow,
            Error = "HTTP 503 Service Unavailable",
            NextDueAt = DateTimeOffset.UtcNow.AddDays(1),
        });
        database.Close();

        using var stop = new CancellationTokenSource();
        var service = CommandRun.RunAsync(["--sources", SourcesPath, "--db", DatabasePath], stop.Token);
        // Both sources would be due within the first minutes of a fresh start (first passes are
        // spread over at most 5 minutes, here 2 sources: 0 s and 2.5 min); wait for "due" to run.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Runs("due") == 0 && DateTime.UtcNow < deadline && !service.IsCompleted)
        {
            await Task.Delay(100);
        }
        stop.Cancel();
        var (exitCode, _, error) = await service;

        Assert.True(exitCode == 0, error);
        Assert.Equal(1, Runs("due"));
        Assert.Equal(1, Runs("backed-off")); // only the one recorded before the service started
        var due = DateTimeOffset.Parse((string)Scalar("SELECT next_due_at FROM source_state WHERE source_id = 'due'")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(due > DateTimeOffset.UtcNow.AddMinutes(20), $"next due {due:u}");
    }

    // Passes that recorded their end: a pass's row exists from its start, marked unfinished until then.
    private long Runs(string sourceId) =>
        (long)(Scalar($"SELECT count(*) FROM runs WHERE source_id = '{sourceId}' AND error IS NOT '{StorageDatabase.UnfinishedRun}'") ?? 0L);

    private object? Scalar(string sql)
    {
        if (!File.Exists(DatabasePath))
        {
            return null;
        }
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
