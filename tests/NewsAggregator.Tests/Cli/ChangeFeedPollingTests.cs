using System.Globalization;
using System.Text.Json;
using NewsAggregator.Tests.Hosting;
using NewsAggregator.Tests.Storage;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Cli;

/// <summary>
/// The change feed as a pipeline reads it: a second process runs <c>export --since</c> in a loop,
/// passing on the cursor each run prints, while this one writes: new stories from a run over
/// loopback, a longer copy replacing a cut story's text, and a re-extraction with a new
/// <c>contentSelector</c>. After each write the test waits for a poll that began after it, so every
/// version of every article is there to be seen once; the poller must see each exactly once, in
/// change order, with none missing.
/// </summary>
public sealed class ChangeFeedPollingTests : IAsyncLifetime
{
    private readonly TempWorkspace _workspace = new();
    private readonly ServedPages _pages = new();
    private LoopbackServer _server = null!;
    // Another site: copies of a story on one site are never merged (two stories there may share most words).
    private LoopbackServer _otherSite = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(_pages.AnswerAsync);
        _otherSite = await LoopbackServer.StartAsync(_pages.AnswerAsync, System.Net.IPAddress.Parse("127.0.0.2"));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _otherSite.DisposeAsync();
        _workspace.Dispose();
    }

    /// <summary>A story long enough for the near-duplicate rule (the fixture of the duplicate tests), by paragraph.</summary>
    private static readonly string[] Bridge = FixturePath.ReadText("Dedup", "Stories", "bridge-closed.txt")
        .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static readonly string[] Market =
    [
        "The covered market on Quay Street will open on Sundays from next month, the council's markets committee decided.",
        "Traders had asked for Sunday opening for three years, saying visitors to the harbour found the market shut.",
        "The committee will review the trial in the autumn, when it has figures for footfall and for the stalls' takings.",
    ];

    private static string Page(string title, IEnumerable<string> lede, IEnumerable<string> body) => $"""
        <!DOCTYPE html>
        <html lang="en"><head><title>{title}</title></head>
        <body><nav><a href="/">Home</a></nav>
        <article><h1>{title}</h1>
        <div class="lede">{string.Concat(lede.Select(p => $"<p>{p}</p>"))}</div>
        <div class="body">{string.Concat(body.Select(p => $"<p>{p}</p>"))}</div>
        </article><footer>Copyright the Harbour Herald</footer></body></html>
        """;

    private SourceEntry PageSource(string id, string path) => new(id, $"Source {id}", "page", _server.Url(path).AbsoluteUri);

    /// <summary>What the poller saw: every row of every poll, in the order it read them.</summary>
    private sealed record Row(long Id, long Seq, int TextLength);

    [Fact]
    public async Task A_pipeline_polling_from_another_process_sees_every_version_once_in_order()
    {
        // The wire's copy is cut after its fourth paragraph; the herald's is whole.
        _pages.Serve("/wire/bridge.html", Page("Swing bridge to close", Bridge[..2], Bridge[2..4]));
        _pages.Serve("/herald/bridge.html", Page("Swing bridge to close", Bridge[..2], Bridge[2..]));
        _pages.Serve("/market.html", Page("Sunday market", Market[..1], Market[1..]));
        var wire = PageSource("wire", "/wire/bridge.html");
        var herald = new SourceEntry("herald", "Source herald", "page", _otherSite.Url("/herald/bridge.html").AbsoluteUri);
        var market = PageSource("market", "/market.html");
        SourcesJson.Write(_workspace, [wire, market]);

        var rows = new List<Row>();
        var polls = 0;
        using var stop = new CancellationTokenSource();
        var poller = Task.Run(async () =>
        {
            var cursor = 0L;
            while (true)
            {
                var last = stop.IsCancellationRequested;
                if (File.Exists(_workspace.DatabasePath))
                {
                    var run = await ToolProcess.RunAsync("dotnet",
                        [WorkerExecutable.DllPath, "export", "--db", _workspace.DatabasePath, "--since", cursor.ToString(CultureInfo.InvariantCulture)],
                        _workspace.Folder, hangGuard: TimeSpan.FromMinutes(2));
                    Assert.True(run.ExitCode == 0, run.ToString());
                    foreach (var line in run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                    {
                        var row = JsonDocument.Parse(line).RootElement;
                        rows.Add(new Row(row.GetProperty("id").GetInt64(), row.GetProperty("change_seq").GetInt64(), row.GetProperty("text").GetString()!.Length));
                    }
                    cursor = long.Parse(run.Error.Trim()["next: --since ".Length..], CultureInfo.InvariantCulture);
                    Interlocked.Increment(ref polls);
                }
                if (last)
                {
                    return;
                }
                await Task.Delay(50);
            }
        });
        // A poll that began after the write: the one under way may have read before it.
        async Task SeenByTheNextPollAsync()
        {
            var after = Volatile.Read(ref polls) + 2;
            while (Volatile.Read(ref polls) < after && !poller.IsCompleted)
            {
                await Task.Delay(20);
            }
        }

        // 1. New stories: the wire's cut bridge story and the market story.
        var first = await CommandRun.OnceAsync(_workspace);
        Assert.True(first.ExitCode == 0, first.ToString());
        await SeenByTheNextPollAsync();
        // 2. The herald's whole story replaces the wire's cut text: the same article, a new version.
        SourcesJson.Write(_workspace, [wire, market, herald]);
        var second = await CommandRun.OnceAsync(_workspace, "--source", "herald");
        Assert.True(second.ExitCode == 0, second.ToString());
        await SeenByTheNextPollAsync();
        // 3. The market story re-extracted with a selector that leaves its lede out.
        SourcesJson.Write(_workspace, [wire, market with { ContentSelector = ".body" }, herald]);
        var reextract = await CommandRun.RunAsync(["reextract", "--sources", _workspace.SourcesPath, "--db", _workspace.DatabasePath]);
        Assert.True(reextract.ExitCode == 0, reextract.ToString());
        Assert.Contains("changed 1", reextract.Output, StringComparison.Ordinal);
        await SeenByTheNextPollAsync();
        await stop.CancelAsync();
        await poller;

        // In change order, none twice.
        Assert.Equal(rows.Select(row => row.Seq).Order(), rows.Select(row => row.Seq));
        Assert.Equal(rows.Count, rows.Select(row => row.Seq).Distinct().Count());
        // Two articles, each seen in both its versions: the bridge cut then whole, the market whole then without its lede.
        var versionsById = rows.GroupBy(row => row.Id).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(2, versionsById.Count);
        Assert.All(versionsById.Values, versions => Assert.Equal(2, versions.Count));
        Assert.Equal(2L, DatabaseFiles.Scalar(_workspace.DatabasePath, "SELECT count(*) FROM articles"));
        // The last version of each is what the database holds now: none missing.
        foreach (var (id, versions) in versionsById)
        {
            Assert.Equal((long)DatabaseFiles.Scalar(_workspace.DatabasePath, $"SELECT change_seq FROM articles WHERE id = {id}")!, versions[^1].Seq);
            Assert.Equal((long)DatabaseFiles.Scalar(_workspace.DatabasePath, $"SELECT length(text) FROM articles WHERE id = {id}")!, versions[^1].TextLength);
            Assert.NotEqual(versions[0].TextLength, versions[1].TextLength);
        }
    }
}
