using Microsoft.Data.Sqlite;
using NewsAggregator.Dedup;
using NewsAggregator.Storage;

namespace NewsAggregator.Tests.Storage;

/// <summary>
/// <c>articles.text_source</c> on a real SQLite file: set on insert, how the page of an article
/// stored from its feed's text replaces it (text, metadata, change value, the run's count), and
/// what the migration gives the rows a database already had.
/// </summary>
public sealed class TextSourceTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
    private const string Url = "https://a.example/news/bridge";
    private const string Teaser = "The harbour bridge is closed until further notice after engineers found cracks, the city said.";
    private readonly TemporaryDatabase _files = new();

    public void Dispose() => _files.Dispose();

    private static ArticleRecord FeedTeaser() => ChangeSequenceTests.Article("a", Url, Teaser) with
    {
        Title = "Bridge shut (feed)",
        Byline = null,
        PublishedAt = null,
        Language = "en",
        TextSource = TextSource.Feed,
    };

    private static ArticleRecord Page(string text, double hoursLater = 1) => ChangeSequenceTests.Article("a", Url, text, hoursLater) with
    {
        Title = "Harbour bridge closed after cracks found",
        Byline = "Jane Doe",
        Language = null,
        Html = "<p>page</p>",
    };

    private (string Text, string Source, string? Title, string? Byline, string? Published, string? Language, string? Hash, long Seq) Row(long id)
    {
        using var reader = _files.OpenReader();
        using var command = reader.CreateCommand();
        command.CommandText = $"SELECT text, text_source, title, byline, published_at, language, content_hash, change_seq FROM articles WHERE id = {id}";
        using var row = command.ExecuteReader();
        Assert.True(row.Read());
        return (row.GetString(0), row.GetString(1), Text(row, 2), Text(row, 3), Text(row, 4), Text(row, 5), Text(row, 6), row.GetInt64(7));
    }

    private static string? Text(SqliteDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

    [Fact]
    public void The_page_replaces_the_feeds_text_at_its_URL_takes_what_the_feed_lacked_and_counts_as_an_upgrade()
    {
        var database = _files.OpenWithSources(Now, "a");
        var run = database.BeginRun("a", Now);
        var teaser = database.StoreArticle(FeedTeaser(), run);
        var before = Row(teaser.ArticleId);

        var page = database.StoreArticle(Page(ChangeSequenceTests.WholeStory), run);

        Assert.Equal((StoreOutcomeKind.Stored, "feed"), (teaser.Kind, before.Source));
        Assert.Equal((StoreOutcomeKind.ReplacedFeedText, teaser.ArticleId, true), (page.Kind, page.ArticleId, page.TextReplaced));
        var after = Row(teaser.ArticleId);
        Assert.Equal((ChangeSequenceTests.WholeStory, "page", ContentFingerprint.Of(ChangeSequenceTests.WholeStory)), (after.Text, after.Source, after.Hash));
        // The page's title and byline; its date where the feed had none; the feed's language where the page is silent.
        Assert.Equal(("Harbour bridge closed after cracks found", "Jane Doe", "2026-03-04T05:06:07Z", "en"),
            (after.Title, after.Byline, after.Published, after.Language));
        Assert.True(after.Seq > before.Seq);
        Assert.Equal(1L, _files.Scalar("SELECT count(*) FROM articles"));
        Assert.Equal("page", _files.Scalar($"SELECT text_source FROM articles WHERE id = {teaser.ArticleId}"));
        Assert.Equal((1L, 0L, 1L), ((long)_files.Scalar("SELECT new_articles FROM runs")!, (long)_files.Scalar("SELECT duplicates FROM runs")!,
            (long)_files.Scalar("SELECT upgraded FROM runs")!));
    }

    [Fact]
    public void The_feeds_text_again_or_a_second_page_at_the_URL_changes_nothing()
    {
        var database = _files.OpenWithSources(Now, "a");
        var teaser = database.StoreArticle(FeedTeaser());
        var again = database.StoreArticle(FeedTeaser() with { Text = Teaser + " More." });
        var page = database.StoreArticle(Page(ChangeSequenceTests.WholeStory));
        var seq = Row(teaser.ArticleId).Seq;

        var second = database.StoreArticle(Page(ChangeSequenceTests.WholeStory + "\n\nUpdated at noon.", hoursLater: 2));

        Assert.Equal((StoreOutcomeKind.KnownUrl, false), (again.Kind, again.TextReplaced));
        Assert.Equal(StoreOutcomeKind.ReplacedFeedText, page.Kind);
        Assert.Equal((StoreOutcomeKind.KnownUrl, false), (second.Kind, second.TextReplaced));
        Assert.Equal((ChangeSequenceTests.WholeStory, seq), (Row(teaser.ArticleId).Text, Row(teaser.ArticleId).Seq));
    }

    [Fact]
    public void A_page_whose_text_another_article_holds_completes_its_own_article_without_taking_the_hash()
    {
        var database = _files.OpenWithSources(Now, "a", "b");
        var elsewhere = database.StoreArticle(ChangeSequenceTests.Article("b", "https://b.example/world/bridge", ChangeSequenceTests.WholeStory));
        var teaser = database.StoreArticle(FeedTeaser());

        var page = database.StoreArticle(Page(ChangeSequenceTests.WholeStory));

        Assert.Equal((StoreOutcomeKind.ReplacedFeedText, teaser.ArticleId), (page.Kind, page.ArticleId));
        Assert.Equal((ChangeSequenceTests.WholeStory, "page", (string?)null), (Row(teaser.ArticleId).Text, Row(teaser.ArticleId).Source, Row(teaser.ArticleId).Hash));
        Assert.Equal(ContentFingerprint.Of(ChangeSequenceTests.WholeStory), Row(elsewhere.ArticleId).Hash);
        Assert.Equal(2L, _files.Scalar("SELECT count(*) FROM articles"));
    }

    [Fact]
    public void Migration_marks_the_articles_a_database_had_as_page_and_its_runs_as_upgrading_none()
    {
        DatabaseFiles.AtVersion(_files.Path, Schema.TextSourceVersion - 1, """
            INSERT INTO sources (id, name, type, url, updated_at) VALUES ('a', 'A', 'rss', 'https://a.example/feed', '2026-03-04T00:00:00Z');
            INSERT INTO articles (id, source_id, url, fetched_at, text, change_seq, updated_at)
            VALUES (1, 'a', 'https://a.example/one', '2026-03-04T05:00:00Z', 'One.', 1, '2026-03-04T05:00:00Z'),
                   (2, 'a', 'https://a.example/two', '2026-03-04T06:00:00Z', 'Two.', 2, '2026-03-04T06:00:00Z');
            UPDATE change_sequence SET last_value = 2;
            INSERT INTO runs (source_id, started_at, finished_at, new_articles, duplicates, failed, known)
            VALUES ('a', '2026-03-04T05:00:00Z', '2026-03-04T06:00:00Z', 2, 0, 0, 0);
            """);

        var database = _files.Open();
        var stored = database.StoreArticle(FeedTeaser());

        Assert.Equal(Schema.Migrations.Length, database.SchemaVersion);
        Assert.Equal(("page", "page"), (Row(1).Source, Row(2).Source));
        Assert.Equal((1L, 2L), (Row(1).Seq, Row(2).Seq));
        Assert.Equal(0L, _files.Scalar("SELECT upgraded FROM runs"));
        Assert.Equal(("feed", 3L), (Row(stored.ArticleId).Source, Row(stored.ArticleId).Seq));
        using var writer = new SqliteConnection($"Data Source={_files.Path};Pooling=False");
        writer.Open();
        using var command = writer.CreateCommand();
        command.CommandText = "UPDATE articles SET text_source = 'rss' WHERE id = 1";
        Assert.Contains("CHECK", Assert.Throws<SqliteException>(() => command.ExecuteNonQuery()).Message, StringComparison.Ordinal);
    }
}
