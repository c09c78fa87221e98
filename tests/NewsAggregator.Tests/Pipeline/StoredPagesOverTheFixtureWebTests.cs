using NewsAggregator.Storage;
using NewsAggregator.Tests.Storage;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Pipeline;

/// <summary>
/// Which pages a run over the fixture web keeps: the page of every story whose text came from it,
/// none for the story stored from its feed's text (its page answers 404), and none for the
/// syndicated copy stored as a sighting; then <c>reextract</c> over them changes nothing.
/// </summary>
public sealed class StoredPagesOverTheFixtureWebTests : IAsyncLifetime
{
    private readonly TempWorkspace _workspace = new();
    private FixtureWeb _web = null!;

    public async Task InitializeAsync()
    {
        _web = await FixtureWeb.StartAsync();
        FixtureNews.ProgramFaults(_web);
        SourcesJson.Write(_workspace, FixtureNews.Sources(_web));
    }

    public async Task DisposeAsync()
    {
        await _web.DisposeAsync();
        _workspace.Dispose();
    }

    [Fact]
    public async Task Each_story_from_its_page_keeps_that_page_and_re_extracts_unchanged()
    {
        await CommandRun.OnceAsync(_workspace);
        var rows = StoredRows.Read(_workspace.DatabasePath);
        var honey = FixtureNews.StoryWithMissingPage.Copies.Single();
        var fromFeed = rows.Articles.Single(article => article.Url == _web.Url(honey.Path).ToString());

        var database = NewsDatabase.Open(_workspace.DatabasePath);
        try
        {
            Assert.Null(database.FindPage(fromFeed.Id));
            Assert.All(rows.Articles.Where(article => article.Id != fromFeed.Id), article =>
            {
                var page = database.FindPage(article.Id);
                Assert.True(page is not null, $"{article.Url} has no page");
                Assert.Equal(article.Url, CanonicalOf(page.FinalUrl));
            });
        }
        finally
        {
            database.Close();
        }
        Assert.Equal((long)rows.Articles.Count - 1, DatabaseFiles.Scalar(_workspace.DatabasePath, "SELECT count(*) FROM article_pages"));

        var reextract = await CommandRun.RunAsync(["reextract", "--sources", _workspace.SourcesPath, "--db", _workspace.DatabasePath]);
        Assert.True(reextract.ExitCode == 0, reextract.ToString());
        Assert.Equal($"re-extracted {rows.Articles.Count - 1}, changed 0, unchanged {rows.Articles.Count - 1}, merged 0, failed 0", reextract.Output.Trim());
    }

    [Fact]
    public async Task With_pages_not_kept_the_stories_are_stored_as_before_and_no_page_is()
    {
        var run = await CommandRun.OnceAsync(_workspace, "--Storage:KeepPages=false", "--Storage:FullTextSearch=false");

        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        Assert.NotEmpty(StoredRows.Read(_workspace.DatabasePath).Articles);
        Assert.Equal(0L, DatabaseFiles.Scalar(_workspace.DatabasePath, "SELECT count(*) FROM article_pages"));
        Assert.Equal(0L, DatabaseFiles.Scalar(_workspace.DatabasePath, "SELECT count(*) FROM sqlite_master WHERE name = 'articles_fts'"));
    }

    private static string CanonicalOf(string url) => NewsAggregator.Dedup.CanonicalUrl.Normalize(new Uri(url));
}
