using Microsoft.Data.Sqlite;

namespace NewsAggregator.Tests.Hosting;

/// <summary>What a running service has written, read beside it, and waiting for it to have written it.</summary>
internal static class ServiceDatabase
{
    /// <summary>Passes recorded so far; 0 before the service has made its database.</summary>
    public static long CountRuns(string databasePath) =>
        File.Exists(databasePath) && Scalar<long>(databasePath, "SELECT count(*) FROM sqlite_master WHERE name = 'runs'") == 1
            ? Scalar<long>(databasePath, "SELECT count(*) FROM runs")
            : 0;

    public static T Scalar<T>(string databasePath, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)command.ExecuteScalar()!;
    }

    public static Task WaitUntilAsync(Func<bool> condition, Task service) =>
        WaitUntilAsync(condition, () => service.IsCompleted ? "the service stopped by itself" : null);

    public static Task WaitUntilAsync(Func<bool> condition, System.Diagnostics.Process process) =>
        WaitUntilAsync(condition, () => process.HasExited ? $"the service exited with {process.ExitCode}" : null);

    // The bound only keeps a broken build from hanging the suite.
    private static async Task WaitUntilAsync(Func<bool> condition, Func<string?> stopped)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition() && DateTime.UtcNow < deadline && stopped() is null)
        {
            await Task.Delay(100);
        }
        Assert.True(condition(), stopped() ?? "timed out waiting");
    }
}
