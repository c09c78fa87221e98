using Microsoft.Data.Sqlite;

namespace NewsAggregator.Storage;

/// <summary>
/// The change feed's sequence: every insert or change of an article (a new story, a longer text
/// replacing a cut one, a new sighting, later a re-extraction) stamps the article with the next
/// value and the time of the change, in the transaction that makes the change, so a reader sees
/// both or neither.
/// </summary>
/// <remarks>
/// The values come from the one-row table <c>change_sequence</c> (migration 10), not from
/// <c>max(change_seq) + 1</c>. Both are safe against two writers: the counter is read and bumped
/// only inside a write transaction, and SQLite lets one write transaction at a time hold the
/// database, across processes too (NewsDatabase writes under BEGIN IMMEDIATE). The counter is
/// chosen because max+1 would hand out a value again once the article holding the highest one is
/// deleted (pruning old articles will): a pipeline whose cursor is already past that value would
/// never see the article that reuses it.
/// <para>
/// Why a pipeline that polls sees every change once: values are taken in write order, and write
/// transactions commit one after another, so when a reader's snapshot holds value M, every value
/// below M given out so far was committed in that snapshot or before it. A later commit can only
/// bring values above M. An article changed twice between two polls is exported once, as it is
/// after the second change: its row carries only its latest value.
/// </para>
/// </remarks>
internal static class ChangeSequence
{
    /// <summary>Gives the article the next change value and <paramref name="changedAt"/> as its <c>updated_at</c>.</summary>
    /// <returns>The value given.</returns>
    public static long Stamp(SqliteConnection connection, SqliteTransaction transaction, long articleId, DateTimeOffset changedAt)
    {
        var value = Next(connection, transaction);
        var stamp = Statements.For(connection, transaction, "UPDATE articles SET change_seq = $seq, updated_at = $at WHERE id = $id;");
        stamp.Parameters.AddWithValue("$seq", value);
        stamp.Parameters.AddWithValue("$at", NewsDatabase.Format(changedAt));
        stamp.Parameters.AddWithValue("$id", articleId);
        stamp.ExecuteNonQuery();
        return value;
    }

    /// <summary>
    /// Takes the next change value, for a row that is written with it (a new article's INSERT):
    /// stamping after the insert would write the article's whole row (text and HTML) a second time.
    /// </summary>
    public static long Next(SqliteConnection connection, SqliteTransaction transaction) =>
        (long)Statements.For(connection, transaction, "UPDATE change_sequence SET last_value = last_value + 1 WHERE id = 1 RETURNING last_value;")
            .ExecuteScalar()!;
}
