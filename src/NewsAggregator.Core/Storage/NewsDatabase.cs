using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NewsAggregator.Storage;

/// <summary>
/// The SQLite file: the only place that speaks SQL. WAL mode lets pipelines read while we
/// write; every article is stored in one transaction, so a crash never leaves half of one.
/// Each call opens a pooled connection, which makes the type safe to share between threads.
/// Every failure leaves as a <see cref="StorageException"/> whose one-line message names the file.
/// Split by concern: this file holds the file itself (opening, checks, migrations, transactions);
/// NewsDatabase.Articles.cs the articles, sightings and near-duplicate index; NewsDatabase.Sources.cs
/// the sources' runs, state, validators and robots.txt answers.
/// </summary>
public sealed partial class NewsDatabase
{
    private readonly string _connectionString;
    private readonly string _anchorConnectionString;
    private readonly TimeSpan _busyTimeout;
    // SQLite allows one writer at a time; queueing our own writers here is cheaper than
    // letting them spin on SQLITE_BUSY, and leaves the busy timeout for other processes.
    private readonly Lock _writeLock = new();
    private readonly Lock _anchorLock = new();
    // Open from Open to Close: its file is the one we opened, so SQLite can tell us whether the
    // file at the path is still that one (pooled connections come and go, and a new one would
    // simply open whatever file is at the path by then).
    private SqliteConnection? _anchor;
    // Connections kept open between calls, each with the statements prepared on it (Statements):
    // opening one, even from the pool, runs its settings again, and a fresh connection parses
    // every statement anew. One per thread that uses the database at the same moment, at most
    // MaxIdleConnections kept.
    private readonly ConcurrentStack<SqliteConnection> _idle = new();
    private volatile bool _released;
    private const int MaxIdleConnections = 8;
    // The connection every write transaction of this process runs on, kept between them (under
    // _writeLock). In WAL mode a connection drops its page cache whenever another connection has
    // committed since its last transaction, so writes on whichever pooled connection came first
    // read the index pages they change from the OS again on nearly every batch. Kept as the only
    // writer, its cache stays valid, and it is given more of it than the readers' default 2 MB:
    // a batch of articles changes pages all over the URL and hash indexes (8 MB: 16 MB was no
    // faster in the storage-writer benchmark and cost about 10 MB of the load benchmark's peak).
    private SqliteConnection? _writer;
    private const int WriterCacheKibibytes = 8 * 1024;
    // The writer's checkpoints (CheckpointWhenDue): every StorageOptions.CheckpointPages pages written
    // to the log, as wal_autocheckpoint is for the other connections, run beside the writer.
    private readonly int _checkpointPages;
    private readonly LogCheckpointer _checkpointer;
    private const int CacheWritesStatus = 9; // SQLITE_DBSTATUS_CACHE_WRITE

    public string Path { get; }

    // SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE
    private const int NoCheckpointOnClose = 1006;

