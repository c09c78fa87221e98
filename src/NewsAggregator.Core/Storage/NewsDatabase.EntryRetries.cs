using Microsoft.Data.Sqlite;

namespace NewsAggregator.Storage;

/// <summary>Entries whose article could not be had, each with its own retry state (<c>entry_retries</c>).</summary>
public sealed partial class NewsDatabase
{
    /// <summary>
    /// How long a given-up entry is remembered. Feeds list an entry for days, rarely for weeks: a
    /// row kept longer would only grow the table with links no feed names any more. A feed that
    /// still lists one after that costs it a fresh series of attempts.
    /// </summary>
    public static readonly TimeSpan GivenUpKeptFor = TimeSpan.FromDays(30);

    private const string EntryRetryColumns =
        "source_id, url, failures, first_failed_at, last_failed_at, next_attempt_at, last_error, gave_up_at";

    /// <summary>The retry state <paramref name="sourceId"/> keeps for the entry at <paramref name="url"/> (canonical), if any.</summary>
    public EntryRetryState? FindEntryRetry(string sourceId, string url) => Read(connection =>
    {
        var command = Statements.For(connection, null,
            $"SELECT {EntryRetryColumns} FROM entry_retries WHERE source_id = $source AND url = $url;");
        Bind(command, ("$source", sourceId), ("$url", url));
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadEntryRetry(reader) : null;
    });

    /// <summary>
    /// The retry states <paramref name="sourceId"/> keeps for any of <paramref name="urls"/>
    /// (canonical), by URL: a pass's entries asked at once, as <see cref="FindEntryRetry"/> would
    /// one by one.
    /// </summary>
    public IReadOnlyDictionary<string, EntryRetryState> FindEntryRetries(string sourceId, IEnumerable<string> urls) => Read(connection =>
    {
        var command = Statements.For(connection, null,
            $"SELECT {EntryRetryColumns} FROM entry_retries WHERE source_id = $source AND url IN (SELECT value FROM json_each($urls));");
        Bind(command, ("$source", sourceId), ("$urls", JsonArray(urls)));
        using var reader = command.ExecuteReader();
        var states = new Dictionary<string, EntryRetryState>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var state = ReadEntryRetry(reader);
            states[state.Url] = state;
        }
        return states;
    });

    /// <summary>The source's entries due for another attempt at <paramref name="now"/>, the longest waiting first, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<EntryRetryState> ReadDueEntryRetries(string sourceId, DateTimeOffset now, int limit) => Read(connection =>
    {
        var command = Statements.For(connection, null, $"""
            SELECT {EntryRetryColumns} FROM entry_retries
            WHERE source_id = $source AND next_attempt_at <= $now
            ORDER BY next_attempt_at, url LIMIT $limit;
            """);
        Bind(command, ("$source", sourceId), ("$now", Format(now)), ("$limit", limit));
        using var reader = command.ExecuteReader();
        var due = new List<EntryRetryState>();
        while (reader.Read())
        {
            due.Add(ReadEntryRetry(reader));
        }
        return due;
    });

    /// <summary>
    /// Writes a pass's changes to its entries' retry states, inside <see cref="RecordRun"/>'s
    /// transaction: the states, the feed's validators and the run's end are kept together or not at all.
    /// </summary>
    private static void WriteEntryRetries(SqliteConnection connection, SqliteTransaction transaction, SourceRunRecord run)
    {
        foreach (var state in run.EntryRetries)
        {
            Execute(connection, $"""
                INSERT INTO entry_retries ({EntryRetryColumns})
                VALUES ($source, $url, $failures, $first, $last, $next, $error, $gaveUp)
                ON CONFLICT (source_id, url) DO UPDATE SET
                    failures = excluded.failures, first_failed_at = excluded.first_failed_at,
                    last_failed_at = excluded.last_failed_at, next_attempt_at = excluded.next_attempt_at,
                    last_error = excluded.last_error, gave_up_at = excluded.gave_up_at;
                """, transaction,
                ("$source", run.SourceId), ("$url", state.Url), ("$failures", state.Failures),
                ("$first", Format(state.FirstFailedAt)), ("$last", Format(state.LastFailedAt)),
                ("$next", state.NextAttemptAt is { } next ? Format(next) : null), ("$error", state.LastError),
                ("$gaveUp", state.GaveUpAt is { } gaveUp ? Format(gaveUp) : null));
        }
        foreach (var url in run.RecoveredEntries)
        {
            Execute(connection, "DELETE FROM entry_retries WHERE source_id = $source AND url = $url;", transaction,
                ("$source", run.SourceId), ("$url", url));
        }
        Execute(connection, "DELETE FROM entry_retries WHERE source_id = $source AND gave_up_at < $forgotten;", transaction,
            ("$source", run.SourceId), ("$forgotten", Format(run.FinishedAt - GivenUpKeptFor)));
    }

    private static EntryRetryState ReadEntryRetry(SqliteDataReader reader) => new()
    {
        SourceId = reader.GetString(0),
        Url = reader.GetString(1),
        Failures = reader.GetInt32(2),
        FirstFailedAt = ParseTime(reader, 3)!.Value,
        LastFailedAt = ParseTime(reader, 4)!.Value,
        NextAttemptAt = ParseTime(reader, 5),
        LastError = reader.GetString(6),
        GaveUpAt = ParseTime(reader, 7),
    };
}
