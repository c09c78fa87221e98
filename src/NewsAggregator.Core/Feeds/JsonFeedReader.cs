using System.Globalization;
using System.Text;
using System.Text.Json;

namespace NewsAggregator.Feeds;

/// <summary>
/// JSON Feed 1.0 and 1.1 (https://www.jsonfeed.org/version/1.1/), read with <see cref="JsonDocument"/>:
/// no reflection, so nothing here stands in the way of trimming or AOT.
/// </summary>
/// <remarks>
/// A document is taken as a JSON Feed by what it says (an object whose <c>version</c> starts with
/// <see cref="VersionPrefix"/>), not by its Content-Type, which servers give as text/plain,
/// application/json or application/feed+json alike. Before the tree is built the document is read
/// once with the same shape limits as XML feeds (<see cref="FeedLimits"/>), so a deliberately
/// deep or inflated document is refused in milliseconds with a message that says so.
/// </remarks>
internal static class JsonFeedReader
{
    public const string VersionPrefix = "https://jsonfeed.org/version/";

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        // Past our own limit, so that ours, with its clearer message, is the one met.
        MaxDepth = FeedLimits.MaxDepth * 2,
        // Neither is JSON, yet neither leaves any doubt about what the feed means.
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Text that can only be JSON (an object or an array), which is read here or refused as JSON.</summary>
    public static bool IsJson(string text)
    {
        var start = text.AsSpan().TrimStart();
        return start.Length > 0 && start[0] is '{' or '[';
    }

    /// <exception cref="FeedFormatException">The text is not JSON, not a JSON Feed, or past a limit; the message says which.</exception>
    public static ParsedFeed Parse(string text, Uri feedUrl, CancellationToken cancellationToken)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        CheckShape(utf8, feedUrl, cancellationToken);
        using var document = JsonDocument.Parse(utf8, new JsonDocumentOptions
        {
            MaxDepth = ReaderOptions.MaxDepth,
            CommentHandling = ReaderOptions.CommentHandling,
            AllowTrailingCommas = ReaderOptions.AllowTrailingCommas,
        });
        var feed = document.RootElement;
        CheckVersion(feed, feedUrl);
        if (!feed.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            throw NotValid(feedUrl, items.ValueKind == JsonValueKind.Undefined
                ? "it has no \"items\" (an array, required even when empty)"
                : $"its \"items\" is {Kind(items)} where an array was expected");
        }

