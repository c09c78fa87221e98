using System.Globalization;

namespace NewsAggregator.Feeds;

/// <summary>
/// Bounds on the shape of a feed, checked while its XML (or JSON) is first read and before anything that
/// builds a tree from it. LINQ to XML walks from each new node up to the root (to refuse a
/// node as its own descendant), so building a tree costs the number of elements times their
/// depth: 100 000 nested elements, 700 KB of markup, took the better part of a minute of CPU,
/// and 7 MB would run for over an hour, in our own pre-read and again in FeedReader's parse. Unlike a page (see
/// <see cref="Extraction.PageLimits"/>), a feed past a cap is refused rather than cut: no real
/// feed comes near either cap, and a cut feed could be read as a feed whose stories are gone.
/// </summary>
public static class FeedLimits
{
    /// <summary>
    /// Levels of nested elements a feed may have, the root being level 1. An RSS item's text sits
    /// 4 levels down and an Atom entry's XHTML content starts at 4, and article markup inside it
    /// (tables in lists in quotes) adds a few dozen at most; 256 leaves ample room for that, while
    /// it keeps the walk to the root that every new node costs short.
    /// </summary>
    public const int MaxDepth = 256;

    /// <summary>
    /// Elements a feed may have. A large real feed has a few hundred entries of a few dozen
    /// elements each, some tens of thousands in all, even with full XHTML content. The cap is
    /// far above that, yet keeps what a feed costs to hold (two trees of it, ours and
    /// FeedReader's) to tens of megabytes where the 10 MB body cap alone would let a feed of
    /// empty elements build millions of nodes.
    /// </summary>
    public const int MaxElements = 250_000;

    /// <summary>
    /// Nodes read between checks of the cancellation token: a thousand nodes take well under a
    /// millisecond, so a cancelled pass stops promptly without a check on every node.
    /// </summary>
    internal const int NodesPerCancellationCheck = 1_024;

    internal static FeedFormatException TooDeep(Uri feedUrl) => new(string.Create(CultureInfo.InvariantCulture,
        $"The feed at {feedUrl} nests elements more than {MaxDepth} deep; no real feed does, so it was not read (a deliberately nested document or a broken feed generator)."));

    internal static FeedFormatException TooManyElements(Uri feedUrl) => new(string.Create(CultureInfo.InvariantCulture,
        $"The feed at {feedUrl} has more than {MaxElements:N0} elements, far more than any real feed, so it was not read (a deliberately inflated document or a broken feed generator)."));

    internal static FeedFormatException JsonTooDeep(Uri feedUrl) => new(string.Create(CultureInfo.InvariantCulture,
        $"The JSON Feed at {feedUrl} nests objects and arrays more than {MaxDepth} deep; no real feed does, so it was not read (a deliberately nested document or a broken feed generator)."));

    internal static FeedFormatException TooManyJsonValues(Uri feedUrl) => new(string.Create(CultureInfo.InvariantCulture,
        $"The JSON Feed at {feedUrl} has more than {MaxElements:N0} values, far more than any real feed, so it was not read (a deliberately inflated document or a broken feed generator)."));
}
