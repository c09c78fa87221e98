using System.Text;
using NewsAggregator.Extraction;

namespace NewsAggregator.Tests.Extraction;

/// <summary>Pages come out composed (NFC), the normaliser is spared where it could change nothing, and nothing it refuses costs a page its text.</summary>
public class ComposedTextTests
{
    [Theory]
    [InlineData("Cafe\u0301 “ouvert”", "Café “ouvert”")] // a decomposed accent beside characters the normaliser never changes
    [InlineData("\u1100\u1161 \u110B\u1175", "\uAC00 \uC774")] // Hangul jamo compose into syllables
    [InlineData("Τι;\u037E", "Τι;;")] // the Greek question mark is a semicolon
    [InlineData("x\uFFFEy “z”", "xy “z”")] // the noncharacter U+FFFE goes (the normaliser throws on it)
    [InlineData("\uFFFEonly Latin", "only Latin")] // also in a page that would need no normalising
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

    /// <summary>
    /// The condition under which skipping the normaliser is exact (Unicode's quick check): every
    /// character a page is left as it is for has no canonical decomposition, a combining class of
    /// zero, and is never the second part of a decomposition (which a composition could make of it
    /// and the character before). Checked against the normaliser for the whole plane.
    /// </summary>
    [Fact]
    public void Every_character_the_normaliser_is_spared_for_can_never_change()
    {
        var endsOfDecompositions = new HashSet<char>();
        for (var codePoint = 0; codePoint <= 0x10FFFF; codePoint++)
        {
            if (codePoint is >= 0xD800 and <= 0xDFFF or ComposedText.Refused)
            {
                continue;
            }
            var decomposed = char.ConvertFromUtf32(codePoint).Normalize(NormalizationForm.FormD);
            foreach (var part in decomposed.AsSpan(1))
            {
                endsOfDecompositions.Add(part);
            }
        }

        var wrong = new List<string>();
        for (int c = char.MinValue; c <= char.MaxValue; c++)
        {
            var character = (char)c;
            if (ComposedText.MayChange(character))
            {
                continue;
            }
            // After U+0345 (combining class 240) a character of a lower non-zero class is reordered.
            if (!character.ToString().IsNormalized(NormalizationForm.FormC)
                || !("a\u0345" + character).IsNormalized(NormalizationForm.FormC)
                || endsOfDecompositions.Contains(character))
            {
                wrong.Add($"U+{c:X4}");
            }
        }

        Assert.Empty(wrong);
    }
}
