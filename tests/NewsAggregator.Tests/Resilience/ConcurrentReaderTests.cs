using NewsAggregator.Tests.Hosting;

namespace NewsAggregator.Tests.Resilience;

/// <summary>A pipeline reading the database in another process while the worker runs is never locked out.</summary>
public sealed class ConcurrentReaderTests(SlowSites sites) : IClassFixture<SlowSites>
{
    [Fact]
    public async Task Reader_process_gets_no_lock_errors_during_a_run()
    {
        // The reader starts first and waits for the file, so it also sees the database being created.
        using var reader = WorkerRun.Start(WorkerExecutable.DatabaseReaderDllPath, redirectInput: true, args: [sites.DatabasePath]);
        using var worker = WorkerRun.Once(sites.SourcesPath, sites.DatabasePath);
        var run = await worker.WaitAsync();
        reader.Input.Close();
        var (_, report, readerError) = await reader.WaitAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        var counts = report.Split('\n')[0].Split(' ');
        Assert.True(counts is ["reads", _, "errors", _, "recoveries", _], $"unexpected reader output: {report}\n{readerError}");
        Assert.True(int.Parse(counts[1], System.Globalization.CultureInfo.InvariantCulture) > 0, $"the reader never got to read:\n{report}");
        Assert.True(counts[3] == "0", $"the reader was locked out:\n{report}");
    }
}
