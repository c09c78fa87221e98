using NewsAggregator.Dedup;

namespace NewsAggregator.Tests.Dedup;

public class StorySiteTests
{
    [Theory]
    [InlineData("subdomains are one site", "https://news.example.com/a", "https://www.example.com/b", true)]
    [InlineData("bare and www host are one site", "https://example.com/a", "http://www.example.com/b", true)]
    [InlineData("country registries are not sites", "https://www.first.co.uk/a", "https://www.second.co.uk/b", false)]
    [InlineData("other domains are other sites", "https://www.first.example/a", "https://www.second.example/b", false)]
    [InlineData("default port is no part of the site", "https://example.com:443/a", "https://example.com/b", true)]
    [InlineData("servers on other ports are other sites", "http://127.0.0.1:5001/a", "http://127.0.0.1:5002/b", false)]
    [InlineData("an IP address is its own site", "http://10.0.0.1/a", "http://10.0.0.2/b", false)]
    [InlineData("an IPv6 address and a port are not one longer address", "http://[::1]:9001/a", "http://[::1:9001]/b", false)]
    public void Same_site(string rule, string first, string second, bool same)
    {
        Assert.True(same == (StorySite.Of(first) == StorySite.Of(second)), $"{rule}: {StorySite.Of(first)} vs {StorySite.Of(second)}");
    }

    [Theory]
    [InlineData("http://[::1]:9001/a", "[::1]:9001")]
    [InlineData("http://[2001:DB8::1]/a", "[2001:db8::1]")]
    [InlineData("http://127.0.0.1:9001/a", "127.0.0.1:9001")]
    public void An_address_is_written_as_in_a_url(string url, string site)
    {
        Assert.Equal(site, StorySite.Of(url));
    }
}
