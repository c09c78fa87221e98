using NewsAggregator.Tests.Pipeline;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Cli;

/// <summary>Which sources a <c>--once</c> runs: <c>--source ID</c> (repeatable) and <c>enabled: false</c>.</summary>
public sealed class SourceSelectionTests(FixtureWebHost host) : IClassFixture<FixtureWebHost>
{
    private FixtureWeb Web => host.Web;

    private SourceEntry Source(string id) => FixtureNews.Sources(Web).Single(source => source.Id == id);

    [Fact]
    public async Task Source_option_runs_only_that_source()
    {
        using var workspace = new TempWorkspace();
        SourcesJson.Write(workspace, [Source(FixtureNews.WireRss), Source(FixtureNews.HeraldFeature), Source(FixtureNews.PlanetAtom)]);
        var feedRequests = Web.RequestsTo("/wire-times/feed.rss") + Web.RequestsTo("/daily-planet/feeds/latest.atom");

        var run = await CommandRun.OnceAsync(workspace, "--source", FixtureNews.HeraldFeature);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal([FixtureNews.HeraldFeature], run.Summaries.Select(summary => summary.SourceId));
        var articles = StoredRows.Read(workspace.DatabasePath).Articles;
        Assert.Equal([FixtureNews.HeraldFeature], articles.Select(article => article.SourceId));
        Assert.Equal(feedRequests, Web.RequestsTo("/wire-times/feed.rss") + Web.RequestsTo("/daily-planet/feeds/latest.atom"));
    }

    [Fact]
    public async Task Source_option_can_be_repeated()
    {
        using var workspace = new TempWorkspace();
        SourcesJson.Write(workspace, [Source(FixtureNews.WireRss), Source(FixtureNews.HeraldFeature), Source(FixtureNews.HeraldLocal)]);
        var wireRequests = Web.RequestsTo("/wire-times/feed.rss");

        var run = await CommandRun.OnceAsync(workspace, "--source", FixtureNews.HeraldLocal, "--source", FixtureNews.HeraldFeature);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            [FixtureNews.HeraldFeature, FixtureNews.HeraldLocal],
            run.Summaries.Select(summary => summary.SourceId).Order(StringComparer.Ordinal));
        Assert.Equal(wireRequests, Web.RequestsTo("/wire-times/feed.rss"));
    }

    [Fact]
    public async Task Unknown_source_id_exits_2_naming_it_and_runs_nothing()
    {
        using var workspace = new TempWorkspace();
        SourcesJson.Write(workspace, [Source(FixtureNews.WireRss), Source(FixtureNews.HeraldFeature)]);
        var requestsBefore = Web.TotalRequests;

        var run = await CommandRun.OnceAsync(workspace, "--source", "no-such-source");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("no-such-source", run.Error);
        Assert.Empty(run.Summaries);
        Assert.Equal(requestsBefore, Web.TotalRequests);
        SourcesFileErrorTests.AssertNoStackTrace(run);
    }

    [Fact]
    public async Task Disabled_source_is_not_run()
    {
        using var workspace = new TempWorkspace();
        SourcesJson.Write(workspace, [Source(FixtureNews.WireRss) with { Enabled = false }, Source(FixtureNews.HeraldFeature)]);
        var wireRequests = Web.RequestsTo("/wire-times/feed.rss");

        var run = await CommandRun.OnceAsync(workspace);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal([FixtureNews.HeraldFeature], run.Summaries.Select(summary => summary.SourceId));
        Assert.Equal(wireRequests, Web.RequestsTo("/wire-times/feed.rss"));
    }

    [Fact]
    public async Task Naming_a_disabled_source_runs_it_without_enabling_it_in_the_database()
    {
        using var workspace = new TempWorkspace();
        SourcesJson.Write(workspace, [Source(FixtureNews.HeraldFeature) with { Enabled = false }, Source(FixtureNews.WireRss)]);

        var run = await CommandRun.OnceAsync(workspace, "--source", FixtureNews.HeraldFeature);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal([FixtureNews.HeraldFeature], run.Summaries.Select(summary => summary.SourceId));
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={workspace.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, enabled FROM sources ORDER BY id";
        using var reader = command.ExecuteReader();
        var enabled = new Dictionary<string, long>();
        while (reader.Read())
        {
            enabled[reader.GetString(0)] = reader.GetInt64(1);
        }
        Assert.Equal(0L, enabled[FixtureNews.HeraldFeature]);
        Assert.Equal(1L, enabled[FixtureNews.WireRss]);
    }
}
