using System.Text;

namespace NewsAggregator.Extraction;

/// <summary>
/// Columns of a written data table in which no cell shows anything: the links or buttons they
/// held went as furniture ("Visit site", "Buy", a share icon), and the column stayed behind as a
/// row of empty cells in every row. A reader view shows no such column, so neither does the
/// article's HTML. Works on the table's markup as <see cref="ArticleHtml"/> wrote it: one level
/// of rows and cells (a table holding another is a layout, unwrapped before), text encoded.
/// </summary>
internal static class EmptyColumns
{
    /// <summary>
    /// The table's content (what is written between <c>&lt;table&gt;</c> and <c>&lt;/table&gt;</c>)
    /// without its empty columns; null when it has none, when every column is empty, or when a
    /// cell spans columns or rows (which column a cell stands in is then not its place in its row).
    /// </summary>
    public static string? Remove(ReadOnlySpan<char> content)
    {
        var rows = new List<List<(int Start, int End, bool Empty)>>();
        List<(int Start, int End, bool Empty)>? row = null;
        for (var at = content.IndexOf('<'); at >= 0 && at < content.Length;)
        {
            var rest = content[at..];
            if (rest.StartsWith("<tr>"))
            {
                row = [];
                rows.Add(row);
            }
            else if (rest.Length > 3 && (rest.StartsWith("<td") || rest.StartsWith("<th")) && rest[3] is '>' or ' ')
            {
                if (rest[3] == ' ' || row is null)
                {
                    // A cell with attributes spans columns or rows (the writer keeps no others); or a cell outside a row.
                    return null;
                }
                var end = rest.IndexOf(rest[2] == 'd' ? "</td>" : "</th>", StringComparison.Ordinal);
                if (end < 0)
                {
                    return null;
                }
                // Empty: its end tag right after its start tag.
                row.Add((at, at + end + 5, end == 4));
                at += end + 5;
                at = Next(content, at);
                continue;
            }
            at = Next(content, at + 1);
        }
        var columns = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
        var empty = new bool[columns];
        var any = false;
        for (var column = 0; column < columns; column++)
        {
            empty[column] = rows.All(r => column >= r.Count || r[column].Empty);
            any |= empty[column];
        }
        if (!any || empty.All(e => e))
        {
            return null;
        }
        // Rows and their cells were found in the order they stand: what lies between the removed cells is kept as it is.
        var kept = new StringBuilder(content.Length);
        var from = 0;
        foreach (var cells in rows)
        {
            for (var column = 0; column < cells.Count; column++)
            {
                if (empty[column])
                {
                    kept.Append(content[from..cells[column].Start]);
                    from = cells[column].End;
                }
            }
        }
        kept.Append(content[from..]);
        return kept.ToString();
    }

    private static int Next(ReadOnlySpan<char> content, int from)
    {
        if (from >= content.Length)
        {
            return -1;
        }
        var next = content[from..].IndexOf('<');
        return next < 0 ? -1 : from + next;
    }
}
