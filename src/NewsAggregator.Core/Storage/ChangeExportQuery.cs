using Microsoft.Data.Sqlite;

namespace NewsAggregator.Storage;

/// <summary>One place a story was seen, as <c>article_sightings</c> has it.</summary>
public sealed record ArticleSighting(string SourceId, string Url, string SeenAt);

/// <summary>
/// An article as the change feed exports it: every public column of <c>articles</c> as stored
/// (times as the database writes them), its change value and time, and where it was seen, first
/// seen first.
/// </summary>
/// <param name="TextSource">Where the text came from, <c>page</c> or <c>feed</c> (<c>page</c> in a database from before the column).</param>
public sealed record ArticleChange(
    long ChangeSeq, string? UpdatedAt, long Id, string SourceId, string Url, string? Title, string? Byline,
    string? PublishedAt, string FetchedAt, string? Language, string Text, string? ContentHash, string? SiteName,
    string? ImageUrl, string? Description, string? Html, string? EnclosureUrl, string? EnclosureType, long? EnclosureLength,
    IReadOnlyList<ArticleSighting> Sightings, string TextSource);

/// <summary>What an export gave: how many articles, and the cursor to pass as <c>--since</c> next time.</summary>
/// <param name="LastChange">The highest change value the database has given out (deleted articles' included), in the same snapshot.</param>
public sealed record ChangeExportResult(long Exported, long NextSince, long LastChange);

/// <summary>
/// An article deleted (<see cref="Reason"/>: <c>pruned</c> by retention, <c>merged</c> into
/// <see cref="MergedInto"/> by <c>reextract</c>, or <c>deleted</c> by anything else), as the change feed gives it.
/// </summary>
public sealed record ArticleDeletion(long ChangeSeq, long Id, string DeletedAt, string Reason, long? MergedInto);

/// <summary>
/// The change feed's read side (<c>export --since N</c>): the articles whose <c>change_seq</c> is
/// above N, in sequence order, through <see cref="ReadOnlyDatabase"/> (never creates, writes or
/// migrates the file). See <see cref="ChangeSequence"/> for why a reader polling with the cursor
/// sees every change once.
/// </summary>
public static class ChangeExportQuery
{
    /// <summary>
    /// Hands each article changed after <paramref name="since"/> to <paramref name="write"/>, and,
    /// when <paramref name="writeDeletion"/> is given, each article deleted after it to that, all in
    /// sequence order, at most <paramref name="limit"/> of them together.
    /// </summary>
    /// <returns>The count, and the change value of the last article handed over (<paramref name="since"/> when none was).</returns>
    /// <exception cref="StorageException">The file is missing, not ours, from before the change feed, damaged, locked or unreadable.</exception>
    public static ChangeExportResult Read(
        string path, long since, long? limit, Action<ArticleChange> write, StorageOptions? options = null, Action<ArticleDeletion>? writeDeletion = null) =>
        ReadOnlyDatabase.Read(path, options, (connection, version) =>
        {
            if (version < Schema.ChangeSequenceVersion)
            {
                throw new StorageException(
                    $"{path}: the database is at schema version {version}, from before the change feed ({Schema.ChangeSequenceVersion}); " +
                    "run the worker once (newsaggregator --once) to upgrade it, then export");
            }
            if (writeDeletion is not null && version < Schema.DeletionsVersion)
            {
                throw new StorageException(
                    $"{path}: the database is at schema version {version}, from before deletions were recorded ({Schema.DeletionsVersion}); " +
                    "run the worker once (newsaggregator --once) to upgrade it, then export with --deletions");
            }
            return ReadRows(connection, since, limit, write, hasTextSource: version >= Schema.TextSourceVersion, writeDeletion);
        });

