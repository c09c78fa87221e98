using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NewsAggregator.Storage;

/// <summary>
/// Looks at a file already at the database path before anything writes to it: only an empty
/// database or one of ours is migrated. Ours is recognised by something positive: our
/// <c>PRAGMA application_id</c> (migration 5 on), or, for files made by earlier versions, a schema
/// version above zero with all the tables of migration 1. Anything else is refused untouched: a
/// file that is not SQLite, a damaged one, and another program's database (even one with its own
/// <c>articles</c> table), and one of a newer version of ours.
/// </summary>
internal static class ExistingFile
{
    /// <returns>True for a database of ours; false for an empty file or an empty database, ours to fill but with nothing to read.</returns>
    /// <exception cref="StorageException">The file is not an empty database nor one of ours that this version can use, or not a regular file.</exception>
    /// <exception cref="SqliteException">SQLite could not read the file (the caller words the message).</exception>
    public static bool Recognise(string fullPath, string shownPath)
    {
        // Before SQLite opens it: a named pipe would block the open until something writes to it.
        if (FileKind.Special(fullPath) is { } kind)
        {
            throw StorageProblems.NotAFile(shownPath, kind);
        }
        var connectionString = new SqliteConnectionStringBuilder
        {
            // A file without a write-ahead log beside it, or with an empty one, is read as immutable:
            // no locks, and no -wal or -shm left beside a file that may be refused (a read-only
            // connection would leave both), nor needed where the folder is read-only. The main file
            // alone then holds all there is. A file with commits in its log (ours, left by an earlier
            // run, possibly in use by another worker now) is read through it, with SQLite's locks,
            // for a consistent view; at most the -shm is created.
            DataSource = LogHoldsCommits(fullPath) ? fullPath : new Uri(fullPath).AbsoluteUri + "?immutable=1",
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();

        // The first statement reads the header: "file is not a database" and "malformed" surface here.
        var applicationId = Number(connection, "PRAGMA application_id;");
        var version = Number(connection, "PRAGMA user_version;");
        var pageSize = Number(connection, "PRAGMA page_size;");
        var pages = Number(connection, "PRAGMA page_count;");
        var tables = Tables(connection);
        var length = new FileInfo(fullPath).Length;

        // SQLite itself refuses a file shorter than its header says; these are the truncations it
        // lets through: a remnant shorter than one page, and a cut in the middle of a page.
        if ((pages == 0 && length > 0) || length % pageSize != 0)
        {
            throw StorageProblems.Damaged(shownPath,
                $"{length.ToString(CultureInfo.InvariantCulture)} bytes is not a whole number of {pageSize.ToString(CultureInfo.InvariantCulture)}-byte pages: the file was cut short");
        }
        if (applicationId == Schema.ApplicationId)
        {
            if (version > Schema.Migrations.Length)
            {
                throw StorageProblems.Newer(shownPath, (int)version, Schema.Migrations.Length);
            }
            return true;
        }
        if (applicationId != 0)
        {
            throw StorageProblems.Foreign(shownPath, $"its application_id is {applicationId.ToString(CultureInfo.InvariantCulture)}, ours is {Schema.ApplicationId.ToString(CultureInfo.InvariantCulture)}");
        }
        if (version == 0 && tables.Count == 0)
        {
            // An empty database (or an empty file): nothing to lose, ours to fill.
            return false;
        }
        if (version > 0 && Schema.FirstTables.All(tables.Contains))
        {
            // Made by a version of this program from before the application_id.
            return true;
        }
        throw StorageProblems.Foreign(shownPath, tables.Count == 0
            ? $"schema version {version.ToString(CultureInfo.InvariantCulture)} and no tables of ours"
            : $"it has the tables {string.Join(", ", tables.Order(StringComparer.Ordinal).Take(8))}{(tables.Count > 8 ? ", …" : "")} and no mark of ours");
    }

    /// <summary>Whether the write-ahead log beside the file has anything in it: without, the file alone is the database.</summary>
    public static bool LogHoldsCommits(string fullPath) => new FileInfo(fullPath + "-wal") is { Exists: true, Length: > 0 };

    private static long Number(SqliteConnection connection, string pragma)
    {
        using var command = connection.CreateCommand();
        command.CommandText = pragma;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static HashSet<string> Tables(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!';";
        var names = new HashSet<string>(StringComparer.Ordinal);
        using var rows = command.ExecuteReader();
        while (rows.Read())
        {
            names.Add(rows.GetString(0));
        }
        return names;
    }
}
