namespace NewsAggregator.Extraction;

/// <summary>
/// Finds a page's article with a cascade, no rule keyed to any site: page furniture is left
/// out by what its markup names it; the container that gathers the most prose for the least
/// furniture wins (the publisher's itemprop=articleBody element when it holds most of that
/// prose); furniture inside it goes line by line; and the JSON-LD articleBody stands in only
/// when it is clearly more complete than what the markup gave. A source's own selectors, when
/// it has them, come before all of that.
/// </summary>
public sealed class ArticleExtractor : IArticleExtractor
{
    public ExtractedArticle Extract(string html, Uri? pageUrl, ExtractionRules? rules = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var document = PageParser.Parse(html ?? "");
        var (metadata, structuredBody, paywalledParts) = PageMetadata.Read(document, pageUrl);
        cancellationToken.ThrowIfCancellationRequested();
        if (document.Body is null)
        {
            return metadata;
        }
        PaywalledParts.Show(document.Body, paywalledParts);

        rules ??= ExtractionRules.None;
        rules.RemoveFrom(document.Body);
        var chosen = rules.ContentIn(document.Body);
        var content = chosen.Count > 0
            ? ArticleBody.Of(chosen, metadata, pageUrl)
            : ArticleBody.Find(document.Body, metadata, structuredBody, pageUrl, cancellationToken);
        return metadata with
        {
            Text = content.Text,
            Html = content.Html,
            ContentSelectorMissed = rules.ContentSelector is not null && chosen.Count == 0,
        };
    }
}
