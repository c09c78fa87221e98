using System.Globalization;
using Microsoft.Data.Sqlite;
using NewsAggregator.Dedup;
using NewsAggregator.Fetching;
using NewsAggregator.Sources;

namespace NewsAggregator.Storage;

/// <summary>
/// The SQLite file: the only place that speaks SQL. WAL mode lets pipelines read while we
/// write; every article is stored in one transaction, so a crash never leaves half of one.
/// Each call opens a pooled connection, which makes the type safe to share between threads.
/// Every failure leaves as a <see cref="StorageException"/> whose one-line message names the file.
/// </summary>
public sealed class NewsDatabase
{
    /// <summary>
    /// The <c>error</c> of a <c>runs</c> row from <see cref="BeginRun"/> until <see cref="RecordRun"/>
    /// completes it: a row left so says the worker stopped (or could not write) before the pass ended.
    /// </summary>
    public const string UnfinishedRun = "unfinished: the pass was still running, or the worker stopped before it could record its end";

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

    public string Path { get; }

    // SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE
    private const int NoCheckpointOnClose = 1006;

    private NewsDatabase(string path, StorageOptions options, bool create)
    {
        Path = path;
        // Whole seconds, at least one: Microsoft.Data.Sqlite retries a busy statement until its
        // command timeout (whole seconds, 0 meaning forever) on top of SQLite's own busy timeout;
        // with both equal a write waits for a lock as long as the setting says, not twice as long.
        var seconds = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds));
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
    public static NewsDatabase Open(string path, StorageOptions? options = null)
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
                ExistingFile.Recognise(fullPath, path);
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
            // Reads through a memory map of up to 2 GiB (SQLite's usual ceiling) share the OS page cache
            // across connections and skip a system call a page: the near-duplicate lookup at a million
            // articles takes less than half the time (tests/NewsAggregator.Benchmarks, near-duplicate-index).
            pragmas.CommandText = $"PRAGMA busy_timeout = {(long)_busyTimeout.TotalMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA mmap_size = 2147483648;";
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

    private void Migrate(string shownPath)
    {
        using var connection = OpenConnection();
        Execute(connection, "PRAGMA journal_mode = WAL;");
        var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"), CultureInfo.InvariantCulture);
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
                Execute(connection, Schema.Migrations[step], transaction);
                if (step + 1 == Schema.NearDuplicateIndexVersion)
                {
                    NearDuplicateIndex.AddAll(connection, transaction);
                }
                Execute(connection, $"PRAGMA user_version = {step + 1};", transaction);
                transaction.Commit();
            }
        }
    }

    public int SchemaVersion => Read(connection => Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"), CultureInfo.InvariantCulture));

    /// <summary>Mirrors sources.json into <c>sources</c>; sources no longer listed stay (their articles refer to them).</summary>
    public void SyncSources(IEnumerable<Source> sources, DateTimeOffset now)
    {
        InWriteTransaction((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO sources (id, name, type, url, enabled, updated_at)
                VALUES ($id, $name, $type, $url, $enabled, $now)
                ON CONFLICT (id) DO UPDATE SET
                    name = excluded.name, type = excluded.type, url = excluded.url,
                    enabled = excluded.enabled, updated_at = excluded.updated_at
                WHERE name IS NOT excluded.name OR type IS NOT excluded.type
                   OR url IS NOT excluded.url OR enabled IS NOT excluded.enabled;
                """;
            var id = command.Parameters.Add("$id", SqliteType.Text);
            var name = command.Parameters.Add("$name", SqliteType.Text);
            var type = command.Parameters.Add("$type", SqliteType.Text);
            var url = command.Parameters.Add("$url", SqliteType.Text);
            var enabled = command.Parameters.Add("$enabled", SqliteType.Integer);
            command.Parameters.AddWithValue("$now", Format(now));
            foreach (var source in sources)
            {
                id.Value = source.Id;
                name.Value = source.Name;
                type.Value = source.TypeName;
                url.Value = source.Url.ToString();
                enabled.Value = source.Enabled ? 1 : 0;
                command.ExecuteNonQuery();
            }
        });
    }

    /// <summary>The article already seen at this canonical URL, by any source.</summary>
    public long? FindArticleIdByUrl(string url) => Read(connection => FindArticleIdByUrl(connection, null, url));

    /// <summary>
    /// Starts the <c>runs</c> row of a pass, marked <see cref="UnfinishedRun"/>. Each article and
    /// sighting the pass stores counts itself in that row in its own transaction (see
    /// <see cref="StoreArticle"/>), so the row counts exactly what was stored even when the pass
    /// never gets to <see cref="RecordRun"/>: killed, the disk full, the database locked.
    /// </summary>
    public RunId BeginRun(string sourceId, DateTimeOffset startedAt) =>
        InWriteTransaction((connection, transaction) => new RunId(Convert.ToInt64(Scalar(connection, """
            INSERT INTO runs (source_id, started_at, finished_at, new_articles, duplicates, failed, known, error)
            VALUES ($source, $started, $started, 0, 0, 0, 0, $unfinished)
            RETURNING id;
            """, transaction, ("$source", sourceId), ("$started", Format(startedAt)), ("$unfinished", UnfinishedRun)),
            CultureInfo.InvariantCulture)));

    /// <summary>Records that <paramref name="sourceId"/> showed the article at <paramref name="url"/>.</summary>
    /// <param name="run">The pass's row, whose <c>duplicates</c> counts a new sighting in the same transaction.</param>
    /// <returns>True when this (source, url) had not been recorded before.</returns>
    public bool AddSighting(long articleId, string sourceId, string url, DateTimeOffset seenAt, RunId? run = null) =>
        InWriteTransaction((connection, transaction) =>
        {
            var added = InsertSighting(connection, transaction, articleId, sourceId, url, seenAt);
            if (added && run is { } counted)
            {
                CountInRun(connection, transaction, counted, RunCount.Duplicates, seenAt);
            }
            return added;
        });

    /// <summary>
    /// Stores a new story, or records it as a sighting of the story already stored under the
    /// same URL, the same text, the canonical URL its page declares, or a near-duplicate text
    /// (see <see cref="NearDuplicateRule"/>): all in one transaction, with its count in the pass's
    /// <paramref name="run"/> row (<c>new_articles</c> for a new story, else <c>duplicates</c>).
    /// </summary>
    public StoreOutcome StoreArticle(ArticleRecord article, RunId? run = null) =>
        StoreArticles([PreparedArticle.Of(article, run)])[0];

    /// <summary>
    /// Stores several articles in one transaction (a batch from the pipeline's writer), each
    /// decided as <see cref="StoreArticle"/> decides it and in the order given: a later copy in the
    /// batch sees the earlier one, so two copies arriving together still become one story.
    /// </summary>
    public IReadOnlyList<StoreOutcome> StoreArticles(IReadOnlyList<PreparedArticle> articles) =>
        InWriteTransaction((connection, transaction) =>
        {
            var outcomes = new StoreOutcome[articles.Count];
            for (var i = 0; i < articles.Count; i++)
            {
                outcomes[i] = Store(connection, transaction, articles[i]);
            }
            return outcomes;
        });

    /// <summary>Decides (<see cref="DuplicateResolver"/>) and carries the decision out, in the caller's transaction.</summary>
    private static StoreOutcome Store(SqliteConnection connection, SqliteTransaction transaction, PreparedArticle prepared)
    {
        var (article, run, shingles, keys) = (prepared.Article, prepared.Run, prepared.Shingles, prepared.Keys);
        var lookup = new StoryLookup(connection, transaction);
        var incoming = new IncomingStory(
            article.Url, article.ContentHash, article.DeclaredCanonicalUrl,
            new StoryCopy(shingles, article.PublishedAt, article.FetchedAt, article.AlsoSeenAt.Prepend(article.Url).Select(StorySite.Of).ToHashSet()),
            keys);
        var decision = DuplicateResolver.Decide(incoming, lookup);
        StoreOutcome outcome;
        if (decision.ArticleId is not { } existing)
        {
            outcome = new StoreOutcome(StoreOutcomeKind.Stored, InsertArticle(connection, transaction, article), Reason: decision.Reason);
            NearDuplicateIndex.Add(connection, transaction, outcome.ArticleId, keys);
        }
        else
        {
            if (decision.UpgradesText && lookup.Story(existing) is { } stored)
            {
                NearDuplicateIndex.ReplaceText(connection, transaction, existing, stored, article, keys);
            }
            outcome = new StoreOutcome(KindOf(decision.Kind), existing, decision.UpgradesText, decision.Reason);
        }

        InsertSighting(connection, transaction, outcome.ArticleId, article.SourceId, article.Url, article.FetchedAt);
        foreach (var other in article.AlsoSeenAt)
        {
            InsertSighting(connection, transaction, outcome.ArticleId, article.SourceId, other, article.FetchedAt);
        }
        if (run is { } counted)
        {
            CountInRun(connection, transaction, counted,
                outcome.Kind == StoreOutcomeKind.Stored ? RunCount.NewArticles : RunCount.Duplicates, article.FetchedAt);
        }
        return outcome;
    }

    private static StoreOutcomeKind KindOf(DuplicateKind kind) => kind switch
    {
        DuplicateKind.KnownUrl => StoreOutcomeKind.KnownUrl,
        DuplicateKind.SameText => StoreOutcomeKind.SameText,
        DuplicateKind.DeclaredCanonical => StoreOutcomeKind.DeclaredCanonical,
        DuplicateKind.NearDuplicate => StoreOutcomeKind.NearDuplicate,
        _ => StoreOutcomeKind.Stored,
    };

    /// <summary>The counters of a <c>runs</c> row that the storing transactions keep.</summary>
    private enum RunCount
    {
        NewArticles,
        Duplicates,
    }

    /// <summary>One more stored row in the pass's counts; <c>finished_at</c> says when, until the pass records its end.</summary>
    private static void CountInRun(SqliteConnection connection, SqliteTransaction transaction, RunId run, RunCount count, DateTimeOffset at) =>
        Execute(connection, count == RunCount.NewArticles
                ? "UPDATE runs SET new_articles = new_articles + 1, finished_at = max(finished_at, $at) WHERE id = $run;"
                : "UPDATE runs SET duplicates = duplicates + 1, finished_at = max(finished_at, $at) WHERE id = $run;",
            transaction, ("$run", run.Value), ("$at", Format(at)));

    /// <summary>
    /// Keeps the outcome of one pass over a source and updates its state. A pass begun with
    /// <see cref="BeginRun"/> (<see cref="SourceRunRecord.Run"/>) completes that row and keeps the
    /// <c>new_articles</c> and <c>duplicates</c> its storing transactions counted; otherwise a row
    /// is added with the record's counts.
    /// </summary>
    public void RecordRun(SourceRunRecord run)
    {
        InWriteTransaction((connection, transaction) =>
        {
            var problems = run.EntryProblems.Count == 0 ? null : string.Join('\n', run.EntryProblems);
            var completed = run.Run is { } begun && ExecuteCount(connection, """
                UPDATE runs SET finished_at = $finished, failed = $failed, known = $known, error = $error, entry_problems = $problems
                WHERE id = $run;
                """, transaction,
                ("$run", begun.Value), ("$finished", Format(run.FinishedAt)), ("$failed", run.Failed), ("$known", run.Known),
                ("$error", run.Error), ("$problems", problems)) == 1;
            if (!completed)
            {
                Execute(connection, """
                    INSERT INTO runs (source_id, started_at, finished_at, new_articles, duplicates, failed, known, error, entry_problems)
                    VALUES ($source, $started, $finished, $new, $duplicates, $failed, $known, $error, $problems);
                    """, transaction,
                    ("$source", run.SourceId), ("$started", Format(run.StartedAt)), ("$finished", Format(run.FinishedAt)),
                    ("$new", run.NewArticles), ("$duplicates", run.Duplicates), ("$failed", run.Failed),
                    ("$known", run.Known), ("$error", run.Error), ("$problems", problems));
            }

            Execute(connection, """
                INSERT INTO source_state (source_id, last_run_at, last_success_at, consecutive_failures, last_error)
                VALUES ($source, $finished, CASE WHEN $error IS NULL THEN $finished END,
                        CASE WHEN $error IS NULL THEN 0 ELSE 1 END, $error)
                ON CONFLICT (source_id) DO UPDATE SET
                    last_run_at = excluded.last_run_at,
                    last_success_at = coalesce(excluded.last_success_at, source_state.last_success_at),
                    consecutive_failures = CASE WHEN $error IS NULL THEN 0 ELSE source_state.consecutive_failures + 1 END,
                    last_error = excluded.last_error;
                """, transaction, ("$source", run.SourceId), ("$finished", Format(run.FinishedAt)), ("$error", run.Error));

            Execute(connection, "UPDATE source_state SET next_due_at = $due WHERE source_id = $source;", transaction,
                ("$source", run.SourceId), ("$due", run.NextDueAt is { } due ? Format(due) : null));
            if (run.SourceUrl is { } sourceUrl)
            {
                // With the run, not before it: a pass cut short leaves the old validators (or none),
                // so the next pass fetches the document again and finishes the work.
                ReplaceValidators(connection, transaction, run.SourceId, sourceUrl, run.SourceValidators, run.FinishedAt);
            }
        });
    }

    /// <summary>The state of one source, or null before its first run.</summary>
    public SourceState? GetSourceState(string sourceId) =>
        ReadSourceStates("WHERE source_id = $source", ("$source", sourceId)).FirstOrDefault();

    /// <summary>The state of every source that has run, by id.</summary>
    public IReadOnlyDictionary<string, SourceState> ReadSourceStates() =>
        ReadSourceStates("").ToDictionary(state => state.SourceId, StringComparer.Ordinal);

    private List<SourceState> ReadSourceStates(string where, params (string Name, object? Value)[] parameters) => Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT source_id, last_run_at, last_success_at, consecutive_failures, last_error, next_due_at
            FROM source_state {where};
            """;
        Bind(command, parameters);
        using var reader = command.ExecuteReader();
        var states = new List<SourceState>();
        while (reader.Read())
        {
            states.Add(new SourceState
            {
                SourceId = reader.GetString(0),
                LastRunAt = ParseTime(reader, 1),
                LastSuccessAt = ParseTime(reader, 2),
                ConsecutiveFailures = reader.GetInt32(3),
                LastError = reader.IsDBNull(4) ? null : reader.GetString(4),
                NextDueAt = ParseTime(reader, 5),
            });
        }
        return states;
    });

    /// <summary>The robots.txt answer kept for a host (scheme://name:port), if any.</summary>
    public StoredRobots? FindRobots(string hostKey) =>
        Read(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT body, unreachable, expires_at FROM robots_txt WHERE host = $host;";
            Bind(command, ("$host", hostKey));
            using var reader = command.ExecuteReader();
            return reader.Read()
                ? new StoredRobots(
                    reader.IsDBNull(0) ? null : (byte[])reader.GetValue(0),
                    reader.IsDBNull(1) ? null : reader.GetString(1),
                    ParseTime(reader, 2)!.Value)
                : null;
        });

    public void SaveRobots(string hostKey, StoredRobots robots) =>
        InWriteTransaction((connection, transaction) => Execute(connection, """
            INSERT INTO robots_txt (host, body, unreachable, expires_at) VALUES ($host, $body, $unreachable, $expires)
            ON CONFLICT (host) DO UPDATE SET body = excluded.body, unreachable = excluded.unreachable, expires_at = excluded.expires_at;
            """, transaction,
            ("$host", hostKey), ("$body", robots.Body), ("$unreachable", robots.Unreachable), ("$expires", Format(robots.ExpiresAt))));

    /// <summary>The validators <paramref name="sourceId"/> kept for <paramref name="url"/>, if any.</summary>
    public StoredValidators? FindValidators(string sourceId, string url) => Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT etag, last_modified FROM fetch_validators WHERE source_id = $source AND url = $url;";
        Bind(command, ("$source", sourceId), ("$url", url));
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new StoredValidators(reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1))
            : null;
    });

    /// <summary>Keeps (or, given null, forgets) the validators of a document a source fetched.</summary>
    public void SaveValidators(string sourceId, string url, StoredValidators? validators, DateTimeOffset now)
    {
        InWriteTransaction((connection, transaction) =>
        {
            ReplaceValidators(connection, transaction, sourceId, url, validators, now);
        });
    }

    private static void ReplaceValidators(
        SqliteConnection connection, SqliteTransaction transaction, string sourceId, string url, StoredValidators? validators, DateTimeOffset now)
    {
        if (validators is null || (validators.ETag is null && validators.LastModified is null))
        {
            Execute(connection, "DELETE FROM fetch_validators WHERE source_id = $source AND url = $url;", transaction,
                ("$source", sourceId), ("$url", url));
            return;
        }
        Execute(connection, """
            INSERT INTO fetch_validators (source_id, url, etag, last_modified, updated_at)
            VALUES ($source, $url, $etag, $modified, $now)
            ON CONFLICT (source_id, url) DO UPDATE SET
                etag = excluded.etag, last_modified = excluded.last_modified, updated_at = excluded.updated_at;
            """, transaction,
            ("$source", sourceId), ("$url", url), ("$etag", validators.ETag), ("$modified", validators.LastModified),
            ("$now", Format(now)));
    }

    private static DateTimeOffset? ParseTime(SqliteDataReader reader, int ordinal) =>
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
            try
            {
                connection = OpenConnection();
                ThrowIfGone(connection);
                T result;
                using (var transaction = connection.BeginTransaction())
                {
                    result = write(connection, transaction);
                    transaction.Commit();
                }
                ThrowIfGone(connection);
                return result;
            }
            catch (SqliteException e)
            {
                throw Problem(e, connection);
            }
            finally
            {
                connection?.Dispose();
            }
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
        try
        {
            connection = OpenConnection();
            ThrowIfGone(connection);
            return read(connection);
        }
        catch (SqliteException e)
        {
            throw Problem(e, connection);
        }
        finally
        {
            connection?.Dispose();
        }
    }

    private void ThrowIfGone(SqliteConnection connection)
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

    internal static long? FindArticleIdByUrl(SqliteConnection connection, SqliteTransaction? transaction, string url) =>
        Scalar(connection, "SELECT article_id FROM article_sightings WHERE url = $url LIMIT 1;", transaction, ("$url", url))
            is long id ? id : null;

    internal static long? FindArticleIdByHash(SqliteConnection connection, SqliteTransaction transaction, string hash) =>
        Scalar(connection, "SELECT id FROM articles WHERE content_hash = $hash;", transaction, ("$hash", hash))
            is long id ? id : null;

    private static long InsertArticle(SqliteConnection connection, SqliteTransaction transaction, ArticleRecord article)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO articles (source_id, url, title, byline, published_at, fetched_at, language, text,
                                  content_hash, site_name, image_url, description, html)
            VALUES ($source, $url, $title, $byline, $published, $fetched, $language, $text,
                    $hash, $site, $image, $description, $html)
            RETURNING id;
            """;
        Bind(command,
            ("$source", article.SourceId), ("$url", article.Url), ("$title", article.Title), ("$byline", article.Byline),
            ("$published", article.PublishedAt is { } published ? Format(published) : null),
            ("$fetched", Format(article.FetchedAt)), ("$language", article.Language), ("$text", article.Text),
            ("$hash", article.ContentHash), ("$site", article.SiteName), ("$image", article.ImageUrl),
            ("$description", article.Description), ("$html", article.Html));
        return (long)command.ExecuteScalar()!;
    }

    private static bool InsertSighting(
        SqliteConnection connection, SqliteTransaction? transaction, long articleId, string sourceId, string url, DateTimeOffset seenAt)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO article_sightings (article_id, source_id, url, seen_at)
            VALUES ($article, $source, $url, $seen)
            ON CONFLICT (source_id, url) DO NOTHING;
            """;
        Bind(command, ("$article", articleId), ("$source", sourceId), ("$url", url), ("$seen", Format(seenAt)));
        return command.ExecuteNonQuery() == 1;
    }

    private static void Execute(
        SqliteConnection connection, string sql, SqliteTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        Bind(command, parameters);
        command.ExecuteNonQuery();
    }

    private static int ExecuteCount(
        SqliteConnection connection, string sql, SqliteTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        Bind(command, parameters);
        return command.ExecuteNonQuery();
    }

    private static object? Scalar(
        SqliteConnection connection, string sql, SqliteTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
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
