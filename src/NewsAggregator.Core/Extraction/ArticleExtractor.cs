namespace NewsAggregator.Extraction;

/// <summary>
/// Finds a page's article with a cascade, no rule keyed to any site: page furniture is left
/// out by what its markup names it; the container that gathers the most prose for the least
/// furniture wins (the publisher's itemprop=articleBody element when it holds most of that
/// prose); furniture inside it goes line by line; and the JSON-LD articleBody stands in only
/// when it is clearly more complete than what the markup gave.
/// </summary>
public sealed class ArticleExtractor : IArticleExtractor
{
    public ExtractedArticle Extract(string html, Uri? pageUrl, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var document = PageParser.Parse(html ?? "");
        var (metadata, structuredBody) = PageMetadata.Read(document, pageUrl);
        cancellationToken.ThrowIfCancellationRequested();

        var text = document.Body is null ? "" : ArticleBody.Find(document.Body, metadata, structuredBody, cancellationToken);
        return metadata with { Text = text };
    }
}

