using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Http;
using NewsAggregator.Pipeline;
using NewsAggregator.Sources;
using NewsAggregator.Storage;
using NewsAggregator.Tests.Storage;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Resilience;

/// <summary>What passes over a source do with conditional GET, robots.txt and failures, across runs.</summary>
public sealed class SourcePassResilienceTests : IAsyncLifetime
{
    private readonly TemporaryDatabase _files = new();
    private readonly ConcurrentQueue<string?> _feedIfNoneMatch = new();
    private LoopbackServer _server = null!;

    private string Robots { get; set; } = "User-agent: *\nAllow: /\n";
    private bool SecondStoryFails { get; set; }
    private bool FeedFails { get; set; }
    private bool ListsAnEmptyPage { get; set; }
    private readonly ConcurrentQueue<string?> _emptyPageIfNoneMatch = new();

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync(HandleAsync);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _files.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value!;
        switch (path)
        {
            case "/robots.txt":
                await context.Response.WriteAsync(Robots);
                return;
            case "/feed.xml":
                _feedIfNoneMatch.Enqueue(context.Request.Headers.IfNoneMatch);
                if (FeedFails)
                {
                    context.Response.StatusCode = 500;
                    return;
                }
                context.Response.Headers.ETag = "\"feed-1\"";
                if (context.Request.Headers.IfNoneMatch == "\"feed-1\"")
                {
                    context.Response.StatusCode = 304;
                    return;
                }
                context.Response.ContentType = "application/rss+xml";
                await context.Response.WriteAsync($"""
                    <?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>{_server.BaseUrl}</link><ttl>120</ttl>
                    <item><title>One</title><link>{_server.Url("/story-1.html")}</link><description>{WebUtility.HtmlEncode(FeedText("one"))}</description></item>
                    <item><title>Two</title><link>{_server.Url("/story-2.html")}</link></item>
                    {(ListsAnEmptyPage ? $"<item><title>Empty</title><link>{_server.Url("/empty.html")}</link></item>" : "")}
                    </channel></rss>
                    """);
                return;
            case "/empty.html":
                _emptyPageIfNoneMatch.Enqueue(context.Request.Headers.IfNoneMatch);
                context.Response.Headers.ETag = "\"empty-1\"";
                if (context.Request.Headers.IfNoneMatch == "\"empty-1\"")
                {
                    context.Response.StatusCode = 304;
                    return;
                }
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<!DOCTYPE html><html><body><nav><a href=\"/\">Home</a></nav></body></html>");
                return;
            case "/story-2.html" when SecondStoryFails:
                context.Response.StatusCode = 500;
                return;
            default:
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync(FaultWeb.Article($"Story {path}", path.Length * 13 + path[^6]));
                return;
        }
    }

    private static string FeedText(string name) =>
        $"<p>The feed's own full text of story {name}: the harbour committee met on Tuesday evening and agreed the new moorings would open in May, "
        + "after two years of planning and a public consultation that drew more than four hundred responses from residents.</p>";

    private Source Wire(bool ignoreRobots = false) => new()
    {
        Id = "wire", Name = "Wire", Type = SourceType.Rss, Url = _server.Url("/feed.xml"), IgnoreRobots = ignoreRobots,
    };

    private async Task<SourcePassResult> PassAsync(Source source, TimeProvider? clock = null) =>
        (await InProcessRun.RunAsync(_files.Path, [source], InProcessRun.QuickOptions(o => o.MaxRetries = 0), clock: clock)).Single();

    [Fact]
    public async Task Unchanged_feed_is_a_304_and_a_success_with_nothing_new()
    {
        var first = await PassAsync(Wire());
        var second = await PassAsync(Wire());

        Assert.Equal(2, first.NewArticles);
        Assert.True(second.Succeeded, second.SummaryLine());
        Assert.True(second.NotModified);
        Assert.EndsWith(", not modified", second.SummaryLine());
        Assert.Equal(new string?[] { null, "\"feed-1\"" }, _feedIfNoneMatch.ToArray());
    }

    [Fact]
    public async Task Feed_ttl_sets_the_next_due_time()
    {
        var result = await PassAsync(Wire());

        Assert.Equal(TimeSpan.FromMinutes(120), result.NextTryIn);
    }

    [Fact]
    public async Task A_failed_entry_leaves_the_feed_a_304_and_is_tried_again_on_its_own_when_due()
    {
        var clock = new SettableClock(DateTimeOffset.UtcNow);
        SecondStoryFails = true;
        var first = await PassAsync(Wire(), clock);
        SecondStoryFails = false;
        var early = await PassAsync(Wire(), clock);
        clock.Advance(EntryBackoff.FirstDelay);
        var due = await PassAsync(Wire(), clock);

        Assert.Equal((1, 1), (first.NewArticles, first.Failed));
        Assert.Equal(new string?[] { null, "\"feed-1\"", "\"feed-1\"" }, _feedIfNoneMatch.ToArray());
        Assert.Equal((true, 0, 0), (early.NotModified, early.NewArticles, early.Failed));
        Assert.Equal((true, 1, 0), (due.NotModified, due.NewArticles, due.Failed));
        Assert.Equal(2, _server.RequestsTo("/story-2.html"));
    }

    [Fact]
    public async Task A_page_that_gave_no_text_is_asked_for_conditionally_next_time()
    {
        ListsAnEmptyPage = true;
        var clock = new SettableClock(DateTimeOffset.UtcNow);

        var first = await PassAsync(Wire(), clock);
        // Once its retry is due; the feed itself is then a 304.
        clock.Advance(EntryBackoff.FirstDelay);
        var second = await PassAsync(Wire(), clock);

        Assert.Equal((2, 1), (first.NewArticles, first.Failed));
        Assert.Equal(1, second.Failed);
        Assert.Equal(new string?[] { null, "\"empty-1\"" }, _emptyPageIfNoneMatch.ToArray());
        Assert.Contains("empty.html: the page is unchanged since it last gave no article text",
            _files.Scalar("SELECT entry_problems FROM runs ORDER BY id DESC LIMIT 1") as string);
    }

    [Fact]
    public async Task Feed_disallowed_by_robots_txt_fails_unless_the_source_ignores_robots()
    {
        Robots = "User-agent: *\nDisallow: /\n";

        var obeying = await PassAsync(Wire());
        var ignoring = await PassAsync(Wire(ignoreRobots: true));

        Assert.False(obeying.Succeeded);
        Assert.Contains("disallowed by robots.txt (\"Disallow: /\" for user-agent *)", obeying.Error);
        Assert.True(ignoring.Succeeded, ignoring.SummaryLine());
        // The feed is read, its article pages still obey robots.txt: the feed's own text is kept
        // where it has one, the other entry fails.
        Assert.Equal((1, 1), (ignoring.NewArticles, ignoring.Failed));
        Assert.Equal(0, _server.RequestsTo("/story-1.html") + _server.RequestsTo("/story-2.html"));
        Assert.Contains("the harbour committee met", _files.Scalar("SELECT text FROM articles") as string);
    }

    [Fact]
    public async Task A_failing_source_is_backed_off_more_each_time_and_recovers_by_itself()
    {
        FeedFails = true;
        var waits = new List<TimeSpan>();
        SourcePassResult failed = null!;
        for (var i = 0; i < 4; i++)
        {
            failed = await PassAsync(Wire());
            Assert.Equal(i + 1, failed.ConsecutiveFailures);
            waits.Add(failed.NextTryIn!.Value);
        }
        FeedFails = false;
        var recovered = await PassAsync(Wire());

        // 30 min, then doubling (each with up to a quarter of jitter on top).
        Assert.All(waits.Select((wait, n) => (wait, n)), pair =>
            Assert.InRange(pair.wait, Source.DefaultInterval * Math.Pow(2, pair.n), Source.DefaultInterval * Math.Pow(2, pair.n) * 1.25));
        Assert.Contains("HTTP 500 Internal Server Error", failed.SummaryLine());
        // 4 h with up to a quarter on top: "4 h", "4 h 37 min", or "5 h" when the jitter rounds up to it.
        Assert.Matches(@"; 4 failures in a row, next try in (4 h( \d+ min)?|5 h)$", failed.SummaryLine());
        Assert.True(recovered.Succeeded);
        Assert.Equal(0, recovered.ConsecutiveFailures);
        Assert.Equal(0L, _files.Scalar("SELECT consecutive_failures FROM source_state"));
        Assert.NotNull(_files.Scalar("SELECT last_success_at FROM source_state"));
    }
}
