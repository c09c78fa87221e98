namespace NewsAggregator.Dedup;

/// <summary>
/// A fixed-size summary of a shingle set: for each of <see cref="Size"/> hash functions, the
/// smallest hash any shingle takes. Two sets agree on one position with probability equal to
/// their Jaccard similarity, which is what lets <see cref="LshBands"/> find likely copies
/// without comparing a new story with every stored one.
/// </summary>
public sealed class MinHashSignature
{
    /// <summary><see cref="LshBands.Count"/> bands of <see cref="LshBands.RowsPerBand"/> rows.</summary>
    public const int Size = LshBands.Count * LshBands.RowsPerBand;

    // Fixed seeds, one per hash function: the signature of a text never changes between runs.
    private static readonly ulong[] Seeds = MakeSeeds();

    private readonly ulong[] _values;

    private MinHashSignature(ulong[] values) => _values = values;

    public ReadOnlySpan<ulong> Values => _values;

    /// <summary>The signature of <paramref name="shingles"/>; an empty set gives all maxima (it matches nothing useful).</summary>
    public static MinHashSignature Of(StoryShingles shingles)
    {
        var minima = new ulong[Size];
        Array.Fill(minima, ulong.MaxValue);
        foreach (var shingle in shingles.Hashes)
        {
            for (var i = 0; i < minima.Length; i++)
            {
                // XOR with a seed then a full-avalanche mix: a cheap family of independent-looking permutations.
                var value = Mix(shingle ^ Seeds[i]);
                if (value < minima[i])
                {
                    minima[i] = value;
                }
            }
        }
        return new MinHashSignature(minima);
    }

    // The finaliser of SplitMix64 (Steele, Lea, Flood 2014): every input bit flips each output bit with probability ½.
    internal static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong[] MakeSeeds()
    {
        var seeds = new ulong[Size];
        var state = 0x6E657773_61676772UL; // "newsaggr": any fixed start will do, but it must stay fixed
        for (var i = 0; i < seeds.Length; i++)
        {
            state += 0x9E3779B97F4A7C15UL;
            seeds[i] = Mix(state);
        }
        return seeds;
    }
}
