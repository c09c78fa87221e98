using System.Buffers.Binary;
using System.IO.Hashing;

namespace NewsAggregator.Dedup;

/// <summary>
/// Locality-sensitive hashing over a <see cref="MinHashSignature"/>: the signature is cut into
/// bands of a few rows and each band hashed to one key. Two stories that share any band key
/// are candidates; a stored story's keys sit in an index, so finding a new story's candidates
/// costs <see cref="Count"/> key lookups whatever the number of stored stories.
/// </summary>
/// <remarks>
/// <para>Two stories with Jaccard similarity s share a given band with probability s^r and
/// become candidates with probability 1 − (1 − s^r)^b. For b = 32 bands of r = 3 rows:</para>
/// <code>
///   s     0.01      0.05   0.10   0.20   0.30   0.40   0.50   0.55   0.60      0.70        0.80
///   P     0.00003   0.004  0.032  0.23   0.58   0.88   0.986  0.997  0.99959   0.999999    1 − 3·10⁻¹⁰
/// </code>
/// <para>The rule confirms copies at Jaccard ≥ 0.8, but a copy cut to 60–90 % of the story is
/// confirmed by containment while its Jaccard is only about its length ratio (0.6–0.9), and a
/// cut copy with an edited paragraph lower still (the corpus's lowest positive: see
/// NearDuplicateRule: 0.65). So the banding aims at s ≈ 0.55–0.6, not 0.8. Unrelated news
/// stories share almost no runs of five words: of the 16,290 pairs of the extraction
/// benchmark's 181 articles, 99.1 % share none and 99.9 % have s &lt; 0.01 (the highest, 0.13,
/// is one company's two press releases; it was the only pair to share a band). At a million
/// stored stories a lookup therefore meets a few chance candidates at most, and those in
/// between (same-event stories, up to 0.16 in the corpus) are rejected by exact confirmation.</para>
/// <para>Fewer rows per band would raise the chance candidates (r = 2 gives 16·s², 0.16 % at
/// s = 0.01, a thousand candidates at a million stories); more rows or fewer bands lose
/// cut copies (32 × 4: 0.988 at s = 0.6; 16 × 3: 0.98).</para>
/// </remarks>
public static class LshBands
{
    public const int Count = 32;
    public const int RowsPerBand = 3;

    // SQLite stores an integer below 2^47 in six bytes instead of eight; 47 bits leave a
    // chance collision between unrelated keys at 32 lookups × 32 M stored keys / 2^47 ≈ 10⁻⁵.
    private const long KeyMask = (1L << 47) - 1;

    /// <summary>The band keys of a story too short to compare are none: it is never a candidate.</summary>
    public static long[] KeysOf(StoryShingles shingles) => NearDuplicateKeys.Of(shingles).BandKeys;

    /// <summary>One key per band; the band's number is part of the key, so equal rows in different bands never meet.</summary>
    public static long[] KeysOf(MinHashSignature signature)
    {
        var values = signature.Values;
        var keys = new long[Count];
        Span<byte> band = stackalloc byte[RowsPerBand * sizeof(ulong)];
        for (var b = 0; b < Count; b++)
        {
            for (var r = 0; r < RowsPerBand; r++)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(band[(r * sizeof(ulong))..], values[b * RowsPerBand + r]);
            }
            keys[b] = (long)XxHash3.HashToUInt64(band, seed: b) & KeyMask;
        }
        return keys;
    }

    /// <summary>The probability that two stories of Jaccard similarity <paramref name="jaccard"/> share a band.</summary>
    public static double CandidateProbability(double jaccard) =>
        1 - Math.Pow(1 - Math.Pow(jaccard, RowsPerBand), Count);
}

/// <summary>
/// What the near-duplicate index keeps of a story, both from one <see cref="MinHashSignature"/>:
/// the band keys that find it as a candidate, and the sketch that dismisses most chance candidates
/// before their text is read. A story too short to compare has neither.
/// </summary>
public sealed record NearDuplicateKeys(long[] BandKeys, StorySketch? Sketch)
{
    public static readonly NearDuplicateKeys None = new([], null);

    public static NearDuplicateKeys Of(StoryShingles shingles)
    {
        if (!NearDuplicateRule.IsComparable(shingles))
        {
            return None;
        }
        var signature = MinHashSignature.Of(shingles);
        return new NearDuplicateKeys(LshBands.KeysOf(signature), StorySketch.Of(signature));
    }
}
