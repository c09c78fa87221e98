using System.Xml.Linq;

namespace NewsAggregator.Feeds;

/// <summary>
/// Extension namespaces by URI. Prefixes are the document's choice; FeedReader looks elements up
/// by prefix ("content:encoded"), which misses a feed that binds the same URI to another prefix.
/// </summary>
internal static class FeedNamespaces
{
    public static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    public static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public static readonly XNamespace Syndication = "http://purl.org/rss/1.0/modules/syndication/";
    public static readonly XNamespace FeedBurner = "http://rssnamespace.org/feedburner/ext/1.0";
    public static readonly XNamespace Media = "http://search.yahoo.com/mrss/";
    public static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
}
