namespace NewsAggregator.Fetching;

/// <summary>Gets the bytes behind an http, https or file URL. The only stage that speaks HTTP.</summary>
public interface IResourceFetcher
{
    /// <summary>A plain GET of a URL the user gave: no validators, no robots.txt, any address.</summary>
    /// <exception cref="FetchException">The URL could not be fetched; the message says why.</exception>
    Task<FetchedResource> FetchAsync(Uri url, CancellationToken cancellationToken);

    /// <summary>A GET shaped by <paramref name="request"/>; a 304 to its validators comes back as <see cref="FetchedResource.NotModified"/>.</summary>
    /// <exception cref="FetchException">The URL could not be fetched, or was not asked for (robots.txt, network policy).</exception>
    Task<FetchedResource> FetchAsync(FetchRequest request, CancellationToken cancellationToken);
}
