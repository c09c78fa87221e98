using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using NewsAggregator.Dedup;
using NewsAggregator.Sources;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Cli;

/// <summary><c>sources add</c> run as a user runs it, against a site on loopback and a workspace's sources.json.</summary>
public sealed class SourcesAddCommandTests : IAsyncLifetime, IDisposable
{
    private const string HandWritten = """
        {
          // Our own sources; adding one must leave this comment and these lines alone.
          "sources": [
            { "id": "city-desk", "name": "City Desk", "type": "html", "url": "https://example.org/city/", "linkSelector": "h2 a" }
          ]
        }

        """;

    private static readonly string TwoFeedsPage = """
        <!DOCTYPE html><html><head><title>Harbour Notes</title>
        <link rel="alternate" type="application/rss+xml" title="Harbour Notes » Feed" href="/blog/feed/">
        <link rel="alternate" type="application/atom+xml" title="Harbour Notes » Comments" href="comments.atom">
        <link rel="alternate" hreflang="de" href="/de/blog/">
        </head><body><p>Welcome.</p></body></html>
        """;

    private static readonly string NoFeedPage = """
        <!DOCTYPE html><html><head><title>City Desk – local news</title>
        <link rel="alternate" hreflang="de" href="/de/city/"></head>
        <body><h2><a href="/city/2024/ferry-timetable-changes">Ferry timetable changes</a></h2></body></html>
        """;

    private readonly TempWorkspace _workspace = new();
    private readonly ConcurrentQueue<string> _requested = new();
    private LoopbackServer _site = null!;

    public async Task InitializeAsync() => _site = await LoopbackServer.StartAsync(HandleAsync);

    public async Task DisposeAsync() => await _site.DisposeAsync();

    public void Dispose() => _workspace.Dispose();

    private Task<CommandRun> AddAsync(params string[] args) =>
        CommandRun.RunAsync(["sources", "add", .. args, "--sources", _workspace.SourcesPath]);

    private static string ExpectedId(Uri feed) => FeedSourceId.For(feed, CanonicalUrl.Normalize(feed));

    [Fact]
    public async Task A_feed_URL_is_added_as_an_rss_source_named_by_the_feed_s_title_and_the_file_kept_as_it_was()
    {
        _workspace.WriteFile("sources.json", HandWritten);
        var feed = _site.Url("/wire/feed.xml");

        var run = await AddAsync(feed.ToString());

        Assert.True(run.ExitCode == 0, run.ToString());
        var written = File.ReadAllText(_workspace.SourcesPath);
        var endOfLastEntry = HandWritten.LastIndexOf('}', HandWritten.IndexOf(']', StringComparison.Ordinal)) + 1;
        Assert.StartsWith(HandWritten[..endOfLastEntry], written);
        var added = SourcesFile.Load(_workspace.SourcesPath)[1];
        Assert.Equal((ExpectedId(feed), "Harbour Wire", SourceType.Rss, feed), (added.Id, added.Name, added.Type, added.Url));
        Assert.Equal($"added     {added.Id}: Harbour Wire (rss) {feed}\n{_workspace.SourcesPath} written\n", run.Output);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task A_page_with_two_feeds_lists_both_and_adds_the_first()
    {
        var run = await AddAsync(_site.Url("/blog/").ToString(), "--id", "harbour", "--name", "Harbour blog");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"found 2 feeds on {_site.Url("/blog/")}:\n", run.Output);
        Assert.Contains($"* 1. {_site.Url("/blog/feed/")} (RSS, \"Harbour Notes » Feed\")\n", run.Output);
        Assert.Contains($"  2. {_site.Url("/blog/comments.atom")} (Atom, \"Harbour Notes » Comments\")\n", run.Output);
        Assert.Contains("taking feed 1 (marked *); --pick N takes another\n", run.Output);
        // No file before: one is started.
        var added = Assert.Single(SourcesFile.Load(_workspace.SourcesPath));
        Assert.Equal(("harbour", "Harbour blog", SourceType.Rss, _site.Url("/blog/feed/")), (added.Id, added.Name, added.Type, added.Url));
    }

