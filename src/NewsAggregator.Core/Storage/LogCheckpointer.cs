using Microsoft.Data.Sqlite;

namespace NewsAggregator.Storage;

/// <summary>
/// Copies the writer's log back into the database file (a WAL checkpoint) on a thread of its own,
/// so that the writer goes on committing while the log is copied and the file synced.
/// </summary>
/// <remarks>
/// <para>
/// SQLite's automatic checkpoint runs inside the commit that fills the log, on the writer's thread:
/// it reads the log, writes its pages into the file and syncs both (<c>synchronous = NORMAL</c>
/// syncs at checkpoints only). With pages kept, a batch of articles writes several MB to the log,
/// and in the storage-writer benchmark the writer spent about a third of its time in checkpoints,
/// most of it waiting for the disk: every article waiting behind the batch waited too.
/// </para>
/// <para>
/// A checkpoint and a commit can run at the same time in WAL mode: the checkpoint copies what the
/// log held when it began, and the commit adds to the log's end. What a checkpoint beside the writer
/// cannot do alone is let the log start over: SQLite writes the log from its start again only when a
/// write transaction begins with every page of the log copied, and a writer that keeps committing
/// always leaves its newest pages uncopied. So checkpoints follow one another while the last one
/// found the log long (each copies what came in during the one before, which is less as long as the
/// disk is faster than the writer), and if the log still grows to <see cref="LongLogFactor"/> times
/// the mark, the writer waits for the running checkpoint and copies the rest itself, with no commit
/// beside it, so that its next transaction starts the log over (as every checkpoint did before).
/// That bounds the log, and so the <c>-wal</c> file, as before, within a few times the mark.
/// </para>
/// <para>
/// Each checkpoint first stands the near-duplicate index's view down (<see cref="IndexSnapshot"/>):
/// a reader holding an older view keeps the checkpoint from copying the log past it.
/// </para>
/// </remarks>
internal sealed class LogCheckpointer
{
    /// <summary>How long the log may grow, in marks, before the writer copies it itself.</summary>
    public const int LongLogFactor = 4;

    private readonly Func<SqliteConnection> _open;
    private readonly Action<SqliteConnection> _dispose;
    private readonly IndexSnapshot _snapshot;
    private readonly int _mark;
    private readonly CheckpointHooks? _hooks;
    // Guards the fields below; waited on (Monitor) for a checkpoint to begin and to end.
    private readonly object _lock = new();
    private Thread? _thread;
    private SqliteConnection? _connection;
    private bool _running;
    private bool _stopped;
    private bool _copyAtNextCommit;
    // Pages the writer added to the log since the last checkpoint began.
    private long _sinceBegun;
    // Frames the log held when the last checkpoint to finish began (the mark when it could not run):
    // at least that many are still in it unless a transaction has since started it over.
    private long _logAtLast;

    /// <param name="open">Opens the connection the checkpoints run on (kept until stopped or failed).</param>
    /// <param name="dispose">Releases that connection.</param>
    /// <param name="mark">Pages the writer adds to the log between checkpoints.</param>
    /// <param name="hooks">For tests: called where a checkpoint begins and where the writer waits for one.</param>
    public LogCheckpointer(Func<SqliteConnection> open, Action<SqliteConnection> dispose, IndexSnapshot snapshot, int mark, CheckpointHooks? hooks = null)
    {
        _open = open;
        _dispose = dispose;
        _snapshot = snapshot;
        _mark = mark;
        _hooks = hooks;
    }

    /// <summary>
    /// The writer's connection is new, and the log may hold what an earlier process wrote: its first
    /// commit copies the log itself, as every commit that filled the log did before, so that a run
    /// that stores little (an unchanged pass, one article) leaves the file as a run always has.
    /// </summary>
    public void WriterOpened()
    {
        lock (_lock)
        {
            _copyAtNextCommit = true;
        }
    }

