using Microsoft.Data.Sqlite;

namespace NewsAggregator.Storage;

/// <summary>
/// Deleted articles in the change feed: every deletion of an article takes the next number of the
/// change sequence, like any other change, and leaves a row in <c>article_deletions</c> (its id,
/// that number, when, and why: <c>pruned</c> by retention, <c>merged</c> into another article by
/// <c>reextract</c>, or <c>deleted</c> by anything else), so a pipeline keeping copies by id learns
/// of it with the same cursor it reads changes with (<c>export --deletions</c>).
/// </summary>
/// <remarks>
/// A trigger records the deletion, so that every way of deleting an article is in the feed (ours
/// and another program's alike), in the deleting transaction, at SQLite's clock; the code that
/// knows why says so afterwards, in the same transaction, with the time by its own clock. <c>prune</c> forgets the rows older than its cutoff, as it
/// forgets pruned URLs: a pipeline reads the feed at least once per retention period. Deletions
/// made before the step that adds the table are not known.
/// </remarks>
internal static class ArticleDeletions
{
    public const string Pruned = "pruned";
    public const string Merged = "merged";

    public const string Migration = """
        CREATE TABLE IF NOT EXISTS article_deletions (
            article_id  INTEGER PRIMARY KEY,
            change_seq  INTEGER NOT NULL UNIQUE,
            deleted_at  TEXT NOT NULL,
            reason      TEXT NOT NULL DEFAULT 'deleted' CHECK (reason IN ('deleted', 'pruned', 'merged')),
            merged_into INTEGER
        );
        CREATE INDEX IF NOT EXISTS article_deletions_deleted_at ON article_deletions(deleted_at);
        CREATE TRIGGER IF NOT EXISTS articles_deletion_recorded AFTER DELETE ON articles BEGIN
            UPDATE change_sequence SET last_value = last_value + 1 WHERE id = 1;
            INSERT OR REPLACE INTO article_deletions (article_id, change_seq, deleted_at)
                VALUES (old.id, (SELECT last_value FROM change_sequence WHERE id = 1), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
        END;
        """;

    /// <summary>Says that the articles whose ids <paramref name="ids"/> (a JSON array) holds were deleted by retention at <paramref name="now"/>.</summary>
    public static void MarkPruned(SqliteConnection connection, SqliteTransaction transaction, string ids, string now)
    {
        var command = Statements.For(connection, transaction,
            "UPDATE article_deletions SET reason = 'pruned', deleted_at = $now WHERE article_id IN (SELECT value FROM json_each($ids));");
        command.Parameters.AddWithValue("$ids", ids);
        command.Parameters.AddWithValue("$now", now);
        command.ExecuteNonQuery();
    }

    /// <summary>Says that article <paramref name="removed"/> was deleted at <paramref name="now"/> as a copy of <paramref name="kept"/>, which took its sightings.</summary>
    public static void MarkMerged(SqliteConnection connection, SqliteTransaction transaction, long removed, long kept, string now)
    {
        var command = Statements.For(connection, transaction,
            "UPDATE article_deletions SET reason = 'merged', merged_into = $kept, deleted_at = $now WHERE article_id = $removed;");
        command.Parameters.AddWithValue("$kept", kept);
        command.Parameters.AddWithValue("$removed", removed);
        command.Parameters.AddWithValue("$now", now);
        command.ExecuteNonQuery();
    }

    /// <summary>Forgets up to <paramref name="limit"/> deletions made before <paramref name="cutoff"/>.</summary>
    public static long Forget(SqliteConnection connection, SqliteTransaction transaction, string cutoff, int limit) =>
        ArticleRetention.ForgetBefore(connection, transaction, "article_deletions", "article_id", "deleted_at", cutoff, limit);
}
