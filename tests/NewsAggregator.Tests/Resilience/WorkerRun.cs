using System.Diagnostics;
using Microsoft.Data.Sqlite;
using NewsAggregator.Tests.Hosting;

namespace NewsAggregator.Tests.Resilience;

/// <summary>The real worker as a child process (<c>dotnet newsaggregator.dll ARGS</c>), for tests that kill it or read beside it.</summary>
internal sealed class WorkerRun : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _output;
    private readonly Task<string> _error;

    private WorkerRun(Process process)
    {
        _process = process;
        _output = process.StandardOutput.ReadToEndAsync();
        _error = process.StandardError.ReadToEndAsync();
    }

    public static WorkerRun Start(string dll, IReadOnlyDictionary<string, string>? environment = null, bool redirectInput = false, params string[] args)
    {
        var start = new ProcessStartInfo
        {
            FileName = "dotnet",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        return new WorkerRun(Process.Start(start)!);
    }

    public static WorkerRun Once(string sourcesPath, string databasePath, IReadOnlyDictionary<string, string>? environment = null) =>
        Start(WorkerExecutable.DllPath, environment, redirectInput: false, "--once", "--sources", sourcesPath, "--db", databasePath);

    public bool HasExited => _process.HasExited;

    public StreamWriter Input => _process.StandardInput;

    /// <summary>SIGKILL: no handler runs, nothing is flushed; the harshest way a process can stop.</summary>
    public void Kill() => _process.Kill();

    /// <summary>Waits for the process to end (bounded: a hang fails the test rather than the suite).</summary>
    public async Task<(int ExitCode, string Output, string Error)> WaitAsync()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await _process.WaitForExitAsync(bound.Token);
        return (_process.ExitCode, await _output, await _error);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }

    /// <summary>One value from the database, read-only and unpooled as a pipeline would; null while it is not there yet.</summary>
    public static long? Count(string databasePath, string sql)
    {
        if (!File.Exists(databasePath))
        {
            return null;
        }
        try
        {
            using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            // Tables not created yet.
            return null;
        }
    }
}