    /// <summary>
    /// Called by the writer after each commit, on its thread and holding the write lock, with the
    /// pages that commit added to the log: begins a checkpoint beside it when one is due, or copies
    /// the log on <paramref name="writer"/> itself when it has grown too long (see the remarks).
    /// </summary>
    public void AfterCommit(SqliteConnection writer, long pagesWritten)
    {
        lock (_lock)
        {
            _sinceBegun += pagesWritten;
            if (_copyAtNextCommit)
            {
                _copyAtNextCommit = false;
            }
            else if (!_running)
            {
                if (_sinceBegun < _mark && _logAtLast < _mark)
                {
                    return;
                }
                if (!_stopped && _logAtLast + _sinceBegun < LongLogFactor * _mark)
                {
                    Begin();
                    return;
                }
            }
            else if (_logAtLast + _sinceBegun < LongLogFactor * _mark)
            {
                return;
            }
        }
        // The first commit, too long, or stopped: the writer copies it, after the checkpoint running
        // beside it (two cannot run at once).
        lock (_lock)
        {
            if (_running)
            {
                _hooks?.WriterWaits?.Invoke();
            }
            while (_running)
            {
                Monitor.Wait(_lock);
            }
            _sinceBegun = 0;
        }
        Finish(Run(writer), byWriter: true);
    }

    /// <summary>Waits for a running checkpoint and ends the thread; later checkpoints run on the writer.</summary>
    public void Stop()
    {
        Thread? thread;
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }
            _stopped = true;
            thread = _thread;
            Monitor.PulseAll(_lock);
        }
        thread?.Join();
    }

    // Under _lock.
    private void Begin()
    {
        _running = true;
        _sinceBegun = 0;
        if (_thread is null)
        {
            _thread = new Thread(Loop) { IsBackground = true, Name = "SQLite checkpoint" };
            _thread.Start();
        }
        Monitor.PulseAll(_lock);
    }

    private void Loop()
    {
        while (true)
        {
            lock (_lock)
            {
                while (!_running && !_stopped)
                {
                    Monitor.Wait(_lock);
                }
                if (!_running)
                {
                    break;
                }
            }
            long? log = null;
            try
            {
                _hooks?.BeforeCheckpoint?.Invoke();
                _connection ??= _open();
                log = Run(_connection);
            }
            catch (SqliteException)
            {
                // Could not open: the file is gone, locked or the disk full. Tried again at the next commit.
            }
            if (log is null && _connection is { } failed)
            {
                _connection = null;
                _dispose(failed);
            }
            Finish(log, byWriter: false);
            lock (_lock)
            {
                _running = false;
                Monitor.PulseAll(_lock);
                if (_stopped)
                {
                    break;
                }
            }
        }
        if (_connection is { } connection)
        {
            _connection = null;
            _dispose(connection);
        }
    }

    /// <param name="byWriter">Whether the writer ran it, with no commit beside it.</param>
    private void Finish(long? log, bool byWriter)
    {
        lock (_lock)
        {
            _logAtLast = log switch
            {
                // One that could not run leaves the log as long as a mark: the next commit tries again.
                null => _mark,
                // The writer's next transaction starts the log over unless a reader is still in it: a
                // mark, so that the next commit begins a checkpoint beside it, whose count says which.
                _ when byWriter => Math.Min(log.Value, _mark),
                // Otherwise it is as long as it was when the checkpoint began until a transaction
                // starts it over, which the next checkpoint's count shows (see the remarks).
                _ => log.Value,
            };
        }
    }

    /// <summary>A passive checkpoint: the frames the log held when it began, or null when it could not run (busy, or an error).</summary>
    private long? Run(SqliteConnection connection)
    {
        _snapshot.StandDown();
        try
        {
            using var checkpoint = Statements.For(connection, null, "PRAGMA wal_checkpoint(PASSIVE);").ExecuteReader();
            // (busy, frames in the log, frames copied)
            return checkpoint.Read() && checkpoint.GetInt64(0) == 0 ? checkpoint.GetInt64(1) : null;
        }
        catch (SqliteException)
        {
            // The batch is committed; a checkpoint that could not run is tried again after the next one.
            return null;
        }
        finally
        {
            _snapshot.Resume();
        }
    }
}

/// <summary>Test hooks of <see cref="LogCheckpointer"/>.</summary>
internal sealed record CheckpointHooks
{
    /// <summary>On the checkpoint's thread, before each checkpoint beside the writer.</summary>
    public Action? BeforeCheckpoint { get; init; }

    /// <summary>On the writer's thread, when it waits for a running checkpoint before copying a long log itself.</summary>
    public Action? WriterWaits { get; init; }
}
