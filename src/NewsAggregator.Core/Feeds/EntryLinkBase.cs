using System.Xml.Linq;

namespace NewsAggregator.Feeds;

/// <summary>
/// Turns the links written in a feed into absolute article URLs: relative references resolve
/// against the <c>xml:base</c> in scope, else the document's base (the feed's site link for
/// RSS, the feed URL for Atom as its RFC says).
/// </summary>
internal sealed class EntryLinkBase(Uri feedUrl, Uri documentBase)
{
    private static readonly XName XmlBase = XNamespace.Xml + "base";

    /// <summary>For RSS: the channel's &lt;link&gt; when it is a usable absolute URL, else the feed URL.</summary>
    public static EntryLinkBase ForRss(Uri feedUrl, string? channelLink)
    {
        var site = new EntryLinkBase(feedUrl, feedUrl).Resolve(channelLink, context: null);
        return new EntryLinkBase(feedUrl, site ?? feedUrl);
    }

    public static EntryLinkBase ForAtom(Uri feedUrl) => new(feedUrl, feedUrl);

    /// <summary>
    /// <paramref name="reference"/> made absolute in the scope of <paramref name="context"/>, or
    /// <c>null</c> when it is empty, unparsable or not a link we would fetch.
    /// </summary>
    public Uri? Resolve(string? reference, XElement? context)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return null;
        }
        var baseUri = context is null ? documentBase : BaseOf(context);
        return Uri.TryCreate(baseUri, reference.Trim(), out var resolved) && FollowableLink.From(feedUrl, resolved) ? resolved : null;
    }

    private Uri BaseOf(XElement context)
    {
        var current = documentBase;
        foreach (var element in context.AncestorsAndSelf().Reverse())
        {
            var declared = element.Attribute(XmlBase)?.Value;
            if (!string.IsNullOrWhiteSpace(declared) && Uri.TryCreate(current, declared.Trim(), out var next))
            {
                current = next;
            }
        }
        return current;
    }
}
