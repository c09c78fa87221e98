namespace NewsAggregator.Fetching;

/// <summary>
/// Whether a response is the kind of document asked for: judged first from Content-Type (so a
/// 50 MB PDF is not downloaded to be thrown away), then from the body's first bytes (so a PDF
/// labelled text/html is still caught).
/// </summary>
internal static class ContentCheck
{
    private static readonly string[] BinaryPrefixes = ["image/", "audio/", "video/", "font/", "model/"];

    private static readonly HashSet<string> BinaryTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/pdf", "application/zip", "application/gzip", "application/x-gzip", "application/x-tar",
        "application/x-7z-compressed", "application/x-rar-compressed", "application/vnd.rar", "application/msword",
        "application/x-shockwave-flash", "application/java-archive", "application/x-msdownload", "application/wasm",
    };

    // Servers label pages loosely; a text/plain or unlabelled page is still worth a try.
    private static readonly HashSet<string> PageTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "text/html", "application/xhtml+xml", "text/plain", "application/octet-stream",
    };

    // What a source of type rss may be: FeedDocument tells the three formats apart from the body.
    private const string AFeed = "an RSS, Atom or JSON feed";

    private static readonly (byte[] Magic, string Name)[] Signatures =
    [
        ("%PDF-"u8.ToArray(), "a PDF document"),
        ([0x89, (byte)'P', (byte)'N', (byte)'G'], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ("GIF8"u8.ToArray(), "a GIF image"),
        ("PK\u0003\u0004"u8.ToArray(), "a ZIP archive (or an office document)"),
        ([0x1F, 0x8B], "gzip-compressed data"),
        ("\0\0\u0001\0"u8.ToArray(), "an icon"),
    ];

    /// <exception cref="FetchException">The label says the response is not what the request expects.</exception>
    public static void EnsureMediaType(FetchRequest request, string? mediaType)
    {
        if (RefuseMediaType(request.Expect, mediaType) is { } reason)
        {
            throw new FetchException(request.Url, reason);
        }
    }

    /// <exception cref="FetchException">The body starts like a kind of file the request does not expect.</exception>
    public static void EnsureBody(FetchRequest request, byte[] body, string? mediaType)
    {
        if (RefuseBody(request.Expect, body, mediaType) is { } reason)
        {
            throw new FetchException(request.Url, reason);
        }
    }

    /// <summary>Why a response labelled <paramref name="mediaType"/> is not what <paramref name="expect"/> asks for, or null.</summary>
    public static string? RefuseMediaType(ExpectedContent expect, string? mediaType)
    {
        if (expect == ExpectedContent.Any || mediaType is null)
        {
            return null;
        }
        var binary = BinaryTypes.Contains(mediaType) || BinaryPrefixes.Any(p => mediaType.StartsWith(p, StringComparison.OrdinalIgnoreCase))
            || mediaType.StartsWith("application/vnd.ms-", StringComparison.OrdinalIgnoreCase)
            || mediaType.StartsWith("application/vnd.openxmlformats", StringComparison.OrdinalIgnoreCase);
        return expect switch
        {
            ExpectedContent.Page when !PageTypes.Contains(mediaType) => $"expected an HTML page, got {mediaType}",
            ExpectedContent.Feed when binary => $"expected {AFeed}, got {mediaType}",
            _ => null,
        };
    }

    /// <summary>Why a body that starts like a binary file is not what <paramref name="expect"/> asks for, or null.</summary>
    public static string? RefuseBody(ExpectedContent expect, byte[] body, string? mediaType)
    {
        if (expect == ExpectedContent.Any)
        {
            return null;
        }
        foreach (var (magic, name) in Signatures)
        {
            if (body.AsSpan().StartsWith(magic))
            {
                var expected = expect == ExpectedContent.Page ? "an HTML page" : AFeed;
                return $"expected {expected}, got {name}" + (mediaType is null ? "" : $" (served as {mediaType})");
            }
        }
        return null;
    }
}
