using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using NewsAggregator.Tests.Resilience;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Fetching;

/// <summary>
/// A source's <c>userAgent</c> and <c>headers</c> as a server sees them over a <c>--once</c> run:
/// on its feed, on its article pages and their redirects, never on another source's requests, and
/// not on robots.txt, whose rules are matched against the worker's own name.
/// </summary>
public sealed class SourceRequestHeadersTests : IAsyncLifetime
{
    private const string SourceUserAgent = "Mozilla/5.0 (compatible; HarbourReader/2.1)";

    private readonly ConcurrentQueue<SeenRequest> _seen = new();
    private LoopbackServer _server = null!;

    private sealed record SeenRequest(string Path, string UserAgent, string Referer, string Cookie, string Accept);

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync(HandleAsync);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_source_s_user_agent_and_headers_reach_its_feed_and_article_requests_only()
    {
        using var workspace = new TempWorkspace();
        workspace.WriteFile("sources.json", $$"""
            { "sources": [
                { "id": "picky", "name": "Picky publisher", "type": "rss", "url": "{{_server.Url("/picky/feed.xml")}}",
                  "userAgent": "{{SourceUserAgent}}",
                  "headers": { "Referer": "https://picky.example/", "Cookie": "consent=yes", "Accept": "application/rss+xml" } },
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

    private Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value!;
        _seen.Enqueue(new SeenRequest(path, request.Headers.UserAgent.ToString(), request.Headers.Referer.ToString(),
            request.Headers.Cookie.ToString(), request.Headers.Accept.ToString()));
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
            default:
                response.ContentType = "text/html; charset=utf-8";
                return response.WriteAsync(FaultWeb.Article(path.Contains("picky", StringComparison.Ordinal)
                    ? "Picky harbour moorings reopen in May" : "Plain ferry timetable changes in April", path.Length));
        }
    }

    private static string Feed(string title, Uri story) => $"""
        <?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title><link>http://example.org/</link>
        <item><title>{title} story</title><link>{story}</link></item></channel></rss>
        """;
}
