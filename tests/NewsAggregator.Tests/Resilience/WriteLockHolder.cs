using Microsoft.Data.Sqlite;

namespace NewsAggregator.Tests.Resilience;

/// <summary>
/// Holds the database's write lock the way another program would (its own connection, inside
/// <c>BEGIN IMMEDIATE</c>), from <see cref="Take"/> until <see cref="Release"/>. SQLite keeps the
/// lock per connection, so a holder in the test process locks out the worker's connections as
/// one in another process would.
/// </summary>
internal sealed class WriteLockHolder(string databasePath) : IDisposable
{
    private readonly Lock _gate = new();
    private SqliteConnection? _connection;
    private SqliteTransaction? _transaction;

    public void Take()
    {
        lock (_gate)
        {
            _connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
            _connection.Open();
            _transaction = _connection.BeginTransaction(deferred: false);
        }
    }

    public void Release()
    {
        lock (_gate)
        {
            _transaction?.Rollback();
            _transaction?.Dispose();
            _transaction = null;
            _connection?.Dispose();
            _connection = null;
        }
    }

    public void Dispose() => Release();
}
