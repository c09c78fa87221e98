namespace NewsAggregator.Extraction;

/// <summary>Placeholder until the scoring extractor lands: the text of the body.</summary>
public sealed class ArticleExtractor : IArticleExtractor
{
    public ExtractedArticle Extract(string html, Uri? pageUrl, CancellationToken cancellationToken = default) =>
        new() { Text = ArticleText.FromHtmlFragment(html) };
}
