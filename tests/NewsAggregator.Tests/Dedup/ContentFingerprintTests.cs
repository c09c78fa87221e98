using NewsAggregator.Dedup;

namespace NewsAggregator.Tests.Dedup;

public class ContentFingerprintTests
{
    private static readonly string Story = FixturePath.ReadText("Dedup", "story.txt");

    [Fact]
    public void Same_words_in_other_whitespace_case_punctuation_and_unicode_form_give_one_fingerprint()
    {
        var variant = Story
            .Replace("\n\n", "\n   \n\t")
            .Replace("’", "'")
            .Replace("“", "\"").Replace("”", "\"")
            .Replace("—", "--")
            .ToUpperInvariant()
            .Replace("CAFÉ", "CAFE\u0301"); // decomposed é: the same letter in NFD

        Assert.Equal(ContentFingerprint.Of(Story), ContentFingerprint.Of(variant));
    }

    [Fact]
    public void One_changed_word_gives_another_fingerprint()
    {
        Assert.NotEqual(ContentFingerprint.Of(Story), ContentFingerprint.Of(Story.Replace("Tuesday", "Wednesday")));
    }

    [Fact]
    public void Fingerprint_is_stable_across_processes()
    {
        // A stored hash must match one computed by any later version of the program.
        Assert.Equal("8b0dbaa1368d2a2da4ddaf7b263b79f1", ContentFingerprint.Of(Story));
    }

    [Fact]
    public void Text_too_short_to_identify_a_story_has_no_fingerprint()
    {
        Assert.Null(ContentFingerprint.Of("Breaking news. More to follow."));
        Assert.Null(ContentFingerprint.Of(""));
    }

    [Theory]
    [InlineData("Hello,   World!", "hello world")]
    [InlineData("don’t stop", "dont stop")]
    [InlineData("ＦＵＬＬ width", "full width")]
    [InlineData("line\nbreak\t tab", "line break tab")]
    public void Normalised_form(string text, string expected)
    {
        Assert.Equal(expected, ContentFingerprint.Normalize(text));
    }
}