    private NewsDatabase(string path, StorageOptions options, bool create)
    {
        Path = path;
        _recent = new RecentBands(options.NearDuplicateMergeAt);
        _checkpointPages = options.CheckpointPages;
        _fullTextSearch = options.FullTextSearch;
        KeepsPages = options.KeepPages;
        var seconds = options.BusyTimeoutSeconds;
        _busyTimeout = TimeSpan.FromSeconds(seconds);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            // Once the file exists it is never created again: a connection opened after the file
            // was deleted must fail rather than start an empty database at its path.
            Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            Pooling = true,
            DefaultTimeout = seconds,
        };
        _connectionString = builder.ToString();
        builder.Pooling = false;
        _anchorConnectionString = builder.ToString();
        _snapshot = new IndexSnapshot(OpenConnection, Dispose, _recent);
        _checkpointer = new LogCheckpointer(OpenConnection, Dispose, _snapshot, _checkpointPages, options.CheckpointHooks);
    }

    /// <summary>
    /// Opens (creating if needed) the database, checks that it is ours and that this process can
    /// write it, and brings its schema up to date. Nothing is written to a file that is not ours.
    /// </summary>
    /// <param name="options">The busy timeout; <see cref="StorageOptions.Default"/> when null.</param>
    /// <exception cref="StorageException">
    /// The path or file is not a usable database (<see cref="StorageFailure.Unusable"/>: a folder,
    /// another program's file, not SQLite, damaged, not writable, from a newer version), or the
    /// database was locked or the disk full while opening it.
    /// </exception>
    public static NewsDatabase Open(string path, StorageOptions? options = null) => Open(path, options, existing: false);

    /// <param name="existing">Refuse a file with nothing of ours in it (empty) rather than filling it.</param>
    private static NewsDatabase Open(string path, StorageOptions? options, bool existing)
    {
        options ??= StorageOptions.Default;
        var fullPath = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(fullPath))
        {
            throw StorageProblems.IsFolder(path);
        }
        var directory = System.IO.Path.GetDirectoryName(fullPath);
        if (directory is not null && !Directory.Exists(directory))
        {
            throw StorageProblems.MissingFolder(path, directory);
        }
        var database = new NewsDatabase(fullPath, options, create: false);
        try
        {
            if (File.Exists(fullPath))
            {
                if (!ExistingFile.Recognise(fullPath, path) && existing)
                {
                    throw StorageProblems.Empty(path);
                }
            }
            else
            {
                CreateInPlace(fullPath, path, directory ?? fullPath, options);
            }
            database.EnsureWritable(path);
            database.Migrate(path);
            database.HoldOpen();
            return database;
        }
        catch (SqliteException e)
        {
            database.Release();
            throw e.SqliteErrorCode == SQLitePCL.raw.SQLITE_CANTOPEN
                ? StorageProblems.Unwritable(path, StorageProblems.Detail(e), e)
                : StorageProblems.Of(e, path, database._busyTimeout);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            database.Release();
            throw new StorageException($"{path}: cannot use the database: {e.Message}", StorageFailure.Unusable, e);
        }
        catch (StorageException)
        {
            database.Release();
            throw;
        }
    }

    /// <summary>
    /// Opens an existing database as <see cref="Open"/> does, for commands that change one but have
    /// no reason to make one (<c>prune</c>, <c>reextract</c>): a missing file is refused rather than
    /// created, and an empty one rather than filled.
    /// </summary>
    /// <exception cref="StorageException">As for <see cref="Open"/>, and for a missing or empty file (<see cref="StorageFailure.Unusable"/>).</exception>
    public static NewsDatabase OpenExisting(string path, StorageOptions? options = null)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        if (!Directory.Exists(fullPath) && !File.Exists(fullPath))
        {
            throw StorageProblems.Missing(path);
        }
        return Open(path, options, existing: true);
    }

    /// <summary>
    /// A new database is built beside its final name and renamed into place, already in WAL mode
    /// and migrated: a reader that finds the file never meets the moment a fresh file is switched
    /// to WAL (which locks readers out), and a crash while creating leaves no half-made file.
    /// </summary>
    private static void CreateInPlace(string fullPath, string shownPath, string folder, StorageOptions options)
    {
        var building = $"{fullPath}.new-{Environment.ProcessId}-{Guid.NewGuid():N}";
        var draft = new NewsDatabase(building, options, create: true);
        try
        {
            draft.Migrate(shownPath);
            // Everything into the main file: only that file is renamed.
            draft.Checkpoint("TRUNCATE");
            draft.Release();
            SetAsideOrphanedLog(fullPath);
            try
            {
                // Not overwriting: if another worker created the file meanwhile, that one is used.
                File.Move(building, fullPath, overwrite: false);
            }
            catch (IOException) when (File.Exists(fullPath))
            {
            }
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SQLitePCL.raw.SQLITE_CANTOPEN or SQLitePCL.raw.SQLITE_READONLY)
        {
            throw StorageProblems.CannotCreate(shownPath, folder, StorageProblems.Detail(e), e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw StorageProblems.CannotCreate(shownPath, folder, e.Message, e);
        }
        finally
        {
            draft.Release();
            foreach (var leftover in new[] { building, building + "-wal", building + "-shm" })
            {
                File.Delete(leftover);
            }
        }
    }

    /// <summary>
    /// A write-ahead log with no database beside it belongs to a database that was deleted (say with
    /// <c>rm news.db</c> while its <c>-wal</c> stayed). SQLite cannot tell: it would replay that log
    /// into the new file, bringing the old articles back or corrupting the new schema. The log and
    /// its index are renamed aside (<c>news.db-wal.orphaned-…</c>), not deleted, in case someone
    /// wants what they hold.
    /// </summary>
    private static void SetAsideOrphanedLog(string fullPath)
    {
        if (File.Exists(fullPath))
        {
            return;
        }
        var stamp = DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        foreach (var suffix in new[] { "-wal", "-shm" })
        {
            if (File.Exists(fullPath + suffix))
            {
                File.Move(fullPath + suffix, $"{fullPath}{suffix}.orphaned-{stamp}", overwrite: true);
            }
        }
    }

    /// <summary>
    /// Copies what the write-ahead log holds into the database file (without waiting for readers)
    /// and releases the connections, so the file can be moved or deleted. Never throws: when the
    /// file is gone or replaced there is nothing of ours at the path to copy into.
    /// </summary>
    public void Close()
    {
        // First: a view it held would keep the checkpoint from copying what was written after it, and
        // a checkpoint running beside the writer would keep this one from running at all.
        _snapshot.Close();
        _checkpointer.Stop();
        if (!IsGone(null))
        {
            Checkpoint("PASSIVE");
        }
        Release();
    }

    /// <summary>
    /// Fails when the file at <see cref="Path"/> is no longer the one opened (deleted, or another
    /// file put there): whatever the worker stored is then not in the database its users read.
    /// </summary>
    /// <exception cref="StorageException">With <see cref="StorageFailure.Moved"/>.</exception>
    public void EnsureInPlace()
    {
        if (IsGone(null))
        {
            throw StorageProblems.Moved(Path);
        }
    }

    private void Release()
    {
        _released = true;
        _snapshot.Close();
        _checkpointer.Stop();
        while (_idle.TryPop(out var idle))
        {
            Dispose(idle);
        }
        lock (_writeLock)
        {
            if (_writer is { } writer)
            {
                _writer = null;
                Dispose(writer);
            }
        }
        lock (_anchorLock)
        {
            _anchor?.Dispose();
            _anchor = null;
        }
        SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
    }

    private void HoldOpen()
    {
        var anchor = OpenConnection(_anchorConnectionString);
        lock (_anchorLock)
        {
            _anchor = anchor;
        }
    }

    /// <summary>
    /// Whether the file at the path is no longer the one we opened (asked of the anchor), or
    /// <paramref name="connection"/> writes to another file than the one at the path.
    /// </summary>
    private bool IsGone(SqliteConnection? connection)
    {
        lock (_anchorLock)
        {
            return IsGoneFor(_anchor) || IsGoneFor(connection);
        }
    }

    private bool IsGoneFor(SqliteConnection? connection) =>
        connection is not null && (MovedFileCheck.HasMoved(connection) ?? !File.Exists(Path));

    private void Checkpoint(string mode)
    {
        try
        {
            using var connection = OpenConnection();
            Execute(connection, $"PRAGMA wal_checkpoint({mode});");
        }
        catch (SqliteException)
        {
            // The file is gone, locked or the disk full: nothing to copy, and Close must not fail over it.
        }
    }

    internal SqliteConnection OpenConnection() => OpenConnection(_connectionString);

    private SqliteConnection OpenConnection(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            // By default the last connection to close checkpoints the log and deletes it under an
            // exclusive lock, which a pipeline opening the file at that moment sees as "database is
            // locked". Leaving the log in place spares readers that; Close checkpoints passively.
            SQLitePCL.raw.sqlite3_db_config(connection.Handle, NoCheckpointOnClose, 1, out _);
            using var pragmas = connection.CreateCommand();
            // No memory map: every page of the file a mapped connection touches stays in the
            // worker's resident memory, which then grows with the database (320 MB of a 1 000-source
            // pass's peak was the map, and it would be five times that at 5 000). Reads go through
            // SQLite's page cache and the OS's instead: the load benchmark's pass took no more CPU.
            // (A 2 GiB map once halved the near-duplicate lookup at a million articles, a lookup
            // being a small part of storing an article.)
            // The log is copied into the file (with an fsync) every 8 192 pages (32 MB) instead of
            // SQLite's 1 000: a batch of articles dirties a few MB of index pages, so the default
            // checkpointed after nearly every commit, and writing and syncing was a third of the
            // storage writer's time (storage-writer benchmark, 10 000 articles, runs back to back:
            // 1 300-1 400 -> 1 590-1 620 articles a second).
            pragmas.CommandText = $"PRAGMA busy_timeout = {(long)_busyTimeout.TotalMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA mmap_size = 0; PRAGMA wal_autocheckpoint = {_checkpointPages};";
            pragmas.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Refuses, before any source runs, a database this process can open but not write: SQLite
    /// quietly opens a file it may not write read-only, and a read-only <c>-wal</c> or <c>-shm</c>
    /// (left by a run as another user) only shows when a transaction starts.
    /// </summary>
    private void EnsureWritable(string shownPath)
    {
        using var connection = OpenConnection();
        if (SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1)
        {
            throw StorageProblems.Unwritable(shownPath, "SQLite could open it only read-only");
        }
        // Takes the write lock (BEGIN IMMEDIATE) and lets it go, writing nothing.
        using var transaction = connection.BeginTransaction();
        transaction.Rollback();
    }

    /// <summary>Whether passes keep each new article's page for <c>reextract</c> (<see cref="StorageOptions.KeepPages"/>).</summary>
    public bool KeepsPages { get; }

    /// <summary>Whether this process keeps the full-text index (<see cref="FullTextIndex"/>); null: as the database has it.</summary>
    private readonly bool? _fullTextSearch;

    private void Migrate(string shownPath)
    {
        using var connection = OpenConnection();
        var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"), CultureInfo.InvariantCulture);
        if (version == 0)
        {
            // Only possible before the file's first page is written (switching to WAL writes it): a
            // new file keeps a map of its pages, so that prune can give the space of deleted articles
            // back to the disk a bit at a time (PRAGMA incremental_vacuum) instead of rewriting the
            // whole file. On a file that has pages already, SQLite ignores it.
            Execute(connection, "PRAGMA auto_vacuum = INCREMENTAL;");
        }
        Execute(connection, "PRAGMA journal_mode = WAL;");
        if (version > Schema.Migrations.Length)
        {
            throw StorageProblems.Newer(shownPath, version, Schema.Migrations.Length);
        }
        for (var step = version; step < Schema.Migrations.Length; step++)
        {
            lock (_writeLock)
            {
                using var transaction = connection.BeginTransaction();
                // Another process may have migrated while we waited for the write lock.
                var current = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;", transaction), CultureInfo.InvariantCulture);
                if (current > step)
                {
                    transaction.Commit();
                    continue;
                }
                // Without search the index is not built only to be dropped below, nor its triggers changed.
                var skip = (step + 1 == Schema.FullTextSearchVersion && _fullTextSearch == false)
                    || (step + 1 == Schema.FullTextDeferredVersion && !FullTextIndex.Exists(connection, transaction));
                if (!skip)
                {
                    Execute(connection, Schema.Migrations[step], transaction);
                }
                if (step + 1 == Schema.NearDuplicateIndexVersion)
                {
                    NearDuplicateIndex.AddAll(connection, transaction, withSketches: false);
                }
                else if (step + 1 == Schema.NearDuplicateSketchVersion)
                {
                    NearDuplicateIndex.AddAll(connection, transaction, withBandKeys: false);
                }
                Execute(connection, $"PRAGMA user_version = {step + 1};", transaction);
                transaction.Commit();
            }
        }
        if (_fullTextSearch is { } wanted && FullTextIndex.Exists(connection, null) != wanted)
        {
            lock (_writeLock)
            {
                using var transaction = connection.BeginTransaction();
                FullTextIndex.Apply(connection, transaction, wanted);
                transaction.Commit();
            }
        }
        _indexesText = FullTextIndex.Exists(connection, null);
    }

    /// <summary>
    /// Whether the file has the full-text index, whose new rows the writer's transactions index at
    /// their end (<see cref="FullTextIndex.Defer"/>). Found when the file is opened; another process
    /// that drops the index meanwhile turns it off at this process's next batch.
    /// </summary>
    private bool _indexesText;

    public int SchemaVersion => Read(connection => Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"), CultureInfo.InvariantCulture));

    internal static DateTimeOffset? ParseTime(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal)
            ? null
            : DateTimeOffset.ParseExact(reader.GetString(ordinal), "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal);

    /// <summary>ISO 8601 UTC to the second: fixed width, so text order is time order for readers.</summary>
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Runs <paramref name="write"/> in one IMMEDIATE transaction and commits it. SQLite allows
    /// one writer at a time; queueing our own writers on a lock is cheaper than letting them spin
    /// on SQLITE_BUSY, and leaves the busy timeout for other processes. Before and after, the file
    /// must still be the one at the path: a write into a deleted or replaced file would be
    /// reported as stored and then lost.
    /// </summary>
    /// <exception cref="StorageException">The write did not happen, or happened in a file no longer at the path.</exception>
    private T InWriteTransaction<T>(Func<SqliteConnection, SqliteTransaction, T> write)
    {
        lock (_writeLock)
        {
            SqliteConnection? connection = null;
            var healthy = false;
            try
            {
                connection = _writer ?? OpenWriter();
                _writer = null;
                ThrowIfGone(connection);
                T result;
                _checkpointer.TransactionBegins();
                using (var transaction = connection.BeginTransaction())
                {
                    result = write(connection, transaction);
                    transaction.Commit();
                }
                CheckpointWhenDue(connection);
                ThrowIfGone(connection);
                healthy = true;
                return result;
            }
            catch (SqliteException e)
            {
                throw Problem(e, connection);
            }
            finally
            {
                // A connection whose transaction failed is in an unknown state: the next write opens another.
                if (healthy && !_released)
                {
                    _writer = connection;
                }
                else if (connection is not null)
                {
                    Dispose(connection);
                }
            }
        }
    }

    /// <summary>
    /// Has the log copied into the file once the writer has added <see cref="StorageOptions.CheckpointPages"/> pages to
    /// it, as SQLite's automatic checkpoint would (it is off on the writer's connection), beside the
    /// writer rather than inside its commit (<see cref="LogCheckpointer"/>).
    /// </summary>
    private void CheckpointWhenDue(SqliteConnection writer)
    {
        // Pages this connection wrote to the log since the last call (the counter is reset as it is read).
        SQLitePCL.raw.sqlite3_db_status(writer.Handle, CacheWritesStatus, out var written, out _, 1);
        _checkpointer.AfterCommit(writer, written);
    }

    private SqliteConnection OpenWriter()
    {
        var connection = OpenConnection();
        try
        {
            // Statement journals and sorts in memory, not in temporary files: each article's insert
            // keeps a statement journal (its triggers may abort it halfway), which passed SQLite's
            // 64 KiB spill threshold and was written to a file, 8 % of the writer's thread in the load
            // benchmark's pass; the held near-duplicate keys' merge sorts in memory too. Both are
            // bounded by what one statement touches, and every statement of the writer is bounded:
            // one article, one batch of a prune, 4 096 pages of incremental vacuum. With pages kept,
            // the writer's transactions took about 5 % less CPU (storage-writer, three pairs in alternation).
            Execute(connection, $"PRAGMA cache_size = -{WriterCacheKibibytes}; PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 0;");
            // Its first commit checkpoints: the log may hold what an earlier process wrote.
            _checkpointer.WriterOpened();
            return connection;
        }
        catch
        {
            Dispose(connection);
            throw;
        }
    }

    private void InWriteTransaction(Action<SqliteConnection, SqliteTransaction> write) =>
        InWriteTransaction<object?>((connection, transaction) =>
        {
            write(connection, transaction);
            return null;
        });

    /// <summary>
    /// Runs a read on a pooled connection; SQLite's errors leave as <see cref="StorageException"/>.
    /// A file that is no longer ours is not read either: a new connection would read whatever
    /// file now sits at the path, and leave a <c>-wal</c> and <c>-shm</c> beside it.
    /// </summary>
    private T Read<T>(Func<SqliteConnection, T> read)
    {
        SqliteConnection? connection = null;
        var healthy = false;
        try
        {
            connection = Lease();
            // The anchor alone is asked (one stat of the path, not two; a pass reads several times an
            // article): a pooled connection holds the file the anchor holds, or one put at the path
            // after it, which the anchor sees as moved. Writes ask of their connection too.
            ThrowIfGone(null);
            var result = read(connection);
            healthy = true;
            return result;
        }
        catch (SqliteException e)
        {
            throw Problem(e, connection);
        }
        finally
        {
            GiveBack(connection, healthy);
        }
    }

    private SqliteConnection Lease() => _idle.TryPop(out var idle) ? idle : OpenConnection();

    /// <summary>Keeps a connection for the next call, unless its call failed (its state is then unknown) or the database was closed.</summary>
    private void GiveBack(SqliteConnection? connection, bool healthy)
    {
        if (connection is null)
        {
            return;
        }
        if (healthy && !_released && _idle.Count < MaxIdleConnections)
        {
            _idle.Push(connection);
            // Closed meanwhile: Release may have drained the stack before the push.
            if (!_released || !_idle.TryPop(out var late))
            {
                return;
            }
            connection = late;
        }
        Dispose(connection);
    }

    private static void Dispose(SqliteConnection connection)
    {
        Statements.Release(connection);
        connection.Dispose();
    }

    private void ThrowIfGone(SqliteConnection? connection)
    {
        if (IsGone(connection))
        {
            throw StorageProblems.Moved(Path);
        }
    }

    /// <summary>
    /// What a failed statement means. A deleted or replaced file shows as anything (no such table,
    /// cannot open, I/O error), so that is asked first.
    /// </summary>
    private StorageException Problem(SqliteException e, SqliteConnection? connection) =>
        IsGone(connection) ? StorageProblems.Moved(Path, e) : StorageProblems.Of(e, Path, _busyTimeout);

    internal static void Execute(
        SqliteConnection connection, string sql, SqliteTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        var command = Statements.For(connection, transaction, sql);
        Bind(command, parameters);
        command.ExecuteNonQuery();
    }

    private static int ExecuteCount(
        SqliteConnection connection, string sql, SqliteTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        var command = Statements.For(connection, transaction, sql);
        Bind(command, parameters);
        return command.ExecuteNonQuery();
    }

    internal static object? Scalar(
        SqliteConnection connection, string sql, SqliteTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        var command = Statements.For(connection, transaction, sql);
        Bind(command, parameters);
        return command.ExecuteScalar();
    }

    private static void Bind(SqliteCommand command, params (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
    }
}
