using AngleSharp.Dom;
using static NewsAggregator.Extraction.FurnitureVocabulary;

namespace NewsAggregator.Extraction;

/// <summary>
/// What an image shows a reader: the address the article's HTML keeps for it, or nothing for an
/// analytics beacon or a spacer. The HTML writes the one and drops the other, and a table's
/// layout is judged by the same measure, so a column of spacers is no column of content.
/// </summary>
internal static class ShownImage
{
    /// <summary>
    /// The image's real address (lazy-loading pages keep it in a data attribute and put a
    /// placeholder, a data: URI or a blank gif, in src), absolute and safe; null when there is
    /// none or the image shows nothing.
    /// </summary>
    /// <param name="baseUrl">Resolves a relative address; without it only absolute ones are kept.</param>
    public static string? Source(IElement image, Uri? baseUrl)
    {
        foreach (var attribute in (ReadOnlySpan<string>)["data-src", "data-lazy-src", "data-original", "src"])
        {
            if (PageLink.Absolute(image.GetAttribute(attribute), baseUrl, allowMail: false) is { } url)
            {
                return ShowsNothing(image, url) ? null : url;
            }
        }
        return null;
    }

    /// <summary>
    /// An analytics beacon or a spacer: one or two pixels by its attributes, an address of a
    /// known beacon, or a spacer's file name. Judged by the address the image would show (a
    /// lazy-loading page's real one, not the placeholder in its <c>src</c>).
    /// </summary>
    private static bool ShowsNothing(IElement image, string source)
    {
        if (Pixels(image, "width") <= 2 || Pixels(image, "height") <= 2)
        {
            return true;
        }
        foreach (var mark in TrackerMarks)
        {
            if (source.Contains(mark, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return Uri.TryCreate(source, UriKind.Absolute, out var url) && SpacerImageFile().IsMatch(url.AbsolutePath);
    }

    /// <summary>The image's width or height by its attribute ("12", "12px"); null when it states none.</summary>
    public static int? Pixels(IElement image, string dimension) =>
        image.GetAttribute(dimension) is { } size && int.TryParse(size.Trim().TrimEnd('x', 'p'), out var pixels) ? pixels : null;
}
