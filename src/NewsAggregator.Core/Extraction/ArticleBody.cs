using AngleSharp.Dom;

namespace NewsAggregator.Extraction;

/// <summary>The article's paragraphs: the best prose container's blocks, less the furniture that sits inside it.</summary>
internal static class ArticleBody
{
    /// <param name="metadata">The page's metadata: its title and byline are not part of the text.</param>
    /// <param name="structuredBody">The JSON-LD articleBody, if the page has one.</param>
    public static string Find(IElement body, ExtractedArticle metadata, string? structuredBody, CancellationToken cancellationToken)
    {
        var survey = MainContent.Survey(body);
        cancellationToken.ThrowIfCancellationRequested();

        var mass = TextMass.Of(body, survey.LeftOut.Contains);
        var best = MainContent.Best(mass, survey.MarkedBodies);
        var domText = best is null ? "" : BlockRenderer.Join(InlineFurniture.Without(BlockRenderer.Render(best, survey.Unrendered), metadata));
        return Prefer(domText, structuredBody);
    }

    /// <summary>
    /// The markup's text unless the JSON-LD body is clearly more complete: structured bodies
    /// are often truncated teasers, but on pages that hide the text in markup they are all there is.
    /// </summary>
    private static string Prefer(string domText, string? structuredBody)
    {
        if (string.IsNullOrWhiteSpace(structuredBody))
        {
            return domText;
        }
        var structured = ArticleText.FromPlainText(structuredBody);
        // Twice the markup's text: a body that is merely a little longer may only repeat captions or credits.
        var clearlyMore = structured.Length > domText.Length * 2 && (structured.Length > 400 || domText.Length == 0);
        return clearlyMore ? structured : domText;
    }
}
