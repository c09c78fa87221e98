using NewsAggregator.Dedup;

namespace NewsAggregator.Tests.Dedup;

public class SyndicationWrapperTests
{
    [Theory]
    [InlineData("AP: place in capitals, region, credit, em dash", "BELGRADE, Serbia (AP) — NATO said", "NATO said")]
    [InlineData("Reuters: credit and hyphen", "WASHINGTON (Reuters) - Scientists on Monday", "Scientists on Monday")]
    [InlineData("Reuters: date after the place", "NEW YORK, Nov 18 (Reuters) - Oil prices fell", "Oil prices fell")]
    [InlineData("abbreviated state", "HAYWARD, Calif. (AP) — The Latest on", "The Latest on")]
    [InlineData("place in capitals and a dash, no credit", "LONDON — Britain's Conservative Party", "Britain's Conservative Party")]
    [InlineData("two places with a slash", "SAN FRANCISCO/LONDON (Reuters) - Shares rose", "Shares rose")]
    [InlineData("double hyphen", "KYIV, Ukraine -- Russian forces", "Russian forces")]
    [InlineData("colon style of Indian papers", "NEW DELHI: Their American dream shattered", "Their American dream shattered")]
    [InlineData("place not in capitals, but credited", "Belgrade, Serbia (AP) — NATO said", "NATO said")]
    [InlineData("credit alone with a dash", "(CNN) — President Donald Trump", "President Donald Trump")]
    [InlineData("credit alone without a dash", "(CNN)President Donald Trump", "President Donald Trump")]
    [InlineData("a sentence with a dash is not a dateline", "Beauty company Coty is breaking out — in a good way.", "Beauty company Coty is breaking out — in a good way.")]
    [InlineData("an aside between dashes is not a dateline", "Two hostages — an American and an Australian — were freed", "Two hostages — an American and an Australian — were freed")]
    [InlineData("one capital letter is not a place", "A — as in apple — is first", "A — as in apple — is first")]
    [InlineData("an acronym starting a sentence is not a place", "NATO Secretary General Jens Stoltenberg said", "NATO Secretary General Jens Stoltenberg said")]
    [InlineData("an acronym before lower case is not a place", "US officials said on Monday — citing", "US officials said on Monday — citing")]
    public void Dateline(string rule, string paragraph, string expected)
    {
        Assert.True(expected == SyndicationWrapper.WithoutDateline(paragraph), $"{rule}: got \"{SyndicationWrapper.WithoutDateline(paragraph)}\"");
    }

    [Theory]
    [InlineData("AP contributor line", "Associated Press writer Danica Kirka contributed to this report.")]
    [InlineData("contributed reporting", "Jane Doe in Paris contributed reporting.")]
    [InlineData("AP copyright", "Copyright 2019 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.")]
    [InlineData("copyright sign", "© Reuters")]
    [InlineData("all rights reserved anywhere in a short line", "2019 Hawaii News Now. All rights reserved.")]
    [InlineData("Reuters credits", "Reporting by Will Dunham; Editing by Sandra Maler")]
    [InlineData("Reuters credits in parentheses", "(Reporting by Echo Wang in New York; Editing by Leslie Adler)")]
    [InlineData("follow on Twitter", "Follow Stephen Groves on Twitter at https://twitter.com/stephengroves")]
    [InlineData("more coverage", "Find more of AP’s coverage at https://apnews.com/Impeachment")]
    [InlineData("correction note", "This story has been corrected to show the vote was on Tuesday.")]
    [InlineData("newsletter prompt", "Sign up for our morning newsletter.")]
    [InlineData("separator", "___")]
    public void Trailer_line_is_cut(string rule, string trailer)
    {
        var text = $"The council voted on Tuesday.\n\nWork starts in spring.\n\n{trailer}";
        Assert.True(SyndicationWrapper.Strip(text).SequenceEqual(["The council voted on Tuesday.", "Work starts in spring."]), rule);
    }

    [Fact]
    public void Trailer_lines_are_cut_from_the_end_one_after_another()
    {
        var text = "The council voted on Tuesday.\n\n___\n\nAP writer Jane Doe contributed to this report.\n\n___\n\n© 2019 Associated Press. All Rights Reserved.";
        Assert.Equal(["The council voted on Tuesday."], SyndicationWrapper.Strip(text));
    }

    [Fact]
    public void Long_last_paragraph_that_mentions_copyright_is_story()
    {
        var last = "The museum said that all rights reserved by the estate had expired, " + string.Join(' ', Enumerable.Repeat("and the paintings can now be shown freely", 8)) + ".";
        Assert.Equal(["The council voted.", last], SyndicationWrapper.Strip($"The council voted.\n\n{last}"));
    }

    [Fact]
    public void Ordinary_last_paragraph_is_kept()
    {
        Assert.Equal(["The council voted.", "Work is due to start in the spring."],
            SyndicationWrapper.Strip("The council voted.\n\nWork is due to start in the spring."));
    }