        // Relative URLs resolve as in RSS, against the site (home_page_url). feed_url is not used:
        // the URL the feed was fetched from is surer than the one it claims.
        var links = EntryLinkBase.ForRss(feedUrl, String(feed, "home_page_url"));
        var feedAuthors = Authors(feed);
        var feedLanguage = String(feed, "language");
        var entries = new List<FeedEntry>();
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            cancellationToken.ThrowIfCancellationRequested();
            index++;
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw NotValid(feedUrl, string.Create(CultureInfo.InvariantCulture, $"item {index} is {Kind(item)} where an object was expected"));
            }
            if (Entry(item, links, feedAuthors, feedLanguage) is { } entry)
            {
                entries.Add(entry);
            }
        }
        return new ParsedFeed(EntryText.Plain(String(feed, "title")), entries);
    }

    private static FeedEntry? Entry(JsonElement item, EntryLinkBase links, string? feedAuthors, string? feedLanguage)
    {
        var enclosure = FeedEnclosure.Choose(Array(item, "attachments")
            .Where(a => a.ValueKind == JsonValueKind.Object)
            .Select(a => links.Resolve(String(a, "url"), context: null) is { } url
                ? FeedEnclosure.Of(url, String(a, "mime_type"), Number(a, "size_in_bytes"))
                : null)
            .OfType<FeedEnclosure>());
        // url is the item's own page, the story this feed tells; external_url is what a link blog
        // writes about, someone else's page. Only an item without a page of its own is reached
        // through the page it points to, else through its audio or video attachment.
        var link = links.Resolve(String(item, "url"), context: null)
            ?? links.Resolve(String(item, "external_url"), context: null)
            ?? enclosure?.MediaUrl;
        if (link is null)
        {
            return null;
        }
        return new FeedEntry
        {
            Link = link,
            Title = EntryText.Plain(String(item, "title")),
            Guid = Identifier(item),
            PublishedAt = FeedDate.Parse(String(item, "date_published")) ?? FeedDate.Parse(String(item, "date_modified")),
            // An item without authors has the feed's (JSON Feed 1.1, "authors").
            Author = Authors(item) ?? feedAuthors,
            ContentHtml = EntryText.Trimmed(String(item, "content_html"))
                ?? EntryText.PlainTextAsHtml(String(item, "content_text"))
                ?? EntryText.PlainTextAsHtml(String(item, "summary")),
            Enclosure = enclosure,
            Language = Extraction.LanguageTag.Normalize(String(item, "language") ?? feedLanguage),
            ImageUrl = links.Resolve(String(item, "image"), context: null) ?? links.Resolve(String(item, "banner_image"), context: null),
        };
    }

    /// <summary>1.1's <c>authors</c>, else 1.0's <c>author</c>: the names, joined for one byline.</summary>
    private static string? Authors(JsonElement owner)
    {
        var authors = Array(owner, "authors").ToList();
        if (authors.Count == 0 && owner.TryGetProperty("author", out var single))
        {
            authors.Add(single);
        }
        return EntryText.Names(authors.Where(a => a.ValueKind == JsonValueKind.Object).Select(a => String(a, "name")));
    }

    // The spec asks readers to take an id given as a number as its text.
    private static string? Identifier(JsonElement item) =>
        item.TryGetProperty("id", out var id) && id.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? EntryText.Trimmed(id.ValueKind == JsonValueKind.String ? id.GetString() : id.GetRawText())
            : null;

    /// <summary>
    /// Reads the document once as a stream of tokens: whether it is JSON at all, and whether it is
    /// within <see cref="FeedLimits"/>, before anything is built from it.
    /// </summary>
    private static void CheckShape(byte[] utf8, Uri feedUrl, CancellationToken cancellationToken)
    {
        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        var values = 0;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= FeedLimits.MaxDepth)
                {
                    throw FeedLimits.JsonTooDeep(feedUrl);
                }
                if (++values > FeedLimits.MaxElements)
                {
                    throw FeedLimits.TooManyJsonValues(feedUrl);
                }
                if (values % FeedLimits.NodesPerCancellationCheck == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
        }
        catch (JsonException error)
        {
            var where = error.LineNumber is { } line
                ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}, position {error.BytePositionInLine + 1}")
                : "";
            throw new FeedFormatException($"The feed at {feedUrl} is not valid JSON{where}: {WithoutPosition(error.Message)}", error);
        }
    }

    private static void CheckVersion(JsonElement feed, Uri feedUrl)
    {
        if (feed.ValueKind != JsonValueKind.Object)
        {
            throw NotAJsonFeed(feedUrl, $"it is {Kind(feed)}, where a JSON Feed is an object");
        }
        if (!feed.TryGetProperty("version", out var version))
        {
            throw NotAJsonFeed(feedUrl, $"it has no \"version\" ({VersionPrefix}1 or {VersionPrefix}1.1)");
        }
        if (version.ValueKind != JsonValueKind.String || version.GetString() is not { } named
            || !named.Trim().StartsWith(VersionPrefix, StringComparison.OrdinalIgnoreCase))
        {
            throw NotAJsonFeed(feedUrl, $"its \"version\" is {Preview(version)}, where {VersionPrefix}1 or {VersionPrefix}1.1 was expected");
        }
    }

    private static FeedFormatException NotAJsonFeed(Uri feedUrl, string why) =>
        new($"The document at {feedUrl} is JSON but not a JSON Feed: {why}. If the site has an RSS, Atom or JSON feed, use that feed's URL.");

    private static FeedFormatException NotValid(Uri feedUrl, string why) =>
        new($"The JSON Feed at {feedUrl} cannot be read: {why}.");

    /// <summary>The property's text when it is a string; a field of another type is ignored, as a sloppy XML field is.</summary>
    private static string? String(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Number(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetRawText() : null;

    private static JsonElement[] Array(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : [];

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string Preview(JsonElement value)
    {
        var raw = value.GetRawText();
        return raw.Length <= 60 ? raw : string.Concat(raw.AsSpan(0, 59), "…");
    }

    // System.Text.Json ends its messages with "LineNumber: 3 | BytePositionInLine: 7." which we say in our own words.
    private static string WithoutPosition(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (at < 0 ? message : message[..at]).TrimEnd();
    }
}
