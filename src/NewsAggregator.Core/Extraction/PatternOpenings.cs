using System.Globalization;
using System.Text;

namespace NewsAggregator.Extraction;

/// <summary>
/// What a pattern's matches can begin with, read from the pattern's text: for each way through
/// its alternatives, the characters (folded) or digits every match that goes that way begins with,
/// up to the first thing that is not a fixed character (<c>\w</c>, <c>.</c>, a class of many, a
/// repetition). "share( this)?|print" begins with "share" or "print"; "(the )?story" with "the story"
/// or "story"; <c>\d+ min</c> with a digit. <see cref="LinePatternSet"/> turns a line away from a
/// pattern when it begins with none of them.
/// </summary>
/// <remarks>
/// <para>
/// Every opening read is a prefix of what some match begins with, never more, so an opening can
/// only turn away a line the pattern would not match: a construct the reading does not know ends
/// the opening where it stands, and an alternative whose opening would then be empty (it may begin
/// with anything) makes the whole pattern unreadable (<see langword="null"/>), to be asked of
/// every line. Zero-width assertions (<c>\b</c>, lookarounds) are passed over, which can only admit
/// more. Case is folded as <see cref="Fold"/> does, which puts together every pair of characters
/// that the regex engine's case-insensitive matching does (a test checks it for every character the
/// line patterns hold), and puts some apart that the engine does not, which again only admits more.
/// </para>
/// <para>
/// Marks that <see cref="LinePatternSet.LineStart"/>'s <c>[^\w(]*</c> could take as well (spaces,
/// dashes, bullets) are passed over where a pattern begins with them: <see cref="LinePatternSet"/>
/// tries every place within the line's opening marks.
/// </para>
/// </remarks>
internal static class PatternOpenings
{
    /// <summary>An opening's step that any decimal digit (<c>\d</c>) takes.</summary>
    public const char AnyDigit = '\uFFFF';

    // Characters of an opening at most: past a word or two, openings tell no more lines apart.
    private const int MaxLength = 10;
    // Ways through a pattern at most; a pattern with more is asked of every line.
    private const int MaxSteps = 200_000;

    /// <summary>A character as the openings compare it: upper-cased, then lower-cased.</summary>
    public static char Fold(char c) =>
        c < 0x80 ? (c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c) : char.ToLowerInvariant(char.ToUpperInvariant(c));

    /// <summary>The openings of a pattern's text (alternatives, no anchors needed), or null where one way through may begin with anything.</summary>
    public static IReadOnlyCollection<string>? Read(string pattern)
    {
        List<List<Node>> alternatives;
        try
        {
            var parser = new Parser(pattern);
            alternatives = parser.Alternatives();
            if (!parser.AtEnd)
            {
                return null;
            }
        }
        catch (FormatException)
        {
            return null;
        }
        var walk = new Walk();
        foreach (var alternative in alternatives)
        {
            walk.From(new Rest(alternative, 0, null), 0);
        }
        return walk.Unreadable ? null : walk.Openings;
    }

    private abstract record Node(int Min, int Max);

    // One character of a set of fixed ones (Steps, folded; AnyDigit for \d), or of an open class (Steps null).
    // OnlyMarks: every character it takes is one that [^\w(] takes.
    private sealed record Atom(string? Steps, bool OnlyMarks, int Min, int Max) : Node(Min, Max);

    private sealed record Group(List<List<Node>> Alternatives, int Min, int Max) : Node(Min, Max);

    // Fixed characters one after another, each once (folded): most of a pattern's text.
    private sealed record Text(string Characters) : Node(1, 1);

    private sealed record ZeroWidth() : Node(0, 0);

    // Ends the opening where it stands (after one turn of a repetition).
    private sealed record Stop() : Node(0, 0);

    private sealed record Rest(List<Node> Items, int Index, Rest? Then);

    private static readonly List<Node> Stopped = [new Stop()];

