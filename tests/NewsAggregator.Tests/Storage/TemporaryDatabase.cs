using Microsoft.Data.Sqlite;
using NewsAggregator.Dedup;
using NewsAggregator.Sources;
using NewsAggregator.Storage;

namespace NewsAggregator.Tests.Storage;

/// <summary>A real SQLite file in a folder of its own, deleted afterwards.</summary>
internal sealed class TemporaryDatabase : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("newsaggregator-db-").FullName;
    public string Path => System.IO.Path.Combine(Folder, "news.db");

    public NewsDatabase Open() => NewsDatabase.Open(Path);

    /// <summary>Opens the database with the sources <paramref name="ids"/> (see <see cref="Sources"/>) in it.</summary>
    public NewsDatabase OpenWithSources(DateTimeOffset now, params string[] ids)
    {
        var database = Open();
        database.SyncSources(Sources(ids), now);
        return database;
    }

    /// <summary>A connection of the kind a pipeline reading the database would use.</summary>
    public SqliteConnection OpenReader()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    public object? Scalar(string sql)
    {
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public static IReadOnlyList<Source> Sources(params string[] ids) =>
        ids.Select(id => new Source
        {
            Id = id,
            Name = $"Source {id}",
            Type = SourceType.Rss,
            Url = new Uri($"https://{id}.example/feed.xml"),
        }).ToList();

    /// <summary>
    /// Stores article <paramref name="i"/> of source "a": 200 words drawn from 5 000, so that every
    /// article is a new story and its commit writes a few dozen pages to the log.
    /// </summary>
    public static void StoreWordsArticle(NewsDatabase database, int i, Random words, DateTimeOffset now)
    {
        var text = string.Join(' ', Enumerable.Range(0, 200).Select(_ => "w" + words.Next(5000)));
        var article = new ArticleRecord
        {
            SourceId = "a",
            Url = $"https://a.example/news/{i}",
            Text = text,
            ContentHash = ContentFingerprint.Of(text),
            PublishedAt = now,
            FetchedAt = now,
        };
        var outcome = database.StoreArticles([database.PrepareArticle(article, run: null)])[0];
        Assert.Equal(StoreOutcomeKind.Stored, outcome.Kind);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
