using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace NewsAggregator.Feeds;

/// <summary>
/// A feed's bytes checked, decoded and read as XML safely, and given back as text without a DTD.
/// </summary>
/// <remarks>
/// CodeHollow.FeedReader parses with <c>XDocument.Parse</c>, whose settings expand DTD entities
/// (up to 10 million characters) and are whatever the runtime defaults to for external ones. We
/// therefore read the document first with settings of our own: DTD entities are expanded but
/// external ones are never resolved (no resolver), expansion is capped low enough that an
/// entity bomb fails in milliseconds, and the DTD is dropped from the text FeedReader gets, so
/// its own parse has no entities left to expand. The same read refuses a feed past
/// <see cref="FeedLimits"/> before the tree built from it grows costly, so FeedReader's parse of
/// what we hand on is bounded too.
/// </remarks>
internal static partial class FeedDocument
{
    // Real feeds use a handful of entities if any; a billion-laughs document needs gigabytes.
    private const long MaxCharactersFromEntities = 100_000;

    private static readonly XmlReaderSettings SafeSettings = new()
    {
        DtdProcessing = DtdProcessing.Parse,
        XmlResolver = null,
        MaxCharactersFromEntities = MaxCharactersFromEntities,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    [GeneratedRegex(@"\G(?:\s+|<\?xml.*?\?>|<!--.*?-->)*", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Prolog();

    [GeneratedRegex(@"\G<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s|title[\s>]|link\s|script[\s>])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlStart();

    /// <summary>The feed (its bytes decoded by <see cref="FeedCharset"/>) as XML text FeedReader may parse, and its root element's name.</summary>
    public static (string Xml, XName Root) Load(string decoded, Uri feedUrl, CancellationToken cancellationToken)
    {
        var text = WithoutInvalidCharacters(decoded);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FeedFormatException($"The feed at {feedUrl} is empty: the server sent no content where an RSS, Atom or JSON feed was expected.");
        }
        RejectNonXml(text, feedUrl);

        var document = ParseSafely(text, feedUrl, cancellationToken);
        var root = document.Root!;
        CheckRoot(root, feedUrl);
        // The root alone: no DOCTYPE, and every entity already expanded (or, if external, left empty).
        return (root.ToString(SaveOptions.DisableFormatting), root.Name);
    }

    private static void RejectNonXml(string text, Uri feedUrl)
    {
        var afterProlog = Prolog().Match(text).Length;
        if (HtmlStart().IsMatch(text, afterProlog))
        {
            throw HtmlPage(feedUrl);
        }
        if (afterProlog >= text.Length || text[afterProlog] != '<')
        {
            var preview = new string(text.Skip(afterProlog).Take(40).Select(c => char.IsControl(c) ? ' ' : c).ToArray());
            throw new FeedFormatException($"The document at {feedUrl} is neither XML nor JSON, so not an RSS, Atom or JSON feed: it starts with \"{preview}\".");
        }
    }

    private static FeedFormatException HtmlPage(Uri feedUrl) =>
        new($"The document is an HTML page, not an RSS, Atom or JSON feed ({feedUrl}). If it lists articles, use source type \"html\"; " +
            "if it links a feed (<link rel=\"alternate\" type=\"application/rss+xml\">), use that feed's URL.");

    private static XDocument ParseSafely(string text, Uri feedUrl, CancellationToken cancellationToken)
    {
        try
        {
            return Parse(text, feedUrl, cancellationToken);
        }
        catch (XmlException first)
        {
            if (IsEntityLimit(first))
            {
                throw EntityBomb(feedUrl, first);
            }
            cancellationToken.ThrowIfCancellationRequested();
            var repaired = FeedMarkupRepair.Repair(text);
            if (repaired is null)
            {
                throw Malformed(feedUrl, first);
            }
            try
            {
                return Parse(repaired, feedUrl, cancellationToken);
            }
            catch (XmlException second)
            {
                // What the repair left is the real break. Repairs add no line breaks, so its line is
                // right for the original; the position may be off by the few characters a repair added.
                throw IsEntityLimit(second) ? EntityBomb(feedUrl, second) : Malformed(feedUrl, second);
            }
        }
    }

    /// <exception cref="FeedFormatException">The feed is past one of <see cref="FeedLimits"/>.</exception>
    private static XDocument Parse(string text, Uri feedUrl, CancellationToken cancellationToken)
    {
        using var reader = new BoundedXmlReader(XmlReader.Create(new StringReader(text), SafeSettings), feedUrl, cancellationToken);
        return XDocument.Load(reader);
    }

    // XmlException has no error code; its (English, not localised on .NET) message names the limit.
    // Should that ever change, an entity bomb still fails fast, only with the generic message.
    private static bool IsEntityLimit(XmlException error) =>
        error.Message.Contains(nameof(XmlReaderSettings.MaxCharactersFromEntities), StringComparison.Ordinal);

    private static FeedFormatException EntityBomb(Uri feedUrl, XmlException error) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"The feed at {feedUrl} declares entities that expand to more than {MaxCharactersFromEntities:N0} characters ") +
            "(an entity-expansion attack or a broken DTD); it was not read.", error);

    private static FeedFormatException Malformed(Uri feedUrl, XmlException error)
    {
        var where = error.LineNumber > 0 ? $" at line {error.LineNumber}, position {error.LinePosition}" : "";
        return new($"The feed at {feedUrl} is not well-formed XML{where}: {WithoutPosition(error.Message)}", error);
    }

    // XmlException messages end in "Line 3, position 7." which we already say in our own words.
    private static string WithoutPosition(string message) => LinePosition().Replace(message, "").TrimEnd();

    [GeneratedRegex(@"\s*Line \d+, position \d+\.\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex LinePosition();

    private static void CheckRoot(XElement root, Uri feedUrl)
    {
        switch (root.Name.LocalName.ToLowerInvariant())
        {
            case "rss" or "rdf":
                if (!root.Elements().Any(e => e.Name.LocalName == "channel"))
                {
                    throw new FeedFormatException($"The feed at {feedUrl} is RSS without a <channel> element, so it has no entries to read.");
                }
                return;
            case "feed":
                return;
            case "html":
                throw HtmlPage(feedUrl);
            default:
                throw new FeedFormatException($"The document at {feedUrl} is XML but not an RSS or Atom feed: its root element is <{root.Name.LocalName}>, " +
                    "where <rss>, <rdf:RDF> or <feed> was expected.");
        }
    }

    // Control characters are not allowed in XML even as references, yet stray ones (form feeds,
    // 0x1C) appear in real feeds; they carry no meaning, so dropping them keeps the feed readable.
    private static string WithoutInvalidCharacters(string text)
    {
        StringBuilder? kept = null;
        for (var i = 0; i < text.Length; i++)
        {
            var length = XmlCharacterLength(text, i);
            if (length == 0)
            {
                kept ??= new StringBuilder(text.Length).Append(text, 0, i);
                continue;
            }
            kept?.Append(text, i, length);
            i += length - 1;
        }
        return kept?.ToString() ?? text;
    }

    /// <summary>1 or 2 (a surrogate pair) for a character XML allows at <paramref name="i"/>, 0 otherwise.</summary>
    private static int XmlCharacterLength(string text, int i)
    {
        if (XmlConvert.IsXmlChar(text[i]))
        {
            return 1;
        }
        return i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]) ? 2 : 0;
    }
}
