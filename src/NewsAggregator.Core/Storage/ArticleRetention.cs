using Microsoft.Data.Sqlite;
using NewsAggregator.Dedup;

namespace NewsAggregator.Storage;

/// <summary>
/// The SQL of <c>prune</c>: which articles go, and every row that goes with them. Each batch runs
/// in the caller's write transaction (<see cref="NewsDatabase.Prune"/>).
/// </summary>
/// <remarks>
/// "First seen" is <c>articles.fetched_at</c>: the fetch time of the story's first copy, which is
/// also its first sighting's <c>seen_at</c> (both written by the transaction that stores the story,
/// and never changed by a later copy or a longer text), and it is indexed, so a batch is a range of
/// that index.
/// <para>
/// The newest article (highest <c>id</c>) is never deleted, however old: SQLite gives a new row the
/// highest id plus one, so deleting it would hand its id to the next story. A pipeline that keeps
/// copies by id would take that story for the deleted one, and the worker's held band keys
/// (<see cref="RecentBands"/>) tell their copy is stale by the highest id, which must only grow.
/// </para>
/// </remarks>
internal static class ArticleRetention
{
    /// <summary>
    /// Every table with rows keyed by an article's id, with the column that holds it (indexed, so a
    /// batch's rows are found without a scan): an article's rows there are deleted with it, before
    /// it. <c>near_duplicate_bands</c> is keyed by band key, so it is not here: an article's rows
    /// there are found from its text (<see cref="DeleteBandKeys"/>). Full-text rows follow
    /// <c>articles</c> by its own triggers.
    /// </summary>
    public static readonly ArticleKeyedTable[] DependentTables =
    [
        new("article_sightings", "article_id"),
        new("near_duplicate_sketches", "article_id"),
        new("near_duplicate_recent", "article_id"),
        // Its foreign key would cascade too; listed so that the prune counts what it deletes.
        new("article_pages", "article_id"),
    ];

    public const string BandTable = "near_duplicate_bands";

    /// <summary>The articles a prune with cutoff <c>$cutoff</c> deletes, as a subquery of their ids.</summary>
    private const string DoomedIds =
        "SELECT id FROM articles WHERE fetched_at < $cutoff AND id < (SELECT max(id) FROM articles)";

    /// <summary>
    /// The articles to delete, oldest first, with their texts (for their band keys): the next
    /// <paramref name="limit"/> of them (-1: all), read as they are consumed.
    /// </summary>
    public static IEnumerable<(long Id, string Text)> Doomed(SqliteConnection connection, SqliteTransaction? transaction, string cutoff, int limit)
    {
        var command = Statements.For(connection, transaction, $"""
            SELECT id, text FROM articles
            WHERE fetched_at < $cutoff AND id < (SELECT max(id) FROM articles)
            ORDER BY fetched_at, id LIMIT $limit;
            """);
        command.Parameters.AddWithValue("$cutoff", cutoff);
        command.Parameters.AddWithValue("$limit", limit);
        using var rows = command.ExecuteReader();
        while (rows.Read())
        {
            yield return (rows.GetInt64(0), rows.GetString(1));
        }
    }

    /// <summary>How many articles a prune with this cutoff deletes.</summary>
    public static long CountArticles(SqliteConnection connection, SqliteTransaction transaction, string cutoff) =>
        Count(connection, transaction, $"SELECT count(*) FROM ({DoomedIds});", cutoff);

    /// <summary>How many rows of <paramref name="table"/> go with those articles.</summary>
    public static long CountRows(SqliteConnection connection, SqliteTransaction transaction, ArticleKeyedTable table, string cutoff) =>
        Count(connection, transaction, $"SELECT count(*) FROM {table.Name} WHERE {table.ArticleColumn} IN ({DoomedIds});", cutoff);

    /// <summary>How many distinct URLs those articles are known at (what the prune would remember).</summary>
    public static long CountUrls(SqliteConnection connection, SqliteTransaction transaction, string cutoff) => Count(connection, transaction, $"""
        SELECT count(*) FROM (
            SELECT url FROM article_sightings WHERE article_id IN ({DoomedIds})
            UNION SELECT url FROM articles WHERE id IN ({DoomedIds}));
        """, cutoff);

    /// <summary>How many remembered URLs no source has listed since the cutoff.</summary>
    public static long CountForgettable(SqliteConnection connection, SqliteTransaction transaction, string cutoff) =>
        Count(connection, transaction, "SELECT count(*) FROM pruned_urls WHERE listed_at < $cutoff;", cutoff);

