using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace NewsAggregator.Benchmarks.Load;

/// <summary>What one run of the worker cost, and what it said.</summary>
/// <param name="UserCpu">User CPU seconds of the worker (getrusage of the reaped child, else /proc sampling).</param>
/// <param name="PeakRssBytes">The highest VmHWM the worker reported while it ran.</param>
/// <param name="Killed">The wall-time cap ended the run (SIGTERM, then SIGKILL after 30 s).</param>
/// <param name="StageCpu">The worker's <c>stage-cpu</c> line, as name → CPU seconds; empty when it printed none.</param>
/// <param name="StageAllocation">The worker's <c>stage-alloc-mb</c> line, as name → MiB allocated; empty when it printed none.</param>
/// <param name="Gc">The worker's <c>gc</c> line, as name → value; empty when it printed none.</param>
/// <param name="Jit">The worker's <c>jit</c> line (methods compiled, milliseconds compiling), as name → value; empty when it printed none.</param>
public sealed record WorkerRun(
    TimeSpan Wall, double UserCpu, double SystemCpu, long PeakRssBytes, int ExitCode, bool Killed,
    string LastStdoutLine, int StderrLines, IReadOnlyList<string> StderrSample,
    IReadOnlyDictionary<string, double> StageCpu, IReadOnlyDictionary<string, double> StageAllocation, IReadOnlyDictionary<string, double> Gc,
    IReadOnlyDictionary<string, double> Jit)
{
    public double Cpu => UserCpu + SystemCpu;
}

/// <summary>
/// Runs the built worker (<c>dotnet newsaggregator.dll …</c>) as a child process and samples its
/// resources from /proc while it runs. Asks the worker for per-stage timings through its own
/// setting (<see cref="StageTimingsVariable"/>, the worker's ReportStageTimes), after which it prints,
/// on stderr before it exits, a line <c>stage-cpu fetch=1.2 extract=3.4 dedupe=0.5 store=0.6 total=5.7</c>
/// (CPU seconds, invariant culture), <c>stage-alloc-mb fetch=1200 extract=2400 dedupe=900 store=700 total=5200</c> (MiB
/// allocated) and <c>gc gen0=120 gen1=30 gen2=2 pause-ms=85 allocated-mb=2400</c>;
/// a worker that prints none of them gets "n/a". None of them counts as a stderr line.
/// </summary>
public static partial class WorkerProcess
{
    /// <summary>The worker's ReportStageTimes setting, as an environment variable.</summary>
    public const string StageTimingsVariable = "NEWSAGGREGATOR_ReportStageTimes";
    private const string StageCpuPrefix = "stage-cpu ";
    private const string StageAllocationPrefix = "stage-alloc-mb ";
    private const string GcPrefix = "gc ";
    private const string JitPrefix = "jit ";

    /// <summary>The worker this checkout built beside the benchmarks (Release: run them with -c Release).</summary>
    public static string BuiltWorker() =>
        Path.Combine(Quality.EvaluationSet.CheckoutRoot(), "src/NewsAggregator/bin/Release/net10.0/newsaggregator.dll");

    /// <summary>One look at the running worker: when, its resident memory (VmRSS) and its CPU seconds so far.</summary>
    public readonly record struct Sample(TimeSpan At, long RssBytes, double CpuSeconds);

