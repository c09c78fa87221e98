using System.Buffers;
using System.IO.Compression;
using NewsAggregator.Fetching;

namespace NewsAggregator.Storage;

/// <summary>
/// The page an article's text was extracted from, kept compressed (table <c>article_pages</c>) with
/// what is needed to decode its bytes exactly as the pass did (the Content-Type charset), so that
/// <c>reextract</c> can run today's extractor over it without the network.
/// </summary>
/// <remarks>
/// Brotli at quality 3 with a 4 MiB window (<see cref="Quality"/>), chosen on the 181 pages of the
/// zyte set (pages benchmark, <c>--compare</c>, all in one process): it keeps 19.4 % of a page, less
/// than Deflate's best (19.7 %) for a sixth of its CPU (about 1 ms a page against 6), and a fraction
/// of what extracting the page costs. Past quality 3 each further percent costs several times more
/// CPU (quality 5: 17.3 % for 3.4 ms; 11: 15.2 % for 225 ms), paid on every page a pass stores,
/// while the pages' share of the file shrinks little.
/// A page of half a megabyte or more (<see cref="LargePageBytes"/>) is compressed at quality 1
/// instead: such pages are mostly the site's inline scripts and application state, where quality 3
/// took 9.4 ms a megabyte page (more than all the rest of the page's work) to keep 30.5 % of it, and
/// quality 1 takes 5.2 ms to keep 32.5 %. On the zyte set, whose 10 pages of that size hold
/// 28 % of its bytes, the pages kept grow from 19.40 % to 19.94 % of what was fetched, for an
/// eighth less compression CPU (docs/scaling.md, "Heavy pages").
/// </remarks>
public sealed record StoredPage
{
    /// <summary>
    /// The largest page kept, in bytes as fetched: a larger one is not stored (its article cannot be
    /// re-extracted). Far above a typical article page (170 KiB on average in the zyte set), and bounds what an entry holds in memory
    /// between extraction and storage (a page compresses to about a fifth).
    /// </summary>
    public const int MaxRawBytes = 4 * 1024 * 1024;

    /// <summary>The name of the compression in <c>article_pages.encoding</c> (the HTTP content-coding token).</summary>
    public const string BrotliEncoding = "br";

    /// <summary>Brotli's quality (0-11) and window (log2 of bytes): chosen by the pages benchmark, see the remarks.</summary>
    public const int Quality = 3;
    public const int Window = 22;

    /// <summary>The size from which a page is compressed at <see cref="LargePageQuality"/>: see the remarks.</summary>
    public const int LargePageBytes = 512 * 1024;
    public const int LargePageQuality = 1;

    /// <summary>Brotli's quality for a page of <paramref name="rawLength"/> bytes as fetched.</summary>
    public static int QualityFor(int rawLength) => rawLength >= LargePageBytes ? LargePageQuality : Quality;

    /// <summary>The source whose pass fetched the page: its selectors are the ones <c>reextract</c> applies.</summary>
    public required string SourceId { get; init; }
    /// <summary>The URL asked for (the feed's link).</summary>
    public required string Url { get; init; }
    /// <summary>Where the body came from after redirects: the base of the page's relative links.</summary>
    public required string FinalUrl { get; init; }
    /// <summary>The Content-Type's media type, as <see cref="FetchedResource.MediaType"/>.</summary>
    public string? MediaType { get; init; }
    /// <summary>The Content-Type's charset parameter, which the decoding of the bytes heeds.</summary>
    public string? Charset { get; init; }
    public required DateTimeOffset FetchedAt { get; init; }
    /// <summary>How <see cref="Body"/> is compressed (<see cref="BrotliEncoding"/>).</summary>
    public required string Encoding { get; init; }
    /// <summary>The page's length in bytes as fetched.</summary>
    public required int RawLength { get; init; }
    /// <summary>The compressed bytes.</summary>
    public required byte[] Body { get; init; }

    /// <summary>The page to keep for an article extracted from <paramref name="page"/>; null when it is larger than <see cref="MaxRawBytes"/>.</summary>
    public static StoredPage? Of(string sourceId, FetchedResource page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return Of(sourceId, page.RequestedUrl.AbsoluteUri, page.FinalUrl.AbsoluteUri, page.MediaType, page.Charset, page.FetchedAt, page.Body);
    }

    /// <inheritdoc cref="Of(string, FetchedResource)"/>
    public static StoredPage? Of(
        string sourceId, string url, string finalUrl, string? mediaType, string? charset, DateTimeOffset fetchedAt, ReadOnlySpan<byte> body) =>
        body.Length > MaxRawBytes
            ? null
            : new StoredPage
            {
                SourceId = sourceId,
                Url = url,
                FinalUrl = finalUrl,
                MediaType = mediaType,
                Charset = charset,
                FetchedAt = fetchedAt,
                Encoding = BrotliEncoding,
                RawLength = body.Length,
                Body = Compress(body, QualityFor(body.Length), Window),
            };

    /// <summary>Brotli at the given quality and window, into an array of exactly the compressed length.</summary>
    public static byte[] Compress(ReadOnlySpan<byte> raw, int quality, int window)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(raw.Length));
        try
        {
            if (!BrotliEncoder.TryCompress(raw, buffer, out var written, quality, window))
            {
                throw new InvalidOperationException("Brotli's bound on the compressed length was too small");
            }
            return buffer.AsSpan(0, written).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The page's bytes as fetched.</summary>
    /// <exception cref="InvalidDataException">The stored bytes are damaged or compressed in a way this version does not know.</exception>
    public byte[] Decompress()
    {
        if (Encoding != BrotliEncoding)
        {
            throw new InvalidDataException($"the stored page is compressed as \"{Encoding}\", which this version cannot read");
        }
        var raw = new byte[RawLength];
        if (!BrotliDecoder.TryDecompress(Body, raw, out var written) || written != RawLength)
        {
            throw new InvalidDataException($"the stored page is damaged: it does not decompress to its {RawLength} bytes");
        }
        return raw;
    }
}
