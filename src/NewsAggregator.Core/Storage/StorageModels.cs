using NewsAggregator.Fetching;
using NewsAggregator.Dedup;

namespace NewsAggregator.Storage;

/// <summary>An article ready to store: clean text and metadata, URL already canonical.</summary>
public sealed record ArticleRecord
{
    public required string SourceId { get; init; }
    public required string Url { get; init; }
    public required string Text { get; init; }
    /// <summary>The same article as sanitised HTML (see <see cref="Extraction.ExtractedArticle.Html"/>).</summary>
    public string? Html { get; init; }
    public string? ContentHash { get; init; }
    public string? Title { get; init; }
    public string? Byline { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public required DateTimeOffset FetchedAt { get; init; }
    public string? Language { get; init; }
    public string? SiteName { get; init; }
    public string? ImageUrl { get; init; }
    public string? Description { get; init; }
    /// <summary>The file the feed's entry carries (audio, video, a picture): its URL, MIME type and length in bytes, as far as the feed says.</summary>
    public string? EnclosureUrl { get; init; }
    public string? EnclosureType { get; init; }
    public long? EnclosureLength { get; init; }
    /// <summary>
    /// The canonical URL the page declares (<c>link rel=canonical</c>, <c>og:url</c>), already
    /// judged plausible (<see cref="Dedup.DeclaredCanonical"/>): the story stored there is this
    /// one when the texts agree.
    /// </summary>
    public string? DeclaredCanonicalUrl { get; init; }
    /// <summary>Other URLs this source reached the same page by (the feed's link before redirects).</summary>
    public IReadOnlyList<string> AlsoSeenAt { get; init; } = [];
    /// <summary>Where <see cref="Text"/> came from (<c>articles.text_source</c>).</summary>
    public TextSource TextSource { get; init; } = TextSource.Page;
    /// <summary>
    /// The page <see cref="Text"/> was extracted from, compressed; null when the text came from the
    /// feed, or the page was too large to keep. Kept with a new story, or with the story whose text
    /// this copy replaces (see <see cref="NewsDatabase.StoreArticles"/>).
    /// </summary>
    public StoredPage? Page { get; init; }
}

public enum StoreOutcomeKind
{
    /// <summary>A new story: one row in <c>articles</c> and its first sighting.</summary>
    Stored,
    /// <summary>The URL was already known: at most a sighting was added.</summary>
    KnownUrl,
    /// <summary>The same text is already stored under another URL: recorded as a sighting of it.</summary>
    SameText,
    /// <summary>The page declares the URL of a stored story as its canonical one, and the texts agree.</summary>
    DeclaredCanonical,
    /// <summary>Another site's copy of a stored story, published within days (see <see cref="Dedup.NearDuplicateRule"/>).</summary>
    NearDuplicate,
    /// <summary>The page of an article stored from its feed's text: the page's text and metadata replaced the feed's.</summary>
    ReplacedFeedText,
}

/// <param name="TextReplaced">The copy held the stored text and was clearly longer, so its text replaced the stored one.</param>
/// <param name="Reason">Why the duplicate decision went as it did, for logs.</param>
public sealed record StoreOutcome(StoreOutcomeKind Kind, long ArticleId, bool TextReplaced = false, string? Reason = null)
{
    /// <summary>Two outcomes are the same decision whatever the words of their reasons.</summary>
    public bool Equals(StoreOutcome? other) =>
        other is not null && Kind == other.Kind && ArticleId == other.ArticleId && TextReplaced == other.TextReplaced;

    public override int GetHashCode() => HashCode.Combine(Kind, ArticleId, TextReplaced);
}

/// <summary>A row of <c>runs</c>, begun when its pass started (<see cref="NewsDatabase.BeginRun"/>).</summary>
public readonly record struct RunId(long Value);

/// <summary>What one pass over one source did, as kept in the <c>runs</c> table.</summary>
public sealed record SourceRunRecord
{
    public required string SourceId { get; init; }
    /// <summary>
    /// The row <see cref="NewsDatabase.BeginRun"/> made for this pass, whose <c>new_articles</c> and
    /// <c>duplicates</c> were counted as the pass stored (so <see cref="NewArticles"/> and
    /// <see cref="Duplicates"/> are not written over them); null: the record makes a row of its own.
    /// </summary>
    public RunId? Run { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset FinishedAt { get; init; }
    public int NewArticles { get; init; }
    public int Duplicates { get; init; }
    public int Failed { get; init; }
    public int Known { get; init; }
    /// <summary>Articles stored from their feed's text whose page came in this pass and replaced it (<c>runs.upgraded</c>).</summary>
    public int Upgraded { get; init; }
    /// <summary>Why the source as a whole failed; null when it succeeded.</summary>
    public string? Error { get; init; }
    /// <summary>Why single entries failed or fell back to the feed's text ("url: reason"), kept in <c>runs.entry_problems</c>.</summary>
    public IReadOnlyList<string> EntryProblems { get; init; } = [];
    /// <summary>When the service should run the source next (backoff, Retry-After, feed hints).</summary>
    public DateTimeOffset? NextDueAt { get; init; }
    /// <summary>
    /// The source's own document, whose stored validators this run replaces with
    /// <see cref="SourceValidators"/> (null: forget them, so the next pass fetches it in full).
    /// </summary>
    public string? SourceUrl { get; init; }
    public CacheValidators? SourceValidators { get; init; }
    /// <summary>The retry states of entries that failed in this pass, as they are to be kept (<c>entry_retries</c>).</summary>
    public IReadOnlyList<EntryRetryState> EntryRetries { get; init; } = [];
    /// <summary>Entries (canonical URLs) that had a retry state and were stored, or found stored, in this pass: their state goes.</summary>
    public IReadOnlyList<string> RecoveredEntries { get; init; } = [];
}

/// <summary>How a source is doing, as kept in <c>source_state</c>.</summary>
public sealed record SourceState
{
    public required string SourceId { get; init; }
    public DateTimeOffset? LastRunAt { get; init; }
    public DateTimeOffset? LastSuccessAt { get; init; }
    public int ConsecutiveFailures { get; init; }
    public string? LastError { get; init; }
    public DateTimeOffset? NextDueAt { get; init; }
}

/// <summary>
/// An article ready for the writer: its shingles and band keys are worked out beforehand, on the
/// caller's thread, so the write lock is held for the database work alone.
/// </summary>
/// <param name="CandidateShingles">Shingles of the stored texts that may be its originals, by content hash, worked out beforehand too.</param>
/// <param name="Indexed">What the near-duplicate index held under its keys then, which the writer completes instead of asking again.</param>
public sealed record PreparedArticle(
    ArticleRecord Article, RunId? Run, StoryShingles Shingles, NearDuplicateKeys Keys,
    IReadOnlyDictionary<string, StoryShingles>? CandidateShingles = null, IndexedCandidates? Indexed = null)
{
    public static PreparedArticle Of(ArticleRecord article, RunId? run)
    {
        var shingles = StoryShingles.Of(article.Text);
        return new PreparedArticle(article, run, shingles, NearDuplicateKeys.Of(shingles));
    }
}

/// <summary>
/// The articles the near-duplicate index held under an article's band <paramref name="Keys"/> when
/// it was prepared, with their sketches, and the held keys' <see cref="RecentBands.Generation"/> at that moment.
/// </summary>
public sealed record IndexedCandidates(long Generation, IReadOnlyList<long> Keys, IReadOnlyDictionary<long, StorySketch?> Found);
