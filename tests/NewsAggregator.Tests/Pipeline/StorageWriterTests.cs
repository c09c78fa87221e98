using NewsAggregator.Dedup;
using NewsAggregator.Pipeline;
using NewsAggregator.Storage;
using NewsAggregator.Tests.Storage;

namespace NewsAggregator.Tests.Pipeline;

/// <summary>
/// The single writer: whatever the number of passes handing it articles at once, the duplicate
/// decisions come out as if the articles had come one at a time.
/// </summary>
public sealed class StorageWriterTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 5, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly TemporaryDatabase _files = new();

    public void Dispose() => _files.Dispose();

    private static ArticleRecord Copy(int site, string story, string text) => new()
    {
        SourceId = $"site-{site}",
        Url = $"https://www.site-{site}.example/news/{story}.html",
        Text = text,
        ContentHash = ContentFingerprint.Of(text),
        Title = story,
        PublishedAt = Now.AddMinutes(-site),
        FetchedAt = Now,
    };

    [Fact]
    public async Task Copies_of_stories_arriving_together_become_one_article_each_with_every_sighting()
    {
        var database = _files.Open();
        database.SyncSources(TemporaryDatabase.Sources([.. Enumerable.Range(0, 12).Select(site => $"site-{site}")]), Now);
        string[] stories = ["bridge-closed", "election-coalition", "port-strike-begins", "wildfire-cause"];
        var texts = stories.ToDictionary(story => story, story => FixturePath.ReadText("Dedup", "Stories", story + ".txt").Trim());
        using var writer = new StorageWriter(database, new StageTimes());

        // Twelve sites each run every story, some word for word, some behind a dateline of their own.
        var arrivals = Enumerable.Range(0, 12).SelectMany(site => stories.Select(story =>
            Copy(site, story, site % 2 == 0 ? texts[story] : $"HARBOUR CITY (Site {site}) — {texts[story]}"))).ToList();
        using var start = new ManualResetEventSlim();
        var stored = arrivals.Select(article => Task.Run(async () =>
        {
            start.Wait();
            return await writer.StoreAsync(article, run: null);
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(stored);

        Assert.Equal(stories.Length, outcomes.Count(outcome => outcome.Kind == StoreOutcomeKind.Stored));
        Assert.Equal(stories.Length, Convert.ToInt64(_files.Scalar("SELECT count(*) FROM articles"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(arrivals.Count, Convert.ToInt64(_files.Scalar("SELECT count(*) FROM article_sightings"), System.Globalization.CultureInfo.InvariantCulture));
        // Every copy of a story points at the same article, and no two stories share one.
        foreach (var story in stories)
        {
            Assert.Single(arrivals.Select((article, i) => (article, outcomes[i])).Where(x => x.article.Title == story).Select(x => x.Item2.ArticleId).Distinct());
        }
        Assert.Equal(stories.Length, outcomes.Select(outcome => outcome.ArticleId).Distinct().Count());
    }

    [Fact]
    public async Task Articles_on_their_way_share_one_commit()
    {
        var database = _files.Open();
        database.SyncSources(TemporaryDatabase.Sources(["site-0", "site-1", "site-2"]), Now);
        using var pages = new PageSlots(new AggregationOptions { PagesInFlight = 8 });
        // A wait far longer than the test: it ends only because every article on its way arrived.
        using var writer = new StorageWriter(database, new StageTimes(), pages, gatherDelay: TimeSpan.FromMinutes(10));
        var entries = Enumerable.Range(0, 3).Select(_ => pages.ForEntry()).ToList();
        foreach (var entry in entries)
        {
            await entry.TakeAsync(CancellationToken.None);
        }
        string[] stories = ["bridge-closed", "election-coalition", "port-strike-begins"];

        // The first article finds two more entries holding pages: the writer waits for them.
        var first = writer.StoreAsync(Copy(0, stories[0], FixturePath.ReadText("Dedup", "Stories", stories[0] + ".txt").Trim()), run: null);
        var others = Enumerable.Range(1, 2).Select(site =>
            writer.StoreAsync(Copy(site, stories[site], FixturePath.ReadText("Dedup", "Stories", stories[site] + ".txt").Trim()), run: null)).ToList();
        var outcomes = await Task.WhenAll([first, .. others]);

        Assert.All(outcomes, outcome => Assert.Equal(StoreOutcomeKind.Stored, outcome.Kind));
        Assert.Equal(1, writer.Transactions);
        entries.ForEach(entry => entry.Dispose());
    }
}
