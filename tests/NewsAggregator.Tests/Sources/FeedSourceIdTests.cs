using NewsAggregator.Dedup;
using NewsAggregator.Sources;

namespace NewsAggregator.Tests.Sources;

public class FeedSourceIdTests
{
    private static string IdOf(string url) => FeedSourceId.For(new Uri(url), CanonicalUrl.Normalize(url));

    // Pinned: the database refers to sources by id, so a change here would orphan every imported source's history.
    [Theory]
    [InlineData("https://feeds.bbci.co.uk/news/world/rss.xml", "feeds.bbci.co.uk-1796df62")]
    [InlineData("https://rss.dw.com/rdf/rss-en-all", "rss.dw.com-14dda539")]
    [InlineData("http://[::1]:8080/feed", "1-")]
    [InlineData("https://bücher.example/feed", "xn--bcher-kva.example-")]
    public void Id_is_the_host_and_a_hash_of_the_canonical_url(string url, string expectedStart)
    {
        var id = IdOf(url);

        Assert.StartsWith(expectedStart, id);
        Assert.Matches("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", id);
    }

    [Theory]
    [InlineData("https://FEEDS.bbci.co.uk/news/world/rss.xml")]
    [InlineData("https://feeds.bbci.co.uk/news/world/rss.xml?utm_source=feedly")]
    [InlineData("https://feeds.bbci.co.uk:443/news/world/rss.xml#latest")]
    public void The_same_feed_written_differently_gets_the_same_id(string variant) =>
        Assert.Equal(IdOf("https://feeds.bbci.co.uk/news/world/rss.xml"), IdOf(variant));

    [Fact]
    public void Different_feeds_of_one_host_get_different_ids() =>
        Assert.NotEqual(IdOf("https://feeds.bbci.co.uk/news/world/rss.xml"), IdOf("https://feeds.bbci.co.uk/news/rss.xml"));

    [Fact]
    public void A_long_host_is_cut_so_the_id_stays_within_100_characters()
    {
        var id = IdOf($"https://{new string('a', 60)}.{new string('b', 60)}.example/feed");

        Assert.InRange(id.Length, 1, 100);
        Assert.Matches("^[a-z0-9][a-z0-9.-]*-[0-9a-f]{8}$", id);
    }
}
