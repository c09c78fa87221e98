using Microsoft.Data.Sqlite;

namespace NewsAggregator.Tests.TestWeb;

public sealed record StoredArticle(
    long Id, string SourceId, string Url, string? Title, string? Byline, string? PublishedAt, string Text, string? Html);

public sealed record StoredSighting(long ArticleId, string SourceId, string Url);

/// <summary>The rows a run left behind, read through the DESIGN.md table contract only.</summary>
public sealed record DatabaseSnapshot(
    IReadOnlyList<string> SourceIds, IReadOnlyList<StoredArticle> Articles, IReadOnlyList<StoredSighting> Sightings)
{
    public IEnumerable<StoredSighting> SightingsOf(StoredArticle article) =>
        Sightings.Where(sighting => sighting.ArticleId == article.Id);

    /// <summary>Every URL the database holds, of articles and of sightings.</summary>
    public IEnumerable<string> AllUrls => Articles.Select(a => a.Url).Concat(Sightings.Select(s => s.Url));
}

/// <summary>Reads the worker's SQLite file read-only and unpooled, so the file can be deleted right after.</summary>
public static class StoredRows
{
    public static DatabaseSnapshot Read(string path)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();

        var sourceIds = Query(connection, "SELECT id FROM sources ORDER BY id", row => row.GetString(0));
        var articles = Query(connection,
            "SELECT id, source_id, url, title, byline, published_at, text, html FROM articles ORDER BY id",
            row => new StoredArticle(
                row.GetInt64(0), row.GetString(1), row.GetString(2), NullableString(row, 3), NullableString(row, 4),
                NullableString(row, 5), row.IsDBNull(6) ? "" : row.GetString(6), NullableString(row, 7)));
        var sightings = Query(connection,
            "SELECT article_id, source_id, url FROM article_sightings ORDER BY article_id, source_id, url",
            row => new StoredSighting(row.GetInt64(0), row.GetString(1), row.GetString(2)));
        return new DatabaseSnapshot(sourceIds, articles, sightings);
    }

    private static List<T> Query<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> map)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }
        return rows;
    }

    // published_at may be stored as TEXT (ISO 8601) or absent; read whatever is there as text.
    private static string? NullableString(SqliteDataReader row, int ordinal) =>
        row.IsDBNull(ordinal) ? null : Convert.ToString(row.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);
}
