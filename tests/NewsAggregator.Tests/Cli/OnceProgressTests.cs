using Microsoft.Extensions.Time.Testing;
using NewsAggregator.Cli;
using NewsAggregator.Pipeline;

namespace NewsAggregator.Tests.Cli;

/// <summary>
/// The <c>--once</c> progress, written to a writer with a clock the test moves: what a terminal
/// gets (the line redrawn in place, each source's line above it), what a log file gets (the
/// source lines alone), and when each form is chosen.
/// </summary>
public sealed class OnceProgressTests
{
    private const string Erase = "\r\u001b[2K";

    private static readonly SourcePassResult Wire = new() { SourceId = "wire", NewArticles = 3, Duplicates = 1, Known = 2, Elapsed = TimeSpan.FromSeconds(1.2) };

    private static readonly SourcePassResult Desk = new()
    {
        SourceId = "desk", Failed = 2, Elapsed = TimeSpan.FromSeconds(0.3), Error = "HTTP 404 Not Found (http://127.0.0.1/desk/)",
    };

    private readonly FakeTimeProvider _clock = new();
    private readonly StringWriter _output = new();

    [Fact]
    public void Live_progress_line_is_redrawn_in_place_with_each_finished_source_above_it()
    {
        using (var progress = new OnceProgress(_output, live: true, sourceCount: 2, width: null, _clock))
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            progress.Report(Wire);
            _clock.Advance(TimeSpan.FromSeconds(1));
            progress.Report(Desk);
        }

