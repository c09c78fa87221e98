using System.Globalization;
using NewsAggregator.Dedup;

namespace NewsAggregator.Tests.Dedup;

public class LshBandsTests
{
    private const int PairsPerLevel = 1000;

    /// <summary>
    /// Pairs of texts of 200 distinct words whose second copy is the first shifted by k words:
    /// their shingle sets have Jaccard exactly (196 − k) / (196 + k). Every pair uses other
    /// words, so the pairs are independent draws of the hash family.
    /// </summary>
    private static (StoryShingles, StoryShingles) PairAt(double jaccard, int pair)
    {
        const int words = 200;
        var shift = (int)Math.Round((words - 4) * (1 - jaccard) / (1 + jaccard));
        var vocabulary = Enumerable.Range(0, words + shift).Select(i => string.Create(CultureInfo.InvariantCulture, $"p{pair}w{i}")).ToArray();
        return (StoryShingles.Of(string.Join(' ', vocabulary[..words])), StoryShingles.Of(string.Join(' ', vocabulary[shift..])));
    }

    private static double CandidateRate(double jaccard)
    {
        var candidates = 0;
        for (var pair = 0; pair < PairsPerLevel; pair++)
        {
            var (first, second) = PairAt(jaccard, pair);
            Assert.Equal(jaccard, first.OverlapWith(second).Jaccard, 2);
            if (LshBands.KeysOf(first).Intersect(LshBands.KeysOf(second)).Any())
            {
                candidates++;
            }
        }
        return candidates / (double)PairsPerLevel;
    }

    [Theory]
    [InlineData(0.8)]
    [InlineData(0.65)] // the lowest copy of the corpus: cut to 70 % with an edited paragraph
    [InlineData(0.6)]
    public void Copies_are_candidates(double jaccard)
    {
        Assert.True(LshBands.CandidateProbability(jaccard) > 0.999);
        var rate = CandidateRate(jaccard);
        Assert.True(rate >= 0.997, $"rate {rate} at Jaccard {jaccard}");
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.2)]
    [InlineData(0.1)]
    public void Candidate_rate_of_less_similar_pairs_follows_the_banding_formula(double jaccard)
    {
        var expected = LshBands.CandidateProbability(jaccard);
        // Three standard deviations of a binomial rate over PairsPerLevel pairs.
        var tolerance = 3 * Math.Sqrt(expected * (1 - expected) / PairsPerLevel);
        Assert.InRange(CandidateRate(jaccard), expected - tolerance, expected + tolerance);
    }

    [Fact]
    public void Unrelated_texts_are_almost_never_candidates()
    {
        Assert.True(CandidateRate(0.02) <= 0.002);
    }

    [Fact]
    public void A_key_per_band_fitting_in_47_bits()
    {
        var keys = LshBands.KeysOf(StoryShingles.Of(FixturePath.ReadText("Dedup", "story.txt")));
        Assert.Equal(LshBands.Count, keys.Length);
        Assert.All(keys, key => Assert.InRange(key, 0, (1L << 47) - 1));
        Assert.Equal(LshBands.Count, keys.Distinct().Count());
    }

    [Fact]
    public void Text_too_short_to_compare_has_no_keys()
    {
        Assert.Empty(LshBands.KeysOf(StoryShingles.Of("Breaking news: the council voted on Tuesday to close the depot.")));
    }

    [Fact]
    public void Same_minima_in_different_bands_give_different_keys()
    {
        // One shingle: every position of the signature is that shingle's mix, so bands differ only by their number.
        var keys = LshBands.KeysOf(MinHashSignature.Of(StoryShingles.Of("one two three four five")));
        Assert.Equal(LshBands.Count, keys.Distinct().Count());
    }

    /// <summary>
    /// The keys are persisted: any change in how shingles, signatures or keys are computed (a faster
    /// MinHash, another hash) must give these same keys for the same text, or come with a
    /// migration that indexes every stored article again.
    /// </summary>
    [Fact]
    public void Keys_of_a_text_are_the_ones_stored_databases_hold()
    {
        long[] persisted =
        [
        100791769103695L, 133920384425046L, 75970322477914L, 77547261038868L,
        11592798420154L, 68047171369062L, 139774721024936L, 36335044363671L,
        7489521529144L, 67817234550659L, 89928258315941L, 10981657868796L,
        99828832295689L, 70596058175324L, 136683854682721L, 87647343616722L,
        16162440145324L, 93890911408995L, 3939350846064L, 17003276235446L,
        3049274351742L, 71358938596006L, 57789491422141L, 100541511632507L,
        90498990263009L, 102783263838061L, 108356289611937L, 114303942682472L,
        31481320067961L, 49163017772801L, 27847492106543L, 69987763287531L,
        ];
        Assert.Equal(persisted, LshBands.KeysOf(StoryShingles.Of(FixturePath.ReadText("Dedup", "story.txt"))));
    }
}
