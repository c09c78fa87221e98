using System.Globalization;
using Microsoft.Data.Sqlite;
using NewsAggregator.Dedup;
using NewsAggregator.Sources;

namespace NewsAggregator.Storage;

/// <summary>
/// The SQLite file: the only place that speaks SQL. WAL mode lets pipelines read while we
/// write; every article is stored in one transaction, so a crash never leaves half of one.
/// Each call opens a pooled connection, which makes the type safe to share between threads.
/// </summary>
public sealed class NewsDatabase
{
    private readonly string _connectionString;
    // SQLite allows one writer at a time; queueing our own writers here is cheaper than
    // letting them spin on SQLITE_BUSY, and leaves the busy timeout for other processes.
    private readonly Lock _writeLock = new();

    public string Path { get; }

    // SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE
    private const int NoCheckpointOnClose = 1006;

    private NewsDatabase(string path)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>Opens (creating if needed) the database and brings its schema up to date.</summary>
    /// <exception cref="StorageException">The file is not a usable database.</exception>
    public static NewsDatabase Open(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(fullPath);
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new StorageException($"{path}: the folder {directory} does not exist");
        }
        var database = new NewsDatabase(fullPath);
        try
        {
            if (!File.Exists(fullPath))
            {
                CreateInPlace(fullPath);
            }
            database.Migrate();
        }
        catch (SqliteException e)
        {
            throw new StorageException($"{path}: cannot use the database: {e.Message}", e);
        }
        return database;
    }

    /// <summary>
    /// A new database is built beside its final name and renamed into place, already in WAL mode
    /// and migrated: a reader that finds the file never meets the moment a fresh file is switched
    /// to WAL (which locks readers out), and a crash while creating leaves no half-made file.
    /// </summary>
    private static void CreateInPlace(string fullPath)
    {
        var building = $"{fullPath}.new-{Environment.ProcessId}-{Guid.NewGuid():N}";
        var draft = new NewsDatabase(building);
        try
        {
            draft.Migrate();
            // Everything into the main file: only that file is renamed.
            draft.Checkpoint("TRUNCATE");
            draft.Close();
            try
            {
                // Not overwriting: if another worker created the file meanwhile, that one is used.
                File.Move(building, fullPath, overwrite: false);
            }
            catch (IOException) when (File.Exists(fullPath))
            {
            }
        }
        finally
        {
            draft.Close();
            foreach (var leftover in new[] { building, building + "-wal", building + "-shm" })
            {
                File.Delete(leftover);
            }
        }
    }

    /// <summary>
    /// Copies what the write-ahead log holds into the database file (without waiting for readers)
    /// and releases pooled connections, so the file can be moved or deleted.
    /// </summary>
    public void Close()
    {
        Checkpoint("PASSIVE");
        SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
    }

    private void Checkpoint(string mode)
    {
        try
        {
            using var connection = OpenConnection();
            Execute(connection, $"PRAGMA wal_checkpoint({mode});");
        }
        catch (SqliteException)
        {
            // The file is gone or unusable: nothing to copy, and Close must not fail over it.
        }
    }

    internal SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // By default the last connection to close checkpoints the log and deletes it under an
        // exclusive lock, which a pipeline opening the file at that moment sees as "database is
        // locked". Leaving the log in place spares readers that; Close checkpoints passively.
        SQLitePCL.raw.sqlite3_db_config(connection.Handle, NoCheckpointOnClose, 1, out _);
        using var pragmas = connection.CreateCommand();
        // Reads through a memory map of up to 2 GiB (SQLite's usual ceiling) share the OS page cache
        // across connections and skip a system call a page: the near-duplicate lookup at a million
        // articles takes less than half the time (tests/NewsAggregator.Benchmarks, near-duplicate-index).
        pragmas.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA mmap_size = 2147483648;";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    private void Migrate()
    {
        using var connection = OpenConnection();
        Execute(connection, "PRAGMA journal_mode = WAL;");
        var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"), CultureInfo.InvariantCulture);
        if (version > Schema.Migrations.Length)
        {
            throw new StorageException(
                $"{Path}: schema version {version} is newer than this program knows ({Schema.Migrations.Length}); upgrade NewsAggregator");
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

    public int SchemaVersion
    {
        get
        {
            using var connection = OpenConnection();
            return Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"), CultureInfo.InvariantCulture);
        }
    }

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
    public long? FindArticleIdByUrl(string url)
    {
        using var connection = OpenConnection();
        return FindArticleIdByUrl(connection, null, url);
    }

    /// <summary>Records that <paramref name="sourceId"/> showed the article at <paramref name="url"/>.</summary>
    /// <returns>True when this (source, url) had not been recorded before.</returns>
    public bool AddSighting(long articleId, string sourceId, string url, DateTimeOffset seenAt)
    {
        lock (_writeLock)
        {
            using var connection = OpenConnection();
            return InsertSighting(connection, null, articleId, sourceId, url, seenAt);
        }
    }

    /// <summary>
    /// Stores a new story, or records it as a sighting of the story already stored under the
    /// same URL, the same text, the canonical URL its page declares, or a near-duplicate text
    /// (see <see cref="NearDuplicateRule"/>): all in one transaction.
    /// </summary>
    public StoreOutcome StoreArticle(ArticleRecord article)
    {
        // Shingling is work on this article alone: done before queueing for the write lock.
        var shingles = StoryShingles.Of(article.Text);
        var keys = LshBands.KeysOf(shingles);
        return InWriteTransaction((connection, transaction) =>
        {
            StoreOutcome outcome;
            if (FindArticleIdByUrl(connection, transaction, article.Url) is { } known)
            {
                outcome = new StoreOutcome(StoreOutcomeKind.KnownUrl, known);
            }
            else if (article.ContentHash is not null && FindArticleIdByHash(connection, transaction, article.ContentHash) is { } same)
            {
                outcome = new StoreOutcome(StoreOutcomeKind.SameText, same);
            }
            else if (NearDuplicateIndex.FindCopied(connection, transaction, article, shingles, keys,
                         article.DeclaredCanonicalUrl is { } declared ? FindArticleIdByUrl(connection, transaction, declared) : null)
                     is { } copied)
            {
                outcome = copied;
            }
            else
            {
                outcome = new StoreOutcome(StoreOutcomeKind.Stored, InsertArticle(connection, transaction, article));
                NearDuplicateIndex.Add(connection, transaction, outcome.ArticleId, keys);
            }

            InsertSighting(connection, transaction, outcome.ArticleId, article.SourceId, article.Url, article.FetchedAt);
            foreach (var other in article.AlsoSeenAt)
            {
                InsertSighting(connection, transaction, outcome.ArticleId, article.SourceId, other, article.FetchedAt);
            }
            return outcome;
        });
    }

    /// <summary>Keeps the outcome of one pass over a source and updates its state.</summary>
    public void RecordRun(SourceRunRecord run)
    {
        InWriteTransaction((connection, transaction) =>
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO runs (source_id, started_at, finished_at, new_articles, duplicates, failed, known, error, entry_problems)
                VALUES ($source, $started, $finished, $new, $duplicates, $failed, $known, $error, $problems);

                INSERT INTO source_state (source_id, last_run_at, last_success_at, consecutive_failures, last_error)
                VALUES ($source, $finished, CASE WHEN $error IS NULL THEN $finished END,
                        CASE WHEN $error IS NULL THEN 0 ELSE 1 END, $error)
                ON CONFLICT (source_id) DO UPDATE SET
                    last_run_at = excluded.last_run_at,
                    last_success_at = coalesce(excluded.last_success_at, source_state.last_success_at),
                    consecutive_failures = CASE WHEN $error IS NULL THEN 0 ELSE source_state.consecutive_failures + 1 END,
                    last_error = excluded.last_error;
                """;
            Bind(insert,
                ("$source", run.SourceId), ("$started", Format(run.StartedAt)), ("$finished", Format(run.FinishedAt)),
                ("$new", run.NewArticles), ("$duplicates", run.Duplicates), ("$failed", run.Failed),
                ("$known", run.Known), ("$error", run.Error),
                ("$problems", run.EntryProblems.Count == 0 ? null : string.Join('\n', run.EntryProblems)));
            insert.ExecuteNonQuery();

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

    private List<SourceState> ReadSourceStates(string where, params (string Name, object? Value)[] parameters)
    {
        using var connection = OpenConnection();
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
    }

    /// <summary>The validators <paramref name="sourceId"/> kept for <paramref name="url"/>, if any.</summary>
    public StoredValidators? FindValidators(string sourceId, string url)
    {
        using var connection = OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT etag, last_modified FROM fetch_validators WHERE source_id = $source AND url = $url;";
        Bind(command, ("$source", sourceId), ("$url", url));
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new StoredValidators(reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1))
            : null;
    }

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
    /// on SQLITE_BUSY, and leaves the busy timeout for other processes.
    /// </summary>
    private T InWriteTransaction<T>(Func<SqliteConnection, SqliteTransaction, T> write)
    {
        lock (_writeLock)
        {
            using var connection = OpenConnection();
            using var transaction = connection.BeginTransaction();
            var result = write(connection, transaction);
            transaction.Commit();
            return result;
        }
    }

    private void InWriteTransaction(Action<SqliteConnection, SqliteTransaction> write) =>
        InWriteTransaction<object?>((connection, transaction) =>
        {
            write(connection, transaction);
            return null;
        });

    private static long? FindArticleIdByUrl(SqliteConnection connection, SqliteTransaction? transaction, string url) =>
        Scalar(connection, "SELECT article_id FROM article_sightings WHERE url = $url LIMIT 1;", transaction, ("$url", url))
            is long id ? id : null;

    private static long? FindArticleIdByHash(SqliteConnection connection, SqliteTransaction transaction, string hash) =>
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
