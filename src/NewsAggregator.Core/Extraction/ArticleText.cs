namespace NewsAggregator.Extraction;

/// <summary>Plain text of HTML, block by block: paragraphs separated by a blank line.</summary>
public static class ArticleText
{
    /// <summary>Text of an HTML fragment such as a feed entry's content.</summary>
    public static string FromHtmlFragment(string html)
    {
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        var document = parser.ParseDocument("<body>" + html + "</body>");
        return string.Join("\n\n", (document.Body?.TextContent ?? "")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
