using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace NewsAggregator.Extraction;

/// <summary>HTML to DOM with one parser per thread: AngleSharp does not promise a shared parser is thread-safe.</summary>
internal static class PageParser
{
    private static readonly ThreadLocal<HtmlParser> Parser = new(() => new HtmlParser(new HtmlParserOptions
    {
        IsScripting = false,
        IsKeepingSourceReferences = false,
    }));

    public static IHtmlDocument Parse(string html) => Parser.Value!.ParseDocument(html);
}
