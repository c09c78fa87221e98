using System.Net;
using Microsoft.AspNetCore.Http;
using NewsAggregator.Fetching;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Fetching;

/// <summary>
/// The case of the issue, over real loopback: a public-looking name (news.example) that resolves
/// to an internal machine (127.0.0.2) serves a feed on one port and something secret on another.
/// Links of the feed may reach the feed's own origin, not the machine's other port.
/// </summary>
public sealed class OwnOriginFetchTests : IAsyncLifetime
{
    private const string Host = "news.example";
    private static readonly IPAddress InternalMachine = IPAddress.Parse("127.0.0.2");

    private readonly TestNames _names = new((Host, InternalMachine));
    private LoopbackServer _site = null!;
    private LoopbackServer _secret = null!;
    private int _secretRequests;

    private Uri SourceUrl => SiteUrl("/feed.xml");

    public async Task InitializeAsync()
    {
        _secret = await LoopbackServer.StartAsync(context =>
        {
            Interlocked.Increment(ref _secretRequests);
            context.Response.ContentType = "text/html";
            return context.Response.WriteAsync("<html><body><p>the admin password</p></body></html>");
        }, InternalMachine);
        _site = await LoopbackServer.StartAsync(context => context.Request.Path.Value switch
        {
            "/robots.txt" => Text(context, "text/plain", "User-agent: *\nAllow: /\n"),
            "/moved" => Redirect(context, SecretUrl("/secret")),
            _ => Text(context, "text/html", "<html><body><p>A story.</p></body></html>"),
        }, InternalMachine);
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _secret.DisposeAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_link_to_another_port_of_the_source_s_host_is_refused_while_its_own_port_is_fetched(bool obeyRobots)
    {
        var fetcher = TestFetcher.Create(resolver: _names);

        var story = await fetcher.FetchAsync(LinkRequest(SiteUrl("/story.html"), obeyRobots), CancellationToken.None);
        var error = await Assert.ThrowsAsync<FetchException>(() =>
            fetcher.FetchAsync(LinkRequest(SecretUrl("/secret"), obeyRobots), CancellationToken.None));

        Assert.Contains("A story.", System.Text.Encoding.UTF8.GetString(story.Body));
        Assert.Equal(FetchFailure.Refused, error.Failure);
        Assert.Equal(ExpectedRefusal, error.Reason);
        Assert.Equal(0, _secretRequests);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_redirect_from_the_source_s_origin_to_another_port_of_its_host_is_refused(bool obeyRobots)
    {
        var fetcher = TestFetcher.Create(resolver: _names);

        var error = await Assert.ThrowsAsync<FetchException>(() =>
            fetcher.FetchAsync(LinkRequest(SiteUrl("/moved"), obeyRobots), CancellationToken.None));

        Assert.Equal(FetchFailure.Refused, error.Failure);
        Assert.Equal(ExpectedRefusal, error.Reason);
        Assert.Equal(0, _secretRequests);
    }

    private string ExpectedRefusal =>
        $"refused: {Host} resolves to {InternalMachine}, a loopback address, and a link from a source on the public internet " +
        $"may not lead to the local network; only the source's own origin http://{Host}:{_site.BaseUrl.Port} is exempt, " +
        "not another port or scheme of its host";

    private FetchRequest LinkRequest(Uri url, bool obeyRobots) => new(url)
    {
        Expect = ExpectedContent.Page,
        ObeyRobots = obeyRobots,
        Trust = NetworkTrust.ForLinksOf(SourceUrl),
    };

    private Uri SiteUrl(string path) => new($"http://{Host}:{_site.BaseUrl.Port}{path}");

    private Uri SecretUrl(string path) => new($"http://{Host}:{_secret.BaseUrl.Port}{path}");

    private static Task Text(HttpContext context, string contentType, string text)
    {
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(text);
    }

    private static Task Redirect(HttpContext context, Uri target)
    {
        context.Response.Redirect(target.ToString());
        return Task.CompletedTask;
    }
}
