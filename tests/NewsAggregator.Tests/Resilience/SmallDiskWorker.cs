using System.Diagnostics;
using NewsAggregator.Tests.Hosting;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Resilience;

/// <summary>
/// The worker executable with its database on a small disk of its own: a tmpfs mounted over
/// <see cref="Disk"/> in a private mount namespace (<c>unshare -Urm</c>: root, or any user where user
/// namespaces are allowed, may mount there, and the mount is seen by no other process). So "no
/// space left on device" is the kernel's own answer, and no shared disk is ever filled. The test
/// reaches the namespace's files through <c>/proc/PID/root</c> (to fill the disk); when the worker
/// has exited, the database and its log are copied to <see cref="Kept"/>, since the tmpfs goes with
/// the namespace.
/// </summary>
internal sealed class SmallDiskWorker : IDisposable
{
    public const string DiskSize = "32m";

    // $1 size, $2 the folder to mount over, $3 where to copy the database to, $4 "full" to fill the
    // disk before the worker starts; then the worker's command.
    private const string Script = """
        mount -t tmpfs -o size="$1" tmpfs "$2" || exit 97
        disk="$2"; kept="$3"; fill="$4"; shift 4
        if [ "$fill" = full ]; then cat /dev/zero > "$disk/ballast" 2>/dev/null; fi
        "$@"
        code=$?
        { cp "$disk/news.db" "$kept/" && cp "$disk/news.db-wal" "$kept/"; } 2>/dev/null
        exit $code
        """;

    private const int MountFailed = 97;

    // Guards the suite against a hang; not a timing assertion.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(120);

    private readonly Process _process;
    private readonly Task<string> _output;
    private readonly Task<string> _error;

    private SmallDiskWorker(Process process, string disk, string kept)
    {
        _process = process;
        Disk = disk;
        Kept = kept;
        _output = process.StandardOutput.ReadToEndAsync();
        _error = process.StandardError.ReadToEndAsync();
    }

    /// <summary>The folder the small disk is mounted over (empty from outside the namespace).</summary>
    public string Disk { get; }

    /// <summary>The database path the worker uses, on the small disk.</summary>
    public string DatabasePath => Path.Combine(Disk, "news.db");

    /// <summary>Where the database is copied when the worker has exited.</summary>
    public string Kept { get; }

    public string KeptDatabasePath => Path.Combine(Kept, "news.db");

    /// <summary><c>--once</c> over <paramref name="workspace"/>'s sources.json, the database on a small disk in it.</summary>
    /// <param name="fullFromTheStart">The disk is filled before the worker starts, rather than by <see cref="Fill"/>.</param>
    public static SmallDiskWorker Once(TempWorkspace workspace, bool fullFromTheStart = false)
    {
        var disk = Directory.CreateDirectory(workspace.PathOf("disk")).FullName;
        var kept = Directory.CreateDirectory(workspace.PathOf("kept")).FullName;
        var start = new ProcessStartInfo
        {
            FileName = "unshare",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
                 {
                     "-Urm", "sh", "-c", Script, "sh", DiskSize, disk, kept, fullFromTheStart ? "full" : "room",
                     "dotnet", WorkerExecutable.DllPath, "--once", "--sources", workspace.SourcesPath, "--db", Path.Combine(disk, "news.db"), "--Fetch:MaxConcurrentPerHost=1",
                 })
        {
            start.ArgumentList.Add(arg);
        }
        return new SmallDiskWorker(Process.Start(start)!, disk, kept);
    }

    /// <summary>
    /// Fills the small disk with a ballast file until the kernel says it is full, then gives back
    /// <paramref name="leaveFree"/> bytes. Call while the worker runs (the namespace lives as long).
    /// </summary>
    public void Fill(long leaveFree)
    {
        var ballast = $"/proc/{_process.Id}/root{Path.Combine(Disk, "ballast")}";
        using var file = File.OpenHandle(ballast, FileMode.CreateNew, FileAccess.Write);
        var chunk = new byte[1 << 20];
        Array.Fill(chunk, (byte)'x');
        long written = 0;
        try
        {
            while (true)
            {
                RandomAccess.Write(file, chunk, written);
                written += chunk.Length;
            }
        }
        catch (IOException)
        {
            // ENOSPC: the disk is full; the ballast holds what fitted.
        }
        if (leaveFree > 0)
        {
            RandomAccess.SetLength(file, Math.Max(0, RandomAccess.GetLength(file) - leaveFree));
        }
    }

    public async Task<CommandRun> WaitAsync()
    {
        using (var guard = new CancellationTokenSource(HangGuard))
        {
            await _process.WaitForExitAsync(guard.Token);
        }
        var run = new CommandRun(_process.ExitCode, await _output, await _error);
        Assert.False(run.ExitCode == MountFailed || run.Error.StartsWith("unshare:", StringComparison.Ordinal),
            "the worker could not be given a small disk of its own (unshare -Urm, then mount -t tmpfs): this test needs " +
            $"root or user namespaces.\n{run}");
        return run;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }
}
