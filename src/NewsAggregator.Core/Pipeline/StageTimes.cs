using System.Diagnostics;
using System.Globalization;

namespace NewsAggregator.Pipeline;

/// <summary>
/// Where a run's CPU goes, stage by stage, for the load benchmark and for operators sizing a
/// machine. Extraction, duplicate preparation (shingles and band keys) and storage (the writer's
/// transactions, duplicate lookups included) are timed where they run, on one thread each time;
/// fetching is everything else the process spent (HTTP, TLS, feed parsing, the runtime), since its
/// work is spread over continuations no stopwatch can follow.
/// </summary>
public sealed class StageTimes
{
    private long _extractTicks;
    private long _dedupeTicks;
    private long _storeTicks;

    public TimeSpan Extract => TimeSpan.FromTicks(Interlocked.Read(ref _extractTicks));
    public TimeSpan Dedupe => TimeSpan.FromTicks(Interlocked.Read(ref _dedupeTicks));
    public TimeSpan Store => TimeSpan.FromTicks(Interlocked.Read(ref _storeTicks));

    internal void AddExtract(long stopwatchTicks) => Interlocked.Add(ref _extractTicks, ToTimeSpanTicks(stopwatchTicks));
    internal void AddDedupe(long stopwatchTicks) => Interlocked.Add(ref _dedupeTicks, ToTimeSpanTicks(stopwatchTicks));
    internal void AddStore(long stopwatchTicks) => Interlocked.Add(ref _storeTicks, ToTimeSpanTicks(stopwatchTicks));

    /// <summary>
    /// One line: <c>stage-cpu fetch=12.34 extract=45.67 dedupe=1.23 store=4.56 total=63.80</c>
    /// (seconds), fetch being the process's CPU time less the timed stages.
    /// </summary>
    public string Report(TimeSpan processCpu)
    {
        var timed = Extract + Dedupe + Store;
        var fetch = processCpu > timed ? processCpu - timed : TimeSpan.Zero;
        return string.Create(CultureInfo.InvariantCulture,
            $"stage-cpu fetch={fetch.TotalSeconds:0.00} extract={Extract.TotalSeconds:0.00} dedupe={Dedupe.TotalSeconds:0.00} store={Store.TotalSeconds:0.00} total={processCpu.TotalSeconds:0.00}");
    }

    private static long ToTimeSpanTicks(long stopwatchTicks) =>
        (long)(stopwatchTicks * ((double)TimeSpan.TicksPerSecond / Stopwatch.Frequency));
}
