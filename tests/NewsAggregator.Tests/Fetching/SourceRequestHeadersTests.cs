using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using NewsAggregator.Fetching;
using NewsAggregator.Tests.Resilience;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Fetching;

/// <summary>
/// A source's <c>userAgent</c> and <c>headers</c> as a server sees them over a <c>--once</c> run:
/// on its feed, on its article pages and their redirects, never on another source's requests, and
/// not on robots.txt, whose rules are matched against the worker's own name. The <c>headers</c>
/// stay on the source's own site: another site its feed links to or its pages redirect to gets
/// the source's User-Agent and nothing else of it.
/// </summary>
public sealed class SourceRequestHeadersTests : IAsyncLifetime
{
    private const string SourceUserAgent = "Mozilla/5.0 (compatible; HarbourReader/2.1)";

    private readonly ConcurrentQueue<SeenRequest> _seen = new();
    private readonly ConcurrentQueue<SeenRequest> _seenElsewhere = new();
    private LoopbackServer _server = null!;
    private LoopbackServer _otherSite = null!;

    private sealed record SeenRequest(string Path, string UserAgent, string Referer, string Cookie, string Accept)
    {
        public static SeenRequest Of(HttpRequest request) => new(request.Path.Value!, request.Headers.UserAgent.ToString(),
            request.Headers.Referer.ToString(), request.Headers.Cookie.ToString(), request.Headers.Accept.ToString());
    }

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(HandleAsync);
        _otherSite = await LoopbackServer.StartAsync(HandleElsewhereAsync, System.Net.IPAddress.Parse("127.0.0.4"));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _otherSite.DisposeAsync();
    }

    [Fact]
    public async Task Another_site_the_feed_links_or_redirects_to_gets_the_user_agent_and_none_of_the_headers()
    {
        using var workspace = new TempWorkspace();
        workspace.WriteFile("sources.json", $$"""{ "sources": [ {{PickySource("roaming", "session=secret")}} ] }""");

        var run = await CommandRun.OnceAsync(workspace);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(3, run.SummaryOf("roaming").Count("new"));
        var home = _seen.Where(r => r.Path.StartsWith("/roaming/", StringComparison.Ordinal)).ToList();
        Assert.Equal(["/roaming/feed.xml", "/roaming/go/away", "/roaming/story.html"], home.Select(r => r.Path).Order(StringComparer.Ordinal));
        Assert.All(home, request => Assert.Equal("session=secret", request.Cookie));
        // One page linked from the feed, one reached by a redirect from the source's own site.
        var elsewhere = _seenElsewhere.Where(r => r.Path != "/robots.txt").ToList();
        Assert.Equal(["/linked.html", "/redirected.html"], elsewhere.Select(r => r.Path).Order(StringComparer.Ordinal));
        Assert.All(elsewhere, request =>
        {
            Assert.Equal(SourceUserAgent, request.UserAgent);
            Assert.Equal("", request.Referer + request.Cookie);
            // The fetcher's own Accept, not the source's.
            Assert.NotEqual("application/rss+xml", request.Accept);
        });
    }

    [Theory]
    [InlineData("https://feeds.gazette.example/rss.xml", "https://feeds.gazette.example/news/1", true)]
    [InlineData("https://feeds.gazette.example/rss.xml", "https://www.gazette.example/news/1", true)]
    [InlineData("https://feeds.gazette.example/rss.xml", "https://gazette.example:8443/news/1", true)]
    [InlineData("https://gazette.co.uk/rss.xml", "https://www.gazette.co.uk/news/1", true)]
    [InlineData("https://feeds.gazette.example/rss.xml", "http://www.gazette.example/news/1", false)]
    [InlineData("https://feeds.gazette.example/rss.xml", "https://gazette-news.example/news/1", false)]
    [InlineData("https://gazette.co.uk/rss.xml", "https://herald.co.uk/news/1", false)]
    [InlineData("http://gazette.example/rss.xml", "https://www.gazette.example/news/1", true)]
    [InlineData("http://127.0.0.1:8080/rss.xml", "http://127.0.0.1:9090/news/1", true)]
    [InlineData("http://127.0.0.1:8080/rss.xml", "http://127.0.0.4:8080/news/1", false)]
    public void Headers_go_to_the_source_s_own_site_only(string home, string url, bool reaches)
    {
        var headers = new RequestHeaders { Fields = [new("Cookie", "consent=yes")] }.ScopedTo(new Uri(home));

        Assert.Equal(reaches, headers.ReachesFields(new Uri(url)));
    }

    [Fact]
    public async Task The_source_s_user_agent_and_headers_reach_its_feed_and_article_requests_only()
    {
        using var workspace = new TempWorkspace();
        workspace.WriteFile("sources.json", $$"""
            { "sources": [
                {{PickySource("picky", "consent=yes")}},
                { "id": "plain", "name": "Plain publisher", "type": "rss", "url": "{{_server.Url("/plain/feed.xml")}}" }
            ] }
            """);

        var run = await CommandRun.OnceAsync(workspace);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(1, run.SummaryOf("picky").Count("new"));
        var seen = _seen.ToList();
        var picky = seen.Where(r => r.Path.StartsWith("/picky/", StringComparison.Ordinal)).ToList();
        // The feed, the article link that redirects, and the page it redirects to.
        Assert.Equal(["/picky/feed.xml", "/picky/go/story", "/picky/story.html"], picky.Select(r => r.Path).Order(StringComparer.Ordinal));
        Assert.All(picky, request =>
        {
            Assert.Equal(SourceUserAgent, request.UserAgent);
            Assert.Equal("https://picky.example/", request.Referer);
            Assert.Equal("consent=yes", request.Cookie);
            // The source's Accept takes the place of the fetcher's, not a second value beside it.
            Assert.Equal("application/rss+xml", request.Accept);
        });

        var others = seen.Except(picky).ToList();
        Assert.Contains(others, r => r.Path == "/plain/story.html");
        Assert.Contains(others, r => r.Path == "/robots.txt");
        Assert.All(others, request =>
        {
            Assert.StartsWith("NewsAggregator/", request.UserAgent, StringComparison.Ordinal);
            Assert.Equal("", request.Referer + request.Cookie);
        });
    }

    /// <summary>A source with its own User-Agent, a Referer, the cookie given and an Accept, whose feed is /ID/feed.xml.</summary>
    private string PickySource(string id, string cookie) => $$"""
        { "id": "{{id}}", "name": "{{id}} publisher", "type": "rss", "url": "{{_server.Url($"/{id}/feed.xml")}}",
          "userAgent": "{{SourceUserAgent}}",
          "headers": { "Referer": "https://{{id}}.example/", "Cookie": "{{cookie}}", "Accept": "application/rss+xml" } }
        """;

    private Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value!;
        _seen.Enqueue(SeenRequest.Of(request));
        var response = context.Response;
        switch (path)
        {
            case "/robots.txt":
                response.ContentType = "text/plain";
                return response.WriteAsync("User-agent: *\nAllow: /\n");
            case "/picky/feed.xml":
                response.ContentType = "application/rss+xml";
                return response.WriteAsync(Feed("Picky", _server.Url("/picky/go/story")));
            case "/plain/feed.xml":
                response.ContentType = "application/rss+xml";
                return response.WriteAsync(Feed("Plain", _server.Url("/plain/story.html")));
            case "/picky/go/story":
                response.Redirect("/picky/story.html");
                return Task.CompletedTask;
            case "/roaming/feed.xml":
                response.ContentType = "application/rss+xml";
                return response.WriteAsync($"""
                    <?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Roaming</title><link>http://example.org/</link>
                    <item><title>Home story</title><link>{_server.Url("/roaming/story.html")}</link></item>
                    <item><title>Linked story</title><link>{_otherSite.Url("/linked.html")}</link></item>
                    <item><title>Redirected story</title><link>{_server.Url("/roaming/go/away")}</link></item>
                    </channel></rss>
                    """);
            case "/roaming/go/away":
                response.Redirect(_otherSite.Url("/redirected.html").ToString());
                return Task.CompletedTask;
            default:
                response.ContentType = "text/html; charset=utf-8";
                return response.WriteAsync(FaultWeb.Article(path.Contains("picky", StringComparison.Ordinal)
                    ? "Picky harbour moorings reopen in May" : "Plain ferry timetable changes in April", path.Length));
        }
    }

    private Task HandleElsewhereAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value!;
        _seenElsewhere.Enqueue(SeenRequest.Of(request));
        var response = context.Response;
        if (path == "/robots.txt")
        {
            response.ContentType = "text/plain";
            return response.WriteAsync("User-agent: *\nAllow: /\n");
        }
        response.ContentType = "text/html; charset=utf-8";
        return response.WriteAsync(FaultWeb.Article(path == "/linked.html"
            ? "Linked lighthouse keepers return to the cape" : "Redirected tram line extension opens in June", path.Length));
    }

    private static string Feed(string title, Uri story) => $"""
        <?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title><link>http://example.org/</link>
        <item><title>{title} story</title><link>{story}</link></item></channel></rss>
        """;
}