    private static long Count(SqliteConnection connection, SqliteTransaction transaction, string sql, string cutoff)
    {
        var command = Statements.For(connection, transaction, sql);
        command.Parameters.AddWithValue("$cutoff", cutoff);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>
    /// The band keys the articles are indexed under, worked out again from their texts (as a text
    /// upgrade removes them), each pair counted in <c>near_duplicate_bands</c> or, with
    /// <paramref name="delete"/>, deleted from it. Keys still held in <c>near_duplicate_recent</c>
    /// go with its row.
    /// </summary>
    public static long DeleteBandKeys(
        SqliteConnection connection, SqliteTransaction? transaction, IEnumerable<(long Id, string Text)> articles, bool delete)
    {
        var command = Statements.For(connection, transaction, delete
            ? "DELETE FROM near_duplicate_bands WHERE band_key = $key AND article_id = $article;"
            : "SELECT count(*) FROM near_duplicate_bands WHERE band_key = $key AND article_id = $article;");
        var key = command.Parameters.Add("$key", SqliteType.Integer);
        var article = command.Parameters.Add("$article", SqliteType.Integer);
        long rows = 0;
        foreach (var (id, text) in articles)
        {
            article.Value = id;
            foreach (var value in LshBands.KeysOf(StoryShingles.Of(text)))
            {
                key.Value = value;
                rows += delete ? command.ExecuteNonQuery() : (long)command.ExecuteScalar()!;
            }
        }
        return rows;
    }

    /// <summary>Remembers the URLs the articles were known at (every sighting's and the article's own) as pruned at <paramref name="now"/>.</summary>
    public static long RememberUrls(SqliteConnection connection, SqliteTransaction transaction, string ids, string now)
    {
        // The sightings first: a URL the story was seen at under several sources is one row.
        var sightings = Statements.For(connection, transaction, """
            INSERT OR REPLACE INTO pruned_urls (url, article_id, pruned_at, listed_at)
            SELECT DISTINCT url, article_id, $now, $now FROM article_sightings WHERE article_id IN (SELECT value FROM json_each($ids));
            """);
        sightings.Parameters.AddWithValue("$ids", ids);
        sightings.Parameters.AddWithValue("$now", now);
        var own = Statements.For(connection, transaction, """
            INSERT OR IGNORE INTO pruned_urls (url, article_id, pruned_at, listed_at)
            SELECT url, id, $now, $now FROM articles WHERE id IN (SELECT value FROM json_each($ids));
            """);
        own.Parameters.AddWithValue("$ids", ids);
        own.Parameters.AddWithValue("$now", now);
        return sightings.ExecuteNonQuery() + own.ExecuteNonQuery();
    }

    /// <summary>Deletes <paramref name="table"/>'s rows of the articles whose ids <paramref name="ids"/> holds (a JSON array).</summary>
    public static long DeleteRows(SqliteConnection connection, SqliteTransaction transaction, ArticleKeyedTable table, string ids)
    {
        var command = Statements.For(connection, transaction,
            $"DELETE FROM {table.Name} WHERE {table.ArticleColumn} IN (SELECT value FROM json_each($ids));");
        command.Parameters.AddWithValue("$ids", ids);
        return command.ExecuteNonQuery();
    }

    public static long DeleteArticles(SqliteConnection connection, SqliteTransaction transaction, string ids)
    {
        var command = Statements.For(connection, transaction, "DELETE FROM articles WHERE id IN (SELECT value FROM json_each($ids));");
        command.Parameters.AddWithValue("$ids", ids);
        return command.ExecuteNonQuery();
    }

    /// <summary>Forgets up to <paramref name="limit"/> remembered URLs no source has listed since the cutoff.</summary>
    public static long ForgetUrls(SqliteConnection connection, SqliteTransaction transaction, string cutoff, int limit) =>
        ForgetBefore(connection, transaction, "pruned_urls", "url", "listed_at", cutoff, limit);

    /// <summary>Deletes up to <paramref name="limit"/> rows of <paramref name="table"/> (keyed by <paramref name="key"/>) whose <paramref name="time"/> is before the cutoff.</summary>
    public static long ForgetBefore(
        SqliteConnection connection, SqliteTransaction transaction, string table, string key, string time, string cutoff, int limit)
    {
        var command = Statements.For(connection, transaction,
            $"DELETE FROM {table} WHERE {key} IN (SELECT {key} FROM {table} WHERE {time} < $cutoff LIMIT $limit);");
        command.Parameters.AddWithValue("$cutoff", cutoff);
        command.Parameters.AddWithValue("$limit", limit);
        return command.ExecuteNonQuery();
    }

    /// <summary>Whether <paramref name="url"/> is the URL of an article a prune deleted.</summary>
    public static bool IsRemembered(SqliteConnection connection, string url)
    {
        var command = Statements.For(connection, null, "SELECT 1 FROM pruned_urls WHERE url = $url;");
        command.Parameters.AddWithValue("$url", url);
        return command.ExecuteScalar() is not null;
    }

    /// <summary>Notes that a source still lists the pruned <paramref name="url"/>, which keeps it remembered.</summary>
    public static void MarkListed(SqliteConnection connection, SqliteTransaction transaction, string url, string now)
    {
        var command = Statements.For(connection, transaction, "UPDATE pruned_urls SET listed_at = max(listed_at, $now) WHERE url = $url;");
        command.Parameters.AddWithValue("$url", url);
        command.Parameters.AddWithValue("$now", now);
        command.ExecuteNonQuery();
    }
}

/// <summary>A table with rows keyed by an article's id, and the column that holds the id.</summary>
internal readonly record struct ArticleKeyedTable(string Name, string ArticleColumn);
