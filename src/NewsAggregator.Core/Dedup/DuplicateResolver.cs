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
/// <param name="UpgradesText">The incoming copy holds the stored text and is clearly longer: it replaces it.</param>
public sealed record DuplicateDecision(DuplicateKind Kind, long? ArticleId, string Reason, bool UpgradesText = false)
{
    public static DuplicateDecision New(string reason) => new(DuplicateKind.New, null, reason);
}

/// <summary>A stored article sharing a band key with an incoming one, and its sketch (null for none stored).</summary>
public readonly record struct NearDuplicateCandidate(long ArticleId, StorySketch? Sketch)
{
    /// <summary>Whether the exact shingles need comparing: not when both sketches say the texts are far apart.</summary>
    public bool MayBeCopyOf(StorySketch? incoming) =>
        Sketch is not { } stored || incoming is null || NearDuplicateRule.MayBeCopies(stored, incoming);
}

/// <summary>An article about to be stored, as the duplicate decision needs it.</summary>
public sealed record IncomingStory(
    string Url, string? ContentHash, string? DeclaredCanonicalUrl, StoryCopy Copy, NearDuplicateKeys Keys);

/// <summary>
/// The duplicate cascade in one place, pure: the same URL, then the same text, then the canonical
/// URL the page declares (when the texts agree), then a near-duplicate on another site within the
/// publication window. The first that holds decides; its reason says which and why.
/// </summary>
public static class DuplicateResolver
{
    public static DuplicateDecision Decide(IncomingStory incoming, IStoryLookup stored)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.ArticleAtUrl(incoming.Url) is { } known)
        {
            return new(DuplicateKind.KnownUrl, known, "the URL is already stored");
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
