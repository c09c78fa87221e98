using System.Net;
using Microsoft.AspNetCore.Http;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Pipeline;

/// <summary>
/// Pages between fetching and storage are bounded across all sources of a run: with one slot,
/// three publishers are never asked for two pages at the same time.
/// </summary>
public sealed class PageSlotsTests : IAsyncLifetime
{
    private const int Stories = 4;
    private static readonly string Story = File.ReadAllText(FixturePath.Of("ExtractCommand", "saved", "harbour-market.html"));

    private readonly TempWorkspace _workspace = new();
    private readonly List<LoopbackServer> _sites = [];
    private int _pagesInFlight;
    private int _mostPagesInFlight;

    public async Task InitializeAsync()
    {
        foreach (var address in new[] { "127.0.0.2", "127.0.0.3", "127.0.0.4" })
        {
            _sites.Add(await LoopbackServer.StartAsync(HandleAsync, IPAddress.Parse(address)));
        }
        _workspace.WriteFile("sources.json", "{ \"sources\": [ " + string.Join(", ", _sites.Select((site, i) =>
            $$"""{ "id": "site-{{i}}", "name": "Site {{i}}", "type": "rss", "url": "{{site.Url("/feed.xml")}}" }""")) + " ] }");
    }

    public async Task DisposeAsync()
    {
        foreach (var site in _sites)
        {
            await site.DisposeAsync();
        }
        _workspace.Dispose();
    }

    [Fact]
    public async Task With_one_page_slot_no_two_pages_are_in_flight_at_once()
    {
        var run = await CommandRun.OnceAsync(_workspace, "--PagesInFlight=1", "--Fetch:MinDelayPerHostMilliseconds=0");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(3 * Stories, run.Summaries.Sum(summary => (summary.Count("new") ?? 0) + (summary.Count("duplicate") ?? 0)));
        Assert.Equal(1, _mostPagesInFlight);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var host = context.Request.Host;
        switch (context.Request.Path.Value)
        {
            case "/robots.txt":
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            case "/feed.xml":
                context.Response.ContentType = "application/rss+xml";
                await context.Response.WriteAsync($"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>{host}</title><link>http://{host}/</link>" +
                    string.Concat(Enumerable.Range(1, Stories).Select(i => $"<item><title>Story {i}</title><link>http://{host}/story/{i}</link></item>")) +
                    "</channel></rss>");
                return;
        }
        var now = Interlocked.Increment(ref _pagesInFlight);
        lock (_sites)
        {
            _mostPagesInFlight = Math.Max(_mostPagesInFlight, now);
        }
        try
        {
            // Long enough for the other publishers' requests to overlap this one if nothing held them back.
            await Task.Delay(150);
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Story.Replace("Harbour market", $"Harbour market {host}{context.Request.Path}", StringComparison.Ordinal)
                + $"<p>The {host}{context.Request.Path} edition of the story, told at some length so that it is its own.</p>");
        }
        finally
        {
            Interlocked.Decrement(ref _pagesInFlight);
        }
    }
}
