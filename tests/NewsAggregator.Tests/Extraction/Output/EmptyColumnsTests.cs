using NewsAggregator.Extraction;

namespace NewsAggregator.Tests.Extraction;

/// <summary>A written table's columns of empty cells, as <see cref="ArticleHtml"/> writes tables.</summary>
public class EmptyColumnsTests
{
    [Theory]
    // The last column is empty in every row: it goes.
    [InlineData("<tbody><tr><td>a</td><td></td></tr>\n<tr><td>b</td><td></td></tr>\n</tbody>\n", "<tbody><tr><td>a</td></tr>\n<tr><td>b</td></tr>\n</tbody>\n")]
    // A middle column, header cell included.
    [InlineData("<tr><th>A</th><th></th><th>C</th></tr><tr><td>1</td><td></td><td>3</td></tr>", "<tr><th>A</th><th>C</th></tr><tr><td>1</td><td>3</td></tr>")]
    // A shorter row lacks the cell: it counts as empty there.
    [InlineData("<tr><td>1</td><td></td></tr><tr><td>2</td></tr>", "<tr><td>1</td></tr><tr><td>2</td></tr>")]
    // An empty cell in a column that shows something in another row stays: nothing changes.
    [InlineData("<tr><td>1</td><td></td></tr><tr><td>2</td><td>x</td></tr>", null)]
    // A cell holding only markup that shows something (an image) is not empty.
    [InlineData("<tr><td>1</td><td><img src=\"https://x.example/a.png\"></td></tr>", null)]
    // Every column empty: the table is the writer's to drop as an element that shows nothing.
    [InlineData("<tr><td></td><td></td></tr>", null)]
    // A cell spanning columns or rows: columns are not cells' places in their rows, so nothing is touched.
    [InlineData("<tr><td colspan=\"2\">wide</td></tr><tr><td>1</td><td></td></tr>", null)]
    [InlineData("<tr><td rowspan=\"2\">tall</td><td></td></tr><tr><td></td></tr>", null)]
    // <thead> is no header cell.
    [InlineData("<thead><tr><th>A</th><th></th></tr></thead><tbody><tr><td>1</td><td></td></tr></tbody>", "<thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody>")]
    public void Columns_of_empty_cells_go(string content, string? expected)
    {
        Assert.Equal(expected, EmptyColumns.Remove(content));
    }
}
