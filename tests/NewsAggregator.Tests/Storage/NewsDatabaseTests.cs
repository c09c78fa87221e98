using Microsoft.Data.Sqlite;
using NewsAggregator.Storage;

namespace NewsAggregator.Tests.Storage;

public sealed class NewsDatabaseTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
    private readonly TemporaryDatabase _files = new();

    public void Dispose() => _files.Dispose();

    private static ArticleRecord Article(string sourceId, string url, string text = "Body of the story.") => new()
    {
        SourceId = sourceId,
        Url = url,
        Text = text,
        ContentHash = text.Length > 10 ? "hash-" + text.GetHashCode(StringComparison.Ordinal) : null,
        Title = "A title",
        PublishedAt = Now.AddHours(-1),
        FetchedAt = Now,
    };

    [Theory]
    [InlineData("sources", "id,name,type,url")]
    [InlineData("articles", "id,source_id,url,title,byline,published_at,fetched_at,language,text,html")]
    [InlineData("article_sightings", "article_id,source_id,url,seen_at")]
    public void New_database_has_the_public_tables_and_columns(string table, string columns)
    {
        _files.Open();

        using var reader = _files.OpenReader();
        using var command = reader.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
        var actual = new List<string>();
        using (var rows = command.ExecuteReader())
        {
            while (rows.Read())
            {
                actual.Add(rows.GetString(0));
            }
        }
        Assert.All(columns.Split(','), column => Assert.Contains(column, actual));
    }

    [Fact]
    public void New_database_is_in_WAL_mode_at_the_latest_schema_version()
    {
        var database = _files.Open();

        Assert.Equal("wal", _files.Scalar("PRAGMA journal_mode"));
        Assert.Equal((long)Schema.Migrations.Length, _files.Scalar("PRAGMA user_version"));
        Assert.Equal(Schema.Migrations.Length, database.SchemaVersion);
    }

    [Fact]
    public void Opening_again_keeps_the_data_and_runs_no_migration_twice()
    {
        var first = _files.Open();
        first.SyncSources(TemporaryDatabase.Sources("a"), Now);
        first.StoreArticle(Article("a", "https://a.example/1"));
        first.Close();

        _files.Open();

        Assert.Equal(1L, _files.Scalar("SELECT count(*) FROM articles"));
        Assert.Equal((long)Schema.Migrations.Length, _files.Scalar("PRAGMA user_version"));
    }

    [Fact]
    public void Database_from_a_newer_program_is_refused_with_advice()
    {
        _files.Open().Close();
        using (var connection = new SqliteConnection($"Data Source={_files.Path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<StorageException>(() => _files.Open());

        Assert.Contains("schema version 99 is newer", error.Message);
        Assert.Contains("upgrade NewsAggregator", error.Message);
    }

    [Fact]
    public void File_that_is_not_a_database_is_refused_by_name()
    {
        File.WriteAllText(_files.Path, "these are not the bytes of an SQLite database, just some text that is long enough");

        var error = Assert.Throws<StorageException>(() => _files.Open());

        Assert.StartsWith(_files.Path, error.Message);
    }

    [Fact]
    public void New_story_is_one_article_row_with_its_first_sighting()
    {
        var database = _files.Open();
        database.SyncSources(TemporaryDatabase.Sources("a"), Now);

        var outcome = database.StoreArticle(Article("a", "https://a.example/1") with { AlsoSeenAt = ["https://a.example/short/1"] });

        Assert.Equal(StoreOutcomeKind.Stored, outcome.Kind);
        Assert.Equal(1L, _files.Scalar("SELECT count(*) FROM articles"));
        Assert.Equal("2026-03-04T05:06:07Z", _files.Scalar("SELECT fetched_at FROM articles"));
        Assert.Equal("2026-03-04T04:06:07Z", _files.Scalar("SELECT published_at FROM articles"));
        Assert.Equal(2L, _files.Scalar($"SELECT count(*) FROM article_sightings WHERE article_id = {outcome.ArticleId}"));
        Assert.Equal(outcome.ArticleId, database.FindArticleIdByUrl("https://a.example/short/1"));
    }

    [Fact]
    public void The_article_html_is_stored_beside_its_text()
    {
        var database = _files.Open();
        database.SyncSources(TemporaryDatabase.Sources("a"), Now);

        database.StoreArticle(Article("a", "https://a.example/1") with { Html = "<p>Body of the story.</p>" });
        database.StoreArticle(Article("a", "https://a.example/2", "Another story without html."));

        Assert.Equal("<p>Body of the story.</p>", _files.Scalar("SELECT html FROM articles WHERE url = 'https://a.example/1'"));
        Assert.Equal(DBNull.Value, _files.Scalar("SELECT html FROM articles WHERE url = 'https://a.example/2'"));
    }

    [Fact]
    public void A_database_from_before_the_html_column_gains_it_and_keeps_its_rows()
    {
        var database = OpenFromBefore(Array.FindIndex(Schema.Migrations, m => m.Contains("ADD COLUMN html", StringComparison.Ordinal)));

        Assert.Equal(Schema.Migrations.Length, database.SchemaVersion);
        Assert.Equal("Old text.", _files.Scalar("SELECT text FROM articles WHERE id = 7"));
        Assert.Equal(DBNull.Value, _files.Scalar("SELECT html FROM articles WHERE id = 7"));
    }

    [Fact]
    public void An_article_is_stored_with_its_enclosure_and_one_without_has_none()
    {
        var database = _files.Open();
        database.SyncSources(TemporaryDatabase.Sources("a"), Now);
        database.StoreArticle(Article("a", "https://cdn.example.net/ep12.mp3", "") with
        {
            EnclosureUrl = "https://cdn.example.net/ep12.mp3", EnclosureType = "audio/mpeg", EnclosureLength = 24_576_000,
        });
        database.StoreArticle(Article("a", "https://a.example/news"));

        Assert.Equal("https://cdn.example.net/ep12.mp3|audio/mpeg|24576000",
            _files.Scalar("SELECT enclosure_url || '|' || enclosure_type || '|' || enclosure_length FROM articles WHERE url LIKE '%.mp3'"));
        Assert.Equal(0L, _files.Scalar("SELECT count(*) FROM articles WHERE url LIKE '%/news' AND coalesce(enclosure_url, enclosure_type, enclosure_length) IS NOT NULL"));
    }

    [Fact]
    public void A_database_from_before_the_enclosure_columns_gains_them_and_keeps_its_rows()
    {
        var database = OpenFromBefore(Array.FindIndex(Schema.Migrations, m => m.Contains("enclosure_url", StringComparison.Ordinal)));

        Assert.Equal(Schema.Migrations.Length, database.SchemaVersion);
        Assert.Equal("Old text.", _files.Scalar("SELECT text FROM articles WHERE id = 7"));
        Assert.Equal(1L, _files.Scalar("SELECT count(*) FROM articles WHERE id = 7 AND coalesce(enclosure_url, enclosure_type, enclosure_length) IS NULL"));
    }

    /// <summary>
    /// A database made by the migrations before <paramref name="migration"/> (found by what it does,
    /// not by its number, which other steps may move), holding one article, then opened.
    /// </summary>
    private NewsDatabase OpenFromBefore(int migration)
    {
        Assert.True(migration > 0);
        DatabaseFiles.AtVersion(_files.Path, migration, """
            INSERT INTO sources (id, name, type, url, updated_at) VALUES ('a', 'A', 'rss', 'https://a.example/feed', '2026-03-04T00:00:00Z');
            INSERT INTO articles (id, source_id, url, fetched_at, text) VALUES (7, 'a', 'https://a.example/old', '2026-03-04T05:06:07Z', 'Old text.');
            """);
        return _files.Open();
    }

    [Fact]
    public void Same_text_under_another_url_becomes_a_sighting_not_a_row()
    {
        var database = _files.Open();
        database.SyncSources(TemporaryDatabase.Sources("a", "b"), Now);
        const string text = "The same syndicated story, word for word.";
        var first = database.StoreArticle(Article("a", "https://a.example/story", text));

        var copy = database.StoreArticle(Article("b", "https://b.example/copy-of-story", text));

        Assert.Equal(StoreOutcomeKind.SameText, copy.Kind);
        Assert.Equal(first.ArticleId, copy.ArticleId);
        Assert.Equal(1L, _files.Scalar("SELECT count(*) FROM articles"));
        Assert.Equal("a", _files.Scalar("SELECT source_id FROM articles"));
        Assert.Equal(2L, _files.Scalar("SELECT count(DISTINCT source_id) FROM article_sightings"));
    }

    [Fact]
    public void Known_url_from_another_source_adds_a_sighting_once()
    {
        var database = _files.Open();
        database.SyncSources(TemporaryDatabase.Sources("a", "b"), Now);
        var first = database.StoreArticle(Article("a", "https://a.example/story"));

        Assert.True(database.AddSighting(first.ArticleId, "b", "https://a.example/story", Now));
        Assert.False(database.AddSighting(first.ArticleId, "b", "https://a.example/story", Now));

        Assert.Equal(2L, _files.Scalar("SELECT count(*) FROM article_sightings"));
    }

    [Fact]
    public void Source_state_counts_consecutive_failures_and_clears_on_success()
    {
        var database = _files.Open();
        database.SyncSources(TemporaryDatabase.Sources("a"), Now);
        SourceRunRecord Run(string? error) => new() { SourceId = "a", StartedAt = Now, FinishedAt = Now, Error = error };

        database.RecordRun(Run("HTTP 500"));
        database.RecordRun(Run("HTTP 503"));
        Assert.Equal(2L, _files.Scalar("SELECT consecutive_failures FROM source_state"));
        Assert.Equal("HTTP 503", _files.Scalar("SELECT last_error FROM source_state"));
        Assert.Equal(DBNull.Value, _files.Scalar("SELECT last_success_at FROM source_state"));

        database.RecordRun(Run(null));
        Assert.Equal(0L, _files.Scalar("SELECT consecutive_failures FROM source_state"));
        Assert.Equal("2026-03-04T05:06:07Z", _files.Scalar("SELECT last_success_at FROM source_state"));
        Assert.Equal(3L, _files.Scalar("SELECT count(*) FROM runs"));
    }

    [Fact]
    public void Worker_stores_while_a_pipeline_holds_a_read_transaction()
    {
        var database = _files.Open();
        database.SyncSources(TemporaryDatabase.Sources("a"), Now);
        database.StoreArticle(Article("a", "https://a.example/1"));

        // A pipeline in the middle of a long read. In rollback-journal mode its shared lock
        // would keep our commit waiting until the busy timeout, then fail.
        using var reader = _files.OpenReader();
        using var readTransaction = reader.BeginTransaction(deferred: true);
        using var count = reader.CreateCommand();
        count.Transaction = readTransaction;
        count.CommandText = "SELECT count(*) FROM articles";
        Assert.Equal(1L, count.ExecuteScalar());

        var outcome = database.StoreArticle(Article("a", "https://a.example/2", "Another story entirely, stored meanwhile."));

        Assert.Equal(StoreOutcomeKind.Stored, outcome.Kind);
        Assert.Equal(1L, count.ExecuteScalar()); // the reader keeps its consistent snapshot
        readTransaction.Commit();
        Assert.Equal(2L, _files.Scalar("SELECT count(*) FROM articles"));
    }
}
