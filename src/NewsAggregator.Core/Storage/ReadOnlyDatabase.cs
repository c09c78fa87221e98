using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NewsAggregator.Storage;

/// <summary>
/// Opens the database for reports (<c>sources list</c>, <c>stats</c>) without ever writing: unlike
/// <see cref="NewsDatabase.Open"/>, which creates a missing file and migrates an old one, this
/// opens the file read-only, refuses a missing file rather than creating it, and refuses a file
/// that is not ours, or empty (made by no run of the worker). A database of an older schema is read as
/// it is; one the user may read but not write, in a folder where SQLite cannot make its files, too.
/// </summary>
internal static class ReadOnlyDatabase
{
    /// <summary>Runs <paramref name="read"/> on a read-only connection, given the file's schema version.</summary>
    /// <exception cref="StorageException">The file is missing, empty, not a file, not ours, damaged, locked or unreadable.</exception>
    public static T Read<T>(string path, StorageOptions? options, Func<SqliteConnection, int, T> read)
    {
        options ??= StorageOptions.Default;
        var fullPath = Path.GetFullPath(path);
        if (Directory.Exists(fullPath))
        {
            throw StorageProblems.IsFolder(path);
        }
        if (!File.Exists(fullPath))
        {
            throw StorageProblems.Missing(path);
        }
        var seconds = options.BusyTimeoutSeconds;
        try
        {
            (SqliteConnection Connection, int Version) opened;
            try
            {
                if (!ExistingFile.Recognise(fullPath, path))
                {
                    throw StorageProblems.Empty(path);
                }
                opened = Open(fullPath, seconds, immutable: false);
            }
            catch (SqliteException e) when (e.SqliteErrorCode is SQLitePCL.raw.SQLITE_READONLY or SQLitePCL.raw.SQLITE_CANTOPEN)
            {
                opened = OpenWithoutSharedMemory(fullPath, path, seconds, e);
            }
            using (opened.Connection)
            {
                return read(opened.Connection, opened.Version);
            }
        }
        catch (SqliteException e)
        {
            throw StorageProblems.Of(e, path, TimeSpan.FromSeconds(seconds));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StorageException($"{path}: cannot read the database: {e.Message}", StorageFailure.Unusable, e);
        }
    }

    /// <summary>
    /// A database in WAL mode is read with an index of the log, <c>-shm</c>, beside it, which SQLite
    /// creates when it is missing; where the user may not create files (a read-only folder, a copy
    /// on read-only media), the open fails. With no log, or an empty one, the file alone holds every
    /// commit and no writer has it open (a writer keeps both beside it), so it is read as immutable:
    /// no lock and no <c>-shm</c>. A log with commits in it cannot be read without its index.
    /// </summary>
    private static (SqliteConnection, int) OpenWithoutSharedMemory(string fullPath, string shownPath, int seconds, SqliteException failure)
    {
        if (ExistingFile.LogHoldsCommits(fullPath))
        {
            var folder = Path.GetDirectoryName(fullPath) ?? fullPath;
            var name = Path.GetFileName(fullPath);
            throw new StorageException(
                $"{shownPath}: cannot read the database ({StorageProblems.Detail(failure)}): its log {name}-wal holds changes that SQLite reads " +
                $"through {name}-shm, which the user {Environment.UserName} cannot create or write in {folder}; give it write access to that folder, " +
                "or copy the database with its -wal and -shm to a folder it can write", StorageFailure.Unusable, failure);
        }
        return Open(fullPath, seconds, immutable: true);
    }

    /// <returns>The connection, and the file's schema version, read on it.</returns>
    private static (SqliteConnection, int) Open(string fullPath, int seconds, bool immutable)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = immutable ? new Uri(fullPath).AbsoluteUri + "?immutable=1" : fullPath,
            // ReadOnly never creates the file: deleted since the checks, the open fails.
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = seconds,
        }.ToString());
        try
        {
            connection.Open();
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {seconds * 1000};");
                pragma.ExecuteNonQuery();
            }
            // The first read of the file: a -shm that is missing and cannot be created fails it.
            using var version = connection.CreateCommand();
            version.CommandText = "PRAGMA user_version;";
            return (connection, Convert.ToInt32(version.ExecuteScalar(), CultureInfo.InvariantCulture));
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