    // Walks every way through the alternatives, writing the opening so far into one buffer: a new
    // string at each step was megabytes of garbage at start-up for the line patterns' openings.
    private sealed class Walk
    {
        private readonly char[] _opening = new char[MaxLength];
        // The openings found so far, looked up by the buffer's characters without making a string.
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _found;
        private int _steps;

        public Walk()
        {
            _found = Openings.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public HashSet<string> Openings { get; } = new(StringComparer.Ordinal);


        public bool Unreadable { get; private set; }

        /// <param name="length">The characters of the opening so far, in the buffer.</param>
        public void From(Rest? rest, int length)
        {
            if (Unreadable || ++_steps > MaxSteps)
            {
                Unreadable = true;
                return;
            }
            while (rest is not null && rest.Index >= rest.Items.Count)
            {
                rest = rest.Then;
            }
            if (rest is null || length >= MaxLength)
            {
                End(length);
                return;
            }
            var next = rest with { Index = rest.Index + 1 };
            switch (rest.Items[rest.Index])
            {
                case ZeroWidth:
                    From(next, length);
                    break;
                case Text text:
                    var copied = Math.Min(text.Characters.Length, MaxLength - length);
                    text.Characters.AsSpan(0, copied).CopyTo(_opening.AsSpan(length));
                    From(next, length + copied);
                    break;
                case Stop:
                    End(length);
                    break;
                case Atom { OnlyMarks: true } atom when length == 0 && (atom.Steps is null || atom.Min == 0):
                    // Marks before the words, as many as there may be: the set tries the places after them too.
                    From(next, length);
                    break;
                case Atom atom:
                    if (atom.Min == 0)
                    {
                        From(next, length);
                    }
                    if (atom.Steps is null)
                    {
                        End(length);
                        break;
                    }
                    foreach (var step in atom.Steps)
                    {
                        if (atom.Max == 1)
                        {
                            _opening[length] = step;
                            From(next, length + 1);
                        }
                        else
                        {
                            // A repetition: as many as it must take of a single character, one of a set, then stop.
                            var taken = Math.Min(atom.Steps.Length == 1 ? Math.Max(atom.Min, 1) : 1, MaxLength - length);
                            _opening.AsSpan(length, taken).Fill(step);
                            End(length + taken);
                        }
                    }
                    break;
                case Group group:
                    if (group.Min == 0)
                    {
                        From(next, length);
                    }
                    foreach (var alternative in group.Alternatives)
                    {
                        From(new Rest(alternative, 0, group.Max == 1 ? next : new Rest(Stopped, 0, null)), length);
                    }
                    break;
            }
        }

        private void End(int length)
        {
            if (length == 0)
            {
                Unreadable = true;
            }
            else if (!_found.Contains(_opening.AsSpan(0, length)))
            {
                Openings.Add(new string(_opening, 0, length));
            }
        }
    }

    /// <summary>The parts of .NET's pattern language the line patterns use; anything else ends an opening or throws <see cref="FormatException"/>.</summary>
    private sealed class Parser(string pattern)
    {
        private int _at;

        public bool AtEnd => _at == pattern.Length;

        public List<List<Node>> Alternatives()
        {
            var alternatives = new List<List<Node>> { new() };
            // Fixed characters in a row, kept as one Text node: a word of a pattern is one step of the walk.
            var run = new StringBuilder();
            while (_at < pattern.Length && pattern[_at] != ')')
            {
                if (pattern[_at] == '|')
                {
                    EndRun(alternatives[^1], run);
                    _at++;
                    alternatives.Add([]);
                    continue;
                }
                var c = pattern[_at];
                if (c is not ('(' or '[' or '\\' or '.' or '^' or '$' or '*' or '+' or '?' or '{' or AnyDigit) &&
                    Peek(1) is not ('?' or '*' or '+' or '{') && (run.Length > 0 || !IsMark(c)))
                {
                    // (A mark may begin a pattern's words as a mark before them; within a run it is a character like any.)
                    run.Append(Fold(c));
                    _at++;
                    continue;
                }
                var item = Item();
                EndRun(alternatives[^1], run);
                alternatives[^1].Add(item);
            }
            EndRun(alternatives[^1], run);
            return alternatives;
        }

