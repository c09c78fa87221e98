namespace NewsAggregator.Dedup;

/// <summary>What the duplicate decision asks of the stored stories; Storage answers, inside the writer's transaction.</summary>
public interface IStoryLookup
{
    /// <summary>The article seen at this canonical URL, by any source.</summary>
    long? ArticleAtUrl(string url);

    /// <summary>The article whose normalised text has this fingerprint.</summary>
    long? ArticleWithText(string contentHash);

    /// <summary>Articles sharing a band key with <paramref name="bandKeys"/>, oldest first, each with its sketch when one is stored.</summary>
    IReadOnlyList<NearDuplicateCandidate> Candidates(IReadOnlyList<long> bandKeys);

    /// <summary>A stored article as the rule needs it, or null when there is no such article.</summary>
    StoryCopy? Story(long articleId);

    /// <summary>Where the stored article's text came from.</summary>
    TextSource TextSourceOf(long articleId);
}

/// <summary>How an incoming article relates to what is stored.</summary>
public enum DuplicateKind
{
    /// <summary>A story not stored yet.</summary>
    New,
    /// <summary>The URL is already known.</summary>
    KnownUrl,
    /// <summary>The same text is stored under another URL.</summary>
    SameText,
    /// <summary>The page declares a stored story's URL as its canonical one, and the texts agree.</summary>
    DeclaredCanonical,
    /// <summary>Another site's copy of a stored story (<see cref="NearDuplicateRule"/>).</summary>
    NearDuplicate,
}

/// <summary>The decision, the stored article it points at (none for a new story), and why.</summary>
/// <param name="UpgradesText">
/// The incoming copy's text replaces the stored one: it holds it and is clearly longer, or
/// (<paramref name="ReplacesFeedText"/>) it is the page of an article stored from its feed's text.
/// </param>
/// <param name="ReplacesFeedText">
/// The incoming copy is the page at the URL of an article whose text is its feed's: the page's text
/// and what the page says of the article (title, byline, date, ...) complete it.
/// </param>
public sealed record DuplicateDecision(DuplicateKind Kind, long? ArticleId, string Reason, bool UpgradesText = false, bool ReplacesFeedText = false)
{
    public static DuplicateDecision New(string reason) => new(DuplicateKind.New, null, reason);

    /// <summary>The page of the article stored at its URL with the feed's text.</summary>
    public static DuplicateDecision PageForFeedText(long articleId) =>
        new(DuplicateKind.KnownUrl, articleId, "the URL is stored with its feed's text: the page's text replaces it",
            UpgradesText: true, ReplacesFeedText: true);
}

/// <summary>A stored article sharing a band key with an incoming one, and its sketch (null for none stored).</summary>
public readonly record struct NearDuplicateCandidate(long ArticleId, StorySketch? Sketch)
{
    /// <summary>Whether the exact shingles need comparing: not when both sketches say the texts are far apart.</summary>
    public bool MayBeCopyOf(StorySketch? incoming) =>
        Sketch is not { } stored || incoming is null || NearDuplicateRule.MayBeCopies(stored, incoming);
}

/// <summary>An article about to be stored, as the duplicate decision needs it.</summary>
/// <param name="TextSource">Where its text came from: a page's replaces the feed's stored at the same URL.</param>
public sealed record IncomingStory(
    string Url, string? ContentHash, string? DeclaredCanonicalUrl, StoryCopy Copy, NearDuplicateKeys Keys,
    TextSource TextSource = TextSource.Page);

/// <summary>
/// The duplicate cascade in one place, pure: the same URL, then the same text, then the canonical
/// URL the page declares (when the texts agree), then a near-duplicate on another site within the
/// publication window. The first that holds decides; its reason says which and why.
/// </summary>
/// <remarks>
/// The URL decides before any text: a page whose URL holds an article stored from its feed's text
/// (its page could not be had then) completes that article, even when the page's text is also a
/// copy of another stored story. Merging the two would take away an article id pipelines already
/// hold, and the change feed says nothing of articles that go; the two stay two articles.
/// </remarks>
public static class DuplicateResolver
{
    public static DuplicateDecision Decide(IncomingStory incoming, IStoryLookup stored)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.ArticleAtUrl(incoming.Url) is { } known)
        {
            return incoming.TextSource == TextSource.Page && stored.TextSourceOf(known) == TextSource.Feed
                ? DuplicateDecision.PageForFeedText(known)
                : new(DuplicateKind.KnownUrl, known, "the URL is already stored");
        }
        if (incoming.ContentHash is { } hash && stored.ArticleWithText(hash) is { } same)
        {
            return new(DuplicateKind.SameText, same, "the same text is stored under another URL");
        }
        if (incoming.DeclaredCanonicalUrl is { } declaredUrl && stored.ArticleAtUrl(declaredUrl) is { } declared
            && stored.Story(declared) is { } canonical)
        {
            // The page's own claim stands in for the time and site rules (an AMP page and its article are one site).
            var texts = NearDuplicateRule.CompareTexts(canonical.Shingles, incoming.Copy.Shingles);
            if (texts.IsCopy)
            {
                return new(DuplicateKind.DeclaredCanonical, declared, $"declares {declaredUrl} canonical; {texts.Reason}", texts.UpgradesText);
            }
        }

        // Among the candidates the rule confirms, the most similar (the oldest on a tie).
        (long Id, NearDuplicateVerdict Verdict)? best = null;
        foreach (var candidate in stored.Candidates(incoming.Keys.BandKeys))
        {
            if (!candidate.MayBeCopyOf(incoming.Keys.Sketch) || stored.Story(candidate.ArticleId) is not { } copy)
            {
                continue;
            }
            var verdict = NearDuplicateRule.Judge(copy, incoming.Copy);
            if (verdict.IsCopy && (best is null || verdict.Overlap.Jaccard > best.Value.Verdict.Overlap.Jaccard))
            {
                best = (candidate.ArticleId, verdict);
            }
        }
        return best is { } match
            ? new(DuplicateKind.NearDuplicate, match.Id, match.Verdict.Reason, match.Verdict.UpgradesText)
            : DuplicateDecision.New("no stored story at this URL, with this text, or close enough to it");
    }
}
