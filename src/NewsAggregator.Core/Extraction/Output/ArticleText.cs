namespace NewsAggregator.Extraction;

/// <summary>Plain text of HTML, block by block: paragraphs separated by a blank line.</summary>
public static class ArticleText
{
    /// <summary>Text of an HTML fragment such as a feed entry's content.</summary>
    public static string FromHtmlFragment(string html) =>
        FragmentBody(html) is { } body ? TextOf(body) : "";

    /// <summary>A feed entry's content as clean text and as sanitised HTML, for when its page gives none.</summary>
    /// <param name="baseUrl">Resolves the fragment's relative links and images.</param>
    public static (string Text, string Html) FromFeedContent(string html, Uri? baseUrl)
    {
        if (FragmentBody(html) is not { } body)
        {
            return ("", "");
        }
        var blocks = BlockRenderer.Render([body]);
        var text = blocks.Text();
        return text.Length == 0 ? ("", "") : (text, blocks.Html(baseUrl));
    }

    /// <summary>A fragment parsed as a page's body; null when there is nothing to parse.</summary>
    private static AngleSharp.Dom.IElement? FragmentBody(string html) =>
        string.IsNullOrWhiteSpace(html) ? null : PageParser.Parse("<body>" + html + "</body>").Body;

    private static string TextOf(AngleSharp.Dom.IElement body) => BlockRenderer.Render([body]).Text();

    /// <summary>
    /// Plain text such as a JSON-LD articleBody in the same shape: publishers leave entities
    /// and stray tags in it, so it goes through the HTML renderer with line ends as breaks
    /// (two in a row end a paragraph).
    /// </summary>
    internal static string FromPlainText(string text) =>
        FromHtmlFragment(text.ReplaceLineEndings("<br>"));
}
