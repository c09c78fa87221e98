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
    public void Same_site(string rule, string first, string second, bool same)
    {
        Assert.True(same == (StorySite.Of(first) == StorySite.Of(second)), $"{rule}: {StorySite.Of(first)} vs {StorySite.Of(second)}");
    }
}
