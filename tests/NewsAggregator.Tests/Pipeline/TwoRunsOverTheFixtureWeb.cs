using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Pipeline;

/// <summary>
/// Two <c>--once</c> runs over the whole fixture web into one database, with what each left
/// behind: its output, the database rows and the server's request counts. Done once for the
/// test class, since every fact about a run can be read off the same two runs.
/// </summary>
public sealed class TwoRunsOverTheFixtureWeb : IAsyncLifetime
{
    private readonly TempWorkspace workspace = new();

    public FixtureWeb Web { get; private set; } = null!;

    public CommandRun FirstRun { get; private set; } = null!;
    public DatabaseSnapshot AfterFirstRun { get; private set; } = null!;
    public IReadOnlyDictionary<string, int> RequestsAfterFirstRun { get; private set; } = null!;

    public CommandRun SecondRun { get; private set; } = null!;
    public DatabaseSnapshot AfterSecondRun { get; private set; } = null!;
    public IReadOnlyDictionary<string, int> RequestsAfterSecondRun { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Web = await FixtureWeb.StartAsync();
        FixtureNews.ProgramFaults(Web);
        SourcesJson.Write(workspace, FixtureNews.Sources(Web));

        FirstRun = await CommandRun.OnceAsync(workspace);
        AfterFirstRun = StoredRows.Read(workspace.DatabasePath);
        RequestsAfterFirstRun = Web.RequestCounts();

        SecondRun = await CommandRun.OnceAsync(workspace);
        AfterSecondRun = StoredRows.Read(workspace.DatabasePath);
        RequestsAfterSecondRun = Web.RequestCounts();
    }

    public async Task DisposeAsync()
    {
        await Web.DisposeAsync();
        workspace.Dispose();
    }

    /// <summary>The canonical URL of a copy: this server's address and the path, no query.</summary>
    public string UrlOf(StoryCopy copy) => Web.Url(copy.Path).ToString();

    /// <summary>The article rows of <paramref name="story"/> after the first run: those whose URL is one of its copies'.</summary>
    public IReadOnlyList<StoredArticle> ArticlesOf(FixtureStory story)
    {
        var urls = story.Copies.Select(UrlOf).ToHashSet();
        return AfterFirstRun.Articles.Where(article => urls.Contains(article.Url)).ToList();
    }

    /// <summary>
    /// Every row stored for <paramref name="story"/>, at least one. Tests of text and metadata
    /// check each row, so a stored duplicate fails the deduplication tests, not these.
    /// </summary>
    public IReadOnlyList<StoredArticle> RowsOf(FixtureStory story)
    {
        var articles = ArticlesOf(story);
        Assert.True(articles.Count > 0, $"\"{story}\" was not stored\n{FirstRun}");
        return articles;
    }

    /// <summary>The one article row of <paramref name="story"/>; fails the test when there is not exactly one.</summary>
    public StoredArticle ArticleOf(FixtureStory story)
    {
        var articles = ArticlesOf(story);
        Assert.True(articles.Count == 1,
            $"\"{story}\": expected one article row, found {articles.Count}; stored URLs:\n"
            + string.Join("\n", AfterFirstRun.Articles.Select(article => article.Url)) + $"\n{FirstRun}");
        return articles[0];
    }
}
