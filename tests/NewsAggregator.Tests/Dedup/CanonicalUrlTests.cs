using NewsAggregator.Dedup;

namespace NewsAggregator.Tests.Dedup;

public class CanonicalUrlTests
{
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in File.ReadLines(FixturePath.Of("Dedup", "canonical-urls.tsv")))
        {
            if (line.StartsWith('#') || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var columns = line.Split('\t');
            data.Add(columns[0], columns[1], columns[2]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Canonical_form(string rule, string url, string expected)
    {
        Assert.True(expected == CanonicalUrl.Normalize(url), $"{rule}: {url} -> {CanonicalUrl.Normalize(url)}, expected {expected}");
    }

    // A URL stored in its canonical form is looked up by it again: normalising must not move it.
    // .NET's Uri decodes %4a to J only in a string that needs no escaping of its own, so a stray
    // % beside it (a?q=%%4a) left an escape the second pass decoded.
    [Theory]
    [MemberData(nameof(Cases))]
    public void Canonical_form_is_idempotent(string rule, string url, string expected)
    {
        var once = CanonicalUrl.Normalize(url);
        Assert.True(once == CanonicalUrl.Normalize(once), $"{rule}: {url} -> {once} -> {CanonicalUrl.Normalize(once)} (expected {expected} both times)");
    }

    [Fact]
    public void Relative_url_is_refused()
    {
        Assert.Throws<ArgumentException>(() => CanonicalUrl.Normalize("/news/story"));
    }

    /// <summary>.NET parses these and then throws when asked for the host in ASCII (Uri.IdnHost).</summary>
    [Theory]
    [InlineData("https://xn--\u00e9.example/feed")]
    [InlineData("http://a.xn--\u00e9/story")]
    public void A_url_whose_host_cannot_be_read_is_no_absolute_url(string url)
    {
        Assert.True(Uri.TryCreate(url, UriKind.Absolute, out _));

        Assert.False(CanonicalUrl.TryParseAbsolute(url, out var parsed));
        Assert.Null(parsed);
    }
}
