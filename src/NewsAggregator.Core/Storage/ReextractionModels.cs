using NewsAggregator.Dedup;

namespace NewsAggregator.Storage;

/// <summary>
/// What extraction gives an article, as stored: what <c>reextract</c> compares and, when it differs,
/// writes. Times to the second, as the database keeps them, so that the same extraction compares equal.
/// </summary>
public sealed record ArticleFields
{
    public required string Text { get; init; }
    public string? Html { get; init; }
    public string? Title { get; init; }
    public string? Byline { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public string? Language { get; init; }
    public string? SiteName { get; init; }
    public string? ImageUrl { get; init; }
    public string? Description { get; init; }

    /// <summary>The time as the database keeps it: UTC, to the second.</summary>
    public static DateTimeOffset? ToStoredPrecision(DateTimeOffset? time) =>
        time is { } value ? new DateTimeOffset(value.UtcTicks - value.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero) : null;
}

/// <summary>Which stored pages <c>reextract</c> takes: those fetched by the given sources (all when none), fetched at or after <see cref="Since"/>.</summary>
public sealed record PageSelection(IReadOnlyList<string> SourceIds, DateTimeOffset? Since)
{
    public static readonly PageSelection All = new([], null);
}

/// <summary>A stored page with its article as it stands, read for re-extraction.</summary>
/// <param name="ChangeSeq">The article's change value when read: a write finding another one leaves the article alone (it changed meanwhile).</param>
public sealed record PageToReextract(long ArticleId, string ArticleUrl, long ChangeSeq, ArticleFields Stored, StoredPage Page);

/// <summary>
/// An article whose page now extracts differently, ready for <see cref="NewsDatabase.ApplyReextraction"/>:
/// the new text's shingles and band keys are worked out on creation, before the write lock.
/// </summary>
public sealed class ReextractedArticle
{
    /// <param name="declaredCanonicalUrl">The canonical URL the page declares, already judged plausible, for the duplicate decision.</param>
    public ReextractedArticle(PageToReextract read, ArticleFields fields, string? declaredCanonicalUrl)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(fields);
        Read = read;
        Fields = fields;
        DeclaredCanonicalUrl = declaredCanonicalUrl;
        TextChanged = !string.Equals(read.Stored.Text, fields.Text, StringComparison.Ordinal);
        ContentHash = ContentFingerprint.Of(fields.Text);
        Shingles = StoryShingles.Of(fields.Text);
        Keys = NearDuplicateKeys.Of(Shingles);
    }

    public PageToReextract Read { get; }
    public ArticleFields Fields { get; }
    public string? DeclaredCanonicalUrl { get; }
    public bool TextChanged { get; }
    public string? ContentHash { get; }
    public StoryShingles Shingles { get; }
    public NearDuplicateKeys Keys { get; }
}

public enum ReextractionResult
{
    /// <summary>The article now holds what its page gives.</summary>
    Updated,
    /// <summary>The new text made it a copy of another story: the two are one article now (<see cref="ReextractionOutcome.ArticleId"/> the one kept).</summary>
    Merged,
    /// <summary>Left alone: the article changed, or went, after its page was read.</summary>
    Skipped,
}

/// <param name="ArticleId">The article kept: the one re-extracted, or the story it merged into.</param>
/// <param name="RemovedId">With <see cref="ReextractionResult.Merged"/>: the article deleted, its sightings moved to <see cref="ArticleId"/>.</param>
/// <param name="Reason">Why, for the command's report.</param>
public sealed record ReextractionOutcome(ReextractionResult Result, long ArticleId, long? RemovedId, string Reason);
