namespace NewsAggregator.Sources;

/// <summary>
/// One subscription of an OPML file, as written there: the feed URL is not yet checked, so that
/// an entry with a bad one can be reported by its title rather than dropped unseen.
/// </summary>
/// <param name="FeedUrl">The outline's <c>xmlUrl</c>, trimmed; empty when it has none.</param>
/// <param name="Title">The outline's <c>title</c>, else its <c>text</c>; null when it has neither.</param>
/// <param name="Category">The enclosing folders' names joined by '/', as <see cref="SourceCategory"/>; null at the top.</param>
public sealed record OpmlFeed(string FeedUrl, string? Title, string? Category);

/// <summary>The file is not XML, or XML but not OPML; the message names the file and what is wrong.</summary>
public sealed class OpmlFormatException(string message) : Exception(message);