    /// <param name="sampled">Told of the worker's memory and CPU about ten times a second while it runs.</param>
    /// <param name="notable">Which stderr lines may enter <see cref="WorkerRun.StderrSample"/> (all by default): a service logs a line per pass, which would fill it.</param>
    public static WorkerRun Run(
        string workerDll, IEnumerable<string> arguments, TimeSpan? cap, Action<Sample>? sampled = null, Func<string, bool>? notable = null)
    {
        // A .dll runs on the dotnet host (the process is still the worker itself); anything else is run as it is.
        var isDll = workerDll.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var start = new ProcessStartInfo(isDll ? "dotnet" : workerDll)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (isDll)
        {
            start.ArgumentList.Add(workerDll);
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment[StageTimingsVariable] = "true";

        var lastStdout = "";
        var stderrLines = 0;
        var stderrSample = new List<string>();
        var stageCpu = new Dictionary<string, double>(StringComparer.Ordinal);
        var stageAllocation = new Dictionary<string, double>(StringComparer.Ordinal);
        var gc = new Dictionary<string, double>(StringComparer.Ordinal);
        var jit = new Dictionary<string, double>(StringComparer.Ordinal);
        var before = ChildrenUsage();
        var watch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (!string.IsNullOrWhiteSpace(e.Data))
            {
                lastStdout = e.Data;
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not { } line)
            {
                return;
            }
            lock (stderrSample)
            {
                if (line.StartsWith(StageCpuPrefix, StringComparison.Ordinal))
                {
                    ParseFigures(line[StageCpuPrefix.Length..], stageCpu);
                    return;
                }
                if (line.StartsWith(StageAllocationPrefix, StringComparison.Ordinal))
                {
                    ParseFigures(line[StageAllocationPrefix.Length..], stageAllocation);
                    return;
                }
                if (line.StartsWith(GcPrefix, StringComparison.Ordinal))
                {
                    ParseFigures(line[GcPrefix.Length..], gc);
                    return;
                }
                if (line.StartsWith(JitPrefix, StringComparison.Ordinal))
                {
                    ParseFigures(line[JitPrefix.Length..], jit);
                    return;
                }
                stderrLines++;
                if (stderrSample.Count < 5 && (notable?.Invoke(line) ?? true))
                {
                    stderrSample.Add(line);
                }
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        long peakRss = 0;
        double sampledCpu = 0;
        var killed = false;
        var terminatedAt = TimeSpan.Zero;
        while (!process.WaitForExit(100))
        {
            peakRss = Math.Max(peakRss, ReadStatusKilobytes(process.Id, "VmHWM:") * 1024);
            sampledCpu = Math.Max(sampledCpu, ReadCpuSeconds(process.Id));
            sampled?.Invoke(new Sample(watch.Elapsed, ReadStatusKilobytes(process.Id, "VmRSS:") * 1024, sampledCpu));
            if (cap is { } limit && watch.Elapsed > limit && !killed)
            {
                killed = true;
                terminatedAt = watch.Elapsed;
                // SIGTERM: the worker finishes its current writes and exits; SIGKILL if it does not within 30 s.
                if (Kill(process.Id, 15) != 0)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
            if (killed && watch.Elapsed - terminatedAt > TimeSpan.FromSeconds(30))
            {
                process.Kill(entireProcessTree: true);
            }
        }
        process.WaitForExit();
        var wall = watch.Elapsed;
        var after = ChildrenUsage();
        var user = after.User - before.User;
        var system = after.System - before.System;
        if (user + system <= 0)
        {
            // No rusage (not Linux?): the last /proc sample, which misses at most the final 100 ms.
            user = sampledCpu;
            system = 0;
        }
        return new WorkerRun(wall, user, system, peakRss, process.ExitCode, killed, lastStdout, stderrLines, stderrSample, stageCpu, stageAllocation, gc, jit);
    }

    /// <summary>"name=1.5 other=2" into the dictionary; a trailing "s" unit is allowed, anything unreadable skipped.</summary>
    private static void ParseFigures(string line, Dictionary<string, double> figures)
    {
        foreach (var pair in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && double.TryParse(pair.AsSpan(equals + 1).TrimEnd('s'), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                figures[pair[..equals]] = seconds;
            }
        }
    }

    /// <summary>A line of /proc/PID/status such as "VmHWM:   123456 kB", in kB; 0 once the process is gone.</summary>
    private static long ReadStatusKilobytes(int pid, string key)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(key, StringComparison.Ordinal))
                {
                    return long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }
        return 0;
    }

    /// <summary>utime + stime of /proc/PID/stat in seconds (fields 14 and 15, clock ticks of 1/100 s).</summary>
    private static double ReadCpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
        public long MaxRss, IxRss, IdRss, IsRss, MinFlt, MajFlt, NSwap, InBlock, OuBlock, MsgSnd, MsgRcv, NSignals, NvCsw, NivCsw;
    }

    private const int RusageChildren = -1;

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetResourceUsage(int who, out ResourceUsage usage);

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);

    /// <summary>CPU seconds of every child this process has reaped so far.</summary>
    private static (double User, double System) ChildrenUsage()
    {
        if (!OperatingSystem.IsLinux() || GetResourceUsage(RusageChildren, out var usage) != 0)
        {
            return (0, 0);
        }
        return (usage.UserSeconds + usage.UserMicroseconds / 1e6, usage.SystemSeconds + usage.SystemMicroseconds / 1e6);
    }
}
