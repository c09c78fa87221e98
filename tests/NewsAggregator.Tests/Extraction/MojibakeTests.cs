using System.Text;
using NewsAggregator.Benchmarks.Quality;

namespace NewsAggregator.Tests.Extraction;

public class MojibakeTests
{
    [Theory]
    [InlineData("UTF-8 read as windows-1252", "Caf\u00C3\u00A9 society", "Café society", 0, true)]
    [InlineData("a curly quote read as windows-1252", "It\u00E2\u20AC\u2122s", "It’s", 0, true)]
    [InlineData("Cyrillic read as windows-1252", "\u00D0\u00BF\u00D1\u20AC\u00D0\u00B8", "при", 0, true)]
    [InlineData("bytes no charset took", "Apple\uFFFDInc", "AppleInc", 0, true)]
    [InlineData("a replacement character the page's bytes hold", "Apple\uFFFDInc", "AppleInc", 1, false)]
    [InlineData("a longer run than the page's bytes hold", "\uFFFD\uFFFD but", "but", 1, true)]
    [InlineData("a run the page's bytes hold", "\uFFFD\uFFFD but", "but", 2, false)]
    [InlineData("the truth has it too", "Ã© is a pair", "Ã© is a pair", 0, false)]
    [InlineData("clean text", "Café society", "Café society", 0, false)]
    public void Introduced_marks_only_what_the_page_does_not_hold(string rule, string output, string truth, int written, bool expected)
    {
        Assert.True(expected == Mojibake.Introduced(output, truth, written), rule);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("no replacement", 0)]
    [InlineData("a\uFFFDb", 1)]
    [InlineData("a\uFFFD\uFFFDb\uFFFD", 2)]
    [InlineData("\uFFFD\uFFFD\uFFFD", 3)]
    public void Written_replacement_runs_are_counted_in_the_bytes(string page, int longest)
    {
        Assert.Equal(longest, Mojibake.LongestWrittenReplacementRun(Encoding.UTF8.GetBytes(page)));
    }
}
