using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NewsAggregator.Storage;

/// <summary>One article a search found, best first.</summary>
/// <param name="PublishedAt">As stored (ISO 8601 UTC), or null when the page gave no date.</param>
/// <param name="FetchedAt">When the story was first seen, as stored.</param>
/// <param name="Sightings">Rows of <c>article_sightings</c>: every (source, URL) the story was seen at.</param>
/// <param name="Score">Relevance, higher is better: minus SQLite's bm25 with <see cref="SearchQuery.TitleWeight"/>.</param>
/// <param name="Snippet">
/// A few words of the text around the matches, on one line, matches between <see cref="SearchQuery.MatchStart"/>
/// and <see cref="SearchQuery.MatchEnd"/>, cuts marked with <see cref="SearchQuery.Ellipsis"/>.
/// </param>
public sealed record SearchHit(
    long Id, string? Title, string Url, string? PublishedAt, string FetchedAt, long Sightings, double Score, string Snippet);

/// <summary>The query is not one FTS5 understands (a stray quote or operator, an unknown column); the message is SQLite's reason.</summary>
public sealed class MalformedSearchException(string reason, Exception inner) : Exception(reason, inner);

/// <summary>
/// <c>search</c>'s read side: the FTS5 index <c>articles_fts</c> (migration 13 of <see cref="Schema"/>)
/// asked in FTS5's query syntax, ranked by bm25, through <see cref="ReadOnlyDatabase"/> (never
/// creates, writes or migrates the file).
/// </summary>
public static class SearchQuery
{
    /// <summary>
    /// bm25's weight of a match in the title against one in the text (1): a story about a word
    /// usually has it in its headline, while a text may mention it once in passing.
    /// </summary>
    public const double TitleWeight = 5.0;

    public const string MatchStart = "[";
    public const string MatchEnd = "]";
    public const string Ellipsis = "…";

    /// <summary>Words of the text a snippet shows at most (FTS5 allows 64).</summary>
    public const int SnippetWords = 20;

    /// <summary>
    /// The index is asked alone, in rank order, for the first <c>$limit</c> rows, and snippets are
    /// made for those only: FTS5 sorts by <c>rank</c> itself, and a snippet re-reads and tokenizes
    /// its article's text, which for a common word over every match would cost more than the
    /// search. Column 1 is the text: the title is shown beside the snippet already.
    /// </summary>
    private static readonly string Sql = string.Create(CultureInfo.InvariantCulture, $"""
        SELECT a.id, a.title, a.url, a.published_at, a.fetched_at,
               (SELECT count(*) FROM article_sightings s WHERE s.article_id = a.id),
               found.rank, found.snippet
        FROM (SELECT rowid, rank, snippet(articles_fts, 1, $start, $end, $ellipsis, {SnippetWords}) AS snippet
              FROM articles_fts
              WHERE articles_fts MATCH $query AND rank MATCH 'bm25({TitleWeight:0.0}, 1.0)'
              ORDER BY rank
              LIMIT $limit) AS found
        JOIN articles a ON a.id = found.rowid
        ORDER BY found.rank, a.id;
        """);

    /// <summary>The <paramref name="limit"/> best matches of <paramref name="query"/> (FTS5 syntax), best first.</summary>
    /// <exception cref="MalformedSearchException">FTS5 cannot parse the query.</exception>
    /// <exception cref="StorageException">The file is missing, not ours, from before the index, damaged, locked or unreadable.</exception>
    public static IReadOnlyList<SearchHit> Read(string path, string query, int limit, StorageOptions? options = null) =>
        ReadOnlyDatabase.Read<IReadOnlyList<SearchHit>>(path, options, (connection, version) =>
        {
            if (version < Schema.FullTextSearchVersion)
            {
                throw new StorageException(
                    $"{path}: the database is at schema version {version}, from before full-text search ({Schema.FullTextSearchVersion}); " +
                    "run the worker once (newsaggregator --once) to upgrade it, then search");
            }
            if (!FullTextIndex.Exists(connection, null))
            {
                throw new StorageException(
                    $"{path}: full-text search is off for this database (the worker runs with Storage:FullTextSearch=false); " +
                    "turn it on and run the worker once (newsaggregator --once) to build the index, then search");
            }
            return ReadRows(connection, query, limit);
        });

    private static List<SearchHit> ReadRows(SqliteConnection connection, string query, int limit)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.Parameters.AddWithValue("$query", query);
        command.Parameters.AddWithValue("$limit", limit);
        command.Parameters.AddWithValue("$start", MatchStart);
        command.Parameters.AddWithValue("$end", MatchEnd);
        command.Parameters.AddWithValue("$ellipsis", Ellipsis);
        var hits = new List<SearchHit>();
        try
        {
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                hits.Add(new SearchHit(
                    reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4), reader.GetInt64(5),
                    -reader.GetDouble(6), OneLine(reader.IsDBNull(7) ? "" : reader.GetString(7))));
            }
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SQLitePCL.raw.SQLITE_ERROR)
        {
            // Plain SQL errors here come from the query string alone (the schema was checked
            // above): "fts5: syntax error near ...", "no such column: ...". Locks, damage and
            // I/O have codes of their own and stay StorageExceptions.
            throw new MalformedSearchException(StorageProblems.Detail(e), e);
        }
        return hits;
    }

    /// <summary>The snippet on one line: a text's paragraphs are separated by blank lines, which a list of results should not show.</summary>
    private static string OneLine(string snippet) =>
        string.Join(' ', snippet.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
