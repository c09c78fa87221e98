using NewsAggregator.Tests.Hosting;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Resilience;

/// <summary>A pipeline reading the database in another process while the worker runs is never locked out.</summary>
public sealed class ConcurrentReaderTests : IAsyncLifetime
{
    private readonly TempWorkspace _workspace = new();
    private FaultWeb _web = null!;

    public async Task InitializeAsync()
    {
        _web = await FaultWeb.StartAsync(_workspace.WriteFile("secret.txt", FaultWeb.Secret));
        SourcesJson.Write(_workspace,
        [
            new SourceEntry("slow-a", "Slow A", "rss", _web.SlowFeed("a").ToString()),
            new SourceEntry("slow-b", "Slow B", "rss", _web.SlowFeed("b").ToString()),
        ]);
    }

    public async Task DisposeAsync()
    {
        await _web.DisposeAsync();
        _workspace.Dispose();
    }

    [Fact]
    public async Task Reader_process_gets_no_lock_errors_during_a_run()
    {
        // The reader starts first and waits for the file, so it also sees the database being created.
        using var reader = WorkerRun.Start(WorkerExecutable.DatabaseReaderDllPath, redirectInput: true, args: [_workspace.DatabasePath]);
        using var worker = WorkerRun.Once(_workspace.SourcesPath, _workspace.DatabasePath);
        var run = await worker.WaitAsync();
        reader.Input.Close();
        var (_, report, readerError) = await reader.WaitAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        var counts = report.Split('\n')[0].Split(' ');
        Assert.True(counts is ["reads", _, "errors", _], $"unexpected reader output: {report}\n{readerError}");
        Assert.True(int.Parse(counts[1]) > 0, $"the reader never got to read:\n{report}");
        Assert.True(counts[3].Trim() == "0", $"the reader was locked out:\n{report}");
    }
}
