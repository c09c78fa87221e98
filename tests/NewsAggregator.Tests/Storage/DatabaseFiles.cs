using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using NewsAggregator.Sources;
using NewsAggregator.Storage;

namespace NewsAggregator.Tests.Storage;

/// <summary>Files to put at the database path: ours in various states, and other programs'.</summary>
internal static class DatabaseFiles
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    /// <summary>
    /// A database of ours with a few stories, as a run leaves it (its <c>-wal</c> and <c>-shm</c>
    /// beside it); with <paramref name="alone"/>, everything checkpointed into the main file and
    /// those two removed, as a copy of the file alone would be.
    /// </summary>
    public static void Ours(string path, bool alone = false)
    {
        var database = NewsDatabase.Open(path);
        database.SyncSources([new Source { Id = "wire", Name = "Wire", Type = SourceType.Rss, Url = new Uri("https://wire.example/feed.xml") }], Now);
        for (var story = 1; story <= 6; story++)
        {
            var text = string.Join("\n\n", Enumerable.Range(1, 12).Select(paragraph =>
                $"Story {story}, paragraph {paragraph}: the harbour board met on day {story * 13 + paragraph} and agreed on berth {story * 7 + paragraph * 3}."));
            database.StoreArticle(new ArticleRecord
            {
                SourceId = "wire",
                Url = $"https://wire.example/story-{story}",
                Text = text,
                ContentHash = $"hash-{story}",
                FetchedAt = Now,
            });
        }
        database.Close();
        if (alone)
        {
            Execute(path, "PRAGMA wal_checkpoint(TRUNCATE);");
            File.Delete(path + "-wal");
            File.Delete(path + "-shm");
        }
    }

    /// <summary>
    /// Our database as an older version left it: built by the migrations before <paramref name="version"/>
    /// (not by taking a current one apart, whose later steps would then run twice), then <paramref name="sql"/>.
    /// </summary>
    public static void AtVersion(string path, int version, string sql = "") =>
        Execute(path, string.Concat(Schema.Migrations.Take(version)) + $"PRAGMA user_version = {version};" + sql);

    /// <summary>An SQLite file of another program, in its own (rollback journal) mode, made by <paramref name="sql"/>.</summary>
    public static void Foreign(string path, string sql) => Execute(path, sql);

    public static void Truncate(string path, Func<long, long> newLength)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
        file.SetLength(newLength(file.Length));
    }

    /// <summary>Every file under <paramref name="folder"/> with a hash of its bytes, except the <c>-shm</c> (shared memory, which readers write).</summary>
    public static IReadOnlyDictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .Where(entry => !entry.EndsWith("-shm", StringComparison.Ordinal))
            .ToDictionary(
                entry => Path.GetRelativePath(folder, entry),
                entry => File.Exists(entry) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(entry))) : "folder",
                StringComparer.Ordinal);

    public static object? Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
