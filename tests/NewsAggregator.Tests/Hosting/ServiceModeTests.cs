using Microsoft.Data.Sqlite;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Hosting;

public sealed class ServiceModeTests : IDisposable
{
    // A saved article page reached as a file:// URL: service mode is tested without a network.
    private static readonly string Story =
        new Uri(FixturePath.Of("ExtractCommand", "saved", "harbour-market.html")).AbsoluteUri;

    private readonly TempWorkspace _workspace = new();

    private string SourcesPath => _workspace.SourcesPath;
    private string DatabasePath => _workspace.DatabasePath;

    private void WriteSources(string sources) => _workspace.WriteFile("sources.json", $$"""{ "sources": [ {{sources}} ] }""");

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Service_runs_each_source_on_its_schedule_and_stops_cleanly_when_asked()
    {
        WriteSources($$"""
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
        Assert.Equal(1L, Scalar(DatabasePath, "SELECT count(*) FROM runs WHERE source_id = 'story'"));
        Assert.Equal(0L, Scalar(DatabasePath, "SELECT count(*) FROM runs WHERE source_id = 'idle'"));
        Assert.Equal(1L, Scalar(DatabasePath, "SELECT count(*) FROM articles"));
        Assert.Contains("story: 1 new", error); // the service logs each pass
    }

    [Fact]
    public async Task Service_process_finishes_cleanly_on_SIGTERM()
    {
        WriteSources($$"""{ "id": "story", "name": "One story", "type": "page", "url": "{{Story}}" }""");

        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo
        {
            FileName = "dotnet",
            ArgumentList = { WorkerExecutable.DllPath, "--sources", SourcesPath, "--db", DatabasePath },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var errorText = process.StandardError.ReadToEndAsync();
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (CountRuns(DatabasePath) == 0 && DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100);
            }
            Assert.False(process.HasExited, "the service stopped by itself");

            using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }
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

        Assert.True(process.ExitCode == 0, await errorText);
        Assert.Equal(1L, Scalar(DatabasePath, "SELECT count(*) FROM articles"));
    }

    private static long CountRuns(string databasePath) =>
        File.Exists(databasePath) ? Scalar(databasePath, "SELECT count(*) FROM sqlite_master WHERE name = 'runs'") == 1
            ? Scalar(databasePath, "SELECT count(*) FROM runs") : 0 : 0;

    private static long Scalar(string databasePath, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
