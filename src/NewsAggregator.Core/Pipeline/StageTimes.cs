using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace NewsAggregator.Pipeline;

/// <summary>The stages whose CPU a run accounts for separately.</summary>
public enum Stage
{
    Extract,
    Dedupe,
    Store,
}

/// <summary>
/// Where a run's CPU goes, stage by stage, for the load benchmark and for operators sizing a
/// machine. Extraction, duplicate preparation (shingles and band keys, and those of the
/// candidates) and storage (the writer's transactions, duplicate decisions included) each run
/// synchronously on one thread, so each is measured as that thread's CPU time (not wall time,
/// which under contention would count the time spent waiting for a core). Fetching is what the
/// process spent besides (HTTP, TLS, feed parsing, the runtime), since its work is spread over
/// continuations no clock can follow.
/// </summary>
public sealed partial class StageTimes
{
    private readonly long[] _ticks = new long[Enum.GetValues<Stage>().Length];

    public TimeSpan Extract => Of(Stage.Extract);
    public TimeSpan Dedupe => Of(Stage.Dedupe);
    public TimeSpan Store => Of(Stage.Store);

    public TimeSpan Of(Stage stage) => TimeSpan.FromTicks(Interlocked.Read(ref _ticks[(int)stage]));

    public void Add(Stage stage, TimeSpan cpu) => Interlocked.Add(ref _ticks[(int)stage], cpu.Ticks);

    /// <summary>Counts the CPU this thread spends until the result is disposed against <paramref name="stage"/>.</summary>
    public Measurement Measure(Stage stage) => new(this, stage, ThreadCpu());

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

    public readonly struct Measurement(StageTimes times, Stage stage, TimeSpan started) : IDisposable
    {
        public void Dispose() => times.Add(stage, ThreadCpu() - started);
    }

    /// <summary>CPU time of the calling thread; wall time where the system cannot say (not Linux).</summary>
    private static TimeSpan ThreadCpu()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTime, out var now) == 0)
        {
            return TimeSpan.FromTicks(now.Seconds * TimeSpan.TicksPerSecond + now.Nanoseconds / 100);
        }
        return Stopwatch.GetElapsedTime(0);
    }

    private const int ClockThreadCpuTime = 3; // CLOCK_THREAD_CPUTIME_ID

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out Timespec time);
}
