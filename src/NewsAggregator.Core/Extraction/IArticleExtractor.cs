namespace NewsAggregator.Extraction;

/// <summary>Turns a page's HTML into its article. Pure: no I/O, safe to call from many threads.</summary>
public interface IArticleExtractor
{
    /// <param name="html">The decoded page.</param>
    /// <param name="pageUrl">Where the page was fetched from; resolves relative URLs, may be null for files.</param>
    /// <param name="rules">The source's selectors, if it has any.</param>
    ExtractedArticle Extract(string html, Uri? pageUrl, ExtractionRules? rules = null, CancellationToken cancellationToken = default);
}
