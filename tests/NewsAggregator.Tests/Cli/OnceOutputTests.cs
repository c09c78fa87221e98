using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using NewsAggregator.Cli;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Cli;

/// <summary>
/// What <c>--once</c> prints over real sources on loopback: each source's line the moment its
/// pass is over, then the table. Three sources finish in an order the servers enforce (each holds
/// its answer until the previous source's line is out), the reverse of the file's: <c>early</c>
/// stores a story, <c>middle</c> finds the same text (a duplicate), <c>late</c>'s feed is gone.
/// </summary>
public sealed class OnceOutputTests : IAsyncLifetime
{
    private const char Escape = '\u001b';
    // A guard against a run that prints nothing until the end, which would hold the servers forever; not a timing assertion.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);
    private static readonly string Story = FixturePath.ReadText("ExtractCommand", "saved", "harbour-market.html");

    private readonly TempWorkspace _workspace = new();
    private readonly WatchedOutput _output = new();
    private readonly StringWriter _error = new();
    private LoopbackServer _early = null!;
    private LoopbackServer _middle = null!;
    private LoopbackServer _late = null!;

    public async Task InitializeAsync()
    {
        // Hosts of their own: one host's politeness must not queue a source behind another's held request.
        _early = await LoopbackServer.StartAsync(context => AnswerAsync(context, after: null, found: true), IPAddress.Parse("127.0.0.2"));
        _middle = await LoopbackServer.StartAsync(context => AnswerAsync(context, after: "early: ", found: true), IPAddress.Parse("127.0.0.3"));
        _late = await LoopbackServer.StartAsync(context => AnswerAsync(context, after: "middle: ", found: false), IPAddress.Parse("127.0.0.4"));
        SourcesJson.Write(_workspace,
        [
            new SourceEntry("late", "Late", "rss", _late.Url("/feed.xml").ToString()),
            new SourceEntry("middle", "Middle", "page", _middle.Url("/2026/harbour-market.html").ToString()),
            new SourceEntry("early", "Early", "page", _early.Url("/2026/harbour-market.html").ToString()),
        ]);
    }

    public async Task DisposeAsync()
    {
        await _early.DisposeAsync();
        await _middle.DisposeAsync();
        await _late.DisposeAsync();
        _workspace.Dispose();
        _output.Dispose();
        _error.Dispose();
    }