    [Fact]
    public async Task A_page_with_one_feed_says_which_feed_it_added()
    {
        var run = await AddAsync(_site.Url("/wire/").ToString());

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith($"found 1 feed on {_site.Url("/wire/")}: {_site.Url("/wire/feed.xml")} (RSS)\n", run.Output);
        var added = Assert.Single(SourcesFile.Load(_workspace.SourcesPath));
        Assert.Equal((_site.Url("/wire/feed.xml"), "Harbour Wire"), (added.Url, added.Name));
    }

    [Fact]
    public async Task Pick_on_a_feed_URL_is_a_usage_error_since_there_is_nothing_to_pick()
    {
        var run = await AddAsync(_site.Url("/wire/feed.xml").ToString(), "--pick", "2");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--pick 2: ", run.Error);
        Assert.Contains("is a feed itself", run.Error);
        Assert.False(File.Exists(_workspace.SourcesPath));
    }

    [Fact]
    public async Task Pick_takes_another_of_the_page_s_feeds_named_by_its_own_title()
    {
        var run = await AddAsync(_site.Url("/blog/").ToString(), "--pick", "2");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"* 2. {_site.Url("/blog/comments.atom")}", run.Output);
        var added = Assert.Single(SourcesFile.Load(_workspace.SourcesPath));
        Assert.Equal((_site.Url("/blog/comments.atom"), "Comments on Harbour Notes"), (added.Url, added.Name));
    }

    [Fact]
    public async Task Pick_beyond_the_feeds_found_is_a_usage_error_and_writes_nothing()
    {
        var run = await AddAsync(_site.Url("/blog/").ToString(), "--pick", "3");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("error: sources add: --pick 3: the page names 2 feeds", run.Error);
        Assert.False(File.Exists(_workspace.SourcesPath));
    }

    [Fact]
    public async Task A_page_without_feeds_is_not_added_and_the_html_type_is_suggested()
    {
        _workspace.WriteFile("sources.json", HandWritten);
        var page = _site.Url("/city-news/");

        var run = await AddAsync(page.ToString());

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"error: no feed found on {page}: the page names none", run.Error);
        Assert.Contains($"newsaggregator sources add {page} --type html", run.Error);
        Assert.Equal(HandWritten, File.ReadAllText(_workspace.SourcesPath));

        var asPage = await AddAsync(page.ToString(), "--type", "html");

        Assert.True(asPage.ExitCode == 0, asPage.ToString());
        var added = SourcesFile.Load(_workspace.SourcesPath)[1];
        Assert.Equal((SourceType.Html, "City Desk – local news", page), (added.Type, added.Name, added.Url));
    }

    [Fact]
    public async Task An_unreachable_URL_and_an_HTTP_error_fail_with_exit_1_and_say_why()
    {
        var closed = $"http://127.0.0.1:{ClosedLoopbackPort.Take()}/feed.xml";

        var unreachable = await AddAsync(closed);
        var missing = await AddAsync(_site.Url("/gone.xml").ToString());

        Assert.True(unreachable.ExitCode == 1, unreachable.ToString());
        Assert.Contains($"error: could not fetch {closed}: connection refused", unreachable.Error);
        Assert.True(missing.ExitCode == 1, missing.ToString());
        Assert.Contains($"error: could not fetch {_site.Url("/gone.xml")}: HTTP 404", missing.Error);
        Assert.False(File.Exists(_workspace.SourcesPath));
    }

    [Fact]
    public async Task A_document_that_is_neither_a_feed_nor_a_page_fails_with_the_parser_s_reason()
    {
        var run = await AddAsync(_site.Url("/notes.txt").ToString());

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"error: {_site.Url("/notes.txt")} is neither a feed nor a web page: ", run.Error);
        Assert.Contains("neither XML nor JSON", run.Error);
    }

    [Theory]
    [InlineData("ftp://example.org/feed.xml")]
    [InlineData("file:///etc/passwd")]
    [InlineData("example.org/feed.xml")]
    public async Task A_URL_that_is_not_http_or_https_is_a_usage_error_before_any_request(string url)
    {
        var run = await AddAsync(url);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"error: sources add: \"{url}\" is not an absolute http or https URL", run.Error);
    }

    [Fact]
    public async Task A_feed_already_listed_is_reported_and_the_file_left_untouched_without_a_request()
    {
        _workspace.WriteFile("sources.json", HandWritten.Replace("\"linkSelector\": \"h2 a\" }",
            $"\"linkSelector\": \"h2 a\" }},\n    {{ \"id\": \"wire\", \"name\": \"Wire\", \"type\": \"rss\", \"url\": \"{_site.Url("/wire/feed.xml")}\" }}",
            StringComparison.Ordinal));
        var before = File.ReadAllBytes(_workspace.SourcesPath);

        // Another spelling of the same feed: a tracking parameter and a fragment do not make it new.
        var run = await AddAsync(_site.Url("/wire/feed.xml?utm_source=newsletter#top").ToString());

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("already in the sources file as \"wire\"", run.Output);
        Assert.EndsWith($"{_workspace.SourcesPath} unchanged\n", run.Output);
        Assert.Equal(before, File.ReadAllBytes(_workspace.SourcesPath));
        Assert.Empty(_requested);
    }

    [Fact]
    public async Task A_page_whose_feed_is_already_listed_adds_nothing()
    {
        _workspace.WriteFile("sources.json", $$"""{ "sources": [ { "id": "blog", "name": "Blog", "type": "rss", "url": "{{_site.Url("/blog/feed/")}}" } ] }""");
        var before = File.ReadAllBytes(_workspace.SourcesPath);

        var run = await AddAsync(_site.Url("/blog/").ToString());

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"duplicate {_site.Url("/blog/feed/")}: already in the sources file as \"blog\"", run.Output);
        Assert.Equal(before, File.ReadAllBytes(_workspace.SourcesPath));
    }

    [Fact]
    public async Task An_id_already_taken_or_not_an_id_is_a_usage_error()
    {
        _workspace.WriteFile("sources.json", HandWritten);

        var taken = await AddAsync(_site.Url("/wire/feed.xml").ToString(), "--id", "city-desk");
        var invalid = await AddAsync(_site.Url("/wire/feed.xml").ToString(), "--id", "no spaces");

        Assert.True(taken.ExitCode == 2, taken.ToString());
        Assert.Contains("error: sources add: --id \"city-desk\": already used by another source", taken.Error);
        Assert.True(invalid.ExitCode == 2, invalid.ToString());
        Assert.Contains("error: sources add: --id \"no spaces\" must be 1-100 ASCII letters", invalid.Error);
        Assert.Equal(HandWritten, File.ReadAllText(_workspace.SourcesPath));
        Assert.Empty(_requested);
    }

    [Theory]
    [InlineData("--frobnicate")]
    [InlineData("--type", "atom")]
    [InlineData("--pick", "two")]
    public async Task Unknown_options_and_bad_values_are_usage_errors(params string[] args)
    {
        var run = await AddAsync([_site.Url("/wire/feed.xml").ToString(), .. args]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.False(File.Exists(_workspace.SourcesPath));
    }

    [Fact]
    public async Task Help_describes_the_command()
    {
        var run = await CommandRun.RunAsync("sources", "add", "--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("--pick", run.Output);
        Assert.Contains("--type", run.Output);
    }

    private Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value!;
        if (path != "/robots.txt")
        {
            _requested.Enqueue(path);
        }
        var (contentType, body) = path switch
        {
            "/wire/feed.xml" => ("application/rss+xml", Rss("Harbour Wire")),
            "/blog/" => ("text/html; charset=utf-8", TwoFeedsPage),
            "/wire/" => ("text/html; charset=utf-8",
                """<html><head><title>Wire</title><link rel="alternate" type="application/rss+xml" href="feed.xml"></head></html>"""),
            "/blog/feed/" => ("application/rss+xml", Rss("Harbour Notes")),
            "/blog/comments.atom" => ("application/atom+xml", """
                <?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Comments on Harbour Notes</title>
                <id>urn:example:comments</id><updated>2024-03-05T10:00:00Z</updated></feed>
                """),
            "/city-news/" => ("text/html; charset=utf-8", NoFeedPage),
            "/notes.txt" => ("text/plain", "Remember to renew the harbour permit."),
            _ => ("", ""),
        };
        if (body.Length == 0)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body);
    }

    private static string Rss(string title) => $"""
        <?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title><link>http://example.org/</link>
        <item><title>Ferry timetable changes</title><link>http://example.org/ferry</link></item></channel></rss>
        """;
}
