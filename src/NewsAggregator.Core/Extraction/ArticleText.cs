using AngleSharp.Html.Parser;

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

    /// <summary>
    /// Plain text such as a JSON-LD articleBody in the same shape: publishers leave entities
    /// and stray tags in it, so it goes through the HTML renderer with line ends as breaks
    /// (two in a row end a paragraph).
    /// </summary>
    internal static string FromPlainText(string text) =>
        FromHtmlFragment(text.ReplaceLineEndings("<br>"));
}
