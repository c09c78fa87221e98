using System.Buffers;
using NewsAggregator.Extraction;

namespace NewsAggregator.Tests.Extraction;

public class CharacterSetTests
{
    // White space with the no-break space and the ideographic space, a sentence's ends in three scripts.
    private const string Members = " \t\n\u00A0\u3000.?。！؟";

    public static TheoryData<string, string> Texts => new()
    {
        { "empty", "" },
        { "ASCII, no member", "Headline" },
        { "ASCII, member at once", " lead" },
        { "ASCII, member later", "The council met on Tuesday" },
        { "a member outside ASCII", "Breaking\u00A0news" },
        { "quotes and dashes passed over, then a member", "“Don’t” — it’s – the ‘end’ … of it all." },
        { "quotes and dashes, no member", "“Don’t”—it’s–the‘end’…" },
        { "Cyrillic, member at the end", "Правительство\u00A0объявило" },
        { "Cyrillic, no member", "Правительствообъявилооновыхмерах" },
        { "Chinese, full stop at the end", "国务院常务会议今天召开会议研究部署工作。" },
        { "Chinese, no member", "国务院常务会议今天召开会议研究部署工作" },
        { "Arabic question mark after many letters", "هل ستنخفض الأسعار؟" },
        { "a long English text with many quotes before its member", string.Concat(Enumerable.Repeat("it’s“ok”", 40)) + "." },
        { "another script for a while, then ASCII, then a member", "Привет—мир—снова" + new string('x', 100) + "?" },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Finds_the_first_member_as_a_plain_search_does(string why, string text)
    {
        var set = new CharacterSet(Members);
        var expected = text.AsSpan().IndexOfAny(SearchValues.Create(Members));

        Assert.True(expected == set.IndexOfAny(text), why);
        Assert.Equal(expected >= 0, set.ContainsAny(text));
    }

    [Theory]
    [InlineData(' ', true)]
    [InlineData('.', true)]
    [InlineData('\u00A0', true)]
    [InlineData('。', true)]
    [InlineData('x', false)]
    [InlineData('’', false)]
    [InlineData('\u3001', false)]
    public void Knows_its_members(char c, bool expected)
    {
        Assert.Equal(expected, new CharacterSet(Members).Contains(c));
    }

    [Fact]
    public void A_set_of_ASCII_alone_passes_over_every_character_outside_it()
    {
        var colon = new CharacterSet(":");

        Assert.Equal(28, colon.IndexOfAny("Правительство “объявило” — ’: да"));
        Assert.Equal(-1, colon.IndexOfAny("国务院常务会议今天召开会议。"));
    }

    [Fact]
    public void A_set_without_ASCII_members_skips_every_ASCII_character()
    {
        var leads = new CharacterSet("©Жж");

        Assert.Equal(-1, leads.IndexOfAny("Copyright (c) 2006, all rights reserved."));
        Assert.Equal(10, leads.IndexOfAny("Copyright © 2006"));
        Assert.Equal(5, leads.IndexOfAny("“Ok” жена"));
    }
}
