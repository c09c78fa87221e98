using System.Diagnostics;
using NewsAggregator.Tests.Hosting;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Storage;

/// <summary>
/// The worker executable run by a user who may not write some file or folder. File permissions do
/// not bind root, so a root test process runs the worker as the unprivileged user nobody (through
/// util-linux's setpriv), the files staying root's and closed to others; any other user runs the
/// worker as itself, the write bits taken from the owner (which binds every owner but root). Either
/// way the worker meets what an operator's worker meets: a file its user has no write permission on.
/// </summary>
internal static class UnprivilegedWorker
{
    private const int Nobody = 65534;

    // Guards the suite against a hang; not a timing assertion.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(120);

    private static bool AsRoot => Environment.IsPrivilegedProcess;

    /// <summary>Takes write permission on <paramref name="path"/> (a file or a folder) from the worker's user.</summary>
    public static void DenyWrite(string path) => SetMode(path, write: false);

    /// <summary>Gives the worker's user write permission on <paramref name="path"/>.</summary>
    public static void AllowWrite(string path) => SetMode(path, write: true);

    private static void SetMode(string path, bool write)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("Unix file modes: these tests run on Linux, where the worker runs");
        }
        const UnixFileMode read = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        const UnixFileMode enter = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        var folder = Directory.Exists(path);
        var mode = read | (folder ? enter : 0) | UnixFileMode.UserWrite;
        if (write)
        {
            // As root the worker is "other": it needs the other-write bit.
            mode |= AsRoot ? UnixFileMode.GroupWrite | UnixFileMode.OtherWrite : 0;
        }
        else if (!AsRoot)
        {
            mode &= ~UnixFileMode.UserWrite;
        }
        File.SetUnixFileMode(path, mode);
    }

    /// <summary>Runs <c>newsaggregator ARGS</c> as the worker's user, to the end.</summary>
    public static async Task<CommandRun> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo
        {
            FileName = AsRoot ? "setpriv" : "dotnet",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (AsRoot)
        {
            foreach (var arg in new[] { $"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups", "dotnet" })
            {
                start.ArgumentList.Add(arg);
            }
            // nobody's home does not exist; nothing of the host's first-run setup is wanted anyway.
            start.Environment["HOME"] = Path.GetTempPath();
            start.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        }
        start.ArgumentList.Add(WorkerExecutable.DllPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using (var guard = new CancellationTokenSource(HangGuard))
        {
            try
            {
                await process.WaitForExitAsync(guard.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
        }
        var run = new CommandRun(process.ExitCode, await output, await error);
        // A worker nobody could not even start (its build output unreadable to nobody) must not pass for a refusal.
        Assert.False(AsRoot && run.Error.Contains("Permission denied", StringComparison.Ordinal) && !run.Error.Contains("error:", StringComparison.Ordinal),
            $"the worker could not run as nobody; its build output must be readable by all users:\n{run}");
        return run;
    }
}
