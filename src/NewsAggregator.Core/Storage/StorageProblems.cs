using Microsoft.Data.Sqlite;
using NewsAggregator.Fetching;
using static SQLitePCL.raw;

namespace NewsAggregator.Storage;

/// <summary>
/// The one-line messages of database failures: which file, what happened to it, what to do. They
/// end up in the error line of a refused start and in sources' summary lines, so they carry no
/// stack trace and no exception type.
/// </summary>
internal static class StorageProblems
{
    public static StorageException IsFolder(string path) =>
        new($"{path} is a folder, not a database file; name a file in it instead, e.g. {Path.Combine(path, "news.db")}");

    public static StorageException Missing(string path) =>
        new($"{path}: no such database file (nothing was created); give the worker's database with --db, or run the worker once to make it");

    /// <summary>A 0-byte file, or an SQLite database with nothing in it: no run of the worker made it, so there is nothing to read.</summary>
    public static StorageException Empty(string path) =>
        new($"{path}: the file is empty, not a database the worker made (nothing was read or written); give the worker's database with --db, or run the worker once to make it");

    /// <summary>A device or a named pipe: SQLite would read a device as an empty database (and write into it), and wait for ever on a pipe.</summary>
    public static StorageException NotAFile(string path, string kind) =>
        new($"{path} is {kind}, not a database file; give the worker's database file with --db");

    public static StorageException MissingFolder(string path, string folder) =>
        new($"{path}: the folder {folder} does not exist");

    public static StorageException NotADatabase(string path, string detail, Exception? inner = null) =>
        new($"{path} is not an SQLite database ({detail}); it was left untouched: give another file name, or move the file away",
            StorageFailure.Unusable, inner);

    public static StorageException Damaged(string path, string detail, Exception? inner = null) =>
        new($"{path} is a damaged SQLite database ({detail}); it was left untouched: restore it from a backup, or move it away to start a new one",
            StorageFailure.Unusable, inner);

    public static StorageException Foreign(string path, string detail) =>
        new($"{path} is an SQLite database of another program ({detail}); NewsAggregator does not add its tables to another program's file: give another file name");

    public static StorageException Newer(string path, int version, int known) =>
        new($"{path}: schema version {version} is newer than this program knows ({known}); upgrade NewsAggregator");

    public static StorageException Unwritable(string path, string detail, Exception? inner = null)
    {
        var name = Path.GetFileName(path);
        return new($"{path}: the user {Environment.UserName} cannot write the database ({detail}); give it write access to the file, " +
                   $"to its folder and to {name}-wal and {name}-shm beside it, or give another file name", StorageFailure.Unusable, inner);
    }

    public static StorageException CannotCreate(string path, string folder, string detail, Exception? inner = null) =>
        new($"{path}: cannot create the database in {folder} ({detail}); the user {Environment.UserName} needs write access to that folder, " +
            "or give a file name in another one", StorageFailure.Unusable, inner);

    public static StorageException Moved(string path, Exception? inner = null) =>
        new($"the database file {path} was removed or replaced while the worker was writing; restore it, or run again to start a new one",
            StorageFailure.Moved, inner);

    public static StorageException Locked(string path, TimeSpan busyTimeout, Exception? inner = null) =>
        new($"the database is locked by another process for more than {Durations.Describe(busyTimeout)} ({path})", StorageFailure.Locked, inner);

    public static StorageException Full(string path, Exception? inner = null) =>
        new($"database or disk is full: {path} cannot grow; free space on its disk", StorageFailure.Full, inner);

    /// <summary>What an error SQLite reported while the database was in use means for the user.</summary>
    public static StorageException Of(SqliteException e, string path, TimeSpan busyTimeout) => e.SqliteErrorCode switch
    {
        SQLITE_FULL => Full(path, e),
        SQLITE_BUSY or SQLITE_LOCKED => Locked(path, busyTimeout, e),
        SQLITE_READONLY => Unwritable(path, Detail(e), e),
        SQLITE_CORRUPT => Damaged(path, Detail(e), e),
        SQLITE_NOTADB => NotADatabase(path, Detail(e), e),
        SQLITE_IOERR => new StorageException($"disk I/O error on {path} ({Detail(e)}); check the disk and the file system", StorageFailure.Failed, e),
        _ => new StorageException($"{path}: {Detail(e)}", StorageFailure.Failed, e),
    };

    /// <summary>SQLite's own words, without the "SQLite Error 13:" wrapping of <see cref="SqliteException.Message"/>.</summary>
    public static string Detail(SqliteException e)
    {
        var message = e.Message;
        var start = message.IndexOf('\'', StringComparison.Ordinal);
        var end = message.LastIndexOf('\'');
        return start >= 0 && end > start + 1 ? message[(start + 1)..end] : message;
    }
}
