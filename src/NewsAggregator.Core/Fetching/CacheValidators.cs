namespace NewsAggregator.Fetching;

/// <summary>
/// What a server said identifies the version it sent (RFC 9110 8.8): sent back on the next request
/// so an unchanged document costs a 304 and no body. Both are sent when both are known; the server
/// evaluates If-None-Match first, so the ETag decides (RFC 9110 13.2.2).
/// </summary>
public sealed record CacheValidators(string? ETag, string? LastModified)
{
    public bool IsEmpty => ETag is null && LastModified is null;

    public static CacheValidators? OrNull(string? etag, string? lastModified) =>
        string.IsNullOrWhiteSpace(etag) && string.IsNullOrWhiteSpace(lastModified)
            ? null
            : new CacheValidators(NullIfBlank(etag), NullIfBlank(lastModified));

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
