namespace NewsAggregator.Fetching;

/// <summary>A response body we accepted, with what the server said about it.</summary>
public sealed record FetchedResource
{
    public required Uri RequestedUrl { get; init; }
    /// <summary>Where the body came from after redirects.</summary>
    public required Uri FinalUrl { get; init; }
    public required byte[] Body { get; init; }
    /// <summary>Media type without parameters, lower case (e.g. <c>text/html</c>), if the server named one.</summary>
    public string? MediaType { get; init; }
    /// <summary>The charset parameter of Content-Type, if any.</summary>
    public string? Charset { get; init; }
    public required DateTimeOffset FetchedAt { get; init; }
}
