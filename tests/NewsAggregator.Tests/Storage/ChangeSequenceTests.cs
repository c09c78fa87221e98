using Microsoft.Data.Sqlite;
using NewsAggregator.Dedup;
using NewsAggregator.Storage;

namespace NewsAggregator.Tests.Storage;

/// <summary>
/// The change sequence on a real SQLite file: which writes take the next value, which do not, how
/// a migrated database numbers the articles it already had, and that a value is never given twice.
/// </summary>
public sealed class ChangeSequenceTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
    private static readonly string Story = FixturePath.ReadText("Dedup", "Stories", "bridge-closed.txt");
    private readonly TemporaryDatabase _files = new();

    public void Dispose() => _files.Dispose();

    private NewsDatabase Open()
    {
        var database = _files.Open();
        database.SyncSources(TemporaryDatabase.Sources("a", "b"), Now);
        return database;
    }

    internal static ArticleRecord Article(string sourceId, string url, string text, double hoursLater = 0) => new()
    {
        SourceId = sourceId,
        Url = url,
        Text = text,
        ContentHash = ContentFingerprint.Of(text),
        Title = "A title",
        PublishedAt = Now.AddHours(hoursLater - 1),
        FetchedAt = Now.AddHours(hoursLater),
    };

    /// <summary>The first three quarters of the story: a cut copy a whole one later replaces.</summary>
    internal static string CutStory => string.Join(' ', Story.Split(' ').Take(Story.Split(' ').Length * 3 / 4));

    internal static string WholeStory => Story;

    /// <summary>A text of its own for each number: long enough to be fingerprinted, sharing no phrase with another.</summary>
    internal static string DistinctText(int number) =>
        string.Join(' ', Enumerable.Range(0, 40).Select(word =>
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(number * 1000 + word)))[..8]));

    private (long Seq, string UpdatedAt) StampOf(long id)
    {
        using var reader = _files.OpenReader();
        using var command = reader.CreateCommand();
        command.CommandText = $"SELECT change_seq, updated_at FROM articles WHERE id = {id}";
        using var row = command.ExecuteReader();
        Assert.True(row.Read());
        return (row.GetInt64(0), row.GetString(1));
    }

    [Fact]
    public void Each_new_story_takes_the_next_value_and_its_fetch_time()
    {
        var database = Open();

        var first = database.StoreArticle(Article("a", "https://a.example/one", "The first story, long enough to hash."));
        var second = database.StoreArticle(Article("a", "https://a.example/two", "The second story, long enough to hash.", 1));

        Assert.Equal((1L, "2026-03-04T05:06:07Z"), StampOf(first.ArticleId));
        Assert.Equal((2L, "2026-03-04T06:06:07Z"), StampOf(second.ArticleId));
    }

    [Fact]
    public void A_longer_text_replacing_a_cut_one_takes_the_next_value()
    {
        var database = Open();
        var cut = database.StoreArticle(Article("a", "https://cut-copies.example/news/bridge", CutStory));
        database.StoreArticle(Article("a", "https://a.example/other", "Another story in between, long enough.", 1));

        var whole = database.StoreArticle(Article("b", "https://www.harwick-herald.example/news/2026/03/bridge-closed", WholeStory, 2));

        Assert.True(whole.TextReplaced);
        Assert.Equal((3L, "2026-03-04T07:06:07Z"), StampOf(cut.ArticleId));
    }

    [Fact]
    public void A_new_sighting_takes_the_next_value_and_a_known_one_none()
    {
        var database = Open();
        var text = DistinctText(1);
        var first = database.StoreArticle(Article("a", "https://a.example/story", text));

        var copy = database.StoreArticle(Article("b", "https://b.example/copy-of-story", text, 1));
        Assert.Equal(StoreOutcomeKind.SameText, copy.Kind);
        Assert.Equal((2L, "2026-03-04T06:06:07Z"), StampOf(first.ArticleId));

        // The same source at the same URL again changes nothing, so takes no value.
        database.StoreArticle(Article("b", "https://b.example/copy-of-story", text, 2));
        Assert.False(database.AddSighting(first.ArticleId, "a", "https://a.example/story", Now.AddHours(3)));
        Assert.Equal((2L, "2026-03-04T06:06:07Z"), StampOf(first.ArticleId));

        // A sighting recorded on its own (a known URL met again under another source) is a change too.
        Assert.True(database.AddSighting(first.ArticleId, "b", "https://b.example/story?from=feed", Now.AddHours(4)));
        Assert.Equal((3L, "2026-03-04T09:06:07Z"), StampOf(first.ArticleId));
    }

    [Fact]
    public void A_value_is_never_given_again_after_the_article_holding_the_highest_is_deleted()
    {
        var database = Open();
        database.StoreArticle(Article("a", "https://a.example/one", "The first story, long enough to hash."));
        var second = database.StoreArticle(Article("a", "https://a.example/two", "The second story, long enough to hash."));
        using (var connection = new SqliteConnection($"Data Source={_files.Path};Pooling=False"))
        {
            connection.Open();
            using var delete = connection.CreateCommand();
            delete.CommandText = $"DELETE FROM article_sightings WHERE article_id = {second.ArticleId}; DELETE FROM articles WHERE id = {second.ArticleId};";
            delete.ExecuteNonQuery();
        }

        var third = database.StoreArticle(Article("a", "https://a.example/three", "The third story, long enough to hash."));

        // The deletion took the next value (it is a change too), the next story the one after.
        Assert.Equal(3L, (long)_files.Scalar($"SELECT change_seq FROM article_deletions WHERE article_id = {second.ArticleId}")!);
        // Deleted by another program, which says nothing of why.
        Assert.Equal("deleted", _files.Scalar($"SELECT reason FROM article_deletions WHERE article_id = {second.ArticleId}"));
        // Nor is the deleted article's id given to the next story, though it was the highest.
        Assert.Equal(second.ArticleId + 1, third.ArticleId);
        Assert.Equal(4L, StampOf(third.ArticleId).Seq);
    }

    [Fact]
    public void Migration_numbers_existing_articles_in_id_order_as_changed_when_fetched()
    {
        // Inserted out of id order: the numbering follows the ids, the order they were stored in.
        DatabaseFiles.AtVersion(_files.Path, Schema.ChangeSequenceVersion - 1, """
            INSERT INTO sources (id, name, type, url, updated_at) VALUES ('a', 'A', 'rss', 'https://a.example/feed', '2026-03-04T00:00:00Z');
            INSERT INTO articles (id, source_id, url, fetched_at, text) VALUES (9, 'a', 'https://a.example/nine', '2026-03-04T09:00:00Z', 'Nine.');
            INSERT INTO articles (id, source_id, url, fetched_at, text) VALUES (5, 'a', 'https://a.example/five', '2026-03-04T05:00:00Z', 'Five.');
            INSERT INTO articles (id, source_id, url, fetched_at, text) VALUES (7, 'a', 'https://a.example/seven', '2026-03-04T07:00:00Z', 'Seven.');
            """);

        var database = _files.Open();

        Assert.Equal(Schema.Migrations.Length, database.SchemaVersion);
        Assert.Equal((1L, "2026-03-04T05:00:00Z"), StampOf(5));
        Assert.Equal((2L, "2026-03-04T07:00:00Z"), StampOf(7));
        Assert.Equal((3L, "2026-03-04T09:00:00Z"), StampOf(9));
        var next = database.StoreArticle(Article("a", "https://a.example/ten", "The next story, long enough to hash."));
        Assert.Equal(4L, StampOf(next.ArticleId).Seq);
    }

    [Fact]
    public void Two_articles_cannot_hold_the_same_value()
    {
        var database = Open();
        database.StoreArticle(Article("a", "https://a.example/one", "The first story, long enough to hash."));
        var second = database.StoreArticle(Article("a", "https://a.example/two", "The second story, long enough to hash."));
        using var connection = new SqliteConnection($"Data Source={_files.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE articles SET change_seq = 1 WHERE id = {second.ArticleId}";

        var refused = Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());

        Assert.Contains("UNIQUE", refused.Message, StringComparison.Ordinal);
    }
}
