using NewsAggregator.Fetching;

namespace NewsAggregator.Tests.Fetching;

public class NetworkTrustTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080/feed.xml")]
    [InlineData("http://localhost/feed.xml")]
    [InlineData("http://feeds.localhost/feed.xml")]
    [InlineData("http://192.168.1.20/feed.xml")]
    [InlineData("http://[::1]:8080/feed.xml")]
    public void Links_of_a_source_on_the_local_network_may_go_anywhere(string sourceUrl)
    {
        Assert.True(NetworkTrust.ForLinksOf(new Uri(sourceUrl)).IsAnywhere);
    }

    [Theory]
    // rule, source URL, link URL, trusted
    [InlineData("same origin", "https://News.Example/feed.xml", "https://news.example/story", true)]
    [InlineData("same origin, explicit port", "http://news.example:8080/feed.xml", "http://news.example:8080/story", true)]
    [InlineData("default http port written or not", "http://news.example/feed.xml", "http://news.example:80/story", true)]
    [InlineData("default https port written or not", "https://news.example:443/feed.xml", "https://news.example/story", true)]
    [InlineData("another port of the host", "http://news.example:8080/feed.xml", "http://news.example:9001/secret", false)]
    [InlineData("the default port of a host named with another", "http://news.example:8080/feed.xml", "http://news.example/secret", false)]
    [InlineData("another scheme of the host", "https://news.example/feed.xml", "http://news.example/story", false)]
    [InlineData("another scheme on the same port number", "http://news.example:8443/feed.xml", "https://news.example:8443/story", false)]
    [InlineData("a subdomain", "https://news.example/feed.xml", "https://www.news.example/story", false)]
    [InlineData("another host", "https://news.example/feed.xml", "https://rebind.example/story", false)]
    [InlineData("an address literal", "https://news.example/feed.xml", "https://127.0.0.1/story", false)]
    [InlineData("IPv6 literal, same origin", "http://[2001:db8::1]:8080/feed.xml", "http://[2001:DB8::1]:8080/story", true)]
    [InlineData("IPv6 literal, another port", "http://[2001:db8::1]:8080/feed.xml", "http://[2001:db8::1]:9001/secret", false)]
    [InlineData("IPv6 literal, another address", "http://[2001:db8::1]/feed.xml", "http://[2001:db8::2]/story", false)]
    [InlineData("international name in either form", "https://bücher.example/feed.xml", "https://xn--bcher-kva.example/story", true)]
    public void Links_of_a_public_source_are_trusted_on_its_own_origin_only(string rule, string source, string link, bool trusted)
    {
        var trust = NetworkTrust.ForLinksOf(new Uri(source));

        Assert.False(trust.IsAnywhere, rule);
        Assert.True(trusted == trust.Trusts(new Uri(link)), $"{rule}: {link} from {source} should {(trusted ? "" : "not ")}be trusted");
    }

    [Fact]
    public void Links_of_a_file_source_are_all_checked()
    {
        var trust = NetworkTrust.ForLinksOf(new Uri("file:///srv/feeds/feed.xml"));

        Assert.Null(trust.TrustedOrigin);
        Assert.False(trust.Trusts(new Uri("http://127.0.0.1/")));
        Assert.False(trust.Trusts(new Uri("file:///srv/feeds/other.xml")));
    }

    [Theory]
    [InlineData("http://news.example/feed.xml", "http://news.example:80")]
    [InlineData("HTTPS://News.Example:8443/feed.xml", "https://news.example:8443")]
    [InlineData("http://[::1]:9001/x", "http://[::1]:9001")]
    public void An_origin_is_written_with_its_port(string url, string origin)
    {
        Assert.Equal(origin, WebOrigin.Of(new Uri(url)).ToString());
    }

    [Theory]
    // link URL, note added to a refusal of it (for a source at http://news.example:8080/)
    [InlineData("http://news.example:9001/secret", "; only the source's own origin http://news.example:8080 is exempt, not another port or scheme of its host")]
    [InlineData("https://news.example:8080/secret", "; only the source's own origin http://news.example:8080 is exempt, not another port or scheme of its host")]
    [InlineData("http://rebind.example:8080/secret", "")]
    public void A_refusal_on_the_source_s_host_says_that_only_its_origin_is_exempt(string link, string note)
    {
        var trust = NetworkTrust.ForLinksOf(new Uri("http://news.example:8080/feed.xml"));

        Assert.Equal(note, trust.RefusalNote(new Uri(link)));
    }
}
