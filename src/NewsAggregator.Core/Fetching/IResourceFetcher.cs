namespace NewsAggregator.Fetching;

/// <summary>Gets the bytes behind an http, https or file URL. The only stage that speaks HTTP.</summary>
public interface IResourceFetcher
{
    /// <exception cref="FetchException">The URL could not be fetched; the message says why.</exception>
    Task<FetchedResource> FetchAsync(Uri url, CancellationToken cancellationToken);
}
