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
    [InlineData("“Ohm” – \u2126", "“Ohm” – \u03A9")] // after the punctuation that needs no normaliser, a sign that does
    [InlineData("a\u2000b", "a\u2002b")] // the en quad is an en space
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

    /// <summary>
    /// The punctuation the normaliser is not asked about is composed wherever it stands: no
    /// decomposition of its own, no combining class (every mark has one), and the second of no
    /// pair that composes (no character of the Basic Multilingual Plane decomposes to a sequence
    /// with it after the first place).
    /// </summary>
    [Fact]
    public void The_punctuation_that_skips_the_normaliser_is_composed_wherever_it_stands()
    {
        var seconds = new HashSet<char>();
        for (var c = 1; c <= char.MaxValue; c++)
        {
            if (!char.IsSurrogate((char)c) && c != 0xFFFE && c != 0xFFFF)
            {
                foreach (var part in ((char)c).ToString().Normalize(System.Text.NormalizationForm.FormD).Skip(1))
                {
                    seconds.Add(part);
                }
            }
        }
        var wrong = new List<string>();
        foreach (var (first, last) in ComposedText.ComposedPunctuation)
        {
            for (var c = first; c <= last; c++)
            {
                var category = char.GetUnicodeCategory(c);
                if (!c.ToString().IsNormalized(System.Text.NormalizationForm.FormC) || seconds.Contains(c) ||
                    category is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.EnclosingMark)
                {
                    wrong.Add($"U+{(int)c:X4}");
                }
            }
        }

        Assert.Empty(wrong);
    }
}
