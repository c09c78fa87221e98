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
/// write transaction begins with every page of the log copied, and a transaction begun while the
/// copy ran keeps the log as it is. So after a whole copy during which the writer began a
/// transaction, the writer copies what came in meanwhile itself at its next commit, with no commit
/// beside it, when that is little (a <see cref="RestDivisor"/>th of a mark at most): a pass's
/// writer is idle most of the time, and the rest is a few of its commits, copied and synced in
/// milliseconds, after which its next transaction starts the log over, as every checkpoint of the
/// writer's did before. A writer that commits without pause (the storage-writer benchmark) adds
/// more than that during a copy, and leaves the log to grow; once it is <see cref="LongLogFactor"/>
/// times the mark, the writer waits for the running checkpoint and copies the rest itself. That
/// bounds the log, and so the <c>-wal</c> file, within a few times the mark.
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

    /// <summary>
    /// After a whole copy that a transaction begun meanwhile kept from starting the log over, the
    /// writer copies what came in meanwhile itself when it is at most this part of a mark (see the remarks).
    /// </summary>
    public const int RestDivisor = 4;

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
    // The last checkpoint could not run: the next commit asks for another.
    private bool _retry;
    // The last checkpoint copied the whole log while the writer went on: the writer copies the rest
    // at its next commit if that is little, and otherwise leaves it to the next checkpoint.
    private bool _copyRest;
    // Pages the writer added to the log since the last checkpoint was asked for.
    private long _sinceAsked;
    // How long the log was when it was asked for: what the checkpoint found (0 when it copied the
    // whole log and the writer began no transaction meanwhile, so that its next one starts the log
    // over), else what was known then. The log is about this plus _sinceAsked.
    private long _logAtAsked;
    // Write transactions begun, and their count when the running checkpoint was asked for.
    private long _transactions;
    private long _transactionsAtAsked;

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

    /// <summary>Called by the writer as it begins a write transaction, holding the write lock.</summary>
    public void TransactionBegins()
    {
        lock (_lock)
        {
            _transactions++;
        }
    }

    /// <summary>
    /// Called by the writer after each commit, on its thread and holding the write lock, with the
    /// pages that commit added to the log: asks for a checkpoint beside it every mark, or copies
    /// the log on <paramref name="writer"/> itself when it has grown too long (see the remarks).
    /// </summary>
    public void AfterCommit(SqliteConnection writer, long pagesWritten)
    {
        lock (_lock)
        {
            _sinceAsked += pagesWritten;
            var copy = _copyAtNextCommit
                || _logAtAsked + _sinceAsked >= LongLogFactor * _mark
                || (_copyRest && !_running && _sinceAsked <= _mark / RestDivisor);
            _copyAtNextCommit = false;
            _copyRest = false;
            if (!copy)
            {
                if (_running || (_sinceAsked < _mark && !_retry))
                {
                    return;
                }
                if (!_stopped)
                {
                    Ask();
                    return;
                }
            }
            // The first commit, the rest of a whole copy, a log too long, or stopped: the writer
            // copies it, after the checkpoint running beside it (two cannot run at once).
            if (_running)
            {
                _hooks?.WriterWaits?.Invoke();
            }
            while (_running)
            {
                Monitor.Wait(_lock);
            }
            _logAtAsked += _sinceAsked;
            _sinceAsked = 0;
        }
        // With no commit beside it, a whole copy lets the writer's next transaction start the log over.
        Finish(Run(writer), startsOver: true);
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
    private void Ask()
    {
        _running = true;
        _retry = false;
        _logAtAsked += _sinceAsked;
        _sinceAsked = 0;
        _transactionsAtAsked = _transactions;
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
            Copied? copied = null;
            try
            {
                _hooks?.BeforeCheckpoint?.Invoke();
                _connection ??= _open();
                copied = Run(_connection);
            }
            catch (Exception e) when (e is SqliteException or InvalidOperationException)
            {
                // Could not open: the file is gone, locked or the disk full. Tried again at the next
                // commit; nothing that goes wrong here may end the process from this thread.
            }
            if (copied is null && _connection is { } failed)
            {
                _connection = null;
                _dispose(failed);
            }
            lock (_lock)
            {
                // The log starts over at the writer's next transaction only if none began meanwhile:
                // one begun before the copy was whole reads the log, and keeps it.
                Finish(copied, startsOver: _transactions == _transactionsAtAsked);
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

    /// <param name="startsOver">Whether a whole copy lets the writer's next transaction start the log over.</param>
    private void Finish(Copied? copied, bool startsOver)
    {
        lock (_lock)
        {
            if (copied is not { } done)
            {
                // Could not run: the next commit asks again; the log is as long as it was.
                _retry = true;
                return;
            }
            // A reader may still be in the log when the writer's next transaction begins, so that it
            // does not start over after all: the next checkpoint finds it long, and the writer copies
            // it once it is four marks long.
            _logAtAsked = done.Whole && startsOver ? 0 : done.Log;
            // Whole, but the writer went on meanwhile: if what it added is little, it copies that
            // itself at its next commit, and its next transaction starts the log over.
            _copyRest = done.Whole && !startsOver;
        }
    }

    /// <summary>A passive checkpoint, or null when it could not run (busy, or an error).</summary>
    private Copied? Run(SqliteConnection connection)
    {
        _snapshot.StandDown();
        try
        {
            using var checkpoint = Statements.For(connection, null, "PRAGMA wal_checkpoint(PASSIVE);").ExecuteReader();
            // (busy, frames in the log, frames copied)
            return checkpoint.Read() && checkpoint.GetInt64(0) == 0
                ? new Copied(checkpoint.GetInt64(1), checkpoint.GetInt64(1) == checkpoint.GetInt64(2))
                : null;
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

    /// <param name="Log">Frames the log held when the checkpoint began.</param>
    /// <param name="Whole">Whether it copied all of them.</param>
    private readonly record struct Copied(long Log, bool Whole);
}

/// <summary>Test hooks of <see cref="LogCheckpointer"/>.</summary>
internal sealed record CheckpointHooks
{
    /// <summary>On the checkpoint's thread, before each checkpoint beside the writer.</summary>
    public Action? BeforeCheckpoint { get; init; }

    /// <summary>On the writer's thread, when it waits for a running checkpoint before copying a long log itself.</summary>
    public Action? WriterWaits { get; init; }
}
