using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace NewsAggregator.Dedup;

/// <summary>
/// The set of word 5-shingles of a story's text (every run of five consecutive words), each
/// kept as a stable 64-bit hash: what near-duplicate detection compares. Two copies of one
/// story share most of their shingles whatever their templates; two stories on one topic
/// share names and phrases but few runs of five words.
/// </summary>
/// <remarks>
/// The text is first stripped of the syndicating site's wrapper (<see cref="SyndicationWrapper"/>)
/// and folded like the exact fingerprint (NFKC, lower case, punctuation dropped), except that
/// dashes, slashes and ellipses part words: one copy's "2008—and" is another's "2008 -- and".
/// The hashes are persisted (through <see cref="MinHashSignature"/> and <see cref="LshBands"/>):
/// changing how they are computed needs a migration that indexes every article again.
/// </remarks>
public sealed class StoryShingles
{
    public const int WordsPerShingle = 5;

    private readonly ulong[] _hashes;

    private StoryShingles(ulong[] sortedDistinctHashes, int wordCount)
    {
        _hashes = sortedDistinctHashes;
        WordCount = wordCount;
    }

    /// <summary>The distinct shingle hashes, in ascending order.</summary>
    public ReadOnlySpan<ulong> Hashes => _hashes;

    /// <summary>How many distinct shingles: the story's length as similarity sees it.</summary>
    public int Count => _hashes.Length;

    /// <summary>Words of the compared text, after the wrapper was stripped.</summary>
    public int WordCount { get; }

    public static StoryShingles Of(string text)
    {
        // The words are hashed where they lie in the folded text (one space between words, none
        // at either end): no string per word, no array of them.
        using var folded = ContentFingerprint.FoldPooled(Compared(text), PartsWords);
        return Of(folded.Text);
    }

