using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using NewsAggregator.Fetching;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Fetching;

/// <summary>
/// Every request goes through the configured proxy unless the proxy settings bypass it (NO_PROXY),
/// and links inside a public source are held to the address policy either way: through the
/// proxy by resolving their host before the request, directly at connect time.
/// </summary>
public sealed class ProxyTests : IAsyncLifetime
{
    private const string Proxied = "through the proxy";
    private const string Direct = "direct";
    private const string Bypassed = "bypassed.example";

    // The public name resolves to a documentation address no test connects to: only the proxy can reach it.
    private readonly TestNames _names = new(
        ("public.example", TestNames.PublicAddress),
        ("news.example", IPAddress.Loopback),
        ("rebind.example", IPAddress.Loopback),
        ("mixed.example", TestNames.PublicAddress),
        ("mixed.example", IPAddress.Loopback),
        (Bypassed, IPAddress.Loopback));

    private LoopbackServer _origin = null!;
    private LoopbackProxy _proxy = null!;
    private int _originRequests;

    public async Task InitializeAsync()
    {
        _origin = await LoopbackServer.StartAsync(context =>
        {
            Interlocked.Increment(ref _originRequests);
            if (context.Request.Path == "/robots.txt")
            {
                return context.Response.WriteAsync("User-agent: *\nAllow: /\n");
            }
            context.Response.ContentType = "text/html";
            return context.Response.WriteAsync($"<p>page {context.Request.Host}{context.Request.Path}</p>");
        });
        _proxy = await LoopbackProxy.StartAsync(IPAddress.Loopback);
    }

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _origin.DisposeAsync();
    }

    [Theory]
    // rule, URL ({port} is the origin server's), a link of the source http://news.example:{port}/feed.xml (else a URL the user wrote), outcome
    [InlineData("a URL the user wrote", "http://rebind.example:{port}/page", false, Proxied)]
    [InlineData("a link on the source's own origin", "http://news.example:{port}/story", true, Proxied)]
    [InlineData("a link to a public host", "http://public.example:{port}/story", true, Proxied)]
    [InlineData("a link to a host that resolves to loopback", "http://rebind.example:{port}/story", true,
        "refused: rebind.example resolves to 127.0.0.1, a loopback address")]
    [InlineData("a link to a host with a loopback address among public ones", "http://mixed.example:{port}/story", true,
        "refused: mixed.example resolves to 127.0.0.1, a loopback address")]
    [InlineData("a link to a loopback address", "http://127.0.0.1:{port}/story", true, "refused: 127.0.0.1 is a loopback address")]
    [InlineData("a link to another port of the source's host", "http://news.example:1/secret", true,
        "refused: news.example resolves to 127.0.0.1, a loopback address")]
    [InlineData("a URL the user wrote, on a host NO_PROXY lists", "http://" + Bypassed + ":{port}/page", false, Direct)]
    [InlineData("a link on a host NO_PROXY lists", "http://" + Bypassed + ":{port}/story", true,
        "refused: " + Bypassed + " resolves to 127.0.0.1, a loopback address")]
    public async Task Requests_go_through_the_proxy_and_links_are_checked_either_way(string rule, string url, bool isLink, string outcome)
    {
        var target = new Uri(url.Replace("{port}", _origin.BaseUrl.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var fetcher = TestFetcher.Create(options =>
        {
            options.Proxy = _proxy.Settings(Bypassed);
            // Were a link to the public name ever connected to directly, it would fail soon rather than hang.
            options.ConnectTimeout = TimeSpan.FromSeconds(2);
        }, _names);
        var request = new FetchRequest(target)
        {
            ObeyRobots = true,
            Trust = isLink ? NetworkTrust.ForLinksOf(new Uri($"http://news.example:{_origin.BaseUrl.Port}/feed.xml")) : NetworkTrust.Anywhere,
        };

        if (outcome is Proxied or Direct)
        {
            var page = await fetcher.FetchAsync(request, CancellationToken.None);
            Assert.Equal($"<p>page {target.Authority}{target.AbsolutePath}</p>", Encoding.UTF8.GetString(page.Body));
            Assert.True((outcome == Proxied) == _proxy.Requests.Contains(target.ToString()),
                $"{rule}: expected {outcome}, the proxy saw [{string.Join(", ", _proxy.Requests)}]");
            return;
        }
        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(request, CancellationToken.None));
        Assert.Equal(FetchFailure.Refused, error.Failure);
        Assert.StartsWith(outcome, error.Reason, StringComparison.Ordinal);
        Assert.True(_proxy.Requests.Count == 0, $"{rule}: the proxy was asked for [{string.Join(", ", _proxy.Requests)}]");
        Assert.Equal(0, _originRequests);
    }
}
