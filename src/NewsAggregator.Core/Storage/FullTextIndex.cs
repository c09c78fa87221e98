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
/// The triggers keep the index in the transaction of every write to <c>articles</c>, whatever
/// makes it (the writer, a text upgrade, a deletion, an UPDATE from another tool): an
/// external-content index must be told each row's old values on delete, and only a trigger sees
/// them. An UPDATE that names none of id, title and text (the change stamp) does not touch the
/// index. Nothing writes articles with INSERT OR REPLACE, whose deletions fire no trigger unless
/// recursive_triggers is on.
/// </para>
/// <para>
/// Indexing is the costliest part of storing an article (about 0.3–0.4 ms of the writer's CPU for
/// a text of a few thousand characters, more than the duplicate decision and the inserts together),
/// so a database whose readers search elsewhere can go without it: with the setting off the worker
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

    private const string Drop = """
        DROP TRIGGER IF EXISTS articles_fts_insert;
        DROP TRIGGER IF EXISTS articles_fts_delete;
        DROP TRIGGER IF EXISTS articles_fts_update;
        DROP TABLE IF EXISTS articles_fts;
        """;

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
        NewsDatabase.Execute(connection, wanted ? Migration : Drop, transaction);
        return true;
    }
}
