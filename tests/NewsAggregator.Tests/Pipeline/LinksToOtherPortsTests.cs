using System.Net;
using Microsoft.AspNetCore.Http;
using NewsAggregator.Sources;
using NewsAggregator.Tests.Resilience;
using NewsAggregator.Tests.Storage;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Pipeline;

/// <summary>
/// The worker over the case of the issue: a feed on news.example:P1, where news.example is an
/// internal machine (127.0.0.2), lists a story of its own and a page on news.example:P2. The
/// story is stored; the page on the other port is neither fetched nor stored.
/// </summary>
public sealed class LinksToOtherPortsTests : IAsyncLifetime, IDisposable
{
    private const string Host = "news.example";
    private const string Secret = "Admin password for the billing console";
    private static readonly IPAddress InternalMachine = IPAddress.Parse("127.0.0.3");

    private readonly TemporaryDatabase _files = new();
    private LoopbackServer _site = null!;
    private LoopbackServer _internal = null!;
    private int _internalRequests;

    public async Task InitializeAsync()
    {
        _internal = await LoopbackServer.StartAsync(context =>
        {
            Interlocked.Increment(ref _internalRequests);
            context.Response.ContentType = "text/html";
            return context.Response.WriteAsync(FaultWeb.Article(Secret, 7));
        }, InternalMachine);
        _site = await LoopbackServer.StartAsync(HandleSiteAsync, InternalMachine);
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _internal.DisposeAsync();
    }

    // After DisposeAsync, when nothing writes to the database any more.
    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task The_feed_s_own_story_is_stored_and_the_page_on_another_port_of_its_host_is_not_fetched()
    {
        var source = new Source { Id = "wire", Name = "Wire", Type = SourceType.Rss, Url = Url(_site, "/feed.xml") };

        var result = (await InProcessRun.RunAsync(_files.Path, [source], InProcessRun.QuickOptions(), new TestNames((Host, InternalMachine)))).Single();

        var stored = StoredRows.Read(_files.Path);
        Assert.Equal((1, 1), (result.NewArticles, result.Failed));
        Assert.Equal(Url(_site, "/story.html").ToString(), Assert.Single(stored.Articles).Url);
        Assert.DoesNotContain(stored.AllUrls, url => url.Contains($":{_internal.BaseUrl.Port}/", StringComparison.Ordinal));
        Assert.DoesNotContain(stored.Articles, article => article.Text.Contains(Secret, StringComparison.Ordinal));
        Assert.Equal(0, _internalRequests);
        Assert.Contains($"/admin: refused: {Host} resolves to {InternalMachine}, a loopback address",
            _files.Scalar("SELECT entry_problems FROM runs WHERE source_id = 'wire'") as string);
    }

    private Task HandleSiteAsync(HttpContext context)
    {
        switch (context.Request.Path.Value)
        {
            case "/robots.txt":
                return context.Response.WriteAsync("User-agent: *\nAllow: /\n");
            case "/feed.xml":
                context.Response.ContentType = "application/rss+xml";
                return context.Response.WriteAsync($"""
                    <?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>{Url(_site, "/")}</link>
                    <item><title>Harbour moorings open in May</title><link>{Url(_site, "/story.html")}</link></item>
                    <item><title>Admin</title><link>{Url(_internal, "/admin")}</link></item>
                    </channel></rss>
                    """);
            default:
                context.Response.ContentType = "text/html";
                return context.Response.WriteAsync(FaultWeb.Article("Harbour moorings open in May", 41));
        }
    }

    /// <summary><paramref name="path"/> on <paramref name="server"/>'s port, under the public-looking name.</summary>
    private static Uri Url(LoopbackServer server, string path) => new($"http://{Host}:{server.BaseUrl.Port}{path}");
}
