namespace NewsAggregator.Fetching;

/// <summary>A response we accepted, with what the server said about it.</summary>
public sealed record FetchedResource
{
    public required Uri RequestedUrl { get; init; }
    /// <summary>Where the body came from after redirects.</summary>
    public required Uri FinalUrl { get; init; }
    /// <summary>The body; empty when <see cref="NotModified"/>.</summary>
    public required byte[] Body { get; init; }
    /// <summary>Media type without parameters, lower case (e.g. <c>text/html</c>), if the server named one.</summary>
    public string? MediaType { get; init; }
    /// <summary>The charset parameter of Content-Type, if any.</summary>
    public string? Charset { get; init; }
    public required DateTimeOffset FetchedAt { get; init; }

    /// <summary>The server answered 304: the version we hold (per the validators sent) is current. Not an error.</summary>
    public bool NotModified { get; init; }

    /// <summary>Validators to send next time (from this response, else the ones sent when it was a 304 without them).</summary>
    public CacheValidators? Validators { get; init; }

    /// <summary>How long the server says the response stays fresh (Cache-Control max-age, else Expires), if it says.</summary>
    public TimeSpan? FreshFor { get; init; }
}
