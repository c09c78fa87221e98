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
}
