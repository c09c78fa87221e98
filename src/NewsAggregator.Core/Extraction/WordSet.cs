using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text;

namespace NewsAggregator.Extraction;

/// <summary>
/// Words searched for in a text, ignoring case as <see cref="StringComparison.OrdinalIgnoreCase"/>
/// does: the gates in front of the line patterns (<see cref="GatedPattern"/>), asked of nearly
/// every short paragraph of a page.
/// </summary>
/// <remarks>
/// <para>
/// .NET's <see cref="SearchValues{T}"/> of strings is the obvious tool, and in the load
/// benchmark's profile of the native worker these gates took 7 % of its CPU, a fifth of
/// extraction's: its vectorised search (Teddy) calls <c>Vector128.Shuffle</c> as a method in the
/// native build (x86-64-v2), a scalar loop of 16 steps called several times for every 16
/// characters; a set of many words (the line
/// filter's gate for all its notices, 93) gets Aho-Corasick, one character at a time; and words
/// outside ASCII get Aho-Corasick with a dictionary lookup at every character.
/// </para>
/// <para>
/// Here the words in ASCII of three characters or more are found with the same idea as Teddy, by
/// their first three characters: each 16 characters of the text are narrowed to bytes and folded
/// (<c>| 0x20</c>, which maps the two cases of a letter together and nothing apart), and two
/// table lookups of each byte's halves (SSSE3's <c>pshufb</c>, part of every x64 processor's
/// baseline) give the groups of words that may start there, four words a group at most; a
/// candidate is then compared with the words whose first three characters fold as its own do.
/// Shorter words are searched one by one. A word outside ASCII is found by its first
/// character outside ASCII (<see cref="CharacterSet"/>, a rare character in most texts), and
/// compared where one stands. Without SSSE3 (ARM, where the library's search is vectorised with
/// the processor's own table lookups) the ASCII words are left to <see cref="SearchValues{T}"/>.
/// </para>
/// </remarks>
internal sealed class WordSet
{
    // Word groups told apart by the table lookups: one bit of a byte each.
    private const int Groups = 8;
    // Words of a group at most: a group's tables admit every pairing of its words' characters'
    // halves, so a group of many admits many starts that no word has, each compared in vain.
    private const int WordsPerGroup = 4;
    // Characters of a word's start compared by the lookups.
    private const int Prefix = 3;
    // Characters of the text read at once; a block starts every Step characters, so that every
    // start of a word's prefix falls within one block with its whole prefix.
    private const int Block = 16;
    private const int Step = Block - Prefix + 1;

    // The words by their folded prefix (PrefixKey), sorted by it: what a candidate is compared with.
    private readonly int[] _prefixKeys = [];
    private readonly string[][] _byPrefix = [];
    // Per table, per prefix position k: the groups whose words have a character with this low half at k, and with this high half.
    private readonly Vector128<byte>[] _lowHalves = [];
    private readonly Vector128<byte>[] _highHalves = [];
    private readonly SearchValues<string>? _libraryLong;
    private readonly string[] _short;
    private readonly CharacterSet? _leads;
    // The other words by the upper case of their first character outside ASCII, sorted by it.
    private readonly char[] _leadKeys = [];
    private readonly (string Word, int Offset)[][] _byLead = [];

    public WordSet(IEnumerable<string> words)
    {
        var distinct = words.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (distinct.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("a gate's words are never empty", nameof(words));
        }
        var ascii = distinct.Where(w => Ascii.IsValid(w)).ToArray();
        _short = ascii.Where(w => w.Length < Prefix).ToArray();
        var longWords = ascii.Where(w => w.Length >= Prefix).ToArray();
        if (longWords.Length > 0 && !Ssse3.IsSupported)
        {
            _libraryLong = SearchValues.Create(longWords, StringComparison.OrdinalIgnoreCase);
        }
        else if (longWords.Length > 0)
        {
            (_lowHalves, _highHalves) = Tables(longWords);
            var byPrefix = longWords.GroupBy(w => PrefixKey(w)).OrderBy(group => group.Key).ToArray();
            _prefixKeys = byPrefix.Select(group => group.Key).ToArray();
            _byPrefix = byPrefix.Select(group => group.ToArray()).ToArray();
        }

        var other = distinct.Where(w => !Ascii.IsValid(w)).ToArray();
        if (other.Length > 0)
        {
            var byLead = other
                .Select(w => (Word: w, Offset: w.AsSpan().IndexOfAnyExceptInRange('\0', '\x7f')))
                .GroupBy(entry => char.ToUpperInvariant(entry.Word[entry.Offset]))
                .OrderBy(group => group.Key)
                .ToArray();
            _leadKeys = byLead.Select(group => group.Key).ToArray();
            _byLead = byLead.Select(group => group.ToArray()).ToArray();
            _leads = new CharacterSet(LeadCharacters(_leadKeys));
        }
    }

