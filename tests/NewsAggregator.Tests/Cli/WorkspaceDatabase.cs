using NewsAggregator.Storage;
using NewsAggregator.Tests.Storage;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Cli;

/// <summary>
/// The database of a workspace as the worker leaves it for a report command to read: opened on
/// first use with the sources <c>a</c> and <c>b</c>, closed (its log checkpointed) at the end.
/// </summary>
internal sealed class WorkspaceDatabase(TempWorkspace workspace, DateTimeOffset now) : IDisposable
{
    private NewsDatabase? _database;

    public NewsDatabase Open()
    {
        if (_database is null)
        {
            _database = NewsDatabase.Open(workspace.DatabasePath);
            _database.SyncSources(TemporaryDatabase.Sources("a", "b"), now);
        }
        return _database;
    }

    public void Dispose() => _database?.Close();
}
