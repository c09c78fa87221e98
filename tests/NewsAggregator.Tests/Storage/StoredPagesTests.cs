using System.Text;
using Microsoft.Data.Sqlite;
using NewsAggregator.Storage;

namespace NewsAggregator.Tests.Storage;

/// <summary>
/// <c>article_pages</c> on a real SQLite file: which writes keep a page, the compression round trip,
/// the size limit, the cascade on delete, and the migration of a database that had articles before it.
/// </summary>
public sealed class StoredPagesTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
    private readonly TemporaryDatabase _files = new();

    public void Dispose() => _files.Dispose();

    private NewsDatabase Open() => _files.OpenWithSources(Now, "a", "b");

    private static StoredPage Page(string sourceId, string url, string marker) =>
        StoredPage.Of(sourceId, url, url, "text/html", "utf-8", Now,
            Encoding.UTF8.GetBytes($"<html><body><article><p>{marker}</p>{string.Concat(Enumerable.Repeat("<p>Same paragraph again.</p>", 200))}</article></body></html>"))!;

    /// <summary>Stores a story with a page of its own (<paramref name="marker"/> in it).</summary>
    private static StoreOutcome StoreWithPage(NewsDatabase database, string sourceId, string url, string text, string marker, double hoursLater = 0) =>
        database.StoreArticle(ChangeSequenceTests.Article(sourceId, url, text, hoursLater) with { Page = Page(sourceId, url, marker) });

    private long PageCount() => (long)_files.Scalar("SELECT count(*) FROM article_pages")!;

    [Fact]
    public void A_page_is_kept_compressed_and_comes_back_byte_for_byte()
    {
        var raw = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<p>Harbour board meets.</p>", 500)));

        var page = StoredPage.Of("a", "https://a.example/1", "https://a.example/1?final", "text/html", "iso-8859-1", Now, raw)!;

        Assert.Equal(StoredPage.BrotliEncoding, page.Encoding);
        Assert.Equal(raw.Length, page.RawLength);
        Assert.True(page.Body.Length < raw.Length / 10, $"{page.Body.Length} bytes kept of {raw.Length}");
        Assert.Equal(raw, page.Decompress());
    }

    [Fact]
    public void A_page_of_half_a_megabyte_or_more_is_compressed_more_lightly_and_comes_back_byte_for_byte()
    {
        // Inline application state, as heavy pages carry: records that repeat in shape, not in value.
        var random = new Random(7);
        var state = new StringBuilder("<html><head><script type=\"application/json\">[");
        while (state.Length < StoredPage.LargePageBytes)
        {
            state.Append(System.Globalization.CultureInfo.InvariantCulture, $"{{\"id\":{random.Next(1_000_000)},\"path\":\"/news/{random.Next(100_000)}\"}},");
        }
        var large = Encoding.UTF8.GetBytes(state.Append("0]</script></head><body><p>Story.</p></body></html>").ToString());
        var small = large[..(StoredPage.LargePageBytes - 1)];

        var largePage = StoredPage.Of("a", "u", "u", "text/html", null, Now, large)!;
        var smallPage = StoredPage.Of("a", "u", "u", "text/html", null, Now, small)!;

        Assert.NotEqual(StoredPage.Compress(large, StoredPage.Quality, StoredPage.Window), largePage.Body);
        Assert.Equal(StoredPage.Compress(large, StoredPage.LargePageQuality, StoredPage.Window), largePage.Body);
        Assert.Equal(StoredPage.Compress(small, StoredPage.Quality, StoredPage.Window), smallPage.Body);
        Assert.Equal(large, largePage.Decompress());
        Assert.Equal(small, smallPage.Decompress());
    }

    [Fact]
    public void A_page_over_the_limit_is_not_kept()
    {
        Assert.NotNull(StoredPage.Of("a", "u", "u", null, null, Now, new byte[StoredPage.MaxRawBytes]));
        Assert.Null(StoredPage.Of("a", "u", "u", null, null, Now, new byte[StoredPage.MaxRawBytes + 1]));
    }

    [Fact]
    public void A_damaged_page_says_so_instead_of_giving_other_bytes()
    {
        var page = Page("a", "https://a.example/1", "one");
        var damaged = page with { Body = page.Body[..(page.Body.Length / 2)] };

        var problem = Assert.Throws<InvalidDataException>(damaged.Decompress);
        Assert.Contains("damaged", problem.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => (page with { Encoding = "zstd" }).Decompress());
    }

    [Fact]
    public void A_new_story_keeps_its_page_and_a_copy_stored_as_a_sighting_does_not()
    {
        var database = Open();
        var first = StoreWithPage(database, "a", "https://a.example/story", ChangeSequenceTests.WholeStory, "first");
        var copy = StoreWithPage(database, "b", "https://b.example/copy", ChangeSequenceTests.WholeStory, "copy", 1);

        Assert.Equal(StoreOutcomeKind.SameText, copy.Kind);
        Assert.Equal(1, PageCount());
        var kept = database.FindPage(first.ArticleId)!;
        Assert.Equal(("a", "https://a.example/story", "utf-8", Now), (kept.SourceId, kept.Url, kept.Charset, kept.FetchedAt));
        Assert.Contains("first", Encoding.UTF8.GetString(kept.Decompress()), StringComparison.Ordinal);
    }

    [Fact]
    public void A_longer_copy_that_replaces_the_text_brings_its_page()
    {
        var database = Open();
        var cut = StoreWithPage(database, "a", "https://cut.example/story", ChangeSequenceTests.CutStory, "cut");
        var whole = StoreWithPage(database, "b", "https://whole.example/story", ChangeSequenceTests.WholeStory, "whole", 2);

        Assert.True(whole.TextReplaced);
        Assert.Equal(cut.ArticleId, whole.ArticleId);
        var kept = database.FindPage(cut.ArticleId)!;
        Assert.Equal(("b", "https://whole.example/story"), (kept.SourceId, kept.Url));
        Assert.Equal(1, PageCount());
    }

    [Fact]
    public void A_longer_text_from_a_feed_leaves_the_story_without_a_page()
    {
        var database = Open();
        var cut = StoreWithPage(database, "a", "https://cut.example/story", ChangeSequenceTests.CutStory, "cut");

        var whole = database.StoreArticle(ChangeSequenceTests.Article("b", "https://whole.example/story", ChangeSequenceTests.WholeStory, 2));

        Assert.True(whole.TextReplaced);
        // The cut page would give the cut text again: re-extracting it would undo the upgrade.
        Assert.Null(database.FindPage(cut.ArticleId));
    }

    [Fact]
    public void Deleting_an_article_deletes_its_page()
    {
        var database = Open();
        var stored = StoreWithPage(database, "a", "https://a.example/story", ChangeSequenceTests.WholeStory, "first");
        database.Close();

        using (var connection = new SqliteConnection($"Data Source={_files.Path};Pooling=False;Foreign Keys=True"))
        {
            connection.Open();
            using var delete = connection.CreateCommand();
            delete.CommandText = $"DELETE FROM article_sightings WHERE article_id = {stored.ArticleId}; DELETE FROM articles WHERE id = {stored.ArticleId};";
            delete.ExecuteNonQuery();
        }

        Assert.Equal(0, PageCount());
    }

    [Fact]
    public void A_database_from_before_stored_pages_keeps_its_articles_and_takes_pages_from_then_on()
    {
        var version = Schema.Migrations.Length - 1;
        DatabaseFiles.AtVersion(_files.Path, version, """
            INSERT INTO sources (id, name, type, url, updated_at) VALUES ('a', 'A', 'rss', 'https://a.example/feed', '2026-03-01T00:00:00Z');
            INSERT INTO articles (id, source_id, url, fetched_at, text, change_seq, updated_at)
            VALUES (7, 'a', 'https://a.example/old', '2026-03-01T00:00:00Z', 'An old story.', 1, '2026-03-01T00:00:00Z');
            INSERT INTO article_sightings (article_id, source_id, url, seen_at) VALUES (7, 'a', 'https://a.example/old', '2026-03-01T00:00:00Z');
            UPDATE change_sequence SET last_value = 1;
            """);

        var database = _files.Open();
        var stored = StoreWithPage(database, "a", "https://a.example/new", ChangeSequenceTests.WholeStory, "new");

        Assert.Equal(Schema.Migrations.Length, database.SchemaVersion);
        Assert.Equal("An old story.", _files.Scalar("SELECT text FROM articles WHERE id = 7"));
        Assert.Null(database.FindPage(7));
        Assert.NotNull(database.FindPage(stored.ArticleId));
        Assert.Equal(1, PageCount());
        database.Close();
    }

    /// <summary>The page of article <paramref name="id"/> as reextract reads it, with its article as it stands.</summary>
    private static PageToReextract ReadBack(NewsDatabase database, long id) =>
        database.ReadPagesToReextract(PageSelection.All, id - 1, 1).Single(page => page.ArticleId == id);

    [Fact]
    public void An_earlier_story_re_extracted_to_a_later_ones_text_keeps_its_id_and_takes_the_later_ones_sightings()
    {
        var database = Open();
        var earlier = StoreWithPage(database, "a", "https://a.example/story", ChangeSequenceTests.CutStory, "earlier");
        var later = StoreWithPage(database, "a", "https://a.example/other", ChangeSequenceTests.WholeStory, "later", 1);
        Assert.NotEqual(earlier.ArticleId, later.ArticleId);
        var read = ReadBack(database, earlier.ArticleId);

        var outcome = Assert.Single(database.ApplyReextraction(
            [new ReextractedArticle(read, read.Stored with { Text = ChangeSequenceTests.WholeStory }, null)], Now.AddDays(1)));

        Assert.Equal((ReextractionResult.Merged, earlier.ArticleId, (long?)later.ArticleId), (outcome.Result, outcome.ArticleId, outcome.RemovedId));
        Assert.Equal(1L, _files.Scalar("SELECT count(*) FROM articles"));
        Assert.Equal(ChangeSequenceTests.WholeStory, _files.Scalar($"SELECT text FROM articles WHERE id = {earlier.ArticleId}"));
        Assert.Equal(earlier.ArticleId, database.FindArticleIdByUrl("https://a.example/other"));
        Assert.Equal("earlier", Marker(database.FindPage(earlier.ArticleId)!));
        Assert.Equal(1, PageCount());
        // The deletion is in the change feed, with what took the story's place, before the change to the kept article.
        Assert.Equal($"merged {earlier.ArticleId}", _files.Scalar($"SELECT reason || ' ' || merged_into FROM article_deletions WHERE article_id = {later.ArticleId}"));
        Assert.Equal(1L, _files.Scalar(
            $"SELECT count(*) FROM article_deletions d, articles a WHERE a.id = {earlier.ArticleId} AND d.change_seq < a.change_seq"));
    }

    [Fact]
    public void A_later_story_whose_new_text_is_a_longer_copy_of_an_earlier_one_gives_it_that_text_and_its_page()
    {
        var database = Open();
        var earlier = StoreWithPage(database, "a", "https://a.example/cut", ChangeSequenceTests.CutStory, "earlier");
        var later = StoreWithPage(database, "b", "https://b.example/other", ChangeSequenceTests.DistinctText(9), "later", 1);
        var read = ReadBack(database, later.ArticleId);

        var outcome = Assert.Single(database.ApplyReextraction(
            [new ReextractedArticle(read, read.Stored with { Text = ChangeSequenceTests.WholeStory }, null)], Now.AddDays(1)));

        Assert.Equal((ReextractionResult.Merged, earlier.ArticleId, (long?)later.ArticleId), (outcome.Result, outcome.ArticleId, outcome.RemovedId));
        Assert.Equal(ChangeSequenceTests.WholeStory, _files.Scalar($"SELECT text FROM articles WHERE id = {earlier.ArticleId}"));
        Assert.Equal("later", Marker(database.FindPage(earlier.ArticleId)!));
        Assert.Equal(earlier.ArticleId, database.FindArticleIdByUrl("https://b.example/other"));
    }

    [Fact]
    public void An_article_changed_after_its_page_was_read_is_left_alone()
    {
        var database = Open();
        var stored = StoreWithPage(database, "a", "https://a.example/story", ChangeSequenceTests.WholeStory, "first");
        var read = ReadBack(database, stored.ArticleId);
        database.AddSighting(stored.ArticleId, "b", "https://b.example/seen", Now.AddHours(1));

        var outcome = Assert.Single(database.ApplyReextraction(
            [new ReextractedArticle(read, read.Stored with { Title = "Another title" }, null)], Now.AddDays(1)));

        Assert.Equal(ReextractionResult.Skipped, outcome.Result);
        Assert.Equal("A title", _files.Scalar($"SELECT title FROM articles WHERE id = {stored.ArticleId}"));
    }

    private static string Marker(StoredPage page)
    {
        var html = Encoding.UTF8.GetString(page.Decompress());
        var start = html.IndexOf("<p>", StringComparison.Ordinal) + 3;
        return html[start..html.IndexOf("</p>", start, StringComparison.Ordinal)];
    }
}