    [Fact]
    public async Task Redirected_output_is_plain_lines_as_sources_finish_then_the_aligned_table()
    {
        var exitCode = await RunAsync();

        Assert.True(exitCode == 1, Shown());
        var text = _output.ToString();
        Assert.DoesNotContain(Escape, text);
        Assert.DoesNotContain('\r', text);
        var lines = text.Split(Environment.NewLine);
        Assert.StartsWith("ok     early: 1 new, 0 duplicate, 0 failed, 0 known (", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("ok     middle: 0 new, 1 duplicate, 0 failed, 0 known (", lines[1], StringComparison.Ordinal);
        Assert.Matches(@"^FAILED late: 0 new, 0 duplicate, 0 failed, 0 known \(\d+\.\d s\): HTTP 404 Not Found \(http://127\.0\.0\.4:\d+/feed\.xml\); first failure, next try in ", lines[2]);
        Assert.Equal("", lines[3]);
        AssertTable(lines[4..9]);
        Assert.Equal("3 sources: 2 ok, 1 failed; 1 new article, 1 duplicate, 0 articles failed", lines[9]);
        Assert.Equal("", lines[10]);
        Assert.Equal(11, lines.Length);
    }

    [Fact]
    public async Task Forced_terminal_mode_redraws_a_progress_line_below_each_finished_source()
    {
        var exitCode = await RunAsync("--progress", "tty");

        Assert.True(exitCode == 1, Shown());
        var text = _output.ToString();
        Assert.StartsWith("0/3 sources done: 0 stored, 0 duplicates, 0 failed, 0 failed entries (0:", text, StringComparison.Ordinal);
        var sourceLines = Regex.Matches(text, "\r\u001b\\[2K\u001b\\[3[12]m(ok|FAILED)\u001b\\[0m +([a-z]+): ").Select(match => match.Groups[2].Value);
        Assert.Equal(["early", "middle", "late"], sourceLines);
        Assert.Contains($"{Environment.NewLine}1/3 sources done: 1 stored, 0 duplicates, 0 failed, 0 failed entries (", text, StringComparison.Ordinal);
        Assert.Contains($"{Environment.NewLine}2/3 sources done: 1 stored, 1 duplicate, 0 failed, 0 failed entries (", text, StringComparison.Ordinal);
        Assert.Contains($"{Environment.NewLine}3/3 sources done: 1 stored, 1 duplicate, 1 failed, 0 failed entries (", text, StringComparison.Ordinal);
        // The line is erased before the table, which is the same plain text as when redirected.
        var afterProgress = text[(text.LastIndexOf("\r\u001b[2K", StringComparison.Ordinal) + "\r\u001b[2K".Length)..];
        Assert.DoesNotContain(Escape, afterProgress);
        var lines = afterProgress.Split(Environment.NewLine);
        Assert.Equal("", lines[0]);
        AssertTable(lines[1..6]);
    }

    [Theory]
    [InlineData("1", "xterm-256color", false)]
    [InlineData(null, "dumb", false)]
    [InlineData(null, "xterm-256color", true)]
    public async Task On_a_terminal_NO_COLOR_and_TERM_dumb_ask_for_plain_lines(string? noColor, string term, bool live)
    {
        var environment = new Dictionary<string, string?> { ["NO_COLOR"] = noColor, ["TERM"] = term };
        var terminal = new OutputTerminal(IsTerminal: true, Width: () => 200, name => environment.GetValueOrDefault(name));
        using var guard = new CancellationTokenSource(HangGuard);

        var exitCode = await new RunCommand(_output, _error, terminal: terminal).RunAsync(new RunSettings
        {
            Once = true,
            SourcesPath = _workspace.SourcesPath,
            DatabasePath = _workspace.DatabasePath,
            SettingOverrides = ["--Fetch:MaxRetries=0"],
        }, guard.Token);

        Assert.True(exitCode == 1, Shown());
        Assert.Equal(live, _output.ToString().Contains(Escape, StringComparison.Ordinal));
        Assert.Equal(live, _output.ToString().Contains("3/3 sources done", StringComparison.Ordinal));
        Assert.Contains("3 sources: 2 ok, 1 failed;", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_progress_mode_is_a_usage_error()
    {
        var exitCode = await RunAsync("--progress", "sometimes");

        Assert.True(exitCode == 2, Shown());
        Assert.Contains("sometimes", _error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(_workspace.DatabasePath));
    }

    /// <summary>The table in the file's order; every cell starts under its heading.</summary>
    private static void AssertTable(string[] lines)
    {
        string[] headings = ["SOURCE", "STATUS", "STORED", "UPGRADED", "DUPLICATES", "KNOWN", "FAILED ENTRIES", "TIME", "ERROR"];
        Assert.Matches("^SOURCE +STATUS +STORED +UPGRADED +DUPLICATES +KNOWN +FAILED ENTRIES +TIME +ERROR$", lines[0]);
        var starts = headings.Select(heading => lines[0].IndexOf(heading, StringComparison.Ordinal)).ToArray();
        var rows = lines[1..].Select(line => starts.Select((start, column) =>
        {
            Assert.True(start == 0 || line[(start - 2)..start] == "  ", $"column {headings[column]} not aligned in: {line}");
            var end = column + 1 < starts.Length ? starts[column + 1] : line.Length;
            return line[start..end].Trim();
        }).ToArray()).ToList();

        Assert.Equal(["late", "middle", "early", "total"], rows.Select(row => row[0]));
        Assert.Equal(["FAILED", "0", "0", "0", "0", "0"], rows[0][1..7]);
        Assert.Equal(["ok", "0", "0", "1", "0", "0"], rows[1][1..7]);
        Assert.Equal(["ok", "1", "0", "0", "0", "0"], rows[2][1..7]);
        Assert.Equal(["2 ok, 1 failed", "1", "0", "1", "0", "0"], rows[3][1..7]);
        Assert.All(rows, row => Assert.Matches(@"^\d+\.\d s$", row[7]));
        Assert.StartsWith("HTTP 404 Not Found (http://127.0.0.4:", rows[0][8], StringComparison.Ordinal);
        Assert.Equal(["-", "-", "-"], rows[1..].Select(row => row[8]));
    }

    private async Task<int> RunAsync(params string[] moreArgs) =>
        await NewsAggregatorCommandLine.RunAsync(
            ["--once", "--sources", _workspace.SourcesPath, "--db", _workspace.DatabasePath, "--Fetch:MaxRetries=0", .. moreArgs],
            _output, _error, CancellationToken.None).WaitAsync(HangGuard);

    private async Task AnswerAsync(HttpContext context, string? after, bool found)
    {
        if (context.Request.Path == "/robots.txt")
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        if (after is not null)
        {
            await _output.Shows(after).WaitAsync(HangGuard, context.RequestAborted);
        }
        if (!found)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(Story, context.RequestAborted);
    }

    private string Shown() => $"--- output ---\n{_output}--- error ---\n{_error}";
}
