using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NewsAggregator.Storage;

/// <summary>
/// Opens the database for reports (<c>sources list</c>, <c>stats</c>) without ever writing: unlike
/// <see cref="NewsDatabase.Open"/>, which creates a missing file and migrates an old one, this
/// opens the file read-only, refuses a missing file rather than creating it, and refuses a file
/// that is not ours. A database of an older schema is read as it is.
/// </summary>
internal static class ReadOnlyDatabase
{
    /// <summary>Runs <paramref name="read"/> on a read-only connection, given the file's schema version (0: an empty file, no tables).</summary>
    /// <exception cref="StorageException">The file is missing, not ours, damaged, locked or unreadable.</exception>
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
            ExistingFile.Recognise(fullPath, path);
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = fullPath,
                // ReadOnly never creates the file: deleted since the check above, the open fails.
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
                DefaultTimeout = seconds,
            }.ToString());
            connection.Open();
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {seconds * 1000};");
                pragma.ExecuteNonQuery();
            }
            using var version = connection.CreateCommand();
            version.CommandText = "PRAGMA user_version;";
            return read(connection, Convert.ToInt32(version.ExecuteScalar(), CultureInfo.InvariantCulture));
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
}
