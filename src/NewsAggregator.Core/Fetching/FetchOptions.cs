using System.Net;

namespace NewsAggregator.Fetching;

public sealed class FetchOptions
{
    public const string HttpClientName = "NewsAggregator";

    /// <summary>
    /// The client for requests that may not reach the local network: its connections are checked
    /// after DNS resolution, and its requests through a proxy before they are sent (see
    /// <see cref="NetworkTrust"/>).
    /// </summary>
    public const string PublicOnlyHttpClientName = "NewsAggregator.PublicOnly";

    /// <summary>
    /// The proxy every request goes through unless the proxy says it is bypassed. Null (the
    /// default) means the one HTTP_PROXY, HTTPS_PROXY and NO_PROXY name, as .NET reads them
    /// (<see cref="HttpClient.DefaultProxy"/>); set it to use another, or none (an
    /// <see cref="IWebProxy"/> that bypasses everything).
    /// </summary>
    public IWebProxy? Proxy { get; set; }

    /// <summary>Names the product and where to learn about it, as polite crawlers do.</summary>
    public string UserAgent { get; set; } = "NewsAggregator/1.0 (+https://github.com/newsaggregator/newsaggregator)";

    /// <summary>The name robots.txt groups are matched against: the User-Agent's product token.</summary>
    public string RobotsProductToken =>
        UserAgent.Split('/', ' ')[0] is { Length: > 0 } token ? token : "NewsAggregator";

    /// <summary>Budget for one whole response, headers and body (each attempt has its own).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest body accepted, counted after decompression so a compression bomb stops here.</summary>
    public long MaxBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Redirects followed for one request before giving up.</summary>
    public int MaxRedirects { get; set; } = 10;

    /// <summary>Requests to one host (scheme, name and port) in flight at the same time.</summary>
    public int MaxConcurrentPerHost { get; set; } = 2;

    /// <summary>Least time between the starts of two requests to one host.</summary>
    public TimeSpan MinDelayPerHost { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Further attempts after a transient failure (timeout, broken connection, 5xx, 429).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>Wait before the first retry; doubled for each later one, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Longest Retry-After we wait out within a pass. A server asking for more makes the request
    /// fail now; the wait is recorded as the source's next due time instead.
    /// </summary>
    public TimeSpan MaxRetryAfterWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a host's robots.txt is trusted before it is fetched again.</summary>
    public TimeSpan RobotsCacheDuration { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a robots.txt that could not be had (5xx, network error) counts as "disallow all"
    /// before it is asked for again (RFC 9309 2.3.1.4).
    /// </summary>
    public TimeSpan RobotsUnreachableRetry { get; set; } = TimeSpan.FromHours(1);
}
