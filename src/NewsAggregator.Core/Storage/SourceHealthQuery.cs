using Microsoft.Data.Sqlite;

namespace NewsAggregator.Storage;

/// <summary>A source as the database knows it: its row in <c>sources</c>, its state, and the articles it stored.</summary>
/// <param name="State">Null when the source has never finished a pass.</param>
/// <param name="Articles">Rows of <c>articles</c> whose <c>source_id</c> is this source (the source that stored the story first); sightings of other sources' stories are not counted.</param>
/// <param name="GivenUpEntries">Entries of the source given up after failing too often (<c>entry_retries</c>), and so no longer asked for.</param>
public sealed record StoredSourceHealth(string Id, string Name, bool Enabled, SourceState? State, long Articles, long GivenUpEntries = 0);

/// <summary>
/// Reads the sources' health for reports (<c>sources list</c>) without ever writing, through
/// <see cref="ReadOnlyDatabase"/>: a missing file is refused, not created; nothing is migrated.
/// </summary>
public static class SourceHealthQuery
{
    // Migration 3 added source_state.next_due_at; older files are read without it.
    private const int NextDueVersion = 3;

    /// <exception cref="StorageException">The file is missing, not ours, damaged, locked or unreadable.</exception>
    public static IReadOnlyList<StoredSourceHealth> Read(string path, StorageOptions? options = null) =>
        ReadOnlyDatabase.Read<IReadOnlyList<StoredSourceHealth>>(path, options, ReadRows);

    private static List<StoredSourceHealth> ReadRows(SqliteConnection connection, int version)
    {
        using var command = connection.CreateCommand();
        var nextDue = version >= NextDueVersion ? "st.next_due_at" : "NULL";
        // Asked of the file, not of its version: the table's migration may sit at any step.
        var givenUp = HasTable(connection, "entry_retries")
            ? "(SELECT count(*) FROM entry_retries r WHERE r.source_id = s.id AND r.gave_up_at IS NOT NULL)"
            : "0";
        // One statement, so one read transaction: the counts match the states. articles has no
        // index on source_id, so the counts are one grouped scan rather than one scan per source.
        command.CommandText = $"""
            SELECT s.id, s.name, s.enabled, st.source_id, st.last_run_at, st.last_success_at,
                   st.consecutive_failures, st.last_error, {nextDue}, coalesce(c.articles, 0), {givenUp}
            FROM sources s
            LEFT JOIN source_state st ON st.source_id = s.id
            LEFT JOIN (SELECT source_id, count(*) AS articles FROM articles GROUP BY source_id) c ON c.source_id = s.id
            ORDER BY s.id;
            """;
        using var reader = command.ExecuteReader();
        var rows = new List<StoredSourceHealth>();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            var state = reader.IsDBNull(3) ? null : new SourceState
            {
                SourceId = id,
                LastRunAt = NewsDatabase.ParseTime(reader, 4),
                LastSuccessAt = NewsDatabase.ParseTime(reader, 5),
                ConsecutiveFailures = reader.GetInt32(6),
                LastError = reader.IsDBNull(7) ? null : reader.GetString(7),
                NextDueAt = NewsDatabase.ParseTime(reader, 8),
            };
            rows.Add(new StoredSourceHealth(id, reader.GetString(1), reader.GetInt64(2) != 0, state, reader.GetInt64(9), reader.GetInt64(10)));
        }
        return rows;
    }

    private static bool HasTable(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = $name;";
        command.Parameters.AddWithValue("$name", name);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }
}
