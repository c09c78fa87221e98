using NewsAggregator.Extraction;

namespace NewsAggregator.Tests.Extraction;

/// <summary>
/// The line filter's judgement of a whole short line (<see cref="FurnitureVocabulary.IsFurnitureLine"/>):
/// its labels and prompts go through the openings of their patterns (<see cref="LinePatternSet"/>),
/// the kinds whose words may stand anywhere in the line through the words they hold.
/// </summary>
public class FurnitureLineTests
{
    [Theory]
    [InlineData("Advertisement")]
    [InlineData("» Read more")]
    [InlineData("Share on Facebook")]
    [InlineData("STORY CONTINUES BELOW ADVERTISEMENT")]
    [InlineData("12:34 / 45:00")]
    [InlineData("Продолжение ниже")]
    [InlineData("（全3回の第2回／第1回から読む）")]
    [InlineData("Photo: Anna Berg")]
    // after a byline and a date, the time it takes to read
    [InlineData("Jane Doe · May 3, 2025 · 5 min read")]
    [InlineData("7 минут чтения")]
    // a request naming Google, its words well into the line
    [InlineData("Add The Harbour Times as a preferred source on Google")]
    [InlineData("Haberlerimizi Google'da takip edin. Google'da tercih edilen kaynak olarak ekleyin.")]
    // a file to download after its title
    [InlineData("Facilities Strategy 2024–2030 summary (PDF, 1.1 MB)")]
    [InlineData("Carrow Fields juniors on the closed track (JPG, 4.8MB) Download")]
    public void Is_furniture(string line)
    {
        Assert.True(FurnitureVocabulary.IsFurnitureLine(line));
    }

    [Theory]
    [InlineData("The council met on Tuesday to approve the budget.")]
    [InlineData("Shares of the company rose 4 per cent.")]
    [InlineData("It took her 5 minutes to read the verdict aloud.")]
    [InlineData("Google said the change would come in May.")]
    [InlineData("The report (PDF) runs to 300 pages.")]
    [InlineData("")]
    public void Is_not_furniture(string line)
    {
        Assert.False(FurnitureVocabulary.IsFurnitureLine(line));
    }
}
