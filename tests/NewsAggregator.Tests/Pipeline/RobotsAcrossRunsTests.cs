using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Pipeline;

/// <summary>
/// robots.txt answers are kept in the database with their expiry: a second <c>--once</c> over an
/// unchanged source costs one conditional request, not a robots.txt and a feed a second apart.
/// </summary>
public sealed class RobotsAcrossRunsTests : IAsyncLifetime
{
    private const string FeedTag = "\"feed-v1\"";
    private static readonly string Story = File.ReadAllText(FixturePath.Of("ExtractCommand", "saved", "harbour-market.html"));

    private readonly TempWorkspace _workspace = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private LoopbackServer _site = null!;

    public async Task InitializeAsync()
    {
        _site = await LoopbackServer.StartAsync(async context =>
        {
            var path = context.Request.Path.Value!;
            _requests.Enqueue(path);
            switch (path)
            {
                case "/robots.txt":
                    await context.Response.WriteAsync("User-agent: *\nDisallow: /private/\n");
                    break;
                case "/feed.xml" when context.Request.Headers.IfNoneMatch == FeedTag:
                    context.Response.StatusCode = StatusCodes.Status304NotModified;
                    break;
                case "/feed.xml":
                    context.Response.ContentType = "application/rss+xml";
                    context.Response.Headers.ETag = FeedTag;
                    await context.Response.WriteAsync($"""
                        <?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title><link>http://{context.Request.Host}/</link>
                        <item><title>Market</title><link>http://{context.Request.Host}/2024/05/harbour-market.html</link></item>
                        <item><title>Private</title><link>http://{context.Request.Host}/private/notes.html</link><description>Feed text of the private notes, which robots.txt keeps us from fetching.</description></item>
                        </channel></rss>
                        """);
                    break;
                default:
                    context.Response.ContentType = "text/html; charset=utf-8";
                    await context.Response.WriteAsync(Story);
                    break;
            }
        });
        _workspace.WriteFile("sources.json", $$"""{ "sources": [ { "id": "gazette", "name": "Gazette", "type": "rss", "url": "{{_site.Url("/feed.xml")}}" } ] }""");
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _workspace.Dispose();
    }

    [Fact]
    public async Task A_second_run_asks_an_unchanged_source_once_and_still_obeys_its_robots_txt()
    {
        var first = await CommandRun.OnceAsync(_workspace);
        var firstRequests = Drain();
        var second = await CommandRun.OnceAsync(_workspace);
        var secondRequests = Drain();

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(["/2024/05/harbour-market.html", "/feed.xml", "/robots.txt"], firstRequests.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("/private/notes.html", firstRequests);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(["/feed.xml"], secondRequests);
        Assert.Contains("not modified", second.SummaryOf("gazette").Line, StringComparison.Ordinal);
    }

    private List<string> Drain()
    {
        var requests = _requests.ToList();
        _requests.Clear();
        return requests;
    }

    [Fact]
    public async Task Stage_times_are_reported_when_asked_for()
    {
        // A database of its own: over one the other test filled, the feed is unchanged and nothing is extracted.
        _workspace.DeleteDatabase();
        var run = await CommandRun.OnceAsync(_workspace, "--ReportStageTimes=true");

        Assert.True(run.ExitCode == 0, run.ToString());
        var line = Assert.Single(run.Error.Split('\n'), l => l.StartsWith("stage-cpu ", StringComparison.Ordinal));
        var seconds = System.Text.RegularExpressions.Regex.Matches(line, @"(\w+)=(\d+\.\d\d)")
            .ToDictionary(m => m.Groups[1].Value, m => double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["dedupe", "extract", "fetch", "store", "total"], seconds.Keys.Order(StringComparer.Ordinal));
        Assert.True(seconds["total"] > 0, line);
        Assert.Equal(seconds["total"], seconds["fetch"] + seconds["extract"] + seconds["dedupe"] + seconds["store"], 0.011);
        var allocation = Assert.Single(run.Error.Split('\n'), l => l.StartsWith("stage-alloc-mb ", StringComparison.Ordinal));
        Assert.Matches(@"^stage-alloc-mb fetch=\d+ extract=\d+ dedupe=\d+ store=\d+ total=\d+$", allocation.TrimEnd());
        var gc = Assert.Single(run.Error.Split('\n'), l => l.StartsWith("gc ", StringComparison.Ordinal));
        Assert.Matches(@" pause-ms-gen0=\d+ pause-ms-gen1=\d+ pause-ms-gen2=\d+ promoted-mb-gen0=\d+ promoted-mb-gen1=\d+$", gc.TrimEnd());
        var jit = Assert.Single(run.Error.Split('\n'), l => l.StartsWith("jit ", StringComparison.Ordinal));
        Assert.Matches(@"^jit methods=[1-9]\d* ms=\d+$", jit.TrimEnd());
    }

    [Fact]
    public void Fetching_is_the_process_cpu_less_the_timed_stages()
    {
        var times = new NewsAggregator.Pipeline.StageTimes();
        times.Add(NewsAggregator.Pipeline.Stage.Extract, TimeSpan.FromSeconds(3));
        times.Add(NewsAggregator.Pipeline.Stage.Store, TimeSpan.FromSeconds(0.5));

        Assert.Equal("stage-cpu fetch=1.50 extract=3.00 dedupe=0.00 store=0.50 total=5.00", times.Report(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Fetching_allocated_what_the_process_did_less_the_timed_stages()
    {
        var times = new NewsAggregator.Pipeline.StageTimes();
        const long mib = 1024 * 1024;
        times.Add(NewsAggregator.Pipeline.Stage.Extract, TimeSpan.Zero, 300 * mib);
        times.Add(NewsAggregator.Pipeline.Stage.Dedupe, TimeSpan.Zero, 40 * mib);
        times.Add(NewsAggregator.Pipeline.Stage.Extract, TimeSpan.Zero, 100 * mib);

        Assert.Equal("stage-alloc-mb fetch=60 extract=400 dedupe=40 store=0 total=500", times.AllocationReport(500 * mib));
    }

    [Fact]
    public void A_measured_stage_counts_what_its_thread_allocated()
    {
        var times = new NewsAggregator.Pipeline.StageTimes();
        using (times.Measure(NewsAggregator.Pipeline.Stage.Store))
        {
            GC.KeepAlive(new byte[100_000]);
        }

        Assert.InRange(times.AllocatedBytes(NewsAggregator.Pipeline.Stage.Store), 100_000, 200_000);
    }
}
