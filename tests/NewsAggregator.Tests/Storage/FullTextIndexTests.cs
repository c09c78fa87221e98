using Microsoft.Data.Sqlite;
using NewsAggregator.Storage;

namespace NewsAggregator.Tests.Storage;

/// <summary>
/// The full-text index <c>articles_fts</c> on a real SQLite file: in step with <c>articles</c> after
/// every kind of write (a new story, a longer text replacing a cut one, an UPDATE of the title, a
/// DELETE; the writer's batches indexed at their end, in one go), and built for the articles of a database migrated from the version before it. "In step"
/// is asked of FTS5 itself (its integrity check against the content table) and of the index
/// alone, without the join to <c>articles</c> that would hide a stale row.
/// </summary>
public sealed class FullTextIndexTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
    private readonly TemporaryDatabase _files = new();

    public void Dispose() => _files.Dispose();

    private NewsDatabase Open() => _files.OpenWithSources(Now, "a", "b");

    /// <summary>The ids the index alone gives for <paramref name="query"/>, in id order.</summary>
    private List<long> Indexed(string query)
    {
        using var reader = _files.OpenReader();
        using var command = reader.CreateCommand();
        command.CommandText = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH $query ORDER BY rowid";
        command.Parameters.AddWithValue("$query", query);
        using var rows = command.ExecuteReader();
        var ids = new List<long>();
        while (rows.Read())
        {
            ids.Add(rows.GetInt64(0));
        }
        return ids;
    }

    /// <summary>FTS5's integrity check with rank 1, which also compares the index with the rows of <c>articles</c>: throws when they differ.</summary>
    private void AssertInStep()
    {
        Execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1);");
    }

    /// <summary>A write from outside the worker, as another tool (or a later command) would make it.</summary>
    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_files.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Fact]
    public void A_new_story_is_found_by_a_word_of_its_title_and_of_its_text()
    {
        var database = Open();
        var other = database.StoreArticle(ChangeSequenceTests.Article("a", "https://a.example/other", ChangeSequenceTests.DistinctText(1)));

        var stored = database.StoreArticle(ChangeSequenceTests.Article("a", "https://a.example/bridge", ChangeSequenceTests.WholeStory) with
        {
            Title = "Old Mill Bridge shut",
        });

        Assert.Equal([stored.ArticleId], Indexed("title:shut"));
        Assert.Equal([stored.ArticleId], Indexed("divers"));
        Assert.Equal([other.ArticleId, stored.ArticleId], Indexed("title:title OR divers"));
        AssertInStep();
    }

    [Fact]
    public void A_longer_text_replacing_a_cut_one_is_found_by_the_words_it_added()
    {
        var database = Open();
        var cut = database.StoreArticle(ChangeSequenceTests.Article("a", "https://cut-copies.example/news/bridge", ChangeSequenceTests.CutStory));
        Assert.Empty(Indexed("divers"));

        var whole = database.StoreArticle(ChangeSequenceTests.Article(
            "b", "https://www.harwick-herald.example/news/2026/03/bridge-closed", ChangeSequenceTests.WholeStory, 1));

        Assert.True(whole.TextReplaced);
        Assert.Equal([cut.ArticleId], Indexed("divers"));
        Assert.Equal([cut.ArticleId], Indexed("cracks"));
        AssertInStep();
    }

    [Fact]
    public void An_update_of_the_title_replaces_its_words_in_the_index()
    {
        var database = Open();
        var stored = database.StoreArticle(ChangeSequenceTests.Article("a", "https://a.example/bridge", ChangeSequenceTests.WholeStory) with
        {
            Title = "Bridge shut",
        });

        Execute($"UPDATE articles SET title = 'Bridge reopened' WHERE id = {stored.ArticleId};");

        Assert.Empty(Indexed("title:shut"));
        Assert.Equal([stored.ArticleId], Indexed("title:reopened"));
        AssertInStep();
    }

    [Fact]
    public void A_deleted_article_leaves_the_index()
    {
        var database = Open();
        var kept = database.StoreArticle(ChangeSequenceTests.Article("a", "https://a.example/kept", ChangeSequenceTests.DistinctText(1)));
        var deleted = database.StoreArticle(ChangeSequenceTests.Article("a", "https://a.example/bridge", ChangeSequenceTests.WholeStory));
        Assert.Equal([deleted.ArticleId], Indexed("divers"));

        Execute($"DELETE FROM article_sightings WHERE article_id = {deleted.ArticleId}; DELETE FROM articles WHERE id = {deleted.ArticleId};");

        Assert.Empty(Indexed("divers"));
        Assert.Equal([kept.ArticleId], Indexed("title:title"));
        AssertInStep();
    }

    [Fact]
    public void The_change_stamp_alone_does_not_rewrite_the_index()
    {
        var database = Open();
        var stored = database.StoreArticle(ChangeSequenceTests.Article("a", "https://a.example/bridge", ChangeSequenceTests.WholeStory));
        var before = _files.Scalar("SELECT count(*) FROM articles_fts_data");

        // A new sighting stamps the article (change_seq, updated_at) and nothing else.
        Assert.True(database.AddSighting(stored.ArticleId, "b", "https://b.example/bridge", Now.AddHours(1)));

        // Rewriting a row adds segments to the index until it merges them: none added means untouched.
        Assert.Equal(before, _files.Scalar("SELECT count(*) FROM articles_fts_data"));
        AssertInStep();
    }

    /// <summary>The index's segments (FTS5 writes one each time it writes out the terms it holds in memory).</summary>
    private long Segments()
    {
        using var reader = _files.OpenReader();
        using var command = reader.CreateCommand();
        command.CommandText = "SELECT count(DISTINCT segid) FROM articles_fts_idx";
        return (long)command.ExecuteScalar()!;
    }

    private long Pending()
    {
        using var reader = _files.OpenReader();
        using var command = reader.CreateCommand();
        command.CommandText = "SELECT count(*) FROM articles_fts_pending";
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public void The_writer_s_batch_is_indexed_at_its_end_as_one_segment()
    {
        var database = Open();
        var batch = Enumerable.Range(1, 3)
            .Select(n => database.PrepareArticle(ChangeSequenceTests.Article("a", $"https://a.example/story-{n}", ChangeSequenceTests.DistinctText(n)), run: null))
            .ToList();

        var outcomes = database.StoreArticles(batch);

        // Row by row, each article was a segment of its own (three, below the four FTS5 merges).
        Assert.Equal(1, Segments());
        Assert.Equal(outcomes.Select(outcome => outcome.ArticleId), Enumerable.Range(1, 3).SelectMany(n => Indexed(ChangeSequenceTests.DistinctText(n).Split(' ')[0])));
        Assert.Equal(0, Pending());
        AssertInStep();
    }

    [Fact]
    public void A_copy_in_the_same_batch_replacing_a_cut_text_leaves_the_index_with_the_longer_one()
    {
        var database = Open();
        var batch = new[]
        {
            database.PrepareArticle(ChangeSequenceTests.Article("a", "https://cut-copies.example/news/bridge", ChangeSequenceTests.CutStory), run: null),
            database.PrepareArticle(ChangeSequenceTests.Article(
                "b", "https://www.harwick-herald.example/news/2026/03/bridge-closed", ChangeSequenceTests.WholeStory, 1), run: null),
        };

        var outcomes = database.StoreArticles(batch);

        Assert.True(outcomes[1].TextReplaced);
        Assert.Equal([outcomes[0].ArticleId], Indexed("divers"));
        Assert.Equal(0, Pending());
        AssertInStep();
    }

    [Fact]
    public void From_the_version_with_row_triggers_the_articles_indexed_then_stay_in_step()
    {
        DatabaseFiles.AtVersion(_files.Path, Schema.FullTextDeferredVersion - 1, """
            INSERT INTO sources (id, name, type, url, updated_at) VALUES ('a', 'A', 'rss', 'https://a.example/feed', '2026-03-04T00:00:00Z');
            INSERT INTO articles (id, source_id, url, title, fetched_at, text) VALUES (4, 'a', 'https://a.example/cafe', 'Café reopens', '2026-03-04T04:00:00Z', 'The corner café on Mill Street reopened.');
            """);

        var database = _files.Open();
        var next = database.StoreArticle(ChangeSequenceTests.Article("a", "https://a.example/next", "Divers found the cracks at the café were shallow."));
        Execute("UPDATE articles SET title = 'Café shut again' WHERE id = 4;");

        Assert.Equal(Schema.Migrations.Length, database.SchemaVersion);
        Assert.Equal([4L, next.ArticleId], Indexed("cafe"));
        Assert.Equal([4L], Indexed("title:shut"));
        Assert.Empty(Indexed("title:reopens"));
        AssertInStep();
    }

    /// <summary>A database at the version before the index, with two articles (ids 4 and 9) in it.</summary>
    private void AtVersionBeforeTheIndex() =>
        DatabaseFiles.AtVersion(_files.Path, Schema.FullTextSearchVersion - 1, """
            INSERT INTO sources (id, name, type, url, updated_at) VALUES ('a', 'A', 'rss', 'https://a.example/feed', '2026-03-04T00:00:00Z');
            INSERT INTO articles (id, source_id, url, title, fetched_at, text) VALUES (4, 'a', 'https://a.example/cafe', 'Café reopens', '2026-03-04T04:00:00Z', 'The corner café on Mill Street reopened.');
            INSERT INTO articles (id, source_id, url, title, fetched_at, text) VALUES (9, 'a', 'https://a.example/bridge', NULL, '2026-03-04T09:00:00Z', 'Divers examined the piers of the bridge.');
            """);

    [Fact]
    public void Migration_indexes_the_articles_of_a_database_from_the_version_before()
    {
        AtVersionBeforeTheIndex();

        var database = _files.Open();

        Assert.Equal(Schema.Migrations.Length, database.SchemaVersion);
        Assert.Equal([4L], Indexed("cafe"));
        Assert.Equal([9L], Indexed("divers"));
        AssertInStep();
        // And kept in step from then on.
        var next = database.StoreArticle(ChangeSequenceTests.Article("a", "https://a.example/next", "Divers found the cracks were shallow, long enough."));
        Assert.Equal([9L, next.ArticleId], Indexed("divers"));
        AssertInStep();
    }

    private bool IndexExists()
    {
        using var reader = _files.OpenReader();
        using var command = reader.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name LIKE 'articles_fts%'";
        return (long)command.ExecuteScalar()! > 0;
    }

    [Fact]
    public void Turned_off_the_index_and_its_triggers_go_and_turned_on_again_it_is_built_over_every_article()
    {
        var before = Open().StoreArticle(ChangeSequenceTests.Article("a", "https://a.example/bridge", ChangeSequenceTests.WholeStory)).ArticleId;
        var path = _files.Path;

        var off = NewsDatabase.Open(path, new StorageOptions { FullTextSearch = false });
        Assert.False(IndexExists());
        // Articles are stored as before, without the index.
        var later = off.StoreArticle(ChangeSequenceTests.Article("b", "https://b.example/other", ChangeSequenceTests.DistinctText(2))).ArticleId;

        // A tool that does not say (null) leaves the database as the worker keeps it.
        NewsDatabase.Open(path);
        Assert.False(IndexExists());

        NewsDatabase.Open(path, new StorageOptions { FullTextSearch = true });
        Assert.True(IndexExists());
        Assert.Contains(before, Indexed("bridge"));
        // Stored while the index was off, found once it is built again.
        Assert.Contains(later, Indexed(ChangeSequenceTests.DistinctText(2).Split(' ')[0]));
        AssertInStep();
    }

    [Fact]
    public void A_worker_whose_index_another_process_dropped_goes_on_storing_and_one_that_found_none_indexes_after_it_is_built()
    {
        var worker = Open();
        worker.StoreArticle(ChangeSequenceTests.Article("a", "https://a.example/first", ChangeSequenceTests.DistinctText(1)));

        var without = NewsDatabase.Open(_files.Path, new StorageOptions { FullTextSearch = false });
        var stored = worker.StoreArticle(ChangeSequenceTests.Article("a", "https://a.example/second", ChangeSequenceTests.DistinctText(2)));
        Assert.Equal(StoreOutcomeKind.Stored, stored.Kind);
        Assert.False(IndexExists());

        NewsDatabase.Open(_files.Path, new StorageOptions { FullTextSearch = true });
        var third = without.StoreArticle(ChangeSequenceTests.Article("b", "https://b.example/third", ChangeSequenceTests.DistinctText(3)));
        Assert.Equal([third.ArticleId], Indexed(ChangeSequenceTests.DistinctText(3).Split(' ')[0]));
        Assert.Equal(0, Pending());
        AssertInStep();
    }

    [Fact]
    public void Migrated_with_the_setting_off_the_index_is_not_built()
    {
        AtVersionBeforeTheIndex();

        var database = NewsDatabase.Open(_files.Path, new StorageOptions { FullTextSearch = false });

        Assert.Equal(Schema.Migrations.Length, database.SchemaVersion);
        Assert.False(IndexExists());
    }
}
