using NewsAggregator.Extraction;

namespace NewsAggregator.Tests.Extraction;

/// <summary>Pages come out composed (NFC), and nothing the normaliser refuses costs a page its text.</summary>
public class ComposedTextTests
{
    [Theory]
    [InlineData("Cafe\u0301 “ouvert”", "Café “ouvert”")] // a decomposed accent beside characters the normaliser never changes
    [InlineData("\u1100\u1161 \u110B\u1175", "\uAC00 \uC774")] // Hangul jamo compose into syllables
    [InlineData("Τι;\u037E", "Τι;;")] // the Greek question mark is a semicolon
    [InlineData("x\uFFFEy “z”", "xy “z”")] // the noncharacter U+FFFE goes (the normaliser throws on it)
    [InlineData("\uFFFEA byte-order mark read the wrong way round", "A byte-order mark read the wrong way round")]
    [InlineData("\uD83D\uDE00 e\u0301", "\uD83D\uDE00 é")] // a surrogate pair stays
    public void Text_is_composed_without_what_the_normaliser_refuses(string text, string expected)
    {
        Assert.Equal(expected, ComposedText.Of(text));
    }

    /// <summary>Built in code: a test case's strings pass through UTF-8 on their way to the test, which has no half pairs.</summary>
    [Fact]
    public void Half_a_surrogate_pair_becomes_the_replacement_character_as_a_decoder_makes_it()
    {
        var high = "a" + '\uD800' + "b";
        var low = "e\u0301" + '\uDC00';
        var reversed = "x" + '\uDE00' + '\uD83D' + "y";

        Assert.Equal("a\uFFFDb", ComposedText.Of(high));
        Assert.Equal("é\uFFFD", ComposedText.Of(low));
        Assert.Equal("x\uFFFD\uFFFDy", ComposedText.Of(reversed));
    }

    [Theory]
    [InlineData("Plain ASCII, and Latin-1: café, naïve, Øresund.")]
    [InlineData("“Quotes” – dashes … bullets • €20 and ™")]
    [InlineData("Москва готовится к зиме. Αθήνα. 東京の桜。서울. Kraków żłobek.")]
    public void A_composed_text_is_returned_as_it_is(string text)
    {
        Assert.Same(text, ComposedText.Of(text));
    }
}
