using System.Globalization;
using NewsAggregator.Pipeline;

namespace NewsAggregator.Cli;

/// <summary>
/// What <c>--once</c> shows while it runs: each source's summary line the moment its pass is over
/// and, when live, a progress line below them, redrawn in place (on each finished source and
/// every second, for the clock). Plain, it writes the summary lines alone, without a single
/// control code, so that a log file or a cron mail shows the same progress line by line.
/// </summary>
internal sealed class OnceProgress : IProgress<SourcePassResult>, IDisposable
{
    // Carriage return, then erase the whole line: the next text replaces the progress line in place.
    private const string EraseLine = "\r\u001b[2K";
    private const string Green = "\u001b[32m";
    private const string Red = "\u001b[31m";
    private const string ResetColour = "\u001b[0m";

    private readonly Lock _gate = new();
    private readonly TextWriter _output;
    private readonly bool _live;
    private readonly int _sourceCount;
    private readonly int? _width;
    private readonly TimeProvider _clock;
    private readonly long _started;
    private readonly ITimer? _ticker;
    private OnceTally _tally;
    private bool _ended;

    /// <param name="live">Redraw a progress line (a terminal), or write plain lines only.</param>
    /// <param name="width">The terminal's columns: the progress line is cut to fit, as a line that wraps cannot be redrawn in place.</param>
    public OnceProgress(TextWriter output, bool live, int sourceCount, int? width, TimeProvider clock)
    {
        _output = output;
        _live = live;
        _sourceCount = sourceCount;
        _width = width;
        _clock = clock;
        _started = clock.GetTimestamp();
        if (live)
        {
            lock (_gate)
            {
                DrawProgressLine();
            }
            _ticker = clock.CreateTimer(_ => Tick(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>Since the run began.</summary>
    public TimeSpan Elapsed => _clock.GetElapsedTime(_started);

    /// <summary>A source's pass is over: its line goes above the progress line, which then counts it.</summary>
    public void Report(SourcePassResult value)
    {
        lock (_gate)
        {
            if (_ended)
            {
                return;
            }
            _tally = _tally.Add(value);
            if (_live)
            {
                _output.Write(EraseLine);
                _output.WriteLine(Coloured(value));
                DrawProgressLine();
            }
            else
            {
                _output.WriteLine(value.SummaryLine());
            }
            _output.Flush();
        }
    }

    /// <summary>Stops the clock and erases the progress line, so that what follows (the table, an error) starts on a clean line.</summary>
    public void Dispose()
    {
        _ticker?.Dispose();
        lock (_gate)
        {
            if (_ended)
            {
                return;
            }
            _ended = true;
            if (_live)
            {
                _output.Write(EraseLine);
                _output.Flush();
            }
        }
    }

    /// <summary><c>3/12 sources done: 41 stored, 2 duplicates, 1 failed, 5 failed entries (0:12)</c></summary>
    public static string ProgressText(OnceTally tally, int sourceCount, TimeSpan elapsed) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{tally.Sources}/{sourceCount} sources done: {tally.Stored} stored, {tally.Duplicates} duplicates, " +
            $"{tally.FailedSources} failed, {tally.FailedEntries} failed entries ({Clock(elapsed)})");

    private void Tick()
    {
        lock (_gate)
        {
            // A tick already under way when Dispose stopped the timer must not draw the line again.
            if (_ended)
            {
                return;
            }
            _output.Write(EraseLine);
            DrawProgressLine();
            _output.Flush();
        }
    }

    private void DrawProgressLine()
    {
        var text = ProgressText(_tally, _sourceCount, Elapsed);
        // One column short of the edge: writing into the last column makes some terminals wrap.
        _output.Write(_width is { } columns && text.Length >= columns ? text[..Math.Max(0, columns - 1)] : text);
    }

    private static string Coloured(SourcePassResult result)
    {
        var line = result.SummaryLine();
        var word = result.Succeeded ? "ok" : "FAILED";
        return $"{(result.Succeeded ? Green : Red)}{word}{ResetColour}{line[word.Length..]}";
    }

    private static string Clock(TimeSpan elapsed) =>
        elapsed >= TimeSpan.FromHours(1)
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalHours}:{elapsed:mm}:{elapsed:ss}")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalMinutes}:{elapsed:ss}");
}
