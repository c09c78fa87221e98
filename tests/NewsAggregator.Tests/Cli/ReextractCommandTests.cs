using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using NewsAggregator.Extraction;
using NewsAggregator.Storage;
using NewsAggregator.Tests.Storage;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Cli;

/// <summary>
/// Stored pages end to end: a run over real HTTP (loopback) stores each article's page, and
/// <c>reextract</c> runs the extractor over them again with the selectors sources.json has then:
/// what changes takes a new change value (and shows once in the change feed), what does not keeps
/// its own; the filters; a page that now extracts as another story's text; the arguments it refuses.
/// </summary>
public sealed class ReextractCommandTests : IAsyncLifetime
{
    private readonly TempWorkspace _workspace = new();
    private readonly ServedPages _pages = new();
    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync(_pages.AnswerAsync);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _workspace.Dispose();
    }

    private static readonly string[] Lede =
    [
        "The harbour board voted on Tuesday evening to close the old swing bridge to all traffic from the first of next month.",
        "Engineers found that two of the four main bearings had worn far beyond what the last inspection had recorded.",
    ];

    private static readonly string[] Body =
    [
        "Ferries will run every twenty minutes between the two quays while the bridge is shut, the board's chair told reporters.",
        "Shopkeepers on the east quay said the closure would cost them the summer trade they depend on for most of the year.",
        "The repair is expected to take eleven weeks and will be paid for from the reserve fund set aside after the floods.",
        "A temporary footbridge for pedestrians and cyclists is planned, though no date for its opening has been announced yet.",
        "Councillors asked the board to publish the full engineering report so that residents could judge the risk for themselves.",
    ];

    /// <summary>An article page whose lede and body are in elements of their own, so a contentSelector can take the body alone.</summary>
    private static string ArticlePage(string title, IEnumerable<string> lede, IEnumerable<string> body, string extra = "") => $"""
        <!DOCTYPE html>
        <html lang="en"><head><title>{title}</title></head>
        <body>
        <nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <article>
        <h1>{title}</h1>
        <div class="lede">{string.Concat(lede.Select(p => $"<p>{p}</p>"))}</div>
        <div class="body">{string.Concat(body.Select(p => $"<p>{p}</p>"))}{extra}</div>
        </article>
        <footer>Copyright the Harbour Herald</footer>
        </body></html>
        """;

    private void Serve(string path, string html, string contentType = "text/html; charset=utf-8", Encoding? encoding = null) =>
        _pages.Serve(path, (encoding ?? Encoding.UTF8).GetBytes(html), contentType);

    private void WriteSources(params SourceEntry[] sources) => SourcesJson.Write(_workspace, sources);

    private SourceEntry PageSource(string id, string path) => new(id, $"Source {id}", "page", _server.Url(path).AbsoluteUri);

    private async Task OnceAsync(params string[] only)
    {
        var run = await CommandRun.OnceAsync(_workspace, [.. only.SelectMany(id => new[] { "--source", id })]);
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    private Task<CommandRun> ReextractAsync(params string[] more) =>
        CommandRun.RunAsync(["reextract", "--sources", _workspace.SourcesPath, "--db", _workspace.DatabasePath, .. more]);

    private async Task<string> ReextractLineAsync(params string[] more)
    {
        var run = await ReextractAsync(more);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run.Output.Trim();
    }

    private object? Scalar(string sql) => DatabaseFiles.Scalar(_workspace.DatabasePath, sql);

    /// <summary>Changes the stored page of article <paramref name="id"/> as no run would (<paramref name="set"/>: an SQL SET clause).</summary>
    private void DamagePage(long id, string set)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_workspace.DatabasePath};Pooling=False");
        connection.Open();
        using var damage = connection.CreateCommand();
        damage.CommandText = $"UPDATE article_pages SET {set} WHERE article_id = {id}";
        damage.ExecuteNonQuery();
    }

    private long ChangeSeqOf(long id) => (long)Scalar($"SELECT change_seq FROM articles WHERE id = {id}")!;

    private string TextOf(long id) => (string)Scalar($"SELECT text FROM articles WHERE id = {id}")!;

    private long ArticleAt(string path) => (long)Scalar($"SELECT article_id FROM article_sightings WHERE url = '{_server.Url(path).AbsoluteUri}'")!;

    /// <summary>The ids <c>export --since</c> gives, and the cursor it prints.</summary>
    private async Task<(IReadOnlyList<long> Ids, long Next)> ExportAsync(long since)
    {
        var run = await CommandRun.RunAsync(["export", "--db", _workspace.DatabasePath, "--since", since.ToString(CultureInfo.InvariantCulture)]);
        Assert.True(run.ExitCode == 0, run.ToString());
        var ids = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("id").GetInt64()).ToList();
        return (ids, long.Parse(run.Error.Trim()["next: --since ".Length..], CultureInfo.InvariantCulture));
    }

    /// <summary>Two sources of a page each, <c>herald</c> (the bridge story) and <c>ferries</c>, run once without selectors.</summary>
    private async Task StoreBridgeAndFerryAsync()
    {
        Serve("/news/bridge.html", ArticlePage("Swing bridge to close", Lede, Body));
        Serve("/news/ferry.html", ArticlePage("Ferry timetable", Body.Select(p => "Ferry news: " + p), Lede.Select(p => "Ferry news: " + p)));
        WriteSources(PageSource("herald", "/news/bridge.html"), PageSource("ferries", "/news/ferry.html"));
        await OnceAsync();
    }

    [Fact]
    public async Task The_stored_page_is_compressed_and_extracts_to_the_stored_text()
    {
        var html = ArticlePage("Swing bridge to close", Lede, Body);
        Serve("/news/bridge.html", html);
        WriteSources(PageSource("herald", "/news/bridge.html"));
        await OnceAsync();

        using var database = new DatabaseHandle(_workspace.DatabasePath);
        var id = ArticleAt("/news/bridge.html");
        var page = database.Value.FindPage(id)!;

        Assert.Equal(("herald", _server.Url("/news/bridge.html").AbsoluteUri, "utf-8"), (page.SourceId, page.FinalUrl, page.Charset));
        Assert.True(page.Body.Length < page.RawLength, $"{page.Body.Length} bytes kept of {page.RawLength}");
        var bytes = page.Decompress();
        Assert.Equal(Encoding.UTF8.GetBytes(html), bytes);
        var again = new ArticleExtractor().Extract(PageDecoder.Decode(bytes, page.Charset), new Uri(page.FinalUrl));
        Assert.Equal(TextOf(id), again.Text);
    }

    [Fact]
    public async Task A_page_in_a_legacy_charset_named_only_by_its_header_re_extracts_identically()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var koi8 = Encoding.GetEncoding("koi8-r");
        var russian = new[]
        {
            "Совет гавани во вторник вечером проголосовал за закрытие старого разводного моста для всего транспорта.",
            "Инженеры обнаружили, что два из четырёх главных подшипников изношены гораздо сильнее, чем показала проверка.",
        };
        var body = russian.Concat(russian.Select(p => "Кроме того, " + p.ToLowerInvariant())).ToList();
        Serve("/ru/most.html", ArticlePage("Мост закроют", russian, body), "text/html; charset=koi8-r", koi8);
        // Without the header's charset the bytes read as something else: the stored charset is what decodes them.
        Assert.DoesNotContain("Совет гавани", PageDecoder.Decode(_pages.BodyAt("/ru/most.html"), null), StringComparison.Ordinal);
        WriteSources(PageSource("ru", "/ru/most.html"));
        await OnceAsync();
        var id = ArticleAt("/ru/most.html");
        Assert.Contains("Совет гавани", TextOf(id), StringComparison.Ordinal);
        var before = ChangeSeqOf(id);

        Assert.Equal("re-extracted 1, changed 0, unchanged 1, merged 0, failed 0", await ReextractLineAsync());

        Assert.Equal(before, ChangeSeqOf(id));
    }

    [Fact]
    public async Task A_new_content_selector_changes_the_text_once_and_the_change_feed_shows_it_once()
    {
        await StoreBridgeAndFerryAsync();
        var bridge = ArticleAt("/news/bridge.html");
        var ferry = ArticleAt("/news/ferry.html");
        Assert.Contains(Lede[0], TextOf(bridge), StringComparison.Ordinal);
        var (_, cursor) = await ExportAsync(0);
        var ferrySeq = ChangeSeqOf(ferry);

        WriteSources(PageSource("herald", "/news/bridge.html") with { ContentSelector = "div.body" }, PageSource("ferries", "/news/ferry.html"));
        Assert.Equal("re-extracted 2, changed 1, unchanged 1, merged 0, failed 0", await ReextractLineAsync());

        Assert.DoesNotContain(Lede[0], TextOf(bridge), StringComparison.Ordinal);
        Assert.StartsWith(Body[0], TextOf(bridge), StringComparison.Ordinal);
        Assert.Equal(ferrySeq, ChangeSeqOf(ferry));
        var (changed, next) = await ExportAsync(cursor);
        Assert.Equal([bridge], changed);
        Assert.Equal(ChangeSeqOf(bridge), next);

        // Nothing changes a second time: the same selectors give the same text.
        Assert.Equal("re-extracted 2, changed 0, unchanged 2, merged 0, failed 0", await ReextractLineAsync());
        Assert.Empty((await ExportAsync(next)).Ids);
    }

    [Fact]
    public async Task Source_and_since_take_only_the_pages_they_name()
    {
        await StoreBridgeAndFerryAsync();
        WriteSources(PageSource("herald", "/news/bridge.html") with { ContentSelector = "div.body" },
            PageSource("ferries", "/news/ferry.html") with { ContentSelector = "div.body" });
        var tomorrow = DateTimeOffset.UtcNow.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var yesterday = DateTimeOffset.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        Assert.Equal("re-extracted 0, changed 0, unchanged 0, merged 0, failed 0", await ReextractLineAsync("--since", tomorrow));
        Assert.Equal("re-extracted 1, changed 1, unchanged 0, merged 0, failed 0", await ReextractLineAsync("--source", "ferries", "--since", yesterday));

        Assert.Contains(Lede[0], TextOf(ArticleAt("/news/bridge.html")), StringComparison.Ordinal);
        Assert.StartsWith("Ferry news: " + Lede[0], TextOf(ArticleAt("/news/ferry.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_that_now_gives_another_storys_text_merges_into_the_earlier_story()
    {
        Serve("/a/bridge.html", ArticlePage("Swing bridge to close", Lede, Body));
        const string Correction = "<p class=\"addendum\">Residents of the west quay will meet the harbour board on Thursday to ask how long the ferries will keep running after the bridge reopens.</p>";
        Serve("/b/bridge.html", ArticlePage("Swing bridge to close", Lede, Body, Correction));
        WriteSources(PageSource("a", "/a/bridge.html"), PageSource("b", "/b/bridge.html"));
        await OnceAsync("a");
        await OnceAsync("b");
        var earlier = ArticleAt("/a/bridge.html");
        var later = ArticleAt("/b/bridge.html");
        Assert.True(earlier < later);
        var (_, cursor) = await ExportAsync(0);

        WriteSources(PageSource("a", "/a/bridge.html"), PageSource("b", "/b/bridge.html") with { RemoveSelectors = [".addendum"] });
        Assert.Equal("re-extracted 2, changed 1, unchanged 1, merged 1, failed 0", await ReextractLineAsync());

        // The later article is gone; its sighting and the story's change are the earlier one's.
        Assert.Equal(1L, Scalar("SELECT count(*) FROM articles"));
        Assert.Equal(earlier, ArticleAt("/b/bridge.html"));
        Assert.Equal(1L, Scalar("SELECT count(*) FROM article_pages"));
        Assert.Equal([earlier], (await ExportAsync(cursor)).Ids);
    }

    [Fact]
    public async Task A_source_gone_from_the_file_is_re_extracted_without_selectors_and_said_so()
    {
        Serve("/news/bridge.html", ArticlePage("Swing bridge to close", Lede, Body));
        WriteSources(PageSource("herald", "/news/bridge.html") with { ContentSelector = "div.body" });
        await OnceAsync();
        var id = ArticleAt("/news/bridge.html");
        Assert.DoesNotContain(Lede[0], TextOf(id), StringComparison.Ordinal);

        WriteSources(PageSource("other", "/news/other.html"));
        var run = await ReextractAsync("--source", "herald");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("re-extracted 1, changed 1, unchanged 0, merged 0, failed 0", run.Output.Trim());
        Assert.Contains("source \"herald\" is not in", run.Error, StringComparison.Ordinal);
        Assert.Contains(Lede[0], TextOf(id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_page_fails_alone_and_its_article_is_kept_as_it_was()
    {
        await StoreBridgeAndFerryAsync();
        var bridge = ArticleAt("/news/bridge.html");
        var text = TextOf(bridge);
        DamagePage(bridge, "body = substr(body, 1, 20)");

        var run = await ReextractAsync();

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("re-extracted 2, changed 0, unchanged 1, merged 0, failed 1", run.Output.Trim());
        Assert.Contains($"failed: article {bridge} ", run.Error, StringComparison.Ordinal);
        Assert.Contains("damaged", run.Error, StringComparison.Ordinal);
        Assert.Equal(text, TextOf(bridge));
    }

    [Fact]
    public async Task A_page_that_makes_the_extraction_throw_unexpectedly_fails_alone_and_the_others_are_re_extracted()
    {
        await StoreBridgeAndFerryAsync();
        var bridge = ArticleAt("/news/bridge.html");
        var text = TextOf(bridge);
        // A row no run writes: re-extraction resolves the page's links against this address, and
        // Uri's constructor throws on it, an exception no page had been expected to raise.
        DamagePage(bridge, "final_url = 'not an address'");

        var run = await ReextractAsync();

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("re-extracted 2, changed 0, unchanged 1, merged 0, failed 1", run.Output.Trim());
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"failed: article {bridge} ({_server.Url("/news/bridge.html").AbsoluteUri}): internal error: ", line, StringComparison.Ordinal);
        Assert.Equal(text, TextOf(bridge));
    }

    [Theory]
    [InlineData("--since", "last week", "--since must be a date")]
    [InlineData("--since", "2026-13-45", "--since must be a date")]
    [InlineData("--source", "nowhere", "no source with id \"nowhere\"")]
    public async Task A_bad_argument_exits_2_with_one_line_saying_why(string option, string value, string reason)
    {
        Serve("/news/bridge.html", ArticlePage("Swing bridge to close", Lede, Body));
        WriteSources(PageSource("herald", "/news/bridge.html"));
        await OnceAsync();

        var run = await ReextractAsync(option, value);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(reason, line, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task A_missing_database_is_refused_not_created()
    {
        WriteSources(PageSource("herald", "/news/bridge.html"));

        var run = await ReextractAsync();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such database", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_workspace.DatabasePath));
    }

    /// <summary>The worker's database opened for a test's reads, closed afterwards.</summary>
    private sealed class DatabaseHandle(string path) : IDisposable
    {
        public NewsDatabase Value { get; } = NewsDatabase.Open(path);

        public void Dispose() => Value.Close();
    }
}
