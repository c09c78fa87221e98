using System.Globalization;
using System.Text;
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
    private bool _lineShown;
    private bool _logLineOpen;
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
                ShowLine();
                _output.Flush();
            }
            _ticker = clock.CreateTimer(_ => Tick(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>Since the run began.</summary>
    public TimeSpan Elapsed => _clock.GetElapsedTime(_started);

    /// <summary>
    /// The writer for the log (standard error) while the progress runs. On a terminal both streams
    /// end up on one screen: each log line takes the progress line away and has it drawn again
    /// below, instead of starting on the progress line's row.
    /// </summary>
    public TextWriter Beside(TextWriter log) => _live ? new LogBesideProgress(this, log) : log;

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
                HideLine();
                _output.WriteLine(Coloured(value));
                ShowLine();
            }
            else
            {
                _output.WriteLine(value.SummaryLine());
            }
            _output.Flush();
        }
    }

    /// <summary>Stops the clock and erases the progress line, so that what follows (the table, an error) starts on a clean line.</summary>
    public void End()
    {
        _ticker?.Dispose();
        lock (_gate)
        {
            HideLine();
            _ended = true;
            _output.Flush();
        }
    }

    public void Dispose() => End();

    /// <summary>
    /// <c>3/12 sources done: 41 stored, 2 duplicates, 1 failed, 5 failed entries (0:12)</c>; nouns in
    /// the singular for one (<c>0/1 source done: 1 stored, 1 duplicate, 0 failed, 1 failed entry</c>).
    /// </summary>
    public static string ProgressText(OnceTally tally, int sourceCount, TimeSpan elapsed) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{tally.Sources}/{Counted.Of(sourceCount, "source", "sources")} done: {tally.Stored} stored, " +
            $"{Counted.Of(tally.Duplicates, "duplicate", "duplicates")}, {tally.FailedSources} failed, " +
            $"{Counted.Of(tally.FailedEntries, "failed entry", "failed entries")} ({Clock(elapsed)})");

    private void Tick()
    {
        lock (_gate)
        {
            HideLine();
            ShowLine();
            _output.Flush();
        }
    }

    /// <param name="last">The last character written, null when nothing was.</param>
    private void WriteLog(TextWriter log, Action<TextWriter> write, char? last)
    {
        lock (_gate)
        {
            HideLine();
            _output.Flush();
            write(log);
            log.Flush();
            // Half a log line on the screen: the progress line waits for its end.
            if (last is { } character)
            {
                _logLineOpen = character != '\n';
            }
            ShowLine();
            _output.Flush();
        }
    }

    private void HideLine()
    {
        if (_lineShown)
        {
            _output.Write(EraseLine);
            _lineShown = false;
        }
    }

    private void ShowLine()
    {
        // Once ended (a tick already under way when End stopped the timer), never again.
        if (!_live || _ended || _logLineOpen || _lineShown)
        {
            return;
        }
        var text = ProgressText(_tally, _sourceCount, Elapsed);
        // One column short of the edge: writing into the last column makes some terminals wrap.
        _output.Write(_width is { } columns && text.Length >= columns ? text[..Math.Max(0, columns - 1)] : text);
        _lineShown = true;
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

    /// <summary>Standard error as the log writes it, each write going through <see cref="WriteLog"/>.</summary>
    private sealed class LogBesideProgress(OnceProgress progress, TextWriter log) : TextWriter(log.FormatProvider)
    {
        public override Encoding Encoding => log.Encoding;

        public override void Write(char value) => progress.WriteLog(log, writer => writer.Write(value), value);

        public override void Write(string? value) =>
            progress.WriteLog(log, writer => writer.Write(value), string.IsNullOrEmpty(value) ? null : value[^1]);

        public override void Write(char[] buffer, int index, int count) =>
            progress.WriteLog(log, writer => writer.Write(buffer, index, count), count > 0 ? buffer[index + count - 1] : null);

        public override void WriteLine(string? value) => progress.WriteLog(log, writer => writer.WriteLine(value), '\n');

        public override void Flush() => log.Flush();
    }
}
