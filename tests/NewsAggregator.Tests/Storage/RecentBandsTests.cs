using NewsAggregator.Dedup;
using NewsAggregator.Storage;

namespace NewsAggregator.Tests.Storage;

/// <summary>
/// Band keys held for a later merge into the index (<see cref="RecentBands"/>): copies are found
/// whether their original's keys are held or merged, by this database object or another one on the
/// same file (as a <c>--once</c> beside the service would be), on a real SQLite file.
/// </summary>
public sealed class RecentBandsTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    // Twelve different stories, three each on four events: similar subjects, never copies.
    private static readonly string[] Stories =
    [
        "bridge-closed", "bridge-funds", "bridge-traders", "election-coalition", "election-early-count", "election-final-result",
        "port-strike-begins", "port-strike-deal", "port-strike-talks", "wildfire-cause", "wildfire-contained", "wildfire-evacuations",
    ];

    private readonly TemporaryDatabase _files = new();

    public void Dispose() => _files.Dispose();

    private NewsDatabase Open(int mergeAt)
    {
        var database = NewsDatabase.Open(_files.Path, new StorageOptions { NearDuplicateMergeAt = mergeAt });
        database.SyncSources(TemporaryDatabase.Sources("a", "b"), Now);
        return database;
    }

    private static string Text(string story) => FixturePath.ReadText("Dedup", "Stories", story + ".txt");

    /// <summary>The story as another site's wire copy: its own dateline and credit around the same text.</summary>
    private static string WireCopy(string story) =>
        "By Jane Doe, Coastal News Service\n\n" + Text(story) + "\n\nCopyright 2026 Coastal News Service. All rights reserved.";

    private static ArticleRecord Original(string story) => Article("a", $"https://www.harwick-herald.example/news/{story}", Text(story), 0);

    private static ArticleRecord Copy(string story) => Article("b", $"https://coastal-times.example/world/{story}.html", WireCopy(story), 2);

    private static ArticleRecord Article(string sourceId, string url, string text, double hoursLater) => new()
    {
        SourceId = sourceId,
        Url = url,
        Text = text,
        ContentHash = ContentFingerprint.Of(text),
        PublishedAt = Now.AddHours(hoursLater - 1),
        FetchedAt = Now.AddHours(hoursLater),
    };

    private long Count(string sql) => (long)_files.Scalar(sql)!;

    [Fact]
    public void Copies_are_found_whether_their_original_s_keys_were_merged_or_are_still_held()
    {
        var database = Open(mergeAt: 5);
        var originals = Stories.Select(story => database.StoreArticle(Original(story))).ToList();

        // Merged after the 5th and the 10th story: the last two are held.
        Assert.Equal(10L * LshBands.Count, Count("SELECT count(*) FROM near_duplicate_bands"));
        Assert.Equal(2L, Count("SELECT count(*) FROM near_duplicate_recent"));
        for (var i = 0; i < Stories.Length; i++)
        {
            var copy = database.StoreArticle(Copy(Stories[i]));
            Assert.Equal(new StoreOutcome(StoreOutcomeKind.NearDuplicate, originals[i].ArticleId), copy);
        }
        Assert.Equal(Stories.Length, Count("SELECT count(*) FROM articles"));
    }

    [Fact]
    public void Copies_arriving_in_one_batch_with_their_original_are_one_story()
    {
        var database = Open(mergeAt: 1000);
        var batch = new[] { Original("port-strike-deal"), Original("wildfire-cause"), Copy("port-strike-deal") }
            .Select(article => database.PrepareArticle(article, run: null)).ToList();

        var outcomes = database.StoreArticles(batch);

        Assert.Equal([StoreOutcomeKind.Stored, StoreOutcomeKind.Stored, StoreOutcomeKind.NearDuplicate], outcomes.Select(o => o.Kind));
        Assert.Equal(outcomes[0].ArticleId, outcomes[2].ArticleId);
    }

    [Fact]
    public void A_copy_prepared_before_its_original_s_keys_were_merged_is_still_found()
    {
        var database = Open(mergeAt: 2);
        var original = database.StoreArticle(Original("port-strike-begins"));
        // Prepared while the original's keys are held: the index itself has nothing under them yet.
        var copy = database.PrepareArticle(Copy("port-strike-begins"), run: null);
        Assert.Empty(copy.Indexed!.Found);

        database.StoreArticle(Original("wildfire-cause"));
        Assert.Equal(0L, Count("SELECT count(*) FROM near_duplicate_recent"));

        Assert.Equal(new StoreOutcome(StoreOutcomeKind.NearDuplicate, original.ArticleId), database.StoreArticles([copy])[0]);
    }

    [Fact]
    public void A_copy_prepared_after_the_merge_carries_what_the_index_holds_for_the_writer()
    {
        var database = Open(mergeAt: 2);
        var original = database.StoreArticle(Original("election-coalition"));
        database.StoreArticle(Original("bridge-closed"));

        var copy = database.PrepareArticle(Copy("election-coalition"), run: null);

        Assert.Contains(original.ArticleId, copy.Indexed!.Found.Keys);
        Assert.Equal(new StoreOutcome(StoreOutcomeKind.NearDuplicate, original.ArticleId), database.StoreArticles([copy])[0]);
    }

    [Fact]
    public void A_merge_another_database_object_made_after_preparing_is_seen_by_the_writer()
    {
        var service = Open(mergeAt: 1000);
        var once = Open(mergeAt: 2);
        var original = service.StoreArticle(Original("wildfire-evacuations"));
        var copy = service.PrepareArticle(Copy("wildfire-evacuations"), run: null);

        // The other merges every held key, the original's among them, into the index.
        once.StoreArticle(Original("election-final-result"));
        Assert.Equal(0L, Count("SELECT count(*) FROM near_duplicate_recent"));

        Assert.Equal(new StoreOutcome(StoreOutcomeKind.NearDuplicate, original.ArticleId), service.StoreArticles([copy])[0]);
    }

    [Fact]
    public void Keys_another_database_object_stored_are_candidates_here()
    {
        var service = Open(mergeAt: 1000);
        var once = Open(mergeAt: 1000);
        // Each has written once, so each holds a copy of the table from before the other's next write.
        service.StoreArticle(Original("bridge-funds"));
        once.StoreArticle(Original("election-coalition"));

        var original = service.StoreArticle(Original("wildfire-contained"));
        var copy = once.StoreArticle(Copy("wildfire-contained"));

        Assert.Equal(new StoreOutcome(StoreOutcomeKind.NearDuplicate, original.ArticleId), copy);
    }

    [Fact]
    public void A_merge_made_by_another_database_object_leaves_every_story_findable_here()
    {
        var service = Open(mergeAt: 3);
        var once = Open(mergeAt: 3);
        var early = service.StoreArticle(Original("bridge-traders"));

        // The other merges (its third story), emptying the table this one holds a copy of.
        foreach (var story in new[] { "election-final-result", "port-strike-talks" })
        {
            once.StoreArticle(Original(story));
        }
        Assert.Equal(0L, Count("SELECT count(*) FROM near_duplicate_recent"));

        var late = once.StoreArticle(Original("wildfire-evacuations"));
        Assert.Equal(new StoreOutcome(StoreOutcomeKind.NearDuplicate, early.ArticleId), service.StoreArticle(Copy("bridge-traders")));
        Assert.Equal(new StoreOutcome(StoreOutcomeKind.NearDuplicate, late.ArticleId), service.StoreArticle(Copy("wildfire-evacuations")));
    }

    [Fact]
    public void A_replaced_text_s_old_keys_go_and_its_new_ones_are_held()
    {
        var database = Open(mergeAt: 1000);
        var whole = Text("election-early-count");
        var words = whole.Split(' ');
        var cut = string.Join(' ', words.Take(words.Length * 3 / 4));
        var first = database.StoreArticle(Article("a", "https://cut-copies.example/news/early-count", cut, 0));

        var upgrade = database.StoreArticle(Article("b", "https://www.harwick-herald.example/news/early-count", whole, 1));

        Assert.True(upgrade.TextReplaced);
        Assert.Equal(first.ArticleId, upgrade.ArticleId);
        var held = (string)_files.Scalar($"SELECT band_keys FROM near_duplicate_recent WHERE article_id = {first.ArticleId}")!;
        Assert.Equal("[" + string.Join(',', LshBands.KeysOf(StoryShingles.Of(whole))) + "]", held);
    }

    [Fact]
    public void A_key_several_articles_hold_finds_each_until_it_is_let_go()
    {
        var database = Open(mergeAt: 1000);
        using var connection = database.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var recent = new RecentBands();
        recent.Add(connection, transaction, 1, [10, 11, 12], sketch: null);
        recent.Add(connection, transaction, 2, [11, 12, 13], sketch: null);
        recent.Add(connection, transaction, 3, [12, 14], sketch: null);

        Assert.Equal([1L], Found(recent, 10));
        Assert.Equal([1L, 2L], Found(recent, 11));
        Assert.Equal([1L, 2L, 3L], Found(recent, 12));
        Assert.Equal([1L, 2L, 3L], Found(recent, 10, 13, 14));

        recent.Remove(connection, transaction, 2);
        Assert.Equal([1L], Found(recent, 11));
        Assert.Equal([1L, 3L], Found(recent, 12));
        Assert.Empty(Found(recent, 13));

        recent.Remove(connection, transaction, 1);
        Assert.Empty(Found(recent, 10, 11));
        Assert.Equal([3L], Found(recent, 12, 14));
        using var rows = new Microsoft.Data.Sqlite.SqliteCommand("SELECT count(*) FROM near_duplicate_recent", connection, transaction);
        Assert.Equal(1L, Convert.ToInt64(rows.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
    }

    private static long[] Found(RecentBands recent, params long[] keys)
    {
        var found = new Dictionary<long, StorySketch?>();
        recent.Find(keys, found);
        return [.. found.Keys.Order()];
    }
}