    // The characters outside ASCII by their upper case (char.ToUpperInvariant), for those whose
    // upper case is another character: read once, on first use, rather than by every set.
    private static readonly Lazy<Dictionary<char, char[]>> OtherCases = new(() =>
    {
        var byUpper = new Dictionary<char, List<char>>();
        for (var c = '\x80'; c < char.MaxValue; c++)
        {
            var upper = char.ToUpperInvariant(c);
            if (upper != c)
            {
                if (!byUpper.TryGetValue(upper, out var others))
                {
                    byUpper[upper] = others = [];
                }
                others.Add(c);
            }
        }
        return byUpper.ToDictionary(entry => entry.Key, entry => entry.Value.ToArray());
    });

    /// <summary>
    /// Every character outside ASCII that <see cref="char.ToUpperInvariant"/> takes to one of the
    /// upper-case leads: a text holding none of them holds none of the words outside ASCII.
    /// </summary>
    internal static char[] LeadCharacters(IReadOnlyCollection<char> upperLeads)
    {
        var leads = new List<char>();
        foreach (var lead in upperLeads)
        {
            if (lead > '\x7f' && char.ToUpperInvariant(lead) == lead)
            {
                leads.Add(lead);
            }
            leads.AddRange(OtherCases.Value.GetValueOrDefault(lead, []).Where(c => c > '\x7f'));
        }
        return leads.Distinct().Order().ToArray();
    }

