using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace NewsAggregator.Extraction;

/// <summary>
/// Whether a table lays out a page rather than holding data: the article's HTML then keeps its
/// cells' content and drops its rows and cells, as a reader view shows a layout's text without
/// its grid. Pages of the table-layout years put the whole article in one cell of nested tables,
/// a photo and its caption in a table of one cell, a label beside a headline in a table of one
/// row; a table of data has rows and columns of it.
/// </summary>
/// <remarks>
/// A layout table is one marked as presentation (<c>role="presentation"</c> or <c>none</c>),
/// one that holds another table, or one with a single row or a single column of cells that show
/// something (text or an image the HTML shows: a column of empty cells or of spacers does not count). The text does not change: its
/// rows were paragraphs and its cells' text one line with a space between cells already, and the
/// HTML keeps both (a row's edge ends a paragraph, a cell's is a space).
/// </remarks>
internal static class LayoutTable
{
    /// <param name="baseUrl">Resolves images' addresses, as the HTML does: an image it would not show (a spacer, a beacon) shows nothing here either.</param>
    public static bool Is(IElement table, Uri? baseUrl)
    {
        if (table.GetAttribute("role") is { } role && (role.Equals("presentation", StringComparison.OrdinalIgnoreCase) || role.Equals("none", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }
        if (table is not IHtmlTableElement grid)
        {
            return false;
        }
        if (grid.QuerySelector("table") is not null)
        {
            return true;
        }
        int rows = 0, columns = 0;
        foreach (var row in grid.Rows)
        {
            var cells = 0;
            foreach (var cell in row.Cells)
            {
                if (ShowsSomething(cell, baseUrl))
                {
                    cells++;
                }
            }
            if (cells > 0)
            {
                rows++;
                columns = Math.Max(columns, cells);
            }
        }
        // A table that shows nothing at all is left whole: it goes as an empty element does, with
        // the rules or spacers it held, which unwrapped would stand alone between paragraphs.
        return rows == 1 || (rows > 1 && columns <= 1);
    }

    /// <summary>Whether the node holds text other than white space, or an image that shows something.</summary>
    private static bool ShowsSomething(INode node, Uri? baseUrl)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text when !string.IsNullOrWhiteSpace(text.Data):
                    return true;
                case IElement { LocalName: "img" } image when ShownImage.Source(image, baseUrl) is not null:
                    return true;
                case IElement element when ShowsSomething(element, baseUrl):
                    return true;
            }
        }
        return false;
    }
}
