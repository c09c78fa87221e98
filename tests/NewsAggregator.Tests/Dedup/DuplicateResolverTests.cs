using NewsAggregator.Dedup;

namespace NewsAggregator.Tests.Dedup;

/// <summary>
/// The duplicate cascade as one pure decision, over stored stories kept in memory: the first
/// rule that holds decides, in the order URL, text, declared canonical URL, near-duplicate.
/// </summary>
public sealed class DuplicateResolverTests
{
    private static readonly DateTimeOffset Now = new(2024, 3, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly string Story = FixturePath.ReadText("Dedup", "Stories", "bridge-closed.txt").Trim();
    private static readonly string Other = FixturePath.ReadText("Dedup", "Stories", "election-coalition.txt").Trim();

    /// <summary>Stored stories by id, with the URLs and fingerprints they are known by.</summary>
    /// <param name="everyStoryIsACandidate">Every stored story shares a band key with anything (chance candidates).</param>
    private sealed class Stored(bool everyStoryIsACandidate = false) : IStoryLookup
    {
        private readonly List<(long Id, string Url, string? Hash, StoryCopy Copy, NearDuplicateKeys Keys, TextSource Source)> _stories = [];

        /// <summary>The stories the decision read in full.</summary>
        public List<long> Loaded { get; } = [];

        public Stored Add(long id, string url, string text, string site, TextSource source = TextSource.Page)
        {
            var shingles = StoryShingles.Of(text);
            _stories.Add((id, url, ContentFingerprint.Of(text), new StoryCopy(shingles, Now, Now, [site]), NearDuplicateKeys.Of(shingles), source));
            return this;
        }

        public TextSource TextSourceOf(long articleId) => _stories.Single(s => s.Id == articleId).Source;

        public long? ArticleAtUrl(string url) => _stories.Where(s => s.Url == url).Select(s => (long?)s.Id).FirstOrDefault();

        public long? ArticleWithText(string contentHash) => _stories.Where(s => s.Hash == contentHash).Select(s => (long?)s.Id).FirstOrDefault();

        public IReadOnlyList<NearDuplicateCandidate> Candidates(IReadOnlyList<long> bandKeys) =>
            _stories.Where(s => everyStoryIsACandidate || s.Keys.BandKeys.Intersect(bandKeys).Any())
                .OrderBy(s => s.Id).Select(s => new NearDuplicateCandidate(s.Id, s.Keys.Sketch)).ToList();

        public StoryCopy? Story(long articleId)
        {
            Loaded.Add(articleId);
            return _stories.Where(s => s.Id == articleId).Select(s => s.Copy).FirstOrDefault();
        }
    }

    private static IncomingStory Incoming(
        string url, string text, string? declared = null, double hoursLater = 1, TextSource source = TextSource.Page)
    {
        var shingles = StoryShingles.Of(text);
        return new IncomingStory(url, ContentFingerprint.Of(text), declared,
            new StoryCopy(shingles, Now.AddHours(hoursLater), Now.AddHours(hoursLater), [StorySite.Of(url)]), NearDuplicateKeys.Of(shingles), source);
    }

    private static readonly Stored Herald = new Stored()
        .Add(1, "https://herald.example/news/bridge-closed", Story, "herald.example")
        .Add(2, "https://herald.example/news/election", Other, "herald.example");

    public static TheoryData<string, IncomingStory, DuplicateKind, long?> Cases => new()
    {
        { "a known URL, whatever its text", Incoming("https://herald.example/news/bridge-closed", Other), DuplicateKind.KnownUrl, 1 },
        { "the same text at another URL", Incoming("https://herald.example/print/bridge-closed", Story), DuplicateKind.SameText, 1 },
        { "a page of the same site declaring the stored URL canonical, texts agreeing",
            Incoming("https://herald.example/amp/bridge-closed", Story + "\n\nShare this story.", "https://herald.example/news/bridge-closed"),
            DuplicateKind.DeclaredCanonical, 1 },
        { "a declared canonical URL whose text is another story's is not taken at its word",
            Incoming("https://herald.example/amp/other", "Police said on Tuesday that the harbour tunnel will stay shut for a month while engineers examine cracks found in its roof during a routine inspection, and that ferries will run every twenty minutes in the meantime to carry commuters across.", "https://herald.example/news/bridge-closed"),
            DuplicateKind.New, null },
        { "another site's copy behind a dateline", Incoming("https://courier.example/world/bridge", "HARWICK (Wire) — " + Story), DuplicateKind.NearDuplicate, 1 },
        { "another site's copy a fortnight later is another story", Incoming("https://courier.example/world/bridge", "HARWICK (Wire) — " + Story, hoursLater: 24 * 14), DuplicateKind.New, null },
        { "the same site's near copy is another article", Incoming("https://herald.example/news/bridge-closed-update", Story + "\n\nUpdated at noon."), DuplicateKind.New, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Cascade_decides_by_the_first_rule_that_holds(string rule, IncomingStory incoming, DuplicateKind kind, long? articleId)
    {
        var decision = DuplicateResolver.Decide(incoming, Herald);

        Assert.True(kind == decision.Kind, $"{rule}: {decision.Kind} ({decision.Reason})");
        Assert.Equal(articleId, decision.ArticleId);
        Assert.False(string.IsNullOrWhiteSpace(decision.Reason));
    }

    [Fact]
    public void A_copy_holding_a_cut_story_and_clearly_longer_upgrades_its_text()
    {
        var words = Story.Split(' ');
        var cut = new Stored().Add(1, "https://herald.example/news/bridge-closed", string.Join(' ', words.Take(words.Length * 3 / 4)), "herald.example");

        var decision = DuplicateResolver.Decide(Incoming("https://courier.example/world/bridge", Story), cut);

        Assert.Equal(DuplicateKind.NearDuplicate, decision.Kind);
        Assert.True(decision.UpgradesText, decision.Reason);
    }

    private const string Teaser = "The harbour bridge is closed until further notice after engineers found cracks, the city said.";

    public static TheoryData<string, TextSource, TextSource, bool> FeedTextCases => new()
    {
        { "the page of an article stored from its feed's text replaces that text", TextSource.Feed, TextSource.Page, true },
        { "the feed's text again is only the known URL", TextSource.Feed, TextSource.Feed, false },
        { "a page's text stored already is not replaced at the same URL", TextSource.Page, TextSource.Page, false },
        { "nor by the feed's", TextSource.Page, TextSource.Feed, false },
    };

    [Theory]
    [MemberData(nameof(FeedTextCases))]
    public void At_a_known_URL_only_a_page_replaces_the_feeds_text(string rule, TextSource stored, TextSource incoming, bool replaces)
    {
        var url = "https://herald.example/news/bridge-closed";
        var lookup = new Stored().Add(1, url, Teaser, "herald.example", stored);

        var decision = DuplicateResolver.Decide(Incoming(url, Story, source: incoming), lookup);

        Assert.True((DuplicateKind.KnownUrl, 1L, replaces, replaces) == (decision.Kind, decision.ArticleId, decision.UpgradesText, decision.ReplacesFeedText),
            $"{rule}: {decision}");
    }

    [Fact]
    public void The_URL_decides_before_a_near_duplicate_elsewhere_so_the_page_completes_its_own_article()
    {
        // Another site's copy of the story was stored while this one held the feed's teaser.
        var url = "https://herald.example/news/bridge-closed";
        var lookup = new Stored()
            .Add(1, "https://courier.example/world/bridge", "HARWICK (Wire) — " + Story, "courier.example")
            .Add(2, url, Teaser, "herald.example", TextSource.Feed);

        var decision = DuplicateResolver.Decide(Incoming(url, Story), lookup);

        Assert.Equal((DuplicateKind.KnownUrl, 2L, true), (decision.Kind, decision.ArticleId, decision.ReplacesFeedText));
    }

    [Fact]
    public void A_chance_candidate_whose_sketch_is_far_off_is_never_read()
    {
        var stored = new Stored(everyStoryIsACandidate: true)
            .Add(1, "https://herald.example/news/election", Other, "herald.example")
            .Add(2, "https://herald.example/news/bridge-closed", Story, "herald.example");

        var decision = DuplicateResolver.Decide(Incoming("https://courier.example/world/bridge", "HARWICK (Wire) — " + Story), stored);

        Assert.Equal(DuplicateKind.NearDuplicate, decision.Kind);
        Assert.Equal(2, decision.ArticleId);
        Assert.Equal([2L], stored.Loaded);
    }
}
