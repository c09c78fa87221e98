using NewsAggregator.Extraction;

namespace NewsAggregator.Tests.Extraction;

public class PatternOpeningsTests
{
    // '#' below stands for PatternOpenings.AnyDigit, a step any digit takes.
    [Theory]
    [InlineData("print|email", "email|print")]
    [InlineData("share( this)?", "share|share this")]
    [InlineData("(the )?(stories|text) go", "stories go|text go|the storie|the text g")] // ten characters at most
    [InlineData("Advert", "advert")] // folded
    [InlineData("ΕΙΔΉΣΕΙΣ", "ειδήσεισ")] // final sigma with the others
    [InlineData("e-?mail", "e-mail|email")]
    [InlineData("vid[ée]o", "video|vidéo")]
    [InlineData("tags?:", "tag:|tags:")]
    [InlineData("comments?", "comment|comments")]
    [InlineData("\\d+ min", "#")] // a repetition ends the opening
    [InlineData("(about )?\\d{1,2} min", "#|about #")]
    [InlineData("#{3,}", "###")] // as many as it must take
    [InlineData("o+O+", "o")]
    [InlineData("-\\s*30", "-|-30")] // spaces that may be there end it, or are not there
    [InlineData("\\s*-*photo", "photo")] // marks before the words: the set tries the places after the line's own
    [InlineData("related( news)?:", "related ne|related:")]
    [InlineData("(?=.{0,9}x)share\\b", "share")] // zero-width assertions are passed over
    [InlineData("ok(?-i:\\p{Lu})?", "ok")]
    [InlineData("[（(]全", "(全|（全")] // an opening parenthesis is a word's start, not a mark
    [InlineData("\\[(photo|фото)", "[photo|[фото")]
    [InlineData("a\\.b|c\\?", "a.b|c?")]
    public void Reads_what_every_match_begins_with(string pattern, string expected)
    {
        var openings = PatternOpenings.Read(pattern);

        Assert.NotNull(openings);
        Assert.Equal(expected.Split('|').Order(StringComparer.Ordinal), openings.Select(o => o.Replace(PatternOpenings.AnyDigit, '#')).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(".{0,60}google")] // may begin with anything
    [InlineData("share|[^.!?]{0,100}\\(pdf\\)")] // one alternative that may is enough
    [InlineData("(a )?\\w+ app")]
    [InlineData("(?-i:\\p{Lu})?ok")] // an optional capital, then "ok": any capital may begin it
    [InlineData("share|")] // an empty alternative matches every line
    [InlineData("(unclosed")] // not read: asked of every line
    [InlineData("a)b")]
    [InlineData("share|\\p{Lu")] // nor what ends inside a construct
    [InlineData("share|[ab\\")]
    [InlineData("share\\")]
    public void Cannot_read_a_pattern_that_may_begin_with_anything(string pattern)
    {
        Assert.Null(PatternOpenings.Read(pattern));
    }
}
