using NewsAggregator.Dedup;

namespace NewsAggregator.Benchmarks.Load;

/// <summary>
/// How much unrelated stories of a corpus share, as the near-duplicate index sees it: over pairs of
/// different stories, the share that have a run of words in common, and the chance candidates a new
/// story meets among <c>stored</c> others (the mean, over the pairs, of the probability that two
/// stories share a band key, <see cref="LshBands.CandidateProbability"/>, times the stories stored).
/// Each such candidate costs the duplicate decision a lookup of its sketch and sometimes of its text,
/// so a generated web whose unrelated stories share more than real ones do measures a slower
/// decision than real news gets. The load benchmark prints it for its stories beside the figure of
/// the evaluation set's own articles, real news from unrelated sites.
/// </summary>
public readonly record struct ChanceOverlap(int Pairs, double SharingShare, double MeanCandidateProbability)
{
    /// <summary>Every pair among at most <paramref name="sample"/> of <paramref name="texts"/>, taken evenly through them.</summary>
    public static ChanceOverlap Among(IReadOnlyList<string> texts, int sample = 400)
    {
        var step = Math.Max(1, texts.Count / sample);
        var shingles = Enumerable.Range(0, Math.Min(sample, texts.Count))
            .Select(i => StoryShingles.Of(texts[i * step]))
            .Where(NearDuplicateRule.IsComparable)
            .ToList();
        var pairs = 0;
        var sharing = 0;
        var probability = 0.0;
        for (var i = 0; i < shingles.Count; i++)
        {
            for (var j = i + 1; j < shingles.Count; j++)
            {
                var overlap = shingles[i].OverlapWith(shingles[j]);
                pairs++;
                sharing += overlap.Shared > 0 ? 1 : 0;
                probability += LshBands.CandidateProbability(overlap.Jaccard);
            }
        }
        return pairs == 0 ? default : new ChanceOverlap(pairs, (double)sharing / pairs, probability / pairs);
    }

    /// <summary>The chance candidates a new story meets among <paramref name="stored"/> stories like these.</summary>
    public double CandidatesAmong(int stored) => MeanCandidateProbability * stored;
}