        Assert.Equal(
            "0/2 sources done: 0 stored, 0 duplicates, 0 failed, 0 failed entries (0:00)" +
            Erase + "0/2 sources done: 0 stored, 0 duplicates, 0 failed, 0 failed entries (0:01)" +
            Erase + "\u001b[32mok\u001b[0m     wire: 3 new, 1 duplicate, 0 failed, 2 known (1.2 s)" + Environment.NewLine +
            "1/2 sources done: 3 stored, 1 duplicate, 0 failed, 0 failed entries (0:01)" +
            Erase + "1/2 sources done: 3 stored, 1 duplicate, 0 failed, 0 failed entries (0:02)" +
            Erase + "\u001b[31mFAILED\u001b[0m desk: 0 new, 0 duplicate, 2 failed, 0 known (0.3 s): HTTP 404 Not Found (http://127.0.0.1/desk/)" + Environment.NewLine +
            "2/2 sources done: 3 stored, 1 duplicate, 1 failed, 2 failed entries (0:02)" +
            Erase,
            _output.ToString());
    }

    [Fact]
    public void Nothing_is_drawn_once_the_progress_is_over()
    {
        using var progress = new OnceProgress(_output, live: true, sourceCount: 1, width: null, _clock);
        progress.Dispose();
        var written = _output.ToString();

        _clock.Advance(TimeSpan.FromSeconds(5));
        progress.Report(Wire);

        Assert.Equal(written, _output.ToString());
        Assert.EndsWith(Erase, written, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_lines_on_the_same_screen_go_above_the_progress_line()
    {
        // One writer for both streams: what a terminal shows when standard error is on it too.
        using (var progress = new OnceProgress(_output, live: true, sourceCount: 2, width: null, _clock))
        {
            var log = progress.Beside(_output);
            log.WriteLine("warn SourcePass: Source desk failed");
            log.Write("half a line");
            // No progress line in the middle of the log's line, even when the clock ticks.
            _clock.Advance(TimeSpan.FromSeconds(1));
            log.Write(" and its end" + Environment.NewLine);
        }

        Assert.Equal(
            "0/2 sources done: 0 stored, 0 duplicates, 0 failed, 0 failed entries (0:00)" +
            Erase + "warn SourcePass: Source desk failed" + Environment.NewLine +
            "0/2 sources done: 0 stored, 0 duplicates, 0 failed, 0 failed entries (0:00)" +
            Erase + "half a line and its end" + Environment.NewLine +
            "0/2 sources done: 0 stored, 0 duplicates, 0 failed, 0 failed entries (0:01)" +
            Erase,
            _output.ToString());
    }

    [Fact]
    public void Plain_progress_leaves_the_log_writer_as_it_is()
    {
        using var progress = new OnceProgress(_output, live: false, sourceCount: 1, width: null, _clock);
        using var error = new StringWriter();

        Assert.Same(error, progress.Beside(error));
    }

    [Fact]
    public void Plain_progress_is_the_summary_lines_alone_without_control_codes()
    {
        using (var progress = new OnceProgress(_output, live: false, sourceCount: 2, width: null, _clock))
        {
            progress.Report(Desk);
            _clock.Advance(TimeSpan.FromSeconds(10));
            progress.Report(Wire);
        }

        Assert.Equal(Desk.SummaryLine() + Environment.NewLine + Wire.SummaryLine() + Environment.NewLine, _output.ToString());
    }

    [Fact]
    public void Live_line_is_cut_to_the_terminal_width_so_that_it_never_wraps()
    {
        using (var progress = new OnceProgress(_output, live: true, sourceCount: 2, width: 20, _clock))
        {
            progress.Report(Wire);
        }

        var progressLines = _output.ToString().Split([Erase, Environment.NewLine], StringSplitOptions.None)
            .Where(part => part.Contains("sources done", StringComparison.Ordinal)).ToList();
        Assert.Equal(["0/2 sources done: 0", "1/2 sources done: 3"], progressLines);
    }

    [Theory]
    [InlineData(0, "(0:00)")]
    [InlineData(65, "(1:05)")]
    [InlineData(3600 + 5, "(1:00:05)")]
    [InlineData(3600 * 26 + 62, "(26:01:02)")]
    public void Clock_shows_minutes_and_seconds_and_hours_once_there_are_any(int seconds, string clock)
    {
        Assert.EndsWith(clock, OnceProgress.ProgressText(default, 5, TimeSpan.FromSeconds(seconds)), StringComparison.Ordinal);
    }

    [Theory]
    // sources run and failed, stored, duplicates, failed entries; the progress line and the total line
    [InlineData(1, 0, 1, 1, 1,
        "1/1 source done: 1 stored, 1 duplicate, 0 failed, 1 failed entry (0:00)",
        "1 source: 1 ok, 0 failed; 1 new article, 1 duplicate, 1 article failed")]
    [InlineData(2, 1, 0, 0, 0,
        "2/2 sources done: 0 stored, 0 duplicates, 1 failed, 0 failed entries (0:00)",
        "2 sources: 1 ok, 1 failed; 0 new articles, 0 duplicates, 0 articles failed")]
    [InlineData(2, 2, 2, 2, 2,
        "2/2 sources done: 2 stored, 2 duplicates, 2 failed, 2 failed entries (0:00)",
        "2 sources: 0 ok, 2 failed; 2 new articles, 2 duplicates, 2 articles failed")]
    public void Counts_of_one_take_the_singular(int sources, int failedSources, int stored, int duplicates, int failedEntries,
        string progressLine, string totalLine)
    {
        var results = Enumerable.Range(0, sources).Select(i => new SourcePassResult
        {
            SourceId = $"s{i}",
            Error = i < failedSources ? "HTTP 404 Not Found" : null,
            // The counts all on the first source: the totals are what is read.
            NewArticles = i == 0 ? stored : 0,
            Duplicates = i == 0 ? duplicates : 0,
            Failed = i == 0 ? failedEntries : 0,
        }).ToList();

        Assert.Equal(progressLine, OnceProgress.ProgressText(OnceTally.Of(results), sources, TimeSpan.Zero));
        Assert.Equal(totalLine, OnceSummary.TotalLine(results));
    }

    [Theory]
    // request, on a terminal, NO_COLOR, TERM, live?
    [InlineData(ProgressRequest.Auto, true, null, "xterm-256color", true)]
    [InlineData(ProgressRequest.Auto, false, null, "xterm-256color", false)]
    [InlineData(ProgressRequest.Auto, true, "1", "xterm-256color", false)]
    [InlineData(ProgressRequest.Auto, true, "yes", null, false)]
    // no-color.org: an empty NO_COLOR is not set.
    [InlineData(ProgressRequest.Auto, true, "", "xterm", true)]
    [InlineData(ProgressRequest.Auto, true, null, "dumb", false)]
    [InlineData(ProgressRequest.Auto, true, null, null, true)]
    [InlineData(ProgressRequest.Plain, true, null, "xterm", false)]
    // An explicit choice on the command line wins over the environment, as no-color.org asks.
    [InlineData(ProgressRequest.Tty, false, "1", "dumb", true)]
    [InlineData(ProgressRequest.Tty, false, null, null, true)]
    public void Live_line_only_on_a_terminal_whose_reader_has_not_asked_for_plain_text(
        ProgressRequest request, bool isTerminal, string? noColor, string? term, bool live)
    {
        var environment = new Dictionary<string, string?> { ["NO_COLOR"] = noColor, ["TERM"] = term };
        var terminal = new OutputTerminal(isTerminal, () => 80, name => environment.GetValueOrDefault(name));

        Assert.Equal(live, terminal.ShowsLiveProgress(request));
    }

    [Fact]
    public void A_writer_other_than_the_console_is_not_a_terminal()
    {
        Assert.False(OutputTerminal.Of(_output).IsTerminal);
    }

    [Fact]
    public void Summary_table_is_aligned_in_the_given_order_with_the_run_time_in_its_totals_row()
    {
        var unchanged = new SourcePassResult { SourceId = "planet-atom", Known = 7, NotModified = true, Elapsed = TimeSpan.FromSeconds(0.04) };
        var unrecorded = new SourcePassResult
        {
            SourceId = "herald", NewArticles = 1, Upgraded = 2, Elapsed = TimeSpan.FromSeconds(2), RecordError = "database or disk is full\nwhile writing",
        };
        var expected = File.ReadAllText(FixturePath.Of("Cli", "once-summary-table.txt")).ReplaceLineEndings();

        var table = OnceSummary.Table([Wire, Desk with { NextTryIn = TimeSpan.FromHours(2), ConsecutiveFailures = 3 }, unchanged, unrecorded], TimeSpan.FromSeconds(2.5));

        Assert.Equal(expected, table);
    }
}
