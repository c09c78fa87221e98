using Microsoft.Data.Sqlite;

namespace NewsAggregator.Storage;

/// <summary>The table <c>article_pages</c>: each article's page (<see cref="StoredPage"/>), written in the transaction that writes the article.</summary>
internal static class ArticlePages
{
    /// <summary>
    /// Makes <paramref name="page"/> the article's page, replacing the one it had; with none, the
    /// article keeps no page (its text came from elsewhere, so the old page would give another).
    /// </summary>
    public static void Keep(SqliteConnection connection, SqliteTransaction transaction, long articleId, StoredPage? page)
    {
        if (page is null)
        {
            var delete = Statements.For(connection, transaction, "DELETE FROM article_pages WHERE article_id = $article;");
            delete.Parameters.AddWithValue("$article", articleId);
            delete.ExecuteNonQuery();
            return;
        }
        var command = Statements.For(connection, transaction, """
            INSERT OR REPLACE INTO article_pages
                (article_id, source_id, url, final_url, media_type, charset, fetched_at, encoding, raw_length, body)
            VALUES ($article, $source, $url, $final, $media, $charset, $fetched, $encoding, $length, $body);
            """);
        command.Parameters.AddWithValue("$article", articleId);
        command.Parameters.AddWithValue("$source", page.SourceId);
        command.Parameters.AddWithValue("$url", page.Url);
        command.Parameters.AddWithValue("$final", page.FinalUrl);
        command.Parameters.AddWithValue("$media", (object?)page.MediaType ?? DBNull.Value);
        command.Parameters.AddWithValue("$charset", (object?)page.Charset ?? DBNull.Value);
        command.Parameters.AddWithValue("$fetched", NewsDatabase.Format(page.FetchedAt));
        command.Parameters.AddWithValue("$encoding", page.Encoding);
        command.Parameters.AddWithValue("$length", page.RawLength);
        command.Parameters.AddWithValue("$body", page.Body);
        command.ExecuteNonQuery();
    }

    /// <summary>The columns <see cref="Read"/> reads, from <c>article_pages p</c>, from the given ordinal on.</summary>
    public const string Columns = "p.source_id, p.url, p.final_url, p.media_type, p.charset, p.fetched_at, p.encoding, p.raw_length, p.body";

    public static StoredPage Read(SqliteDataReader row, int first) => new()
    {
        SourceId = row.GetString(first),
        Url = row.GetString(first + 1),
        FinalUrl = row.GetString(first + 2),
        MediaType = row.IsDBNull(first + 3) ? null : row.GetString(first + 3),
        Charset = row.IsDBNull(first + 4) ? null : row.GetString(first + 4),
        FetchedAt = NewsDatabase.ParseTime(row, first + 5)!.Value,
        Encoding = row.GetString(first + 6),
        RawLength = row.GetInt32(first + 7),
        Body = (byte[])row.GetValue(first + 8),
    };
}