        private static void EndRun(List<Node> sequence, StringBuilder run)
        {
            if (run.Length > 0)
            {
                sequence.Add(new Text(run.ToString()));
                run.Clear();
            }
        }

        private Node Item()
        {
            var c = pattern[_at];
            Node node;
            switch (c)
            {
                case '(':
                    node = GroupItem();
                    break;
                case '[':
                    node = ClassItem();
                    break;
                case '\\':
                    node = EscapeItem();
                    break;
                case '.':
                    _at++;
                    node = new Atom(null, false, 1, 1);
                    break;
                case '^' or '$':
                    _at++;
                    node = new ZeroWidth();
                    break;
                case '*' or '+' or '?' or '{' or ')' or '|':
                    throw new FormatException($"unexpected '{c}' at {_at}");
                default:
                    _at++;
                    node = Literal(c);
                    break;
            }
            var (min, max) = Quantifier();
            return node switch
            {
                ZeroWidth => node,
                Atom atom => atom with { Min = min, Max = max },
                Group group => group with { Min = min, Max = max },
                _ => node,
            };
        }

        private (int Min, int Max) Quantifier()
        {
            if (_at >= pattern.Length)
            {
                return (1, 1);
            }
            (int, int) quantifier;
            switch (pattern[_at])
            {
                case '?':
                    _at++;
                    quantifier = (0, 1);
                    break;
                case '*':
                    _at++;
                    quantifier = (0, int.MaxValue);
                    break;
                case '+':
                    _at++;
                    quantifier = (1, int.MaxValue);
                    break;
                case '{':
                    var close = pattern.IndexOf('}', _at);
                    if (close < 0)
                    {
                        throw new FormatException($"an unclosed repetition at {_at}");
                    }
                    var bounds = pattern[(_at + 1)..close].Split(',');
                    var least = int.Parse(bounds[0], CultureInfo.InvariantCulture);
                    var most = bounds.Length == 1 ? least : bounds[1].Length == 0 ? int.MaxValue : int.Parse(bounds[1], CultureInfo.InvariantCulture);
                    _at = close + 1;
                    quantifier = (least, most);
                    break;
                default:
                    return (1, 1);
            }
            if (_at < pattern.Length && pattern[_at] == '?')
            {
                _at++; // lazy: the same characters, taken in another order
            }
            return quantifier;
        }

        private Node GroupItem()
        {
            _at++;
            var zeroWidth = false;
            if (Peek(0) == '?')
            {
                switch (Peek(1))
                {
                    case ':' or '>':
                        _at += 2;
                        break;
                    case '=' or '!':
                        zeroWidth = true;
                        _at += 2;
                        break;
                    case '<' when Peek(2) is '=' or '!':
                        zeroWidth = true;
                        _at += 3;
                        break;
                    case '<' or '\'':
                        var nameEnd = pattern.IndexOfAny(['>', '\''], _at + 2);
                        if (nameEnd < 0)
                        {
                            throw new FormatException($"an unclosed group name at {_at}");
                        }
                        _at = nameEnd + 1;
                        break;
                    default:
                        // Options for the group ("(?-i:...)") or for the rest ("(?i)").
                        var end = _at + 1;
                        while (end < pattern.Length && (char.IsAsciiLetter(pattern[end]) || pattern[end] == '-'))
                        {
                            end++;
                        }
                        if (end < pattern.Length && pattern[end] == ')')
                        {
                            _at = end + 1;
                            return new ZeroWidth();
                        }
                        if (end >= pattern.Length || pattern[end] != ':')
                        {
                            throw new FormatException($"a group construct not read at {_at}");
                        }
                        _at = end + 1;
                        break;
                }
            }
            var alternatives = Alternatives();
            if (Peek(0) != ')')
            {
                throw new FormatException("an unclosed group");
            }
            _at++;
            return zeroWidth ? new ZeroWidth() : new Group(alternatives, 1, 1);
        }

