using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NewsAggregator.Storage;

/// <summary>The passes of one source on one UTC day (by their <c>started_at</c>), summed from <c>runs</c>.</summary>
/// <param name="Runs">Passes started that day, finished or not.</param>
/// <param name="Stored">New articles stored (<c>new_articles</c>).</param>
/// <param name="Duplicates">Entries recognised as a story already stored and kept as sightings (<c>duplicates</c>).</param>
/// <param name="FailedEntries">Entries of otherwise working passes that could not be stored (<c>failed</c>).</param>
/// <param name="FailedRuns">Passes that failed as a whole (<c>error</c> set), not counting unfinished ones.</param>
public sealed record RunStats(DateOnly Day, string SourceId, long Runs, long Stored, long Duplicates, long FailedEntries, long FailedRuns);

/// <summary>
/// Sums the <c>runs</c> table per source and UTC day for <c>stats</c>, through
/// <see cref="ReadOnlyDatabase"/>: never creates, writes or migrates the file.
/// </summary>
public static class RunStatsQuery
{
    /// <summary>Rows for the passes started from <paramref name="firstDay"/> to <paramref name="lastDay"/> (UTC, both included), by day then source id.</summary>
    /// <exception cref="StorageException">The file is missing, not ours, damaged, locked or unreadable.</exception>
    public static IReadOnlyList<RunStats> Read(string path, DateOnly firstDay, DateOnly lastDay, StorageOptions? options = null) =>
        ReadOnlyDatabase.Read<IReadOnlyList<RunStats>>(path, options, (connection, _) => ReadRows(connection, firstDay, lastDay));

    private static List<RunStats> ReadRows(SqliteConnection connection, DateOnly firstDay, DateOnly lastDay)
    {
        using var command = connection.CreateCommand();
        // started_at is always NewsDatabase.Format's UTC "yyyy-MM-ddTHH:mm:ssZ", so its first ten
        // characters are the UTC day and comparing strings compares times. A pass still marked
        // unfinished is not a failure yet (it may be running now), so only other errors count.
        command.CommandText = """
            SELECT substr(started_at, 1, 10) AS day, source_id, count(*), sum(new_articles), sum(duplicates), sum(failed),
                   sum(CASE WHEN error IS NOT NULL AND error <> $unfinished THEN 1 ELSE 0 END)
            FROM runs
            WHERE started_at >= $since AND started_at < $before
            GROUP BY day, source_id
            ORDER BY day, source_id;
            """;
        command.Parameters.AddWithValue("$since", firstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        // Up to the end of lastDay, with no day after it to name: 9999-12-31 has none. Every
        // started_at of that day is the day, 'T' and the time, and '~' sorts after 'T'.
        command.Parameters.AddWithValue("$before", lastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "~");
        command.Parameters.AddWithValue("$unfinished", NewsDatabase.UnfinishedRun);
        using var reader = command.ExecuteReader();
        var rows = new List<RunStats>();
        while (reader.Read())
        {
            rows.Add(new RunStats(
                DateOnly.ParseExact(reader.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6)));
        }
        return rows;
    }
}
