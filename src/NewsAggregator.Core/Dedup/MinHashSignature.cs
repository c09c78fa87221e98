using System.Numerics;
using System.Runtime.Intrinsics;

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
        ArgumentNullException.ThrowIfNull(shingles);
        var minima = new ulong[Size];
        Array.Fill(minima, ulong.MaxValue);
        var hashes = shingles.Hashes;
        var done = 0;
        // Several hash functions at a time (eight lanes with AVX-512, four with AVX2, two with NEON),
        // the same arithmetic lane by lane: the values, which are persisted through the band keys, are
        // the scalar loop's. AVX-512 also multiplies 64-bit lanes in one instruction, which AVX2 lacks.
        if (Vector512.IsHardwareAccelerated)
        {
            for (; done + Vector512<ulong>.Count <= Size; done += Vector512<ulong>.Count)
            {
                var seeds = Vector512.Create<ulong>(Seeds.AsSpan(done));
                var minimum = Vector512<ulong>.AllBitsSet;
                foreach (var shingle in hashes)
                {
                    minimum = Vector512.Min(minimum, Mix(Vector512.Create(shingle) ^ seeds));
                }
                minimum.CopyTo(minima.AsSpan(done));
            }
        }
        if (Vector.IsHardwareAccelerated)
        {
            for (; done + Vector<ulong>.Count <= Size; done += Vector<ulong>.Count)
            {
                var seeds = new Vector<ulong>(Seeds.AsSpan(done));
                var minimum = Vector<ulong>.AllBitsSet;
                foreach (var shingle in hashes)
                {
                    minimum = Vector.Min(minimum, Mix(new Vector<ulong>(shingle) ^ seeds));
                }
                minimum.CopyTo(minima.AsSpan(done));
            }
        }
        for (var i = done; i < Size; i++)
        {
            foreach (var shingle in hashes)
            {
                // XOR with a seed then a full-avalanche mix: a cheap family of independent-looking permutations.
                minima[i] = Math.Min(minima[i], Mix(shingle ^ Seeds[i]));
            }
        }
        return new MinHashSignature(minima);
    }

    private static Vector512<ulong> Mix(Vector512<ulong> z)
    {
        z = (z ^ Vector512.ShiftRightLogical(z, 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ Vector512.ShiftRightLogical(z, 27)) * 0x94D049BB133111EBUL;
        return z ^ Vector512.ShiftRightLogical(z, 31);
    }

    private static Vector<ulong> Mix(Vector<ulong> z)
    {
        z = (z ^ Vector.ShiftRightLogical(z, 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ Vector.ShiftRightLogical(z, 27)) * 0x94D049BB133111EBUL;
        return z ^ Vector.ShiftRightLogical(z, 31);
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
