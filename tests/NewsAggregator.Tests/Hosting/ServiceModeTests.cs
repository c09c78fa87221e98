using Microsoft.AspNetCore.Http;
using NewsAggregator.Tests.TestWeb;
using static NewsAggregator.Tests.Hosting.ServiceDatabase;
using static NewsAggregator.Tests.Hosting.StorySources;

namespace NewsAggregator.Tests.Hosting;

public sealed class ServiceModeTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    private string SourcesPath => _workspace.SourcesPath;
    private string DatabasePath => _workspace.DatabasePath;

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Service_runs_each_source_on_its_schedule_and_stops_cleanly_when_asked()
    {
        _workspace.WriteSources($$"""
            { "id": "story", "name": "One story", "type": "page", "url": "{{Story}}", "intervalMinutes": 60 },
            { "id": "idle", "name": "Disabled", "type": "page", "url": "{{Story}}", "enabled": false }
            """);

        using var stop = new CancellationTokenSource();
        var service = CommandRun.RunAsync(["--sources", SourcesPath, "--db", DatabasePath], stop.Token);

        // The first pass is due at once; wait for the scheduler to have run it (the bound only
        // keeps a broken build from hanging the suite).
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (CountRuns(DatabasePath) == 0 && DateTime.UtcNow < deadline && !service.IsCompleted)
        {
            await Task.Delay(100);
        }
        Assert.False(service.IsCompleted, "the service stopped by itself: " + (service.IsCompleted ? (await service).Error : ""));

        stop.Cancel(); // what SIGTERM and Ctrl+C do in Program.cs
        var (exitCode, _, error) = await service;

        Assert.True(exitCode == 0, error);
        Assert.Equal(1L, Scalar<long>(DatabasePath, "SELECT count(*) FROM runs WHERE source_id = 'story'"));
        Assert.Equal(0L, Scalar<long>(DatabasePath, "SELECT count(*) FROM runs WHERE source_id = 'idle'"));
        Assert.Equal(1L, Scalar<long>(DatabasePath, "SELECT count(*) FROM articles"));
        Assert.Contains("story: 1 new", error); // the service logs each pass
    }

    [Fact]
    public async Task Service_process_finishes_cleanly_on_SIGTERM()
    {
        _workspace.WriteOneStory();

        var (exitCode, log) = await RunWorkerProcessAsync(async process =>
        {
            await WaitUntilAsync(() => CountRuns(DatabasePath) > 0, process);
            await SignalAsync(process, "TERM");
        });

        Assert.True(exitCode == 0, log);
        Assert.Equal(1L, Scalar<long>(DatabasePath, "SELECT count(*) FROM articles"));
    }

    [Fact]
    public async Task Reload_applies_a_changed_sources_file_and_keeps_the_old_one_when_the_new_one_is_wrong()
    {
        _workspace.WriteSources($$"""{ "id": "story", "name": "One story", "type": "page", "url": "{{Story}}", "intervalMinutes": 60 }""");
        var reload = new NewsAggregator.Hosting.SourcesReload();
        using var stop = new CancellationTokenSource();
        var service = CommandRun.RunAsync(["--sources", SourcesPath, "--db", DatabasePath], stop.Token, reload);
        await WaitUntilAsync(() => CountRuns(DatabasePath) == 1, service);

        // A mistake in the file: reported, and the running sources go on.
        _workspace.WriteFile("sources.json", """{ "sources": [ { "id": "story", "name": "One story", "type": "podcast" } ] }""");
        var rejected = reload.Request();
        Assert.True(rejected is not null, "the running service listens for reloads");
        await rejected;
        // The second source replaces the first; the first stays in the table, disabled.
        _workspace.WriteSources($$"""
            { "id": "story", "name": "One story", "type": "page", "url": "{{Story}}", "enabled": false },
            { "id": "second", "name": "Same story again", "type": "page", "url": "{{Story}}?from=second" }
            """);
        await (reload.Request() ?? Task.CompletedTask);
        await WaitUntilAsync(() => CountRuns(DatabasePath) == 2, service);

        stop.Cancel();
        var (exitCode, _, error) = await service;

        Assert.True(exitCode == 0, error);
        Assert.Contains("sources.json was not reloaded", error);
        Assert.Contains("unknown type \"podcast\"", error);
        Assert.Contains("Reloaded", error);
        Assert.Equal(1L, Scalar<long>(DatabasePath, "SELECT count(*) FROM runs WHERE source_id = 'second'"));
        Assert.Equal(0L, Scalar<long>(DatabasePath, "SELECT enabled FROM sources WHERE id = 'story'"));
        Assert.Equal(1L, Scalar<long>(DatabasePath, "SELECT enabled FROM sources WHERE id = 'second'"));
        Assert.DoesNotContain("Exception", error);
    }

    [Fact]
    public async Task Service_process_survives_SIGHUP_and_reloads_its_sources()
    {
        _workspace.WriteOneStory();
        var (exitCode, log) = await RunWorkerProcessAsync(async process =>
        {
            await WaitUntilAsync(() => CountRuns(DatabasePath) == 1, process);
            _workspace.WriteSources($$"""
                { "id": "story", "name": "One story", "type": "page", "url": "{{Story}}" },
                { "id": "second", "name": "Same story again", "type": "page", "url": "{{Story}}?from=second" }
                """);
            await SignalAsync(process, "HUP");
            await WaitUntilAsync(() => CountRuns(DatabasePath) == 2, process);
            await SignalAsync(process, "TERM");
        });

        Assert.True(exitCode == 0, log);
        Assert.Contains("Reloaded", log);
        Assert.Equal(1L, Scalar<long>(DatabasePath, "SELECT count(*) FROM runs WHERE source_id = 'second'"));
    }

    /// <summary>
    /// SIGTERM while a pass waits on a slow server: the pass finishes (documented), its result is
    /// recorded, and stopping logs no exception (moving the finished job's trigger after the
    /// scheduler began shutting down used to log 25 lines of stack trace).
    /// </summary>
    [Fact]
    public async Task SIGTERM_during_a_pass_stops_cleanly_without_an_exception_in_the_log()
    {
        var requested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var page = await File.ReadAllTextAsync(FixturePath.Of("ExtractCommand", "saved", "harbour-market.html"));
        await using var slow = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Path == "/robots.txt")
            {
                context.Response.StatusCode = 404;
                return;
            }
            requested.TrySetResult();
            await Task.Delay(TimeSpan.FromSeconds(2));
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(page);
        });
        _workspace.WriteSources($$"""{ "id": "slow", "name": "Slow", "type": "page", "url": "{{slow.Url("/2024/05/harbour-market.html")}}" }""");
        var (exitCode, log) = await RunWorkerProcessAsync(async process =>
        {
            await requested.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await SignalAsync(process, "TERM");
        });

        Assert.True(exitCode == 0, log);
        Assert.DoesNotContain("Exception", log);
        Assert.DoesNotMatch(new System.Text.RegularExpressions.Regex(@"^\s+at \S", System.Text.RegularExpressions.RegexOptions.Multiline), log);
        Assert.Equal(1L, Scalar<long>(DatabasePath, "SELECT count(*) FROM runs WHERE source_id = 'slow'"));
    }

    /// <summary>
    /// The service as its own process: <paramref name="whileRunning"/> acts on it (signals), then the
    /// process must exit by itself; a bound keeps a broken build from hanging the suite.
    /// </summary>
    private async Task<(int ExitCode, string Log)> RunWorkerProcessAsync(Func<System.Diagnostics.Process, Task> whileRunning)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo
        {
            FileName = "dotnet",
            ArgumentList = { WorkerExecutable.DllPath, "--sources", SourcesPath, "--db", DatabasePath },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var log = process.StandardError.ReadToEndAsync();
        try
        {
            await whileRunning(process);
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(bound.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        return (process.ExitCode, await log);
    }

    private static async Task SignalAsync(System.Diagnostics.Process process, string signal)
    {
        using var kill = System.Diagnostics.Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }
}
