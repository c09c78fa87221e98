using System.Globalization;

namespace NewsAggregator.Feeds;

/// <summary>
/// A file an entry carries rather than links to: an RSS <c>&lt;enclosure&gt;</c>, an Atom
/// <c>link rel="enclosure"</c>, a JSON Feed attachment or a Media RSS <c>media:content</c>.
/// </summary>
/// <param name="MediaType">The MIME type the feed declares, or one read from the URL's extension.</param>
/// <param name="Length">Bytes, when the feed gives a positive number.</param>
public sealed record FeedEnclosure(Uri Url, string? MediaType, long? Length)
{
    // Media files by extension, for the enclosures whose feeds leave out the type and for links
    // that point straight at one. Only audio and video: an image beside an article is its picture.
    private static readonly Dictionary<string, string> MediaExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".mp3"] = "audio/mpeg", [".m4a"] = "audio/mp4", [".aac"] = "audio/aac", [".ogg"] = "audio/ogg",
        [".oga"] = "audio/ogg", [".opus"] = "audio/opus", [".wav"] = "audio/wav", [".flac"] = "audio/flac",
        [".mp4"] = "video/mp4", [".m4v"] = "video/mp4", [".mov"] = "video/quicktime", [".webm"] = "video/webm",
        [".mkv"] = "video/x-matroska", [".ogv"] = "video/ogg", [".mpg"] = "video/mpeg", [".mpeg"] = "video/mpeg",
        [".m3u8"] = "application/vnd.apple.mpegurl",
    };

    /// <summary>Audio or video (a podcast episode, a clip): by its declared type, else by its URL's extension.</summary>
    public bool IsMedia => MediaType is { } type
        ? type.StartsWith("audio/", StringComparison.OrdinalIgnoreCase) || type.StartsWith("video/", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/vnd.apple.mpegurl", StringComparison.OrdinalIgnoreCase)
        : MediaTypeOf(Url) is not null;

    /// <summary>
    /// The URL an entry without a link of its own is reached by: an audio or video file is the
    /// episode itself, while a picture alone is no story to store.
    /// </summary>
    public Uri? MediaUrl => IsMedia ? Url : null;

    // Types that say only "some bytes": the extension says more.
    private static readonly HashSet<string> Unspecific = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/octet-stream", "binary/octet-stream", "application/download", "application/force-download",
    };

    /// <summary>
    /// An enclosure from what a feed wrote: the URL already resolved, the type without parameters
    /// (read from the extension when it is missing or says only "bytes"), a length kept only when
    /// it is a positive whole number.
    /// </summary>
    internal static FeedEnclosure Of(Uri url, string? mediaType, string? length)
    {
        var declared = EntryText.Trimmed(mediaType?.Split(';')[0])?.ToLowerInvariant();
        var type = declared is null || Unspecific.Contains(declared) ? MediaTypeOf(url) ?? declared : declared;
        var bytes = long.TryParse(length?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 ? parsed : (long?)null;
        return new FeedEnclosure(url, type, bytes);
    }

    /// <summary>The first audio or video enclosure, else the first of any kind (an image).</summary>
    internal static FeedEnclosure? Choose(IEnumerable<FeedEnclosure> enclosures)
    {
        var all = enclosures.ToList();
        return all.FirstOrDefault(e => e.IsMedia) ?? all.FirstOrDefault();
    }

    /// <summary>The type of an audio or video file named by <paramref name="url"/>'s extension, or null.</summary>
    internal static string? MediaTypeOf(Uri url) =>
        MediaExtensions.GetValueOrDefault(Path.GetExtension(url.AbsolutePath));
}
