using System.Numerics;
using System.Runtime.Intrinsics;
using NewsAggregator.Dedup;

namespace NewsAggregator.Tests.Dedup;

/// <summary>
/// The signature's paths (eight lanes, a vector's lanes, four scalar chains, one scalar chain) give
/// the values of the plain definition: the minimum over the shingles of Mix(shingle ^ seed) for each
/// position. The values are persisted through the band keys, and which path runs depends on the
/// processor and the build (the native build's baseline takes the scalar one), so each is checked
/// here on its own, not only the one this machine picks.
/// </summary>
public sealed class MinHashSignatureTests
{
    public static TheoryData<string> ShingleSets => ["fixture story", "one hash", "300 random hashes", "no hashes"];

    [Theory]
    [MemberData(nameof(ShingleSets))]
    public void Scalar_chains_give_the_plain_minima(string set)
    {
        var hashes = Hashes(set);
        var minima = new ulong[MinHashSignature.Size];

        MinHashSignature.FillScalar(hashes, minima, 0);

        Assert.Equal(Plain(hashes), minima);
    }

    [Theory]
    [MemberData(nameof(ShingleSets))]
    public void Scalar_positions_after_an_odd_start_take_the_single_chain(string set)
    {
        // From position Size - 3 on, fewer than four are left: the one-chain loop fills them.
        var hashes = Hashes(set);
        var start = MinHashSignature.Size - 3;
        var minima = new ulong[MinHashSignature.Size];

        MinHashSignature.FillScalar(hashes, minima, start);

        Assert.Equal(Plain(hashes)[start..], minima[start..]);
        Assert.All(minima[..start], value => Assert.Equal(0UL, value));
    }

    [Theory]
    [MemberData(nameof(ShingleSets))]
    public void Vector_lanes_give_the_plain_minima_where_the_processor_has_them(string set)
    {
        var hashes = Hashes(set);
        var plain = Plain(hashes);
        if (Vector.IsHardwareAccelerated)
        {
            var minima = new ulong[MinHashSignature.Size];
            var filled = MinHashSignature.FillVector(hashes, minima, 0);
            Assert.Equal(MinHashSignature.Size / Vector<ulong>.Count * Vector<ulong>.Count, filled);
            Assert.Equal(plain[..filled], minima[..filled]);
        }
        if (Vector512.IsHardwareAccelerated)
        {
            var minima = new ulong[MinHashSignature.Size];
            var filled = MinHashSignature.FillVector512(hashes, minima, 0);
            Assert.Equal(MinHashSignature.Size / Vector512<ulong>.Count * Vector512<ulong>.Count, filled);
            Assert.Equal(plain[..filled], minima[..filled]);
        }
    }

    [Fact]
    public void Signature_is_the_plain_minima()
    {
        var shingles = StoryShingles.Of(FixturePath.ReadText("Dedup", "story.txt"));

        Assert.Equal(Plain(shingles.Hashes.ToArray()), MinHashSignature.Of(shingles).Values.ToArray());
    }

    private static ulong[] Hashes(string set) => set switch
    {
        "fixture story" => StoryShingles.Of(FixturePath.ReadText("Dedup", "story.txt")).Hashes.ToArray(),
        "one hash" => [0x0123_4567_89AB_CDEFUL],
        "300 random hashes" => RandomHashes(300),
        "no hashes" => [],
        _ => throw new ArgumentOutOfRangeException(nameof(set)),
    };

    private static ulong[] RandomHashes(int count)
    {
        // Fixed seed: the same hashes every run.
        var random = new Random(20261202);
        return [.. Enumerable.Range(0, count).Select(_ => (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63))];
    }

    /// <summary>The definition, one position and one shingle at a time.</summary>
    private static ulong[] Plain(ulong[] hashes)
    {
        var seeds = MinHashSignature.SeedValues;
        var minima = new ulong[MinHashSignature.Size];
        for (var i = 0; i < minima.Length; i++)
        {
            minima[i] = ulong.MaxValue;
            foreach (var hash in hashes)
            {
                minima[i] = Math.Min(minima[i], MinHashSignature.Mix(hash ^ seeds[i]));
            }
        }
        return minima;
    }
}
