using System.Numerics;
using System.Runtime.CompilerServices;
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

    /// <summary>The seed of each hash function, for tests that compute a signature the plain way.</summary>
    internal static ReadOnlySpan<ulong> SeedValues => Seeds;

    private readonly ulong[] _values;

    private MinHashSignature(ulong[] values) => _values = values;

    public ReadOnlySpan<ulong> Values => _values;

    /// <summary>The signature of <paramref name="shingles"/>; an empty set gives all maxima (it matches nothing useful).</summary>
    public static MinHashSignature Of(StoryShingles shingles)
    {
        ArgumentNullException.ThrowIfNull(shingles);
        var minima = new ulong[Size];
        var hashes = shingles.Hashes;
        // Several hash functions at a time, the same arithmetic lane by lane: the values, which are
        // persisted through the band keys, are the scalar loop's whichever path computes them.
        var done = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            // Eight lanes, and AVX-512 multiplies 64-bit lanes in one instruction.
            done = FillVector512(hashes, minima, done);
        }
        if (Vector.IsHardwareAccelerated && Vector<ulong>.Count >= 4)
        {
            // Four lanes with AVX2, which builds a 64-bit multiply from three 32-bit ones. With two
            // lanes (SSE, as the native build's baseline has, or NEON) the built-up multiplies cost
            // more than the scalar loop's, which multiplies 64 bits natively.
            done = FillVector(hashes, minima, done);
        }
        FillScalar(hashes, minima, done);
        return new MinHashSignature(minima);
    }

    /// <summary>Positions from <paramref name="start"/> on, eight at a time while eight are left; returns the first not filled.</summary>
    internal static int FillVector512(ReadOnlySpan<ulong> hashes, Span<ulong> minima, int start)
    {
        var done = start;
        for (; done + Vector512<ulong>.Count <= Size; done += Vector512<ulong>.Count)
        {
            var seeds = Vector512.Create<ulong>(Seeds.AsSpan(done));
            var minimum = Vector512<ulong>.AllBitsSet;
            foreach (var shingle in hashes)
            {
                minimum = Vector512.Min(minimum, Mix(Vector512.Create(shingle) ^ seeds));
            }
            minimum.CopyTo(minima[done..]);
        }
        return done;
    }

    /// <summary>Positions from <paramref name="start"/> on, a <see cref="Vector{T}"/> at a time while one is left; returns the first not filled.</summary>
    internal static int FillVector(ReadOnlySpan<ulong> hashes, Span<ulong> minima, int start)
    {
        var done = start;
        for (; done + Vector<ulong>.Count <= Size; done += Vector<ulong>.Count)
        {
            var seeds = new Vector<ulong>(Seeds.AsSpan(done));
            var minimum = Vector<ulong>.AllBitsSet;
            foreach (var shingle in hashes)
            {
                minimum = Vector.Min(minimum, Mix(new Vector<ulong>(shingle) ^ seeds));
            }
            minimum.CopyTo(minima[done..]);
        }
        return done;
    }

    /// <summary>
    /// Positions from <paramref name="start"/> to the end. Four hash functions a pass over the
    /// shingles, each minimum in a register of its own: four independent chains of multiplies keep
    /// the processor's multiplier busy where one chain would wait on each result.
    /// </summary>
    internal static void FillScalar(ReadOnlySpan<ulong> hashes, Span<ulong> minima, int start)
    {
        var i = start;
        for (; i + 4 <= Size; i += 4)
        {
            ulong seed0 = Seeds[i], seed1 = Seeds[i + 1], seed2 = Seeds[i + 2], seed3 = Seeds[i + 3];
            ulong min0 = ulong.MaxValue, min1 = ulong.MaxValue, min2 = ulong.MaxValue, min3 = ulong.MaxValue;
            foreach (var shingle in hashes)
            {
                min0 = Math.Min(min0, Mix(shingle ^ seed0));
                min1 = Math.Min(min1, Mix(shingle ^ seed1));
                min2 = Math.Min(min2, Mix(shingle ^ seed2));
                min3 = Math.Min(min3, Mix(shingle ^ seed3));
            }
            (minima[i], minima[i + 1], minima[i + 2], minima[i + 3]) = (min0, min1, min2, min3);
        }
        for (; i < Size; i++)
        {
            var minimum = ulong.MaxValue;
            foreach (var shingle in hashes)
            {
                // XOR with a seed then a full-avalanche mix: a cheap family of independent-looking permutations.
                minimum = Math.Min(minimum, Mix(shingle ^ Seeds[i]));
            }
            minima[i] = minimum;
        }
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
    // Inlined by request: the native compiler left it a call in the scalar loop, a third of its time.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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
