using NewsAggregator.Feeds;

namespace NewsAggregator.Tests.Feeds;

public class EntryTextTests
{
    [Theory]
    [InlineData("Harbour \u001b]0;owned\u0007 dredging starts", "Harbour ]0;owned dredging starts")] // a terminal escape and a bell
    [InlineData("The board\u0092s plan", "The board’s plan")] // windows-1252's 0x92 read as Latin-1
    [InlineData("The board&#146;s plan", "The board’s plan")] // as HTML reads the reference, not as WebUtility does (U+0092)
    [InlineData("Dredging &#8211; a timeline", "Dredging – a timeline")]
    [InlineData("\u0001\u0002", null)]
    public void Titles_hold_no_control_characters(string title, string? expected)
    {
        Assert.Equal(expected, EntryText.Plain(title));
    }
}
