using Microsoft.Data.Sqlite;
using NewsAggregator.Storage;

namespace NewsAggregator.Tests.Storage;

/// <summary>
/// The writer's checkpoints (<see cref="LogCheckpointer"/>) on a real SQLite file: they run beside
/// the writer, which goes on committing while one is held; a log that outgrows a held checkpoint is
/// copied by the writer once it is let go, so the log stays bounded; closing waits for one that runs.
/// A checkpoint is held by its test hook, so nothing here depends on timing.
/// </summary>
public sealed class LogCheckpointerTests : IDisposable
{
    // Long enough never to be reached when the code works; a failure then ends the test instead of hanging it.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly TemporaryDatabase _files = new();
    private readonly DateTimeOffset _now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
    private readonly Random _words = new(7);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _files.Dispose();
    }

    [Fact]
    public void The_writer_commits_while_a_checkpoint_runs_beside_it()
    {
        using var begun = new ManualResetEventSlim();
        using var letGo = new ManualResetEventSlim();
        var writerWaited = false;
        var hooks = new CheckpointHooks
        {
            BeforeCheckpoint = () =>
            {
                begun.Set();
                letGo.Wait(Patience);
            },
            WriterWaits = () => writerWaited = true,
        };
        // A mark of 1 MB: an article's commit writes a few dozen pages, far from the four marks at which the writer would wait.
        var database = Open(checkpointPages: 256, hooks);
        try
        {
            var stored = StoreUntil(database, begun, limit: 2_000);
            Assert.True(begun.IsSet, "no checkpoint began beside the writer");

            // Held: the writer does not wait for it, and its commits are in the file for readers.
            for (var i = 0; i < 3; i++)
            {
                Store(database, stored++);
            }
            Assert.Equal(stored, Count());
            Assert.False(writerWaited);

            letGo.Set();
            Store(database, stored++);
            Assert.Equal(stored, Count());
        }
        finally
        {
            letGo.Set();
            database.Close();
        }
    }

    [Fact]
    public void A_log_that_outgrows_a_held_checkpoint_is_copied_by_the_writer_and_starts_over()
    {
        using var letGo = new ManualResetEventSlim();
        using var writerWaits = new ManualResetEventSlim();
        var hooks = new CheckpointHooks
        {
            BeforeCheckpoint = () => letGo.Wait(Patience),
            // The writer waits for the held checkpoint once the log is four marks long: let it go then.
            WriterWaits = () =>
            {
                writerWaits.Set();
                letGo.Set();
            },
        };
        var database = Open(checkpointPages: 32, hooks);
        try
        {
            var stored = StoreUntil(database, writerWaits, limit: 500);
            Assert.True(writerWaits.IsSet, "the log grew past four marks and the writer never waited to copy it");
            // Checkpoints beside the writer go on, each let through now.
            for (var i = 0; i < 200; i++)
            {
                Store(database, stored++);
            }
            Assert.Equal(stored, Count());
        }
        finally
        {
            letGo.Set();
            database.Close();
        }
        // Four marks of 32 pages, then the writer's copy, and the log written from its start again:
        // without the writer's copy, the log would hold every article written while the checkpoint was held.
        Assert.InRange(new FileInfo(_files.Path + "-wal").Length, 1, 1024 * 1024);
    }

    [Fact]
    public async Task Closing_waits_for_a_running_checkpoint_and_leaves_the_log_copied()
    {
        using var begun = new ManualResetEventSlim();
        using var letGo = new ManualResetEventSlim();
        var hooks = new CheckpointHooks
        {
            BeforeCheckpoint = () =>
            {
                begun.Set();
                letGo.Wait(Patience);
            },
        };
        // A mark of 1 MB, as above: with a mark of 32 pages an article's commit or two took the log
        // to four marks before the checkpoint's thread reached the hook on a loaded machine, and the
        // writer then waited for the held checkpoint until the hook gave up.
        var database = Open(checkpointPages: 256, hooks);
        Task closing;
        try
        {
            StoreUntil(database, begun, limit: 500);
            Assert.True(begun.IsSet, "no checkpoint began beside the writer");
        }
        finally
        {
            closing = Task.Run(database.Close);
        }
        // While the checkpoint is held, closing waits for it (a wrong version would close beneath it at once).
        Assert.NotSame(closing, await Task.WhenAny(closing, Task.Delay(TimeSpan.FromMilliseconds(300))));
        letGo.Set();
        await closing.WaitAsync(Patience);

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _files.Path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        using var rows = command.ExecuteReader();
        Assert.True(rows.Read());
        // Not busy, and every frame of the log already in the file.
        Assert.Equal(0L, rows.GetInt64(0));
        Assert.Equal(rows.GetInt64(1), rows.GetInt64(2));
    }

    private NewsDatabase Open(int checkpointPages, CheckpointHooks hooks)
    {
        var database = NewsDatabase.Open(_files.Path, new StorageOptions { CheckpointPages = checkpointPages, CheckpointHooks = hooks });
        database.SyncSources(TemporaryDatabase.Sources("a"), _now);
        return database;
    }

    /// <summary>Stores articles until <paramref name="signal"/> is set or <paramref name="limit"/> are stored; how many were.</summary>
    private int StoreUntil(NewsDatabase database, ManualResetEventSlim signal, int limit)
    {
        var stored = 0;
        while (!signal.IsSet && stored < limit)
        {
            Store(database, stored++);
        }
        return stored;
    }

    private void Store(NewsDatabase database, int i) => TemporaryDatabase.StoreWordsArticle(database, i, _words, _now);

    private long Count() => (long)_files.Scalar("SELECT count(*) FROM articles;")!;
}
