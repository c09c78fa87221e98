namespace NewsAggregator.Fetching;

public sealed class FetchOptions
{
    public const string HttpClientName = "NewsAggregator";

    /// <summary>Names the product and where to learn about it, as polite crawlers do.</summary>
    public string UserAgent { get; set; } = "NewsAggregator/1.0 (+https://github.com/newsaggregator/newsaggregator)";

    /// <summary>Budget for one whole response, headers and body.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest body accepted, counted after decompression so a compression bomb stops here.</summary>
    public long MaxBodyBytes { get; set; } = 10 * 1024 * 1024;

    public int MaxRedirects { get; set; } = 10;
}
