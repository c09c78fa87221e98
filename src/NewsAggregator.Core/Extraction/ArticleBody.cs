using AngleSharp.Dom;

namespace NewsAggregator.Extraction;

/// <summary>The article's paragraphs: the best prose container's blocks, less the furniture that sits inside it.</summary>
internal static class ArticleBody
{
    /// <param name="metadata">The page's metadata: its title and byline are not part of the text.</param>
    /// <param name="structuredBody">The JSON-LD articleBody, if the page has one.</param>
    public static string Find(IElement body, ExtractedArticle metadata, string? structuredBody, CancellationToken cancellationToken)
    {
        var outline = PageOutline.Of(body);
        var survey = MainContent.Survey(outline);
        cancellationToken.ThrowIfCancellationRequested();

        var mass = TextMass.Of(outline, survey.LeftOut);
        var domText = MainContent.Best(outline, mass, survey.MarkedBodies) is { } best
            ? BlockRenderer.Join(InlineFurniture.Without(BlockRenderer.Render(outline.Element(best), outline.SkipperFrom(best, survey.Unrendered)), metadata))
            : "";
        return Prefer(domText, structuredBody);
    }

    /// <summary>
    /// The markup's text unless the JSON-LD body is clearly more complete: structured bodies
    /// are often truncated teasers, but on pages that hide the text in markup they are all there is.
    /// </summary>
    private static string Prefer(string domText, string? structuredBody)
    {
        // Rendering never lengthens text (tags, entities and runs of whitespace only shrink), so a
        // raw body that is not clearly more cannot become so: it is not worth a second parse.
        if (string.IsNullOrWhiteSpace(structuredBody) || !ClearlyMore(structuredBody.Length, domText.Length))
        {
            return domText;
        }
        var structured = ArticleText.FromPlainText(structuredBody);
        return ClearlyMore(structured.Length, domText.Length) ? structured : domText;
    }

    // Twice the markup's text: a body that is merely a little longer may only repeat captions or credits.
    private static bool ClearlyMore(int structuredLength, int domLength) =>
        structuredLength > domLength * 2 && (structuredLength > 400 || domLength == 0);
}