    [Theory]
    [InlineData("By JILL LAWLESS Associated Press")]
    [InlineData("By Jovana Gec, Associated Press")]
    [InlineData("By The Associated Press")]
    [InlineData("Associated Press")]
    [InlineData("Reuters")]
    public void Byline_before_the_story_is_cut(string byline)
    {
        Assert.Equal(["The council voted on Tuesday."], SyndicationWrapper.Strip($"{byline}\n\nLONDON (AP) — The council voted on Tuesday."));
    }

    [Fact]
    public void First_sentence_that_starts_with_by_is_story()
    {
        Assert.Equal(["By the time the polls closed, turnout was high."], SyndicationWrapper.Strip("By the time the polls closed, turnout was high."));
    }

    [Fact]
    public void Dateline_on_a_line_of_its_own_leaves_no_empty_paragraph()
    {
        Assert.Equal(["The council voted."], SyndicationWrapper.Strip("BELGRADE, Serbia (AP) —\n\nThe council voted."));
    }

    [Theory]
    [InlineData("the spaces end in a dash", "— Work starts in spring.", "Work starts in spring.")]
    [InlineData("the spaces end in a word", "Work starts in spring.", null)]
    [InlineData("a credit after the spaces", "(AP) — Work starts in spring.", "Work starts in spring.")]
    public void A_long_run_of_white_space_after_a_datelines_comma_is_read(string rule, string rest, string? expected)
    {
        // Text from the renderer has its white space folded; text from elsewhere may not. "AB, " and a
        // thousand spaces took seconds before, ten thousand most of an hour; now milliseconds, which
        // the benchmark "hostile" times on this same paragraph.
        var paragraph = "AB, " + new string(' ', 100_000) + rest;

        var stripped = SyndicationWrapper.WithoutDateline(paragraph);

        Assert.True((expected ?? paragraph) == stripped, $"{rule}: {stripped.Length} characters left");
    }

    [Theory]
    [InlineData("region after the comma's spaces", "PARIS,   France (AFP) — Talks resumed", "Talks resumed")]
    [InlineData("spaces alone after the comma", "PARIS,   — Talks resumed", "Talks resumed")]
    [InlineData("nothing after the comma", "PARIS,— Talks resumed", "PARIS,— Talks resumed")]
    [InlineData("forty characters after the comma, spaces around them not counted", "PARIS,  Abcdefghij abcdefghij abcdefghij abcdefg  — Talks resumed", "Talks resumed")]
    [InlineData("forty-one are too many", "PARIS, Abcdefghij abcdefghij abcdefghij abcdefgh — Talks resumed", "PARIS, Abcdefghij abcdefghij abcdefghij abcdefgh — Talks resumed")]
    public void The_part_after_a_datelines_comma_is_read_as_before(string rule, string paragraph, string expected)
    {
        Assert.True(expected == SyndicationWrapper.WithoutDateline(paragraph), $"{rule}: got \"{SyndicationWrapper.WithoutDateline(paragraph)}\"");
    }

    [Theory]
    [InlineData("windows line ends", "First line.\r\nSecond line.\r\n\r\nThird.")]
    [InlineData("old mac, form feed, next line, line and paragraph separators", "One.\rTwo.\fThree.\u0085Four.\u2028Five.\u2029Six.")]
    [InlineData("blank and white-space lines, indented paragraphs", "\n \n\t Lead paragraph here.  \n   \n  Second one\t\n\n")]
    public void Paragraphs_end_at_every_line_ending(string rule, string text)
    {
        var expected = text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.True(expected.SequenceEqual(SyndicationWrapper.Strip(text)), rule);
    }

    [Theory]
    [InlineData("plain paragraphs", "The council voted on Tuesday.\n\nWork starts in spring.")]
    [InlineData("byline, dateline and trailer", "By JANE DOE\n\nLONDON (AP) — The council voted on Tuesday…\r\n\r\nWork starts in spring.\n___\nCopyright 2019 The Associated Press. All rights reserved.")]
    [InlineData("a lone paragraph that is all dateline", "LONDON (AP) — ")]
    [InlineData("a lone dateline paragraph whose rest is a trailer", "LONDON (AP) — Copyright 2019 The Associated Press.")]
    [InlineData("ellipses inside and between", "Wait… what?\u2028And then… nothing.")]
    [InlineData("empty", "")]
    public void The_compared_text_is_the_kept_paragraphs_joined_with_ellipses_as_spaces(string rule, string text)
    {
        Assert.True(
            string.Join(' ', SyndicationWrapper.Strip(text)).Replace('…', ' ') == SyndicationWrapper.StrippedForComparison(text),
            $"{rule}: got \"{SyndicationWrapper.StrippedForComparison(text)}\"");
    }
}
