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
/// continuations no clock can follow. The bytes each stage allocates are counted the same way
/// (the thread's own allocation), since allocation is what sets the garbage collector's work and,
/// unlike CPU time, does not move with the machine's load.
/// </summary>
/// <param name="measuring">
/// False where nothing will read the figures (a run without <c>ReportStageTimes</c>): the thread's
/// CPU clock is a system call, not one of the clocks Linux answers in user space, and at about
/// four an article (two for its extraction, two for its duplicate preparation) it was about 1 % of
/// a pass's CPU in a profile.
/// </param>
public sealed partial class StageTimes(bool measuring = true)
{
    private readonly long[] _ticks = new long[Enum.GetValues<Stage>().Length];
    private readonly long[] _bytes = new long[Enum.GetValues<Stage>().Length];

    public TimeSpan Extract => Of(Stage.Extract);
    public TimeSpan Dedupe => Of(Stage.Dedupe);
    public TimeSpan Store => Of(Stage.Store);

    public TimeSpan Of(Stage stage) => TimeSpan.FromTicks(Interlocked.Read(ref _ticks[(int)stage]));

    /// <summary>Bytes the stage allocated on the heap.</summary>
    public long AllocatedBytes(Stage stage) => Interlocked.Read(ref _bytes[(int)stage]);

    public void Add(Stage stage, TimeSpan cpu, long allocatedBytes = 0)
    {
        Interlocked.Add(ref _ticks[(int)stage], cpu.Ticks);
        Interlocked.Add(ref _bytes[(int)stage], allocatedBytes);
    }

    /// <summary>
    /// Counts the CPU this thread spends and the bytes it allocates until the result is disposed
    /// against <paramref name="stage"/>; nothing when not measuring.
    /// </summary>
    public Measurement Measure(Stage stage) =>
        measuring ? new(this, stage, ThreadCpu(), GC.GetAllocatedBytesForCurrentThread()) : default;

    /// <summary>
    /// One line: <c>stage-cpu fetch=12.34 extract=45.67 dedupe=1.23 store=4.56 total=63.80</c>
    /// (seconds), fetch being the process's CPU time less the timed stages.
    /// </summary>
    public string Report(TimeSpan processCpu) =>
        Line("stage-cpu", processCpu.TotalSeconds, stage => Of(stage).TotalSeconds, "0.00");

    /// <summary>
    /// One line: <c>stage-alloc-mb fetch=1234 extract=2345 dedupe=456 store=789 total=4824</c>
    /// (MiB allocated), fetch being the process's allocation less the timed stages'.
    /// </summary>
    public string AllocationReport(long processAllocatedBytes) =>
        Line("stage-alloc-mb", Mib(processAllocatedBytes), stage => Mib(AllocatedBytes(stage)), "0");

    private static double Mib(long bytes) => bytes / (1024.0 * 1024);

    // The untimed rest of the process is fetching's: the total less the timed stages, never below zero.
    private static string Line(string name, double total, Func<Stage, double> of, string format)
    {
        var (extract, dedupe, store) = (of(Stage.Extract), of(Stage.Dedupe), of(Stage.Store));
        var fetch = Math.Max(0, total - extract - dedupe - store);
        string F(double value) => value.ToString(format, CultureInfo.InvariantCulture);
        return $"{name} fetch={F(fetch)} extract={F(extract)} dedupe={F(dedupe)} store={F(store)} total={F(total)}";
    }

    /// <summary>One stage's span on one thread; the default one (not measuring) counts nothing.</summary>
    public readonly struct Measurement(StageTimes? times, Stage stage, TimeSpan started, long allocatedBefore) : IDisposable
    {
        public void Dispose() => times?.Add(stage, ThreadCpu() - started, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
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
