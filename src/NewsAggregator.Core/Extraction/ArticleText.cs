namespace NewsAggregator.Extraction;

/// <summary>Plain text of HTML, block by block: paragraphs separated by a blank line.</summary>
public static class ArticleText
{
    /// <summary>Text of an HTML fragment such as a feed entry's content.</summary>
    public static string FromHtmlFragment(string html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }
        var document = PageParser.Parse("<body>" + html + "</body>");
        return document.Body is null ? "" : BlockRenderer.Join(BlockRenderer.Render(document.Body));
    }

    /// <summary>A feed entry's content as clean text and as sanitised HTML, for when its page gives none.</summary>
    /// <param name="baseUrl">Resolves the fragment's relative links and images.</param>
    public static (string Text, string Html) FromFeedContent(string html, Uri? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return ("", "");
        }
        var body = PageParser.Parse("<body>" + PageLimits.Bound(html) + "</body>").Body;
        if (body is null)
        {
            return ("", "");
        }
        var text = BlockRenderer.Join(BlockRenderer.Render(body));
        return text.Length == 0 ? ("", "") : (text, ArticleHtml.Write([body], baseUrl));
    }

    /// <summary>
    /// Plain text such as a JSON-LD articleBody in the same shape: publishers leave entities
    /// and stray tags in it, so it goes through the HTML renderer with line ends as breaks
    /// (two in a row end a paragraph).
    /// </summary>
    internal static string FromPlainText(string text) =>
        FromHtmlFragment(text.ReplaceLineEndings("<br>"));
}
