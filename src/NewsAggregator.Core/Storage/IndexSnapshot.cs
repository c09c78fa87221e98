using Microsoft.Data.Sqlite;
using NewsAggregator.Dedup;

namespace NewsAggregator.Storage;

/// <summary>
/// The near-duplicate index as it stood at one moment, read by the lookups made when articles are
/// prepared (<see cref="NearDuplicateIndex.CandidateShingles"/>): one connection keeps a read
/// transaction open while the index is unchanged, so the index pages it has read stay in its cache.
/// </summary>
/// <remarks>
/// In WAL mode a connection drops its whole page cache when a read transaction starts after
/// another connection committed, and the writer commits a batch several times a second. A lookup
/// on a pooled connection therefore read nearly every page it touched from the OS again (32 band
/// keys, each on a leaf of its own, and the inner pages above them): in the native worker's
/// 1 000-source pass that lookup was about 8 % of the CPU, a third of it <c>pread</c> and copying
/// pages, most of the rest SQLite finding and managing them. Lookups through the view take turns on
/// its one connection; each is short, and duplicate preparation as a whole took a tenth less CPU
/// (load benchmark, docs/scaling.md).
/// <para>
/// An older view of the index answers as a fresh one does: rows reach <c>near_duplicate_bands</c>
/// only when held keys are merged into it, which changes <see cref="RecentBands.Generation"/>,
/// and every article stored since the last merge is held in memory and added by the caller
/// (<see cref="NearDuplicateIndex"/>'s <c>Together</c>). So the transaction is kept while the
/// generation read before it began is current, and ended as soon as it is not. The writer's
/// decision checks that generation again before it uses a lookup's answer, as it did before.
/// </para>
/// <para>
/// A reader holding an old view keeps the log from being copied back past that view and started
/// over, so the view is also renewed once it is <see cref="MaxAge"/> old, and given up when no lookup
/// has come for that long (between passes, before <see cref="NewsDatabase.Close"/>).
/// </para>
/// </remarks>
internal sealed class IndexSnapshot
{
    /// <summary>How long one view is kept at most: a couple of seconds of a pass's writes to the log.</summary>
    public static readonly TimeSpan DefaultMaxAge = TimeSpan.FromSeconds(2);

    private readonly Func<SqliteConnection> _open;
    private readonly Action<SqliteConnection> _dispose;
    private readonly RecentBands _recent;
    private readonly TimeProvider _time;
    private readonly ITimer _expiry;
    private readonly Lock _lock = new();
    private SqliteConnection? _connection;
    private SqliteTransaction? _view;
    private long _generation;
    private long _begunAt;
    private bool _closed;
    private bool _standingDown;

    /// <param name="open">Opens the connection the view is read on (kept until closed or failed).</param>
    /// <param name="dispose">Releases that connection.</param>
    public IndexSnapshot(Func<SqliteConnection> open, Action<SqliteConnection> dispose, RecentBands recent, TimeSpan? maxAge = null, TimeProvider? time = null)
    {
        _open = open;
        _dispose = dispose;
        _recent = recent;
        MaxAge = maxAge ?? DefaultMaxAge;
        _time = time ?? TimeProvider.System;
        _expiry = _time.CreateTimer(_ => Expire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public TimeSpan MaxAge { get; }

    /// <summary>Whether a view is held now (for tests).</summary>
    public bool IsHeld
    {
        get
        {
            lock (_lock)
            {
                return _view is not null;
            }
        }
    }

    /// <summary>
    /// Adds the articles the index has under any of <paramref name="keys"/>, with their sketches, and
    /// returns the generation of the held keys the view answers for: the caller adds the held keys of
    /// that generation, and the answer is complete while it is current.
    /// </summary>
    /// <param name="current">Read instead, as the index is now, while the writer checkpoints (<see cref="StandDown"/>) and once this view has been closed.</param>
    public long Find(SqliteConnection current, IReadOnlyList<long> keys, Dictionary<long, StorySketch?> found)
    {
        lock (_lock)
        {
            if (_closed || _standingDown)
            {
                var generation = _recent.Generation;
                NearDuplicateIndex.FindIndexed(current, null, keys, found);
                return generation;
            }
            try
            {
                if (_view is not null && (_generation != _recent.Generation || Age() >= MaxAge))
                {
                    End();
                }
                if (_view is null)
                {
                    Begin();
                }
                NearDuplicateIndex.FindIndexed(_connection!, _view, keys, found);
                return _generation;
            }
            catch
            {
                // Its state is unknown: the next lookup starts on a new connection.
                Drop();
                throw;
            }
        }
    }

    /// <summary>
    /// Ends the view, and begins none until <see cref="Resume"/>: for the writer's checkpoint, which
    /// can copy the whole log into the file only when no reader holds an older view of it. A view
    /// begun once the log is copied whole reads the file alone, and leaves the next commit free to
    /// write the log from its start again; one begun during the checkpoint would not.
    /// </summary>
    public void StandDown()
    {
        lock (_lock)
        {
            _standingDown = true;
            End();
        }
    }

    public void Resume()
    {
        lock (_lock)
        {
            _standingDown = false;
        }
    }

    /// <summary>Ends the view and lets its connection go; later lookups read the index as it is now.</summary>
    public void Close()
    {
        lock (_lock)
        {
            if (_closed)
            {
                return;
            }
            _closed = true;
            Drop();
        }
        _expiry.Dispose();
    }

    private void Begin()
    {
        _connection ??= _open();
        // Read before the view begins (at the transaction's first read): a merge that lands between
        // the two shows as a newer generation, and the view is renewed at the next lookup.
        _generation = _recent.Generation;
        _view = _connection.BeginTransaction(deferred: true);
        _begunAt = _time.GetTimestamp();
        _expiry.Change(MaxAge, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Ends the view; a connection that cannot end it is let go (the next lookup opens another).</summary>
    private void End()
    {
        if (_view is not { } view)
        {
            return;
        }
        _view = null;
        try
        {
            view.Dispose();
        }
        catch (SqliteException)
        {
            Drop();
        }
    }

    private void Drop()
    {
        _view = null;
        if (_connection is { } connection)
        {
            _connection = null;
            try
            {
                _dispose(connection);
            }
            catch (SqliteException)
            {
                // Closing a broken connection: nothing more to release.
            }
        }
    }

    private TimeSpan Age() => _time.GetElapsedTime(_begunAt);

    /// <summary>Gives the view up when no lookup has renewed it: an idle worker holds no old view of the log.</summary>
    private void Expire()
    {
        lock (_lock)
        {
            if (_view is null || _closed)
            {
                return;
            }
            var age = Age();
            if (age >= MaxAge)
            {
                End();
            }
            else
            {
                _expiry.Change(MaxAge - age, Timeout.InfiniteTimeSpan);
            }
        }
    }
}
