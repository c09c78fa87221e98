using System.Text;
using Microsoft.AspNetCore.StaticFiles;

namespace NewsAggregator.Tests.TestWeb;

/// <summary>A file of the fixture web as served: its bytes after templating, and its Content-Type.</summary>
public sealed record FixtureDocument(byte[] Body, string ContentType);

/// <summary>
/// The fixture folder seen as a web: a request path maps to a file (a folder to its
/// index.html), the Content-Type follows the extension, and text files get the server's
/// own address in place of <c>{{base}}</c> (the request path in place of <c>{{path}}</c>),
/// so feeds and pages can hold absolute links back to this server.
/// </summary>
internal sealed class FixtureFiles(string root, Uri baseUrl)
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = WithFeedTypes();

    private static readonly HashSet<string> TextExtensions =
        new([".html", ".htm", ".xml", ".rss", ".atom", ".txt", ".json", ".css"], StringComparer.OrdinalIgnoreCase);

    private readonly string root = Path.TrimEndingDirectorySeparator(root);
    private readonly string baseText = baseUrl.GetLeftPart(UriPartial.Authority);

    public FixtureDocument? Find(string requestPath)
    {
        var relative = requestPath.TrimStart('/');
        if (relative.Length == 0 || relative.EndsWith('/'))
        {
            relative += "index.html";
        }
        var file = Path.GetFullPath(Path.Combine(root, relative));
        // Layouts (_name.html) are templates, not pages; and nothing outside the fixture folder is served.
        if (!file.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || Path.GetFileName(file).StartsWith('_')
            || !File.Exists(file))
        {
            return null;
        }

        if (!ContentTypes.TryGetContentType(file, out var contentType))
        {
            contentType = "application/octet-stream";
        }
        var extension = Path.GetExtension(file);
        if (!TextExtensions.Contains(extension))
        {
            return new FixtureDocument(File.ReadAllBytes(file), contentType);
        }

        var text = File.ReadAllText(file);
        if (extension is ".html" or ".htm")
        {
            text = PageLayout.Render(text, file, root);
        }
        text = text.Replace("{{base}}", baseText, StringComparison.Ordinal)
            .Replace("{{path}}", requestPath, StringComparison.Ordinal);
        return new FixtureDocument(Encoding.UTF8.GetBytes(text), contentType + "; charset=utf-8");
    }

    // ASP.NET Core's table knows .atom but not .rss; feeds should be served as feeds are on the web.
    private static FileExtensionContentTypeProvider WithFeedTypes()
    {
        var provider = new FileExtensionContentTypeProvider();
        provider.Mappings[".rss"] = "application/rss+xml";
        provider.Mappings[".atom"] = "application/atom+xml";
        return provider;
    }
}
