using System.Buffers;
using NewsAggregator.Extraction;

namespace NewsAggregator.Tests.Extraction;

public class WordSetTests
{
    private static readonly string[] Notices =
        ["cookie", "subscri", "read", "this article", "cc by", "kr", "$", "réservés", "комментари", "zastrzeżone", "广告"];

    public static TheoryData<string, string, bool> Texts => new()
    {
        { "empty", "", false },
        { "shorter than any word", "re", false },
        { "a short text that is a word", "READ", true },
        { "a word at the start", "Cookies help us.", true },
        { "a word at the end of a long text", "The council met on Tuesday to discuss the budget and what to read", true },
        { "a word across the first blocks' boundary", "0123456789abcdefghijklmnopqrstuvwxyzsubscribe", true },
        { "a word starting at the last place of a block", "0123456789abcdsubscribe now", true },
        { "a word starting where the second block starts", "0123456789abcdesubscribe now", true },
        { "a prefix alone at the end", "0123456789abcdefghijklmnopqrstuvwxyz subscr", false },
        { "a prefix alone in a short text", "cc b", false },
        { "a word with a space in its prefix", "Licensed CC BY 4.0", true },
        { "in capitals", "TO CONTINUE, SUBSCRIBE", true },
        { "no word, many near misses", "Cook, rea, subs, this artic, c c by, ommentar", false },
        { "a word of two letters", "Pris: 20 KR", true },
        { "a word of one character", "Only $5 a month", true },
        { "a word outside ASCII after its ASCII letters", "Tous droits RÉSERVÉS.", true },
        { "a word outside ASCII whose lead starts the text", "Комментарии закрыты", true },
        { "a lead with no word around it", "Café, résumé and a réserve", false },
        { "a lead near the text's start, its word would begin before it", "éservés", false },
        { "a word in Polish", "Wszelkie prawa zastrzeżone.", true },
        { "a word in Chinese", "本文广告声明", true },
        { "Chinese without a word", "国务院常务会议今天召开会议研究部署工作", false },
        { "characters above 255 beside a prefix", "国务院cc国务院常务会议今天召开会议研究部署工作", false },
        { "characters above 255 where a space of the prefix would be", "国务院cc国务院by常务会议今天召开会议研究部署工作", false },
        { "Latin-1 letters beside a prefix", "ÿÿÿreaÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿ", false },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Finds_a_word_where_the_library_does(string why, string text, bool expected)
    {
        var oracle = SearchValues.Create(Notices, StringComparison.OrdinalIgnoreCase);
        Assert.True(expected == text.AsSpan().ContainsAny(oracle), $"the case's expectation: {why}");

        Assert.True(expected == new WordSet(Notices).ContainsAny(text), why);
    }

    [Fact]
    public void The_leads_are_every_character_whose_upper_case_is_one()
    {
        char[] upperLeads = ['É', 'Ż', 'О', 'Σ', 'K'];
        var expected = Enumerable.Range(0x80, 0x10000 - 0x80).Select(c => (char)c).Where(c => upperLeads.Contains(char.ToUpperInvariant(c)));

        // The final sigma among them: a lead is more than its two cases.
        Assert.Equal(expected, WordSet.LeadCharacters(upperLeads));
        Assert.Contains('ς', WordSet.LeadCharacters(upperLeads));
    }

    [Fact]
    public void A_set_of_many_words_is_searched_as_one()
    {
        // More words than one table's eight groups of four hold (the line filter's gate for all its notices).
        var words = Enumerable.Range(0, 100).Select(i => $"w{i:D3}x").Append("subscribe").ToArray();
        var set = new WordSet(words);

        Assert.True(set.ContainsAny("a list: W042X and more"));
        Assert.True(set.ContainsAny("nothing here but the last: w099x"));
        Assert.True(set.ContainsAny("please SUBSCRIBE"));
        Assert.False(set.ContainsAny("w100x, w04 2x, x042w, subscrib"));
    }

    [Fact]
    public void Agrees_with_the_library_on_generated_texts()
    {
        // Texts made of words, their pieces and their case variants, of letters in and out of
        // ASCII, at every length up to a few blocks: each asked of several sets.
        var random = new Random(20261207);
        string[] pieces = ["cookie", "COOK", "subscri", "sub", "read", "REA", "this article", "this ", "cc by", "cc ", "kr", "$",
            "réservés", "RÉSERV", "éservés", "комментари", "КОММЕНТ", "zastrzeżone", "zastrze", "广告", "广", "国务院", "é", "ÿ", " ", ".", "x", "0"];
        string[][] sets = [Notices, ["cookie", "read"], ["réservés", "комментари"], ["kr", "$"], Notices[..5]];
        var searches = sets.Select(words => (Words: words, Oracle: SearchValues.Create(words, StringComparison.OrdinalIgnoreCase), Set: new WordSet(words))).ToArray();
        for (var i = 0; i < 20_000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => pieces[random.Next(pieces.Length)]));
            foreach (var (words, oracle, set) in searches)
            {
                Assert.True(text.AsSpan().ContainsAny(oracle) == set.ContainsAny(text), $"[{string.Join(", ", words)}] in \"{text}\"");
            }
        }
    }
}
