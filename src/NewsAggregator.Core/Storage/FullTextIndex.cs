using Microsoft.Data.Sqlite;

namespace NewsAggregator.Storage;

/// <summary>
/// The full-text index over the articles' title and text (<c>articles_fts</c>) that <c>search</c>
/// reads, and the setting that turns it off (<see cref="StorageOptions.FullTextSearch"/>).
/// </summary>
/// <remarks>
/// External content (<c>content='articles'</c>), not a copy: the index keeps only its tokens and
/// reads title and text from <c>articles</c> when <c>snippet()</c> asks, so the text is not stored
/// twice (a contentless table would be as small, but gives no snippets). <c>unicode61</c> with
/// <c>remove_diacritics 2</c> folds case and accents (café finds cafe, and cafe café).
/// <para>
/// Triggers keep the index in the transaction of every write to <c>articles</c>, whatever makes it
/// (the writer, a text upgrade, a deletion, an UPDATE from another tool): an external-content index
/// must be told each row's old values on delete, and only a trigger sees them. The storage writer's
/// transactions (a batch of articles, a batch of <c>reextract</c>) hold their new rows back instead:
/// after <see cref="Defer"/> an inserted row only goes on a list (<c>articles_fts_pending</c>) that
/// <see cref="IndexPending"/> indexes in one statement before the commit; any other write, ours or
/// another program's, is indexed row by row as it happens. The reason is FTS5's: it writes
/// the terms it holds in memory as a new segment of the index whenever a statement begins in a
/// transaction it has joined, so a row-by-row insert from a trigger made one segment per article,
/// which the index then spent most of its time merging (with 48 articles a transaction, indexing one
/// took 0.44 ms of CPU row by row against 0.25 ms as one statement: FullTextSearch in docs/scaling.md).
/// An UPDATE that names none of id, title and text (the change stamp) does not touch the index.
/// Nothing writes articles with INSERT OR REPLACE, whose deletions fire no trigger unless
/// recursive_triggers is on.
/// </para>
/// <para>
/// Indexing is still the costliest part of storing an article (about 0.33 ms of the writer's CPU
/// for a text of a few thousand characters in batches, 0.53 ms row by row, twice what the duplicate
/// decision and the inserts take together; storage-writer benchmark, docs/scaling.md), so a database whose readers search elsewhere can go without it: with the setting off the worker
/// drops the table and its triggers, and builds them again (indexing every stored article) the
/// first time it opens the database with the setting on.
/// </para>
/// </remarks>
internal static class FullTextIndex
{
    private const string Create = """
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text,
            content = 'articles', content_rowid = 'id',
            tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
        END;
        CREATE TRIGGER articles_fts_update AFTER UPDATE OF id, title, text ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
            INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        """;

    /// <summary>The schema step that adds the index, filled from the articles already stored ('rebuild').</summary>
    public const string Migration = Create + "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');\n";

    /// <summary>
    /// The schema step that lets a transaction hold its new rows back until its end (see the remarks),
    /// run where the index exists: it replaces the row triggers <see cref="Migration"/> made. The list
    /// of rows held back (<c>articles_fts_pending</c>) holds, while a transaction defers, a row 0 that
    /// says so; the transaction adds it and takes it away, so no other connection ever sees it.
    /// </summary>
    public const string DeferredInserts = """
        DROP TRIGGER IF EXISTS articles_fts_insert;
        DROP TRIGGER IF EXISTS articles_fts_delete;
        DROP TRIGGER IF EXISTS articles_fts_update;
        CREATE TABLE IF NOT EXISTS articles_fts_pending (id INTEGER PRIMARY KEY);
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles
            WHEN NOT EXISTS (SELECT 1 FROM articles_fts_pending WHERE id = 0) BEGIN
            INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        CREATE TRIGGER articles_fts_insert_deferred AFTER INSERT ON articles
            WHEN EXISTS (SELECT 1 FROM articles_fts_pending WHERE id = 0) BEGIN
            INSERT OR IGNORE INTO articles_fts_pending (id) VALUES (new.id);
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, text)
                SELECT 'delete', old.id, old.title, old.text WHERE NOT EXISTS (SELECT 1 FROM articles_fts_pending WHERE id = old.id);
            DELETE FROM articles_fts_pending WHERE id = old.id;
        END;
        CREATE TRIGGER articles_fts_update AFTER UPDATE OF id, title, text ON articles
            WHEN NOT EXISTS (SELECT 1 FROM articles_fts_pending WHERE id = old.id) BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
            INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        CREATE TRIGGER articles_fts_update_deferred AFTER UPDATE OF id ON articles
            WHEN EXISTS (SELECT 1 FROM articles_fts_pending WHERE id = old.id) BEGIN
            UPDATE articles_fts_pending SET id = new.id WHERE id = old.id;
        END;
        """;

    private const string Drop = """
        DROP TRIGGER IF EXISTS articles_fts_insert;
        DROP TRIGGER IF EXISTS articles_fts_delete;
        DROP TRIGGER IF EXISTS articles_fts_update;
        DROP TRIGGER IF EXISTS articles_fts_insert_deferred;
        DROP TRIGGER IF EXISTS articles_fts_update_deferred;
        DROP TABLE IF EXISTS articles_fts_pending;
        DROP TABLE IF EXISTS articles_fts;
        """;

    // In id order, as FTS5 appends best. Row 0, the mark, joins no article.
    private const string IndexPendingRows = """
        INSERT INTO articles_fts (rowid, title, text)
            SELECT a.id, a.title, a.text FROM articles_fts_pending AS p JOIN articles AS a ON a.id = p.id ORDER BY p.id;
        """;

    /// <summary>From here to <see cref="IndexPending"/>, rows inserted in <paramref name="transaction"/> wait on the list.</summary>
    public static void Defer(SqliteConnection connection, SqliteTransaction transaction) =>
        Statements.For(connection, transaction, "INSERT OR IGNORE INTO articles_fts_pending (id) VALUES (0);").ExecuteNonQuery();

    /// <summary>
    /// Indexes the rows that waited since <see cref="Defer"/>, in one statement, and empties the list
    /// (the mark included): the last writes of the transaction, before its commit.
    /// </summary>
    public static void IndexPending(SqliteConnection connection, SqliteTransaction transaction)
    {
        Statements.For(connection, transaction, IndexPendingRows).ExecuteNonQuery();
        // This statement writes the terms out as the transaction's one segment (FTS5 writes what it
        // holds when a statement begins); nothing after it touches the index.
        Statements.For(connection, transaction, "DELETE FROM articles_fts_pending;").ExecuteNonQuery();
    }

    public static bool Exists(SqliteConnection connection, SqliteTransaction? transaction) =>
        NewsDatabase.Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'articles_fts';", transaction) is long n && n > 0;

    /// <summary>
    /// Brings the index in line with the setting, in the caller's write transaction: builds it (and
    /// indexes every stored article) when wanted and missing, drops it when present and not wanted.
    /// </summary>
    /// <returns>True when it changed anything.</returns>
    public static bool Apply(SqliteConnection connection, SqliteTransaction transaction, bool wanted)
    {
        var exists = Exists(connection, transaction);
        if (exists == wanted)
        {
            return false;
        }
        NewsDatabase.Execute(connection, wanted ? Migration + DeferredInserts : Drop, transaction);
        return true;
    }
}
