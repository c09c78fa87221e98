using System.Net;
using Microsoft.AspNetCore.Http;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Pipeline;

/// <summary>
/// Pages between fetching and storage are bounded across all sources of a run: with one slot,
/// three publishers are never asked for two pages at the same time; with pages larger than the
/// bytes allowed, once the slots know what a page weighs, never for two either.
/// </summary>
public sealed class PageSlotsTests : IAsyncLifetime
{
    private const int Mebibyte = 1024 * 1024;
    private static readonly string Story = File.ReadAllText(FixturePath.Of("ExtractCommand", "saved", "harbour-market.html"));

    private readonly TempWorkspace _workspace = new();
    private readonly List<LoopbackServer> _sites = [];
    private int _stories = 4;
    private string _padding = "";
    private int _pagesInFlight;
    private int _mostPagesInFlight;
    // How many page requests were being answered when each one came in, itself included, in order.
    private readonly List<int> _inFlightAtStart = [];

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
        Assert.Equal(3 * _stories, run.Summaries.Sum(summary => (summary.Count("new") ?? 0) + (summary.Count("duplicate") ?? 0)));
        Assert.Equal(1, _mostPagesInFlight);
    }

    [Fact]
    public async Task With_pages_larger_than_the_bytes_allowed_they_are_asked_for_one_at_a_time()
    {
        // Pages of two mebibytes (inline application state, as some sites ship) against a budget of
        // one: the first few go out together on the slots' first estimate of a page (a typical one),
        // after which the estimate knows better and each page waits until the others are let go.
        _stories = 6;
        _padding = "<script type=\"application/json\">{\"state\":\"" + new string('s', 2 * Mebibyte) + "\"}</script>";

        var run = await CommandRun.OnceAsync(_workspace, $"--PageBytesInFlight={Mebibyte}", "--Fetch:MinDelayPerHostMilliseconds=0");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(3 * _stories, run.Summaries.Sum(summary => (summary.Count("new") ?? 0) + (summary.Count("duplicate") ?? 0)));
        Assert.Equal(3 * _stories, _inFlightAtStart.Count);
        // Six page slots fit the budget at the first estimate (192 KiB each); from the seventh page on
        // the estimate holds no more than one.
        Assert.All(_inFlightAtStart.Skip(6), count => Assert.Equal(1, count));
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
                    string.Concat(Enumerable.Range(1, _stories).Select(i => $"<item><title>Story {i}</title><link>http://{host}/story/{i}</link></item>")) +
                    "</channel></rss>");
                return;
        }
        var now = Interlocked.Increment(ref _pagesInFlight);
        lock (_sites)
        {
            _mostPagesInFlight = Math.Max(_mostPagesInFlight, now);
            _inFlightAtStart.Add(now);
        }
        try
        {
            // Long enough for the other publishers' requests to overlap this one if nothing held them back.
            await Task.Delay(150);
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Story.Replace("Harbour market", $"Harbour market {host}{context.Request.Path}", StringComparison.Ordinal)
                + $"<p>The {host}{context.Request.Path} edition of the story, told at some length so that it is its own.</p>" + _padding);
        }
        finally
        {
            Interlocked.Decrement(ref _pagesInFlight);
        }
    }
}
