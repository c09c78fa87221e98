using NewsAggregator.Urls;

namespace NewsAggregator.Tests.Urls;

public class UrlHostTests
{
    [Theory]
    [InlineData("http://[::1]:9001/x", "[::1]")]
    [InlineData("http://[2001:DB8::A]/x", "[2001:db8::a]")]
    [InlineData("http://[::ffff:127.0.0.1]/x", "[::ffff:127.0.0.1]")]
    [InlineData("http://[fe80::1%25eth0]/x", "[fe80::1%25eth0]")] // RFC 6874: the zone stays, escaped
    [InlineData("http://127.0.0.1:9001/x", "127.0.0.1")]
    [InlineData("https://News.Example/x", "news.example")]
    [InlineData("https://bücher.example/x", "xn--bcher-kva.example")]
    public void Host_as_written_in_a_url(string url, string host)
    {
        Assert.Equal(host, UrlHost.Of(new Uri(url)));
    }

    [Theory]
    [InlineData("http://[::1]/x", true)]
    [InlineData("http://10.0.0.1/x", true)]
    [InlineData("http://news.example/x", false)]
    public void Addresses_are_told_from_names(string url, bool isAddress)
    {
        Assert.Equal(isAddress, UrlHost.IsAddress(new Uri(url)));
    }
}