    /// <param name="hasTextSource">
    /// Whether the file has <c>articles.text_source</c>: a database not yet migrated to it (the export
    /// never migrates) gives <c>page</c>, what the migration will give its rows.
    /// </param>
    private static ChangeExportResult ReadRows(
        SqliteConnection connection, long since, long? limit, Action<ArticleChange> write, bool hasTextSource, Action<ArticleDeletion>? writeDeletion)
    {
        // One read transaction, so one snapshot: a commit of the worker's made while the rows
        // stream is either wholly in them or wholly out, never half, and the counter read first
        // is the one those rows were numbered under.
        using var transaction = connection.BeginTransaction(deferred: true);
        long lastChange;
        using (var last = connection.CreateCommand())
        {
            last.Transaction = transaction;
            last.CommandText = "SELECT last_value FROM change_sequence WHERE id = 1;";
            lastChange = (long)last.ExecuteScalar()!;
        }
        // Articles and deletions, each in change order, written as one sequence.
        using var articles = Articles(connection, transaction, since, hasTextSource).GetEnumerator();
        using var deletions = (writeDeletion is null ? [] : Deletions(connection, transaction, since)).GetEnumerator();
        var (moreArticles, moreDeletions) = (articles.MoveNext(), deletions.MoveNext());
        var (exported, cursor) = (0L, since);
        while ((moreArticles || moreDeletions) && exported != limit)
        {
            if (moreArticles && (!moreDeletions || articles.Current.ChangeSeq < deletions.Current.ChangeSeq))
            {
                write(articles.Current);
                cursor = articles.Current.ChangeSeq;
                moreArticles = articles.MoveNext();
            }
            else
            {
                writeDeletion!(deletions.Current);
                cursor = deletions.Current.ChangeSeq;
                moreDeletions = deletions.MoveNext();
            }
            exported++;
        }
        return new ChangeExportResult(exported, cursor, lastChange);
    }

    /// <summary>The articles changed after <paramref name="since"/>, in change order, each with its sightings.</summary>
    private static IEnumerable<ArticleChange> Articles(SqliteConnection connection, SqliteTransaction transaction, long since, bool hasTextSource)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // An article comes as one row per sighting: they are gathered here.
        command.CommandText = $"""
            SELECT a.change_seq, a.updated_at, a.id, a.source_id, a.url, a.title, a.byline, a.published_at, a.fetched_at,
                   a.language, a.text, a.content_hash, a.site_name, a.image_url, a.description, a.html,
                   a.enclosure_url, a.enclosure_type, a.enclosure_length,
                   {(hasTextSource ? "a.text_source" : $"'{TextSourceColumn.Page}'")},
                   s.source_id, s.url, s.seen_at
            FROM articles a LEFT JOIN article_sightings s ON s.article_id = a.id
            WHERE a.change_seq > $since
            ORDER BY a.change_seq, s.seen_at, s.source_id, s.url;
            """;
        command.Parameters.AddWithValue("$since", since);
        using var reader = command.ExecuteReader();
        ArticleChange? current = null;
        List<ArticleSighting> sightings = [];
        while (reader.Read())
        {
            var seq = reader.GetInt64(0);
            if (current is null || current.ChangeSeq != seq)
            {
                if (current is not null)
                {
                    yield return current;
                }
                sightings = [];
                current = Article(reader, sightings);
            }
            if (!reader.IsDBNull(20))
            {
                sightings.Add(new ArticleSighting(reader.GetString(20), reader.GetString(21), reader.GetString(22)));
            }
        }
        if (current is not null)
        {
            yield return current;
        }
    }

    /// <summary>The articles deleted after <paramref name="since"/> (<see cref="ArticleDeletions"/>), in change order.</summary>
    private static IEnumerable<ArticleDeletion> Deletions(SqliteConnection connection, SqliteTransaction transaction, long since)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT change_seq, article_id, deleted_at, reason, merged_into FROM article_deletions
            WHERE change_seq > $since ORDER BY change_seq;
            """;
        command.Parameters.AddWithValue("$since", since);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new ArticleDeletion(
                reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetInt64(4));
        }
    }

    private static ArticleChange Article(SqliteDataReader reader, List<ArticleSighting> sightings) => new(
        reader.GetInt64(0), Text(reader, 1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4), Text(reader, 5),
        Text(reader, 6), Text(reader, 7), reader.GetString(8), Text(reader, 9), reader.GetString(10), Text(reader, 11),
        Text(reader, 12), Text(reader, 13), Text(reader, 14), Text(reader, 15), Text(reader, 16), Text(reader, 17),
        reader.IsDBNull(18) ? null : reader.GetInt64(18), sightings, reader.GetString(19));

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
