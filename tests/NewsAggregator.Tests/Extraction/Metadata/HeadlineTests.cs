using NewsAggregator.Extraction;

namespace NewsAggregator.Tests.Extraction;

public class HeadlineTests
{
    [Theory]
    [InlineData("Storm  closes\nthe bridge ", "storm closes the bridge")]
    [InlineData("\t Storm closes the bridge", "STORM CLOSES THE BRIDGE")]
    [InlineData("Storm closes the bridge", "Storm closes the bridges")]
    [InlineData("Storm closes the", "Storm closes the bridge")]
    [InlineData("Stormcloses the bridge", "Storm closes the bridge")]
    [InlineData("Über die Brücke", "über  die brücke")]
    [InlineData("   ", "")]
    [InlineData("", "x")]
    public void SameFolded_agrees_with_comparing_the_folded_texts(string a, string b)
    {
        var expected = string.Equals(Headline.Fold(a), Headline.Fold(b), StringComparison.OrdinalIgnoreCase);

        Assert.Equal(expected, Headline.SameFolded(a, b));
        Assert.Equal(expected, Headline.SameFolded(b, a));
    }

    [Theory]
    [InlineData("Harlow’s Hardware to close", "Harlow's hardware to close", true)] // the curled apostrophe a page shows, the straight one its title gives others
    [InlineData("“Not yet,” says the mayor", "\"Not yet,\" says the mayor", true)]
    [InlineData("Harlow’s Hardware", "Harlow\"s Hardware", false)] // an apostrophe is no double quote
    [InlineData("Harlow’s Hardware", "Harlows’ Hardware", false)]
    public void SameFolded_takes_a_quotation_mark_for_another_of_its_kind(string a, string b, bool expected)
    {
        Assert.Equal(expected, Headline.SameFolded(a, b));
        Assert.Equal(expected, Headline.SameFolded(b, a));
    }

    [Theory]
    [InlineData("Spezialchemiekonzern senkt erneut Prognose", "Velmar Chemie: Spezialchemiekonzern senkt erneut Prognose", true)] // the headline under its kicker
    [InlineData("Spezialchemiekonzern senkt erneut Prognose – Lacksparte steht zum Verkauf", "Velmar Chemie: Spezialchemiekonzern senkt erneut Prognose", true)] // its last part taken for branding off the title
    [InlineData("Spezialchemiekonzern senkt erneut Prognose für das Jahr", "Velmar Chemie: Spezialchemiekonzern senkt erneut Prognose", false)] // a sentence that goes on
    [InlineData("Velmar Chemie: Spezialchemiekonzern senkt erneut Prognose", "Velmar Chemie: Spezialchemiekonzern senkt erneut Prognose", false)] // the title itself is no headline after a kicker
    [InlineData("senkt erneut Prognose", "Die Chemieindustrie Deutschlands in der Krise und ihre Konzerne: senkt erneut Prognose", false)] // the part before the colon is no kicker's few words
    public void A_headline_follows_the_kicker_its_title_names(string text, string title, bool expected)
    {
        Assert.Equal(expected, Headline.FollowsKicker(text, title));
    }

    [Fact]
    public void A_site_name_in_a_script_beyond_the_Basic_Multilingual_Plane_is_branding()
    {
        // Adlam: every letter two UTF-16 code units. The site's name is too long to pass for
        // branding by its length alone; only matching it against og:site_name takes it off.
        const string story = "𞤅𞤵𞥅𞤣𞤵 𞤣𞤫𞤬𞤼𞤫 𞤳𞤫𞤧𞤵 𞤵𞤣𞥆𞤭𞤼𞤢𞥄𞤥𞤢 𞤸𞤢𞤲𞤳𞤭 𞤫 𞤂𞤢𞤦𞤫";
        const string site = "𞤑𞤢𞤦𞤢𞤪𞤵𞥅𞤶𞤭 𞤊𞤵𞥅𞤼𞤢 𞤫 𞤂𞤢𞤦𞤫 𞤫 𞤃𞤢𞤥𞥆𞤵";

        Assert.Equal(story, Headline.Clean($"{story} | {site}", site.ToUpperInvariant(), null));
    }
}
