namespace NewsAggregator.Extraction;

/// <summary>
/// Finds a page's article with a cascade: the markup's best prose container after page
/// furniture is cut away, checked against the publisher's JSON-LD articleBody; when the
/// markup yields too little, the structured body stands in for it.
/// </summary>
public sealed class ArticleExtractor : IArticleExtractor
{
    public ExtractedArticle Extract(string html, Uri? pageUrl, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var document = PageParser.Parse(html ?? "");
        var metadata = PageMetadata.Read(document, pageUrl);
        cancellationToken.ThrowIfCancellationRequested();

        var text = document.Body is null ? "" : ArticleBody.Find(document.Body, metadata, cancellationToken);

        return new ExtractedArticle
        {
            Text = text,
            Title = metadata.Title,
            Byline = metadata.Byline,
            PublishedAt = metadata.PublishedAt,
            Language = metadata.Language,
            SiteName = metadata.SiteName,
            CanonicalUrl = metadata.CanonicalUrl,
            ImageUrl = metadata.ImageUrl,
            Description = metadata.Description,
        };
    }
}

