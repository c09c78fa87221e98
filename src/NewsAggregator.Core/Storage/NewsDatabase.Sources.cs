using System.Globalization;
using Microsoft.Data.Sqlite;
using NewsAggregator.Fetching;
using NewsAggregator.Sources;

namespace NewsAggregator.Storage;

/// <summary>Sources as the worker keeps them: their runs, state and backoff, the validators of what they fetched, and hosts' robots.txt answers.</summary>
public sealed partial class NewsDatabase
{
    /// <summary>
    /// The <c>error</c> of a <c>runs</c> row from <see cref="BeginRun"/> until <see cref="RecordRun"/>
    /// completes it: a row left so says the worker stopped (or could not write) before the pass ended.
    /// </summary>
    public const string UnfinishedRun = "unfinished: the pass was still running, or the worker stopped before it could record its end";

    /// <summary>Mirrors sources.json into <c>sources</c>; sources no longer listed stay (their articles refer to them).</summary>
    public void SyncSources(IEnumerable<Source> sources, DateTimeOffset now)
    {
        InWriteTransaction((connection, transaction) =>
        {
            var command = Statements.For(connection, transaction, """
                INSERT INTO sources (id, name, type, url, enabled, updated_at)
                VALUES ($id, $name, $type, $url, $enabled, $now)
                ON CONFLICT (id) DO UPDATE SET
                    name = excluded.name, type = excluded.type, url = excluded.url,
                    enabled = excluded.enabled, updated_at = excluded.updated_at
                WHERE name IS NOT excluded.name OR type IS NOT excluded.type
                   OR url IS NOT excluded.url OR enabled IS NOT excluded.enabled;
                """);
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

    /// <summary>The counters of a <c>runs</c> row that the storing transactions keep.</summary>
    private enum RunCount
    {
        NewArticles,
        Duplicates,
        Upgraded,
    }

    /// <summary>One more stored row in the pass's counts; <c>finished_at</c> says when, until the pass records its end.</summary>
    private static void CountInRun(SqliteConnection connection, SqliteTransaction transaction, RunId run, RunCount count, DateTimeOffset at) =>
        Execute(connection, count switch
            {
                RunCount.NewArticles => "UPDATE runs SET new_articles = new_articles + 1, finished_at = max(finished_at, $at) WHERE id = $run;",
                RunCount.Upgraded => "UPDATE runs SET upgraded = upgraded + 1, finished_at = max(finished_at, $at) WHERE id = $run;",
                _ => "UPDATE runs SET duplicates = duplicates + 1, finished_at = max(finished_at, $at) WHERE id = $run;",
            },
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
                    INSERT INTO runs (source_id, started_at, finished_at, new_articles, duplicates, failed, known, error, entry_problems, upgraded)
                    VALUES ($source, $started, $finished, $new, $duplicates, $failed, $known, $error, $problems, $upgraded);
                    """, transaction,
                    ("$source", run.SourceId), ("$started", Format(run.StartedAt)), ("$finished", Format(run.FinishedAt)),
                    ("$new", run.NewArticles), ("$duplicates", run.Duplicates), ("$failed", run.Failed),
                    ("$known", run.Known), ("$error", run.Error), ("$problems", problems), ("$upgraded", run.Upgraded));
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
            WriteEntryRetries(connection, transaction, run);
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
        var command = Statements.For(connection, null, $"""
            SELECT source_id, last_run_at, last_success_at, consecutive_failures, last_error, next_due_at
            FROM source_state {where};
            """);
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
            var command = Statements.For(connection, null, "SELECT body, unreachable, expires_at FROM robots_txt WHERE host = $host;");
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
    public CacheValidators? FindValidators(string sourceId, string url) => Read(connection =>
    {
        var command = Statements.For(connection, null, "SELECT etag, last_modified FROM fetch_validators WHERE source_id = $source AND url = $url;");
        Bind(command, ("$source", sourceId), ("$url", url));
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadValidators(reader, 0) : null;
    });

    /// <summary>
    /// The validators <paramref name="sourceId"/> keeps for any of <paramref name="urls"/>, by URL:
    /// a pass's pages asked at once, as <see cref="FindValidators(string, string)"/> would one by one.
    /// </summary>
    public IReadOnlyDictionary<string, CacheValidators> FindValidators(string sourceId, IEnumerable<string> urls) => Read(connection =>
    {
        var command = Statements.For(connection, null,
            "SELECT url, etag, last_modified FROM fetch_validators WHERE source_id = $source AND url IN (SELECT value FROM json_each($urls));");
        Bind(command, ("$source", sourceId), ("$urls", JsonArray(urls)));
        using var reader = command.ExecuteReader();
        var validators = new Dictionary<string, CacheValidators>(StringComparer.Ordinal);
        while (reader.Read())
        {
            if (ReadValidators(reader, 1) is { } kept)
            {
                validators[reader.GetString(0)] = kept;
            }
        }
        return validators;
    });

    // The etag and last-modified columns from the given one on.
    private static CacheValidators? ReadValidators(SqliteDataReader reader, int etag) =>
        CacheValidators.OrNull(reader.IsDBNull(etag) ? null : reader.GetString(etag), reader.IsDBNull(etag + 1) ? null : reader.GetString(etag + 1));

    /// <summary>Keeps (or, given null, forgets) the validators of a document a source fetched.</summary>
    public void SaveValidators(string sourceId, string url, CacheValidators? validators, DateTimeOffset now)
    {
        InWriteTransaction((connection, transaction) =>
        {
            ReplaceValidators(connection, transaction, sourceId, url, validators, now);
        });
    }

    private static void ReplaceValidators(
        SqliteConnection connection, SqliteTransaction transaction, string sourceId, string url, CacheValidators? validators, DateTimeOffset now)
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
}