    /// <summary>Whether the text holds one of the words.</summary>
    public bool ContainsAny(ReadOnlySpan<char> text)
    {
        foreach (var word in _short)
        {
            if (text.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        if (_libraryLong is { } library ? text.ContainsAny(library) : _prefixKeys.Length > 0 && ContainsLongWord(text))
        {
            return true;
        }
        return _leads is not null && ContainsOtherWord(text);
    }

    private static (Vector128<byte>[] Low, Vector128<byte>[] High) Tables(string[] words)
    {
        // Words that share their start share a group, so that a group's tables admit few other
        // starts; a table holds eight groups, and a set of many words gets several tables.
        var ordered = words.OrderBy(w => Folded(w, 0)).ThenBy(w => Folded(w, 1)).ThenBy(w => Folded(w, 2)).ToArray();
        var tables = (ordered.Length + Groups * WordsPerGroup - 1) / (Groups * WordsPerGroup);
        var groupCount = Math.Min(ordered.Length, tables * Groups);
        var low = new Vector128<byte>[tables * Prefix];
        var high = new Vector128<byte>[tables * Prefix];
        for (var table = 0; table < tables; table++)
        {
            for (var k = 0; k < Prefix; k++)
            {
                var lowTable = new byte[16];
                var highTable = new byte[16];
                for (var g = table * Groups; g < Math.Min(groupCount, (table + 1) * Groups); g++)
                {
                    foreach (var word in ordered[(g * ordered.Length / groupCount)..((g + 1) * ordered.Length / groupCount)])
                    {
                        var folded = Folded(word, k);
                        lowTable[folded & 0xF] |= (byte)(1 << (g % Groups));
                        highTable[folded >> 4] |= (byte)(1 << (g % Groups));
                    }
                }
                low[table * Prefix + k] = Vector128.Create(lowTable);
                high[table * Prefix + k] = Vector128.Create(highTable);
            }
        }
        return (low, high);
    }

    // The fold the search applies to the text: both cases of a letter to one byte.
    private static byte Folded(string word, int index) => (byte)(word[index] | 0x20);

    private bool ContainsLongWord(ReadOnlySpan<char> text)
    {
        if (text.Length < Prefix)
        {
            return false;
        }
        if (text.Length < Block)
        {
            // A short text is read from a copy padded to one block; the padding folds to spaces,
            // and a candidate that runs into it fails the comparison with the text itself.
            Span<char> padded = stackalloc char[Block];
            padded.Clear();
            text.CopyTo(padded);
            return ContainsLongWordIn(text, padded, lastStart: 0);
        }
        return ContainsLongWordIn(text, text, lastStart: text.Length - Block);
    }

    private bool ContainsLongWordIn(ReadOnlySpan<char> text, ReadOnlySpan<char> blocks, int lastStart)
    {
        ref var first = ref MemoryMarshal.GetReference(blocks);
        var halfMask = Vector128.Create((byte)0x0F);
        var fold = Vector128.Create((byte)0x20);
        for (var start = 0; ; start = Math.Min(start + Step, lastStart))
        {
            ref var at = ref Unsafe.As<char, short>(ref Unsafe.Add(ref first, start));
            // Characters above 255 saturate to a byte no word's character folds to (or to 0, a
            // space once folded): candidates only, which the comparison turns away.
            var bytes = Sse2.PackUnsignedSaturate(Vector128.LoadUnsafe(ref at), Vector128.LoadUnsafe(ref at, 8)) | fold;
            var lowHalves = bytes & halfMask;
            var highHalves = Sse2.ShiftRightLogical(bytes.AsUInt16(), 4).AsByte() & halfMask;
            var positions = 0u;
            for (var table = 0; table < _lowHalves.Length; table += Prefix)
            {
                var at0 = Ssse3.Shuffle(_lowHalves[table], lowHalves) & Ssse3.Shuffle(_highHalves[table], highHalves);
                var at1 = Ssse3.Shuffle(_lowHalves[table + 1], lowHalves) & Ssse3.Shuffle(_highHalves[table + 1], highHalves);
                var at2 = Ssse3.Shuffle(_lowHalves[table + 2], lowHalves) & Ssse3.Shuffle(_highHalves[table + 2], highHalves);
                // Position i is a candidate for the groups whose first character matches at i, second at i + 1, third at i + 2.
                var candidates = at0 & Sse2.ShiftRightLogical128BitLane(at1, 1) & Sse2.ShiftRightLogical128BitLane(at2, 2);
                positions |= ~(uint)Sse2.MoveMask(Sse2.CompareEqual(candidates, Vector128<byte>.Zero)) & 0xFFFF;
            }
            while (positions != 0)
            {
                var offset = BitOperations.TrailingZeroCount(positions);
                if (StartsWord(text, start + offset))
                {
                    return true;
                }
                positions &= positions - 1;
            }
            if (start == lastStart)
            {
                return false;
            }
        }
    }

    private bool StartsWord(ReadOnlySpan<char> text, int start)
    {
        if (start > text.Length - Prefix)
        {
            // In a short text's padding.
            return false;
        }
        var rest = text[start..];
        if (!Ascii.IsValid(rest[..Prefix]))
        {
            return false;
        }
        var entry = Array.BinarySearch(_prefixKeys, PrefixKey(rest));
        if (entry < 0)
        {
            return false;
        }
        foreach (var word in _byPrefix[entry])
        {
            if (rest.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    // The folded first characters of a word or of a text in ASCII, as one number.
    private static int PrefixKey(ReadOnlySpan<char> start) => ((start[0] | 0x20) << 14) | ((start[1] | 0x20) << 7) | (start[2] | 0x20);

    private bool ContainsOtherWord(ReadOnlySpan<char> text)
    {
        for (var from = 0; from < text.Length;)
        {
            var found = _leads!.IndexOfAny(text[from..]);
            if (found < 0)
            {
                return false;
            }
            var at = from + found;
            var key = Array.BinarySearch(_leadKeys, char.ToUpperInvariant(text[at]));
            if (key >= 0)
            {
                foreach (var (word, offset) in _byLead[key])
                {
                    var start = at - offset;
                    if (start >= 0 && text[start..].StartsWith(word, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }
            from = at + 1;
        }
        return false;
    }
}
