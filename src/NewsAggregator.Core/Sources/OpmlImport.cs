using NewsAggregator.Dedup;

namespace NewsAggregator.Sources;

/// <summary>A subscription of the OPML file that was not added, and why, in one line for the user.</summary>
public sealed record SkippedFeed(OpmlFeed Feed, string Reason);

/// <summary>What an import adds to sources.json and what it leaves out.</summary>
public sealed record OpmlImportResult(
    IReadOnlyList<Source> Added, IReadOnlyList<SkippedFeed> Duplicates, IReadOnlyList<SkippedFeed> Invalid);

/// <summary>
/// Merges an OPML file's feeds into the sources already listed: each new feed becomes an rss
/// source; a feed already listed, or listed twice in the file, is skipped, compared by
/// canonical URL so that tracking parameters, host case or a fragment do not make a second source.
/// </summary>
public static class OpmlImport
{
    public static OpmlImportResult Merge(IReadOnlyList<Source> existing, IEnumerable<OpmlFeed> feeds)
    {
        var listed = new ListedSources(existing);
        var addedIds = new HashSet<string>(StringComparer.Ordinal);
        var inFile = new Dictionary<string, string>(StringComparer.Ordinal);

        var added = new List<Source>();
        var duplicates = new List<SkippedFeed>();
        var invalid = new List<SkippedFeed>();
        foreach (var feed in feeds)
        {
            if (feed.FeedUrl.Length == 0)
            {
                invalid.Add(new SkippedFeed(feed, "no xmlUrl"));
                continue;
            }
            // Only web feeds: an OPML file from elsewhere must not make the worker read local files.
            if (!ListedSources.TryParseWebUrl(feed.FeedUrl, out var url))
            {
                invalid.Add(new SkippedFeed(feed, $"xmlUrl \"{feed.FeedUrl}\" is not an absolute http or https URL"));
                continue;
            }
            var canonical = CanonicalUrl.Normalize(url);
            if (listed.IdOfUrl(canonical) is { } listedId)
            {
                duplicates.Add(new SkippedFeed(feed, $"already in the sources file as \"{listedId}\""));
                continue;
            }
            if (inFile.TryGetValue(canonical, out var firstTitle))
            {
                duplicates.Add(new SkippedFeed(feed, $"listed earlier in the OPML file (as \"{firstTitle}\")"));
                continue;
            }
            var id = FeedSourceId.For(url, canonical);
            if (listed.IsIdTaken(id) || !addedIds.Add(id))
            {
                // Only a hand-made source that took an imported feed's id can get here.
                invalid.Add(new SkippedFeed(feed, $"its id \"{id}\" is already used by another source"));
                continue;
            }
            var name = feed.Title ?? url.Host;
            inFile[canonical] = name;
            added.Add(new Source
            {
                Id = id,
                Name = name,
                Type = SourceType.Rss,
                Url = url,
                Category = feed.Category,
            });
        }
        return new OpmlImportResult(added, duplicates, invalid);
    }
}
