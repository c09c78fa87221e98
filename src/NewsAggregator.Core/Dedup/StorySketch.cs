namespace NewsAggregator.Dedup;

/// <summary>
/// A 96-byte summary of a story's <see cref="MinHashSignature"/> (the lowest byte of each of its
/// values: b-bit MinHash, Li and König 2010), stored beside the band keys so that a candidate the
/// band keys found can be dismissed before its text is read and shingled again. Two texts of
/// Jaccard similarity J agree on a byte with probability J + (1 − J) / 256.
/// </summary>
/// <remarks>
/// The rule (<see cref="NearDuplicateRule"/>) confirms pairs of Jaccard ≥ 0.8, or of containment ≥
/// 0.9 with a length ratio ≥ 0.6, whose Jaccard is then at least 0.9 / (1 + 1 / 0.6 − 0.9) ≈ 0.51:
/// no pair below 0.51 can be a copy. At J = 0.51 the chance that fewer than
/// <see cref="NearDuplicateRule.MinimumSketchAgreements"/> (26) of 96 bytes agree is 4.6 · 10⁻⁷,
/// while a pair of J = 0.1 gets through with probability 3 · 10⁻⁶ and one of J = 0.2 with 0.07.
/// The threshold was 20 (a miss at J = 0.51 of 2 · 10⁻¹⁰); in the 5 000-source load benchmark,
/// whose stories share paragraphs with many others, a quarter of all candidates (J up to about
/// 0.6 without being copies) then passed, and re-shingling their texts (0.2 ms each, the cache
/// missing four times in five) was the largest stage of the pass; at 26 a tenth pass.
/// </remarks>
public sealed class StorySketch
{
    public const int Size = MinHashSignature.Size;

    private readonly byte[] _bytes;

    private StorySketch(byte[] bytes) => _bytes = bytes;

    public ReadOnlySpan<byte> Bytes => _bytes;

    public static StorySketch Of(MinHashSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var bytes = new byte[Size];
        var values = signature.Values;
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)values[i];
        }
        return new StorySketch(bytes);
    }

    /// <summary>A sketch read back from storage; null when the bytes are not one (another length).</summary>
    public static StorySketch? FromBytes(ReadOnlySpan<byte> bytes) =>
        bytes.Length == Size ? new StorySketch(bytes.ToArray()) : null;

    /// <summary>On how many of the 96 positions the two texts agree.</summary>
    public int Agreements(StorySketch other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var agreements = 0;
        for (var i = 0; i < Size; i++)
        {
            if (_bytes[i] == other._bytes[i])
            {
                agreements++;
            }
        }
        return agreements;
    }
}
