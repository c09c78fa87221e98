using Microsoft.Data.Sqlite;

namespace NewsAggregator.Tests.TestWeb;

/// <summary>A fresh temp folder for one test's sources.json and database, deleted afterwards.</summary>
public sealed class TempWorkspace : IDisposable
{
    public TempWorkspace()
    {
        Folder = Path.Combine(Path.GetTempPath(), "newsaggregator-e2e-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string SourcesPath => PathOf("sources.json");

    public string DatabasePath => PathOf("news.db");

    public string PathOf(string fileName) => Path.Combine(Folder, fileName);

    public string WriteFile(string fileName, string text)
    {
        var path = PathOf(fileName);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A named pipe (FIFO) in the folder, made by mkfifo: .NET has no call to make one.</summary>
    public async Task<string> MakeNamedPipeAsync(string fileName)
    {
        var path = PathOf(fileName);
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path]);
        await mkfifo.WaitForExitAsync();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    /// <summary>Removes the database with its write-ahead log, so that the next run starts from nothing.</summary>
    public void DeleteDatabase()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(DatabasePath + suffix);
        }
    }

    public void Dispose()
    {
        // A pooled connection left open by the worker would keep the database file in use.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder: not worth failing a test over.
        }
    }
}
