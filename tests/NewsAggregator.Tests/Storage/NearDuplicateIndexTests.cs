using Microsoft.Data.Sqlite;
using NewsAggregator.Dedup;
using NewsAggregator.Storage;

namespace NewsAggregator.Tests.Storage;

/// <summary>Near-duplicate detection as storage applies it, on a real SQLite file.</summary>
public sealed class NearDuplicateIndexTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
    private static readonly string Story = FixturePath.ReadText("Dedup", "Stories", "bridge-closed.txt");
    private static readonly string WireCopy =
        "By Jane Doe, Coastal News Service\n\n" + Story.Replace("HARWICK — ", "HARWICK, England (CNS) — ", StringComparison.Ordinal)
        + "\n\nCopyright 2026 Coastal News Service. All rights reserved.";

    private readonly TemporaryDatabase _files = new();

    public void Dispose() => _files.Dispose();

    private NewsDatabase Open()
    {
        var database = _files.Open();
        database.SyncSources(TemporaryDatabase.Sources("a", "b", "c", "d"), Now);
        return database;
    }

    private static ArticleRecord Article(string sourceId, string url, string text, double hoursLater = 0, string? declaredCanonical = null) => new()
    {
        SourceId = sourceId,
        Url = url,
        Text = text,
        ContentHash = ContentFingerprint.Of(text),
        DeclaredCanonicalUrl = declaredCanonical,
        PublishedAt = Now.AddHours(hoursLater - 1),
        FetchedAt = Now.AddHours(hoursLater),
    };

    private static string Cut(string text, double share)
    {
        var words = text.Split(' ');
        return string.Join(' ', words.Take((int)(words.Length * share)));
    }

    private long Count(string sql) => (long)_files.Scalar(sql)!;

    [Fact]
    public void Wire_copy_on_another_site_becomes_a_sighting_of_the_first_article()
    {
        var database = Open();
        var first = database.StoreArticle(Article("a", "https://www.harwick-herald.example/news/2026/03/bridge-closed", Story));

        var copy = database.StoreArticle(Article("b", "https://coastal-times.example/world/bridge-closed.html", WireCopy, 3));

        Assert.Equal(new StoreOutcome(StoreOutcomeKind.NearDuplicate, first.ArticleId), copy);
        Assert.Equal(1L, Count("SELECT count(*) FROM articles"));
        Assert.Equal(2L, Count($"SELECT count(*) FROM article_sightings WHERE article_id = {first.ArticleId}"));
        Assert.Equal(first.ArticleId, database.FindArticleIdByUrl("https://coastal-times.example/world/bridge-closed.html"));
        Assert.Equal(Story, _files.Scalar("SELECT text FROM articles"));
    }

    [Fact]
    public void Index_outlives_the_process_that_wrote_it()
    {
        var writer = Open();
        var first = writer.StoreArticle(Article("a", "https://www.harwick-herald.example/news/2026/03/bridge-closed", Story));
        writer.Close();
        SqliteConnection.ClearAllPools();

        var copy = NewsDatabase.Open(_files.Path).StoreArticle(Article("b", "https://coastal-times.example/world/bridge-closed.html", WireCopy, 30));

        Assert.Equal(StoreOutcomeKind.NearDuplicate, copy.Kind);
        Assert.Equal(first.ArticleId, copy.ArticleId);
    }

    /// <summary>Every indexed key: those merged into the index and those of recent articles, held until the next merge.</summary>
    private const string AllKeys = """
        (SELECT band_key, article_id FROM near_duplicate_bands
         UNION ALL SELECT k.value, r.article_id FROM near_duplicate_recent r JOIN json_each(r.band_keys) k)
        """;

    [Fact]
    public void Each_article_long_enough_to_compare_is_indexed_under_one_key_per_band()
    {
        var database = Open();
        var story = database.StoreArticle(Article("a", "https://a.example/news/story", Story));
        var brief = database.StoreArticle(Article("a", "https://a.example/news/brief", "Bridge Street is closed until Friday."));

        Assert.Equal(LshBands.Count, Count($"SELECT count(*) FROM {AllKeys} WHERE article_id = {story.ArticleId}"));
        Assert.Equal(0L, Count($"SELECT count(*) FROM {AllKeys} WHERE article_id = {brief.ArticleId}"));
    }

    [Fact]
    public void Whole_story_after_a_cut_copy_replaces_the_stored_text_and_its_index_keys()
    {
        var database = Open();
        var cut = Cut(Story, 0.75);
        var first = database.StoreArticle(Article("a", "https://cut-copies.example/news/bridge", cut) with { Html = "<p>cut</p>" });

        var whole = database.StoreArticle(Article("b", "https://www.harwick-herald.example/news/2026/03/bridge-closed", Story, 2) with { Html = "<p>whole</p>" });

        Assert.Equal(new StoreOutcome(StoreOutcomeKind.NearDuplicate, first.ArticleId, TextReplaced: true), whole);
        Assert.Equal(Story, _files.Scalar("SELECT text FROM articles"));
        Assert.Equal("<p>whole</p>", _files.Scalar("SELECT html FROM articles"));
        Assert.Equal(ContentFingerprint.Of(Story), _files.Scalar("SELECT content_hash FROM articles"));
        Assert.Equal("https://cut-copies.example/news/bridge", _files.Scalar("SELECT url FROM articles"));
        Assert.Equal(LshBands.Count, Count($"SELECT count(*) FROM {AllKeys}"));
        var expected = LshBands.KeysOf(StoryShingles.Of(Story));
        Assert.Equal(LshBands.Count, Count($"SELECT count(*) FROM {AllKeys} WHERE band_key IN ({string.Join(',', expected)})"));

        // The replaced text is what later copies meet: word for word by hash, a cut copy by containment.
        Assert.Equal(StoreOutcomeKind.SameText, database.StoreArticle(Article("c", "https://third.example/2026/03/bridge", Story, 3)).Kind);
        var later = database.StoreArticle(Article("d", "https://fourth.example/2026/03/bridge", Cut(Story, 0.8), 4));
        Assert.Equal(new StoreOutcome(StoreOutcomeKind.NearDuplicate, first.ArticleId), later);
    }

    [Fact]
    public void Similar_text_under_another_url_of_the_same_site_is_another_article()
    {
        var database = Open();
        var first = database.StoreArticle(Article("a", "https://www.harwick-herald.example/news/2026/03/bridge-closed", Story));

        var update = database.StoreArticle(Article("b", "https://news.harwick-herald.example/2026/03/bridge-closed-update", WireCopy, 2));

        Assert.Equal(StoreOutcomeKind.Stored, update.Kind);
        Assert.NotEqual(first.ArticleId, update.ArticleId);
    }

    [Fact]
    public void Same_text_published_weeks_later_is_another_article()
    {
        var database = Open();
        database.StoreArticle(Article("a", "https://www.harwick-herald.example/news/2026/03/bridge-closed", Story));

        var rerun = database.StoreArticle(Article("b", "https://coastal-times.example/world/bridge-closed.html", WireCopy, 24 * 21));

        Assert.Equal(StoreOutcomeKind.Stored, rerun.Kind);
    }

    [Fact]
    public void Page_of_the_same_site_declaring_a_stored_url_canonical_is_that_story_when_the_texts_agree()
    {
        var database = Open();
        const string canonical = "https://www.harwick-herald.example/news/2026/03/bridge-closed";
        var first = database.StoreArticle(Article("a", canonical, Story));

        var print = database.StoreArticle(Article("b", "https://www.harwick-herald.example/print/2026/03/bridge-closed", WireCopy, 1, canonical));

        Assert.Equal(new StoreOutcome(StoreOutcomeKind.DeclaredCanonical, first.ArticleId), print);
    }

    [Fact]
    public void Canonical_declaration_naming_another_story_is_ignored()
    {
        var database = Open();
        const string other = "https://www.harwick-herald.example/news/2026/03/port-strike";
        database.StoreArticle(Article("a", other, FixturePath.ReadText("Dedup", "Stories", "port-strike-begins.txt")));

        // A template bug: every page of the site names the same article canonical.
        var story = database.StoreArticle(Article("b", "https://www.harwick-herald.example/news/2026/03/bridge-closed", Story, 1, other));

        Assert.Equal(StoreOutcomeKind.Stored, story.Kind);
        Assert.Equal(2L, Count("SELECT count(*) FROM articles"));
    }

    [Fact]
    public void Articles_stored_before_the_index_existed_are_indexed_when_the_schema_is_upgraded()
    {
        using (var connection = new SqliteConnection($"Data Source={_files.Path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = Schema.Migrations[0] + """
                PRAGMA user_version = 1;
                INSERT INTO sources (id, name, type, url, updated_at) VALUES ('a', 'A', 'rss', 'https://a.example/feed', '2026-03-04T00:00:00Z');
                INSERT INTO articles (id, source_id, url, fetched_at, text) VALUES (7, 'a', 'https://a.example/news/2026/03/bridge', '2026-03-04T05:06:07Z', $text);
                INSERT INTO article_sightings (article_id, source_id, url, seen_at) VALUES (7, 'a', 'https://a.example/news/2026/03/bridge', '2026-03-04T05:06:07Z');
                """;
            command.Parameters.AddWithValue("$text", Story);
            command.ExecuteNonQuery();
        }

        var database = Open();
        var copy = database.StoreArticle(Article("b", "https://coastal-times.example/world/bridge-closed.html", WireCopy, 2));

        Assert.Equal(LshBands.Count + 0L, Count("SELECT count(*) FROM near_duplicate_bands WHERE article_id = 7"));
        Assert.Equal(1L, Count("SELECT count(*) FROM near_duplicate_sketches WHERE article_id = 7"));
        Assert.Equal(new StoreOutcome(StoreOutcomeKind.NearDuplicate, 7), copy);
    }

    [Fact]
    public void Articles_indexed_before_sketches_existed_get_theirs_when_the_schema_is_upgraded()
    {
        var keys = NearDuplicateKeys.Of(StoryShingles.Of(Story));
        using (var connection = new SqliteConnection($"Data Source={_files.Path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // The database as version 6 left it, built by its own migrations (not by taking the
            // sketches from a current one, whose later steps would then run twice): an article
            // with its band keys and no sketch.
            var version = Schema.NearDuplicateSketchVersion - 1;
            command.CommandText = string.Concat(Schema.Migrations.Take(version)) + $"""
                PRAGMA user_version = {version};
                INSERT INTO sources (id, name, type, url, updated_at) VALUES ('a', 'A', 'rss', 'https://a.example/feed', '2026-03-04T00:00:00Z');
                INSERT INTO articles (id, source_id, url, fetched_at, text) VALUES (7, 'a', 'https://www.harwick-herald.example/news/2026/03/bridge-closed', '2026-03-04T05:06:07Z', $text);
                """ + string.Concat(keys.BandKeys.Select(key => $"INSERT INTO near_duplicate_bands (band_key, article_id) VALUES ({key}, 7);"));
            command.Parameters.AddWithValue("$text", Story);
            command.ExecuteNonQuery();
        }

        var reopened = Open();

        Assert.Equal(Schema.Migrations.Length, reopened.SchemaVersion);
        var stored = (byte[])_files.Scalar("SELECT sketch FROM near_duplicate_sketches WHERE article_id = 7")!;
        Assert.Equal(keys.Sketch!.Bytes.ToArray(), stored);
        Assert.Equal(LshBands.Count + 0L, Count("SELECT count(*) FROM near_duplicate_bands WHERE article_id = 7"));
    }
}
