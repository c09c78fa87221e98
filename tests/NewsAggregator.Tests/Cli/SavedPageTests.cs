using System.IO.Compression;
using System.Text;
using NewsAggregator.Cli;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Cli;

public class SavedPageTests
{
    private static readonly byte[] Page = Encoding.UTF8.GetBytes(
        "<html><body><article>" + string.Concat(Enumerable.Range(0, 400).Select(i => $"<p>Paragraph {i} of the saved story.</p>")) + "</article></body></html>");

    private static byte[] Gzip(byte[] bytes)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }
        return compressed.ToArray();
    }

    private static async Task<byte[]> ReadAsync(string path)
    {
        using var page = await SavedPage.ReadAsync(path, CancellationToken.None);
        return page.Bytes.ToArray();
    }

    [Fact]
    public async Task A_plain_page_is_read_whole()
    {
        using var workspace = new TempWorkspace();
        await File.WriteAllBytesAsync(workspace.PathOf("page.html"), Page);

        Assert.Equal(Page, await ReadAsync(workspace.PathOf("page.html")));
    }

    [Fact]
    public async Task A_compressed_page_is_read_whole()
    {
        using var workspace = new TempWorkspace();
        await File.WriteAllBytesAsync(workspace.PathOf("page.html.gz"), Gzip(Page));

        Assert.Equal(Page, await ReadAsync(workspace.PathOf("page.html.gz")));
    }

    [Fact]
    public async Task A_compressed_page_whose_recorded_size_is_short_is_still_read_whole()
    {
        // Two gzip members one after the other: the size in the file's last bytes is the second's alone.
        using var workspace = new TempWorkspace();
        var second = Encoding.UTF8.GetBytes("<p>The end.</p>");
        await File.WriteAllBytesAsync(workspace.PathOf("page.html.gz"), Gzip(Page).Concat(Gzip(second)).ToArray());

        var read = await ReadAsync(workspace.PathOf("page.html.gz"));

        Assert.Equal(Page.Concat(second), read);
    }

    [Fact]
    public async Task An_empty_page_is_empty()
    {
        using var workspace = new TempWorkspace();
        await File.WriteAllBytesAsync(workspace.PathOf("page.html"), []);

        Assert.Empty(await ReadAsync(workspace.PathOf("page.html")));
    }
}