        private Atom ClassItem()
        {
            _at++;
            var negated = Peek(0) == '^';
            if (negated)
            {
                _at++;
            }
            var members = new StringBuilder();
            var open = negated;
            var onlyMarks = true;
            var first = true;
            while (_at < pattern.Length && (pattern[_at] != ']' || first))
            {
                first = false;
                var c = Take();
                if (c == '\\')
                {
                    var escaped = Take();
                    if (char.IsAsciiLetterOrDigit(escaped))
                    {
                        // \d, \w, \s, \p{…}: classes of their own; a letter escape (\t) too, for simplicity.
                        open = true;
                        onlyMarks &= escaped == 's';
                        if (escaped is 'p' or 'P' && Peek(0) == '{')
                        {
                            SkipPast('}');
                        }
                        continue;
                    }
                    c = escaped;
                }
                else if (c == '-' && members.Length > 0 && Peek(0) != ']')
                {
                    // A range, or a class subtracted.
                    open = true;
                    onlyMarks = false;
                    continue;
                }
                members.Append(c);
                onlyMarks &= IsMark(c);
            }
            if (Peek(0) != ']')
            {
                throw new FormatException("an unclosed class");
            }
            _at++;
            return new Atom(open ? null : Folded(members.ToString()), onlyMarks && !negated, 1, 1);
        }

        private Node EscapeItem()
        {
            _at++;
            var c = Take();
            switch (c)
            {
                case 'd':
                    return new Atom(AnyDigit.ToString(), false, 1, 1);
                case 's':
                    return new Atom(null, true, 1, 1);
                case 'w' or 'W' or 'S' or 'D':
                    return new Atom(null, false, 1, 1);
                case 'p' or 'P':
                    if (Peek(0) == '{')
                    {
                        SkipPast('}');
                    }
                    return new Atom(null, false, 1, 1);
                case 'b' or 'B' or 'A' or 'z' or 'Z' or 'G':
                    return new ZeroWidth();
                case 't':
                    return Literal('\t');
                case 'n':
                    return Literal('\n');
                case 'u' when _at + 4 <= pattern.Length:
                    var code = (char)int.Parse(pattern.AsSpan(_at, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    _at += 4;
                    return Literal(code);
                default:
                    if (char.IsAsciiLetterOrDigit(c))
                    {
                        // Back references, other escapes: whatever they take, the opening ends before them.
                        return new Atom(null, false, 1, 1);
                    }
                    return Literal(c);
            }
        }

        private static Atom Literal(char c) =>
            c == AnyDigit ? new Atom(null, false, 1, 1) : new Atom(Fold(c).ToString(), IsMark(c), 1, 1);

        private char Peek(int ahead) => _at + ahead < pattern.Length ? pattern[_at + ahead] : '\0';

        private char Take() => _at < pattern.Length ? pattern[_at++] : throw new FormatException("the pattern ends inside a construct");

        private void SkipPast(char close)
        {
            var at = pattern.IndexOf(close, _at);
            _at = at >= 0 ? at + 1 : throw new FormatException($"no '{close}' after {_at}");
        }
    }

    private static string? Folded(string members)
    {
        var folded = new StringBuilder();
        foreach (var c in members)
        {
            if (c == AnyDigit)
            {
                return null;
            }
            var f = Fold(c);
            if (folded.ToString().IndexOf(f) < 0)
            {
                folded.Append(f);
            }
        }
        return folded.ToString();
    }

    /// <summary>A character <see cref="LinePatternSet.LineStart"/>'s <c>[^\w(]</c> takes: not a letter, a digit, a joining mark or '('.</summary>
    internal static bool IsMark(char c) =>
        c != '(' && !char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.ConnectorPunctuation);
}