    private static StoryShingles Of(ReadOnlySpan<char> folded)
    {
        var wordCount = folded.Length == 0 ? 0 : folded.Count(' ') + 1;
        if (wordCount < WordsPerShingle)
        {
            return new StoryShingles([], wordCount);
        }

        // The words' and the runs' hashes are scratch (pooled): only the distinct, sorted set is kept.
        var wordHashes = ArrayPool<ulong>.Shared.Rent(wordCount);
        var hashes = ArrayPool<ulong>.Shared.Rent(wordCount - WordsPerShingle + 1);
        var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(folded.Length));
        try
        {
            // A space byte is never part of another character's UTF-8 bytes: the words split there.
            ReadOnlySpan<byte> bytes = utf8.AsSpan(0, Encoding.UTF8.GetBytes(folded, utf8));
            var i = 0;
            foreach (var word in bytes.Split((byte)' '))
            {
                wordHashes[i++] = XxHash3.HashToUInt64(bytes[word]);
            }
            var runs = hashes.AsSpan(0, wordCount - WordsPerShingle + 1);
            Span<byte> run = stackalloc byte[WordsPerShingle * sizeof(ulong)];
            for (var start = 0; start < runs.Length; start++)
            {
                // Little-endian bytes, so the hash is the same on every machine that ever reads the index.
                for (var k = 0; k < WordsPerShingle; k++)
                {
                    BinaryPrimitives.WriteUInt64LittleEndian(run[(k * sizeof(ulong))..], wordHashes[start + k]);
                }
                runs[start] = XxHash3.HashToUInt64(run);
            }
            // The words' hashes are all in the runs' now: their buffer, as long as the runs or longer, is the sort's scratch.
            SortAscending(runs, wordHashes);
            return new StoryShingles(runs[..Dedupe(runs)].ToArray(), wordCount);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
            ArrayPool<ulong>.Shared.Return(hashes);
            ArrayPool<ulong>.Shared.Return(wordHashes);
        }
    }

    /// <summary>The words similarity compares: wrapper stripped, folded, in order.</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var folded = FoldedWords(text);
        return folded.Length == 0 ? [] : folded.Split(' ');
    }

    private static string FoldedWords(string text) => ContentFingerprint.Fold(Compared(text), PartsWords);

    // The ellipsis goes before folding: NFKC would make it three full stops, which vanish.
    private static string Compared(string text) => SyndicationWrapper.StrippedForComparison(text);

    /// <summary>How much this story and <paramref name="other"/> share.</summary>
    public ShingleOverlap OverlapWith(StoryShingles other)
    {
        var shared = 0;
        ReadOnlySpan<ulong> a = _hashes, b = other._hashes;
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return new ShingleOverlap(shared, Count, other.Count);
    }

    private static bool PartsWords(Rune rune) =>
        Rune.GetUnicodeCategory(rune) == System.Globalization.UnicodeCategory.DashPunctuation || rune.Value == '/';

    /// <summary>
    /// <paramref name="keys"/> in ascending order, a byte at a time from the lowest (a radix sort:
    /// eight stable passes, all counted in one read). The hashes are uniform, which is where a
    /// comparison sort does worst: half its comparisons go the way the processor did not guess.
    /// This took 11 µs for a thousand against 38 µs for <see cref="MemoryExtensions.Sort{T}(Span{T})"/>,
    /// whose sorting was 1.2 % of a pass's CPU in a profile; the shingles of a zyte story now take
    /// 65-75 µs instead of 83-89 µs.
    /// </summary>
    /// <param name="scratch">Room for as many keys, overwritten.</param>
    internal static void SortAscending(Span<ulong> keys, Span<ulong> scratch)
    {
        const int Digits = sizeof(ulong);
        const int Buckets = 256;
        if (keys.Length < 2)
        {
            return;
        }
        Span<int> starts = stackalloc int[Digits * Buckets];
        starts.Clear();
        foreach (var key in keys)
        {
            for (var digit = 0; digit < Digits; digit++)
            {
                starts[(digit * Buckets) + (int)((key >> (8 * digit)) & 0xFF)]++;
            }
        }
        Span<ulong> from = keys, to = scratch[..keys.Length];
        for (var digit = 0; digit < Digits; digit++)
        {
            var next = starts.Slice(digit * Buckets, Buckets);
            var start = 0;
            for (var bucket = 0; bucket < Buckets; bucket++)
            {
                (next[bucket], start) = (start, start + next[bucket]);
            }
            var shift = 8 * digit;
            foreach (var key in from)
            {
                to[next[(int)((key >> shift) & 0xFF)]++] = key;
            }
            var swap = from;
            from = to;
            to = swap;
        }
        // An even number of passes: the last one wrote back into the keys.
    }

    private static int Dedupe(Span<ulong> sorted)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }
        var kept = 1;
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] != sorted[kept - 1])
            {
                sorted[kept++] = sorted[i];
            }
        }
        return kept;
    }
}

/// <summary>Shingles two stories share, and each one's count: the numbers every similarity rule is made of.</summary>
public readonly record struct ShingleOverlap(int Shared, int FirstCount, int SecondCount)
{
    /// <summary>|A ∩ B| / |A ∪ B|: how alike two copies of similar length are.</summary>
    public double Jaccard => Shared == 0 ? 0 : (double)Shared / (FirstCount + SecondCount - Shared);

    /// <summary>|A ∩ B| / min(|A|, |B|): how much of the shorter text the longer one holds (a cut copy is held whole).</summary>
    public double Containment => Shared == 0 ? 0 : (double)Shared / Math.Min(FirstCount, SecondCount);

    /// <summary>How much of the first text the second one holds.</summary>
    public double FirstContainedInSecond => Shared == 0 ? 0 : (double)Shared / FirstCount;

    /// <summary>The shorter text's length as a share of the longer one's.</summary>
    public double LengthRatio => Math.Max(FirstCount, SecondCount) == 0 ? 0 : (double)Math.Min(FirstCount, SecondCount) / Math.Max(FirstCount, SecondCount);

    public int ShorterCount => Math.Min(FirstCount, SecondCount);
}
