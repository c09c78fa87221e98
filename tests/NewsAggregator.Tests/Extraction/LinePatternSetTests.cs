using System.Text;
using System.Text.RegularExpressions;
using NewsAggregator.Extraction;

namespace NewsAggregator.Tests.Extraction;

public partial class LinePatternSetTests
{
    private const RegexOptions IgnoringCase = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    [GeneratedRegex(LinePatternSet.LineStart + @"share( this( article| story)?)?|(the )?story continues below|ad|###|-\s*30\s*-" + LinePatternSet.LineEnd, IgnoringCase)]
    private static partial Regex ToolLine();

    [GeneratedRegex(LinePatternSet.LineStart + @"\d+ min read|(about |約)?\d{1,2}\s?(min|分)|[（(]全\d+回[^）)]{0,30}[）)]|ειδήσεις|[iİ]lgili haberler|\[(photo|фото)\s*[=:].*\]" + LinePatternSet.LineEnd, IgnoringCase)]
    private static partial Regex LabelLine();

    // Its alternative may begin anywhere in the line: the set asks it of every line.
    [GeneratedRegex(LinePatternSet.LineStart + @"[^.!?]{0,100}\(pdf\)" + LinePatternSet.LineEnd, IgnoringCase)]
    private static partial Regex DownloadLine();

    private static readonly LinePatternSet Lines = new(ToolLine(), LabelLine(), DownloadLine());

    [Theory]
    [InlineData("Share", true)]
    [InlineData("SHARE THIS STORY", true)]
    [InlineData("» Share this article «", true)] // marks before and after the words
    [InlineData("• Advertisement", false)]
    [InlineData("Ad", true)]
    [InlineData("Story continues below", true)]
    [InlineData("The story continues below.", true)] // through the optional "the "
    [InlineData("###", true)] // marks that are the words themselves
    [InlineData("- 30 -", true)]
    [InlineData("— -30-", true)] // the words begin within the marks before them
    [InlineData("5 min read", true)] // a digit opens it
    [InlineData("12 min", true)]
    [InlineData("About 4 min", true)]
    [InlineData("約4分", true)]
    [InlineData("（全3回の第2回／第1回から読む）", true)] // an opening parenthesis, which LineStart does not take
    [InlineData("(全3回の第2回)", true)]
    [InlineData("ΕΙΔΉΣΕΙς", true)] // Greek capitals fold to the small letters
    [InlineData("İlgili Haberler", true)] // a Turkish capital dotted I, in the pattern's own class
    [InlineData("ilgili haberler", true)]
    [InlineData("[Photo = Yonhap]", true)]
    [InlineData("Annual report 2024 (PDF)", true)] // asked of every line
    // Lines that begin as an alternative does and still do not match: the pattern decides.
    [InlineData("Shares of the company rose 4 per cent on Tuesday.", false)]
    [InlineData("Adrian Holt, the club's coach, said the side would rest.", false)]
    [InlineData("5 minutes later the lights came back.", false)]
    // Lines that begin as none does.
    [InlineData("The council met on Tuesday.", false)]
    [InlineData("Zebra crossings were repainted.", false)]
    [InlineData("", false)]
    [InlineData("—", false)]
    public void Matches_where_one_of_its_patterns_does(string text, bool expected)
    {
        Assert.Equal(expected, Lines.IsMatch(text));
        Assert.Equal(ToolLine().IsMatch(text) || LabelLine().IsMatch(text) || DownloadLine().IsMatch(text), Lines.IsMatch(text));
    }

    [Fact]
    public void A_pattern_whose_alternative_may_begin_anywhere_is_asked_of_every_line()
    {
        Assert.Equal([DownloadLine()], Lines.AlwaysAsked);
    }

    [Fact]
    public void A_pattern_not_written_as_a_whole_line_is_asked_of_every_line()
    {
        var unanchored = new Regex(@"\bshare\b", IgnoringCase);
        var set = new LinePatternSet(unanchored);

        Assert.Equal([unanchored], set.AlwaysAsked);
        Assert.True(set.IsMatch("Please share it"));
    }

    [Fact]
    public void A_pattern_whose_options_change_what_a_line_start_means_is_asked_of_every_line()
    {
        // With Multiline, ^ also matches after each line break inside the text.
        var everyLine = new Regex(LinePatternSet.LineStart + "share" + LinePatternSet.LineEnd, IgnoringCase | RegexOptions.Multiline);
        var set = new LinePatternSet(everyLine);

        Assert.Equal([everyLine], set.AlwaysAsked);
        Assert.True(set.IsMatch("Read on\nShare"));
    }

    [Fact]
    public void None_of_the_furniture_line_patterns_is_asked_of_every_line()
    {
        // The line filter's speed rests on it: a pattern asked of every line costs each line a few
        // hundred nanoseconds. An alternative that may begin anywhere belongs in a pattern of its
        // own behind the words it holds (FurnitureVocabulary's FurnitureLinesByWord).
        Assert.Empty(FurnitureVocabulary.FurnitureLines.AlwaysAsked);
    }

    [Fact]
    public void The_marks_before_a_lines_words_are_what_the_line_patterns_pass_over()
    {
        // PatternOpenings passes over a pattern's leading marks, and the set tries the places after
        // a line's own: both must be the characters LineStart's [^\w(] takes, to the last one.
        var takenBeforeWords = new Regex(@"^[^\w(]$", RegexOptions.CultureInvariant);
        var differing = new List<string>();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (PatternOpenings.IsMark((char)c) != takenBeforeWords.IsMatch(((char)c).ToString()))
            {
                differing.Add($"U+{c:X4}");
            }
        }

        Assert.Empty(differing);
    }

    [Fact]
    public void Folding_puts_together_every_character_the_regex_engine_matches_as_another_case_of_a_line_patterns_letter()
    {
        // An opening compares folded characters; if the engine took two characters for cases of one
        // letter and the fold kept them apart, a line the pattern matches would be turned away.
        var everyCharacter = new StringBuilder(char.MaxValue + 1);
        for (var c = 0; c <= char.MaxValue; c++)
        {
            everyCharacter.Append(char.IsSurrogate((char)c) ? ' ' : (char)c);
        }
        var text = everyCharacter.ToString();
        var letters = FurnitureLinePatterns().SelectMany(p => p.ToString()).Where(char.IsLetter).Distinct().ToList();
        Assert.NotEmpty(letters);

        var apart = new List<string>();
        foreach (var letter in letters)
        {
            var sameLetter = new Regex($"[{Regex.Escape(letter.ToString())}]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            foreach (var match in sameLetter.EnumerateMatches(text))
            {
                var other = text[match.Index];
                if (PatternOpenings.Fold(other) != PatternOpenings.Fold(letter))
                {
                    apart.Add($"{letter} U+{(int)other:X4}");
                }
            }
        }

        Assert.Empty(apart);
    }

    private static IEnumerable<Regex> FurnitureLinePatterns() =>
    [
        FurnitureVocabulary.AdLabelLine(), FurnitureVocabulary.ArticleToolLine(), FurnitureVocabulary.PageToolLine(),
        FurnitureVocabulary.PageControlLine(), FurnitureVocabulary.OtherStoriesLine(), FurnitureVocabulary.PromptLine(),
        FurnitureVocabulary.FeedbackLine(), FurnitureVocabulary.DevelopingStoryLine(), FurnitureVocabulary.LabelLine(),
        FurnitureVocabulary.CreditLine(),
    ];
}
