using System.Net;
using Microsoft.AspNetCore.Http;
using NewsAggregator.Fetching;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Fetching;

/// <summary>Conditional GET, politeness, retries and the network policy of <see cref="ResourceFetcher"/>, over real loopback HTTP.</summary>
public class ConditionalAndPoliteFetchTests
{
    private static IResourceFetcher Fetcher(Action<FetchOptions>? configure = null, IHostResolver? resolver = null) =>
        TestFetcher.Create(configure, resolver);

    private static Task Page(HttpContext context, string text = "<p>page</p>")
    {
        context.Response.ContentType = "text/html";
        return context.Response.WriteAsync(text);
    }

    [Fact]
    public async Task Validators_are_sent_and_a_304_is_a_not_modified_result_not_an_error()
    {
        string? ifNoneMatch = null, ifModifiedSince = null;
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            ifNoneMatch = context.Request.Headers.IfNoneMatch;
            ifModifiedSince = context.Request.Headers.IfModifiedSince;
            context.Response.StatusCode = 304;
            return Task.CompletedTask;
        });
        var validators = new CacheValidators("\"v1\"", "Wed, 04 Mar 2026 05:06:07 GMT");

        var fetched = await Fetcher().FetchAsync(new FetchRequest(server.Url("/feed.xml")) { Validators = validators }, CancellationToken.None);

        Assert.True(fetched.NotModified);
        Assert.Empty(fetched.Body);
        Assert.Equal(validators, fetched.Validators);
        Assert.Equal("\"v1\"", ifNoneMatch);
        Assert.Equal("Wed, 04 Mar 2026 05:06:07 GMT", ifModifiedSince);
    }

    [Fact]
    public async Task ETag_takes_precedence_per_RFC_9110_a_changed_ETag_gives_the_new_body()
    {
        // The server evaluates If-None-Match first (RFC 9110 13.2.2): with a new ETag the document
        // has changed, whatever If-Modified-Since says.
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Headers.ETag = "\"v2\"";
            context.Response.Headers.LastModified = "Wed, 04 Mar 2026 05:06:07 GMT";
            if (context.Request.Headers.IfNoneMatch == "\"v2\"")
            {
                context.Response.StatusCode = 304;
                return Task.CompletedTask;
            }
            return Page(context, "<p>version 2</p>");
        });
        var old = new CacheValidators("\"v1\"", "Wed, 04 Mar 2026 05:06:07 GMT");

        var changed = await Fetcher().FetchAsync(new FetchRequest(server.Url("/")) { Validators = old }, CancellationToken.None);
        var again = await Fetcher().FetchAsync(new FetchRequest(server.Url("/")) { Validators = changed.Validators }, CancellationToken.None);

        Assert.False(changed.NotModified);
        Assert.Equal("<p>version 2</p>", System.Text.Encoding.UTF8.GetString(changed.Body));
        Assert.Equal(new CacheValidators("\"v2\"", "Wed, 04 Mar 2026 05:06:07 GMT"), changed.Validators);
        Assert.True(again.NotModified);
    }

    [Fact]
    public async Task Short_retry_after_is_waited_out_and_the_request_retried()
    {
        var requests = 0;
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            if (Interlocked.Increment(ref requests) == 1)
            {
                context.Response.StatusCode = 503;
                context.Response.Headers.RetryAfter = "1";
                return Task.CompletedTask;
            }
            return Page(context);
        });

        var fetched = await Fetcher().FetchAsync(server.Url("/"), CancellationToken.None);

        Assert.Equal(2, requests);
        Assert.NotEmpty(fetched.Body);
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_number()
    {
        var requests = 0;
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            Interlocked.Increment(ref requests);
            context.Response.StatusCode = 502;
            return Task.CompletedTask;
        });

        var error = await Assert.ThrowsAsync<FetchException>(() =>
            Fetcher(o => o.MaxRetries = 3).FetchAsync(server.Url("/"), CancellationToken.None));

        Assert.Equal(4, requests);
        Assert.True(error.IsTransient);
        Assert.Equal(502, error.StatusCode);
    }

    [Fact]
    public async Task Not_found_is_not_retried()
    {
        var requests = 0;
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            Interlocked.Increment(ref requests);
            context.Response.StatusCode = 404;
            return Task.CompletedTask;
        });

        await Assert.ThrowsAsync<FetchException>(() => Fetcher().FetchAsync(server.Url("/"), CancellationToken.None));

        Assert.Equal(1, requests);
    }

    [Fact]
    public async Task No_more_requests_to_one_host_are_in_flight_than_allowed()
    {
        var inFlight = 0;
        var most = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref most, now);
            await Task.Delay(50);
            Interlocked.Decrement(ref inFlight);
            await Page(context);
        });
        var fetcher = Fetcher(o => o.MaxConcurrentPerHost = 2);

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => fetcher.FetchAsync(server.Url($"/{i}"), CancellationToken.None)));

        // At most two at once (exactly two, unless the machine is too slow to ever overlap them).
        Assert.InRange(most, 1, 2);
    }

    [Fact]
    public async Task Waiting_for_a_turn_at_a_busy_host_does_not_count_against_the_response_deadline()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await Task.Delay(500);
            await Page(context);
        });
        // One request at a time, each taking 0.5 s: the last of ten waits 4.5 s for its turn,
        // longer than the 4 s a response may take (and each response well inside them, on a
        // machine busy with other tests too).
        var fetcher = Fetcher(o =>
        {
            o.MaxConcurrentPerHost = 1;
            o.Timeout = TimeSpan.FromSeconds(4);
            o.MaxRetries = 0;
        });

        var pages = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => fetcher.FetchAsync(server.Url($"/{i}"), CancellationToken.None)));

        Assert.All(pages, page => Assert.NotEmpty(page.Body));
    }

    [Fact]
    public async Task A_host_that_sent_a_long_retry_after_is_not_asked_again_in_the_same_run()
    {
        var requests = 0;
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            Interlocked.Increment(ref requests);
            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = "3600";
            return Task.CompletedTask;
        });
        var fetcher = Fetcher();

        var first = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(server.Url("/a"), CancellationToken.None));
        var second = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(server.Url("/b"), CancellationToken.None));

        Assert.Equal(1, requests);
        Assert.Equal("HTTP 429 Too Many Requests, retry after 1 h", first.Reason);
        Assert.Contains("the server asked us to wait", second.Reason);
        Assert.True(second.RetryAfter > TimeSpan.FromMinutes(59));
    }

    [Theory]
    [InlineData(404, true)] // no robots.txt: everything allowed
    [InlineData(403, true)]
    [InlineData(503, false)] // unreachable: nothing allowed for a while (RFC 9309 2.3.1.4)
    public async Task Robots_txt_errors_follow_RFC_9309(int robotsStatus, bool allowed)
    {
        var pageRequests = 0;
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            if (context.Request.Path == "/robots.txt")
            {
                context.Response.StatusCode = robotsStatus;
                return Task.CompletedTask;
            }
            Interlocked.Increment(ref pageRequests);
            return Page(context);
        });
        var request = new FetchRequest(server.Url("/story.html")) { ObeyRobots = true };

        var fetching = Fetcher(o => o.MaxRetries = 0).FetchAsync(request, CancellationToken.None);

        if (allowed)
        {
            await fetching;
            Assert.Equal(1, pageRequests);
        }
        else
        {
            var error = await Assert.ThrowsAsync<FetchException>(() => fetching);
            Assert.Equal(FetchFailure.Refused, error.Failure);
            Assert.Contains("robots.txt of", error.Reason);
            Assert.Contains("could not be had (HTTP 503 Service Unavailable)", error.Reason);
            Assert.Equal(0, pageRequests);
        }
    }

    [Fact]
    public async Task A_host_unreachable_for_its_robots_txt_fails_the_request_with_the_network_reason()
    {
        var url = new Uri($"http://127.0.0.1:{ClosedLoopbackPort.Take()}/story.html");

        var error = await Assert.ThrowsAsync<FetchException>(() =>
            Fetcher().FetchAsync(new FetchRequest(url) { ObeyRobots = true }, CancellationToken.None));

        Assert.Equal("connection refused", error.Reason);
        Assert.Equal(url, error.Url);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task Robots_txt_is_fetched_once_per_host()
    {
        var robotsRequests = 0;
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            if (context.Request.Path == "/robots.txt")
            {
                Interlocked.Increment(ref robotsRequests);
                return context.Response.WriteAsync("User-agent: *\nDisallow: /private/\n");
            }
            return Page(context);
        });
        var fetcher = Fetcher();

        for (var i = 0; i < 5; i++)
        {
            await fetcher.FetchAsync(new FetchRequest(server.Url($"/story-{i}.html")) { ObeyRobots = true }, CancellationToken.None);
        }
        var refused = await Assert.ThrowsAsync<FetchException>(() =>
            fetcher.FetchAsync(new FetchRequest(server.Url("/private/a.html")) { ObeyRobots = true }, CancellationToken.None));

        Assert.Equal(1, robotsRequests);
        Assert.Equal(FetchFailure.Refused, refused.Failure);
    }

    [Fact]
    public async Task A_redirect_into_a_disallowed_path_is_not_followed()
    {
        var privateRequests = 0;
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            switch (context.Request.Path)
            {
                case "/robots.txt":
                    return context.Response.WriteAsync("User-agent: *\nDisallow: /private/\n");
                case "/short":
                    context.Response.Redirect("/private/story.html");
                    return Task.CompletedTask;
                default:
                    Interlocked.Increment(ref privateRequests);
                    return Page(context);
            }
        });

        var error = await Assert.ThrowsAsync<FetchException>(() =>
            Fetcher().FetchAsync(new FetchRequest(server.Url("/short")) { ObeyRobots = true }, CancellationToken.None));

        Assert.Contains("disallowed by robots.txt", error.Reason);
        Assert.Equal(0, privateRequests);
    }

    [Fact]
    public async Task Redirects_beyond_the_limit_are_an_error()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            var hop = int.Parse(context.Request.Path.Value!.TrimStart('/'), System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Redirect($"/{hop + 1}");
            return Task.CompletedTask;
        });

        var error = await Assert.ThrowsAsync<FetchException>(() =>
            Fetcher(o => o.MaxRedirects = 3).FetchAsync(server.Url("/0"), CancellationToken.None));

        Assert.StartsWith("more than 3 redirects", error.Reason);
    }

    [Fact]
    public async Task Public_only_request_refuses_the_loopback_address_before_connecting()
    {
        var requests = 0;
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            Interlocked.Increment(ref requests);
            return Page(context);
        });
        var request = new FetchRequest(server.Url("/")) { Trust = NetworkTrust.PublicExcept(new Uri("http://news.example/")) };

        var error = await Assert.ThrowsAsync<FetchException>(() => Fetcher().FetchAsync(request, CancellationToken.None));

        Assert.Equal(FetchFailure.Refused, error.Failure);
        Assert.StartsWith("refused: 127.0.0.1 is a loopback address", error.Reason);
        Assert.Equal(0, requests);
    }

    [Fact]
    public async Task A_public_host_redirecting_to_the_loopback_address_is_refused()
    {
        var secretRequests = 0;
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            if (context.Request.Host.Host == "news.example")
            {
                context.Response.Redirect($"http://127.0.0.1:{context.Request.Host.Port}/admin");
                return Task.CompletedTask;
            }
            Interlocked.Increment(ref secretRequests);
            return Page(context);
        });
        var url = new Uri($"http://news.example:{server.BaseUrl.Port}/story");
        var request = new FetchRequest(url) { Trust = NetworkTrust.PublicExcept(url) };

        var error = await Assert.ThrowsAsync<FetchException>(() =>
            Fetcher(resolver: new OneName("news.example")).FetchAsync(request, CancellationToken.None));

        Assert.StartsWith("refused: 127.0.0.1 is a loopback address", error.Reason);
        Assert.Equal(0, secretRequests);
    }

    [Theory]
    [InlineData(ExpectedContent.Feed, "image/png", "expected an RSS, Atom or JSON feed, got image/png")]
    [InlineData(ExpectedContent.Page, "application/pdf", "expected an HTML page, got application/pdf")]
    [InlineData(ExpectedContent.Page, "application/xml", "expected an HTML page, got application/xml")]
    public async Task Wrong_kind_of_document_is_refused_from_its_content_type(ExpectedContent expect, string contentType, string reason)
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.ContentType = contentType;
            return context.Response.WriteAsync("x");
        });

        var error = await Assert.ThrowsAsync<FetchException>(() =>
            Fetcher().FetchAsync(new FetchRequest(server.Url("/")) { Expect = expect }, CancellationToken.None));

        Assert.Equal(reason, error.Reason);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private sealed class OneName(string name) : IHostResolver
    {
        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
            host == name ? Task.FromResult(new[] { IPAddress.Loopback }) : throw new InvalidOperationException($"no name {host} in tests");
    }
}
