using System.Text.RegularExpressions;

namespace NewsAggregator.Extraction;

/// <summary>
/// Whole-line patterns, each written <c>^[^\w(]*(?:alternatives)\W*$</c> (<see cref="LineStart"/>,
/// <see cref="LineEnd"/>), asked of the same line one after another, behind what their matches can
/// begin with. The line filter asks its ten label and prompt patterns of every short paragraph, and
/// the regex engine tries a pattern's alternatives one after another (eighty-odd words in the ad
/// label's, with case ignored and first letters shared, so no switch on the first character): a few
/// microseconds a line, most of it turning away ordinary sentences. Each alternative begins with a few
/// letters the line must begin with, after the marks before its words ("Advertisement", "» Read
/// more", "Share on X"); the openings of all the patterns' alternatives, read from the patterns
/// themselves (<see cref="PatternOpenings"/>), make one tree that the line's first characters walk
/// in a few steps, and only the patterns whose openings the line begins with are asked.
/// </summary>
/// <remarks>
/// The openings are read from each pattern's own text when the set is made, so a word added to a
/// pattern is in its openings without anything else to change. What the reading does not follow
/// (an alternative that may begin with any character, as <c>.{0,60}\bgoogle</c> does) leaves its
/// pattern asked of every line, as before; a pattern that does not have the shape above is asked of
/// every line too. Debug builds (the tests) check every line the openings turn away against the
/// patterns, so an opening read wrong fails a test instead of losing a line.
/// </remarks>
internal sealed class LinePatternSet
{
    /// <summary>What stands before a line pattern's words: bullets, arrows and punctuation other than an opening parenthesis.</summary>
    public const string LineStart = @"^[^\w(]*(?:";

    /// <summary>What stands after them: anything but letters and digits.</summary>
    public const string LineEnd = @")\W*$";

    private readonly Regex[] _patterns;
    private readonly Openings _openings;
    // The patterns asked of every line: those whose openings could not be read.
    private readonly ulong _alwaysAsked;

    public LinePatternSet(params Regex[] patterns)
    {
        if (patterns.Length > 64)
        {
            throw new ArgumentException("a set holds at most 64 patterns", nameof(patterns));
        }
        _patterns = patterns;
        var read = new IReadOnlyCollection<string>?[patterns.Length];
        for (var index = 0; index < patterns.Length; index++)
        {
            var source = patterns[index].ToString();
            // (Options that change what ^ or a space in the text means are not read.)
            read[index] = source.StartsWith(LineStart, StringComparison.Ordinal) && source.EndsWith(LineEnd, StringComparison.Ordinal) &&
                (patterns[index].Options & (RegexOptions.Multiline | RegexOptions.RightToLeft | RegexOptions.IgnorePatternWhitespace)) == 0
                ? PatternOpenings.Read(source[LineStart.Length..^LineEnd.Length])
                : null;
        }
        // Each character of an opening is a step of the tree at most.
        _openings = new Openings(read.Sum(openings => openings?.Sum(opening => opening.Length) ?? 0));
        for (var index = 0; index < patterns.Length; index++)
        {
            var bit = 1UL << index;
            if (read[index] is not { } openings)
            {
                _alwaysAsked |= bit;
                continue;
            }
            foreach (var opening in openings)
            {
                _openings.Add(opening, bit);
            }
        }
    }

    /// <summary>The patterns asked of every line, their openings not read (for the tests).</summary>
    internal IEnumerable<Regex> AlwaysAsked => _patterns.Where((_, index) => (_alwaysAsked & (1UL << index)) != 0);

    /// <summary>Whether one of the patterns matches the line.</summary>
    public bool IsMatch(string text)
    {
        var asked = Asked(text);
        for (var index = 0; index < _patterns.Length; index++)
        {
            if ((asked & (1UL << index)) != 0)
            {
                if (_patterns[index].IsMatch(text))
                {
                    return true;
                }
            }
            else
            {
                CheckTurnedAway(_patterns[index], text);
            }
        }
        return false;
    }

    /// <summary>The patterns (one bit each) whose openings the line begins with.</summary>
    private ulong Asked(string text)
    {
        var asked = _alwaysAsked;
        // A pattern's words begin after the marks before them; those marks are what LineStart's
        // [^\w(]* takes (PatternOpenings.IsMark, the same characters the openings pass over), so
        // its words begin at one of the first few places (only the first, in the usual line).
        var marks = 0;
        while (marks < text.Length && PatternOpenings.IsMark(text[marks]))
        {
            marks++;
        }
        for (var at = 0; at <= marks && at < text.Length; at++)
        {
            asked |= _openings.Walk(text, at);
        }
        return asked;
    }

    /// <summary>In a debug build (the tests), throws when a pattern the openings turned away matches the line.</summary>
    [System.Diagnostics.Conditional("DEBUG")]
    private static void CheckTurnedAway(Regex pattern, string text)
    {
        if (pattern.IsMatch(text))
        {
            throw new InvalidOperationException($"the line pattern {pattern.GetType().Name} matches a line its openings turn away: {text}");
        }
    }

    /// <summary>
    /// The openings' tree: a node is a number, and one table holds every node's next characters
    /// (folded, <see cref="PatternOpenings.Fold"/>), so that two thousand openings cost a few
    /// hundred KB rather than a table a node. Beside them, a node's step for any digit and the
    /// patterns whose openings end there.
    /// </summary>
    private sealed class Openings(int steps)
    {
        private readonly Dictionary<long, int> _next = new(steps);
        private readonly List<int> _digit = new(steps + 1) { -1 };
        private readonly List<ulong> _ends = new(steps + 1) { 0 };

        public void Add(string opening, ulong pattern)
        {
            var node = 0;
            foreach (var step in opening)
            {
                if (step == PatternOpenings.AnyDigit)
                {
                    if (_digit[node] < 0)
                    {
                        _digit[node] = NewNode();
                    }
                    node = _digit[node];
                }
                else
                {
                    if (!_next.TryGetValue(Edge(node, step), out var next))
                    {
                        _next[Edge(node, step)] = next = NewNode();
                    }
                    node = next;
                }
            }
            _ends[node] |= pattern;
        }

        /// <summary>The patterns of the openings the text begins with at <paramref name="at"/>.</summary>
        public ulong Walk(string text, int at, int node = 0)
        {
            var ends = _ends[node];
            if (at < text.Length)
            {
                var c = text[at];
                if (_next.TryGetValue(Edge(node, PatternOpenings.Fold(c)), out var next))
                {
                    ends |= Walk(text, at + 1, next);
                }
                if (_digit[node] >= 0 && char.IsDigit(c))
                {
                    ends |= Walk(text, at + 1, _digit[node]);
                }
            }
            return ends;
        }

        private static long Edge(int node, char step) => ((long)node << 16) | step;

        private int NewNode()
        {
            _digit.Add(-1);
            _ends.Add(0);
            return _ends.Count - 1;
        }
    }
}
