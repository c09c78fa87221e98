namespace NewsAggregator.Tests.Resilience;

/// <summary>
/// SIGKILL at several points of a real worker's run: each time the database passes
/// <c>PRAGMA integrity_check</c> and holds no half-stored article; the next run finishes the work
/// with no duplicate rows.
/// </summary>
public sealed class CrashSafetyTests(SlowSites sites) : IClassFixture<SlowSites>
{
    // One source at a time, so "the first source's run is recorded" falls in the middle of the run.
    private static readonly Dictionary<string, string> Environment = new() { ["NEWSAGGREGATOR_MaxParallelSources"] = "1" };

    private string Database => sites.DatabasePath;

    private long Articles => WorkerRun.Count(Database, "SELECT count(*) FROM articles") ?? 0;

    // Passes that recorded their end: a pass's row exists from its start, marked unfinished until then.
    private long Runs => WorkerRun.Count(Database, "SELECT count(*) FROM runs WHERE error IS NULL") ?? 0;

    [Fact]
    public async Task Worker_killed_mid_run_leaves_a_sound_database_and_the_next_run_completes_without_duplicates()
    {
        var killPoints = new (string Name, Func<long, long, bool> Reached)[]
        {
            ("as soon as the database exists", (_, _) => WorkerRun.Count(Database, "SELECT count(*) FROM sqlite_master") > 0),
            ("after its first article", (articles, _) => Articles >= articles + 1),
            ("in the middle of a source", (articles, _) => Articles >= articles + 4),
            ("between two sources", (_, runs) => Runs >= runs + 1),
        };

        foreach (var (name, reached) in killPoints)
        {
            var (articlesBefore, runsBefore) = (Articles, Runs);
            using var worker = WorkerRun.Once(sites.SourcesPath, Database, Environment);
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!reached(articlesBefore, runsBefore) && !worker.HasExited && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10);
            }

            if (worker.HasExited)
            {
                Assert.Fail($"the worker finished before it could be killed {name}: {await worker.WaitAsync()}");
            }
            worker.Kill();
            Assert.NotEqual(0, (await worker.WaitAsync()).ExitCode);

            AssertSound(name);
        }

        using var rerun = WorkerRun.Once(sites.SourcesPath, Database, Environment);
        var (exitCode, output, error) = await rerun.WaitAsync();

        Assert.True(exitCode == 0, $"{output}\n{error}");
        AssertSound("after the rerun");
        Assert.Equal(2 * FaultWeb.SlowStories, Articles);
        Assert.Equal(0, WorkerRun.Count(Database, "SELECT count(*) - count(DISTINCT url) FROM articles"));
        Assert.Equal(0, WorkerRun.Count(Database, "SELECT count(*) - count(DISTINCT content_hash) FROM articles"));
        Assert.Equal(2 * FaultWeb.SlowStories, WorkerRun.Count(Database, "SELECT count(*) FROM article_sightings"));
    }

    private void AssertSound(string when)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check;";
        Assert.Equal("ok", check.ExecuteScalar() as string);

        Assert.True(0 == WorkerRun.Count(Database, """
            SELECT count(*) FROM articles a
            WHERE a.text = '' OR NOT EXISTS (
                SELECT 1 FROM article_sightings s WHERE s.article_id = a.id AND s.source_id = a.source_id AND s.url = a.url)
            """), $"an article without its first sighting {when}");
        Assert.True(0 == WorkerRun.Count(Database,
            "SELECT count(*) FROM article_sightings s WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = s.article_id)"),
            $"a sighting without its article {when}");
    }
}
