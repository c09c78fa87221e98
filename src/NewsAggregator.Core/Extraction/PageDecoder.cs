using System.Text;

namespace NewsAggregator.Extraction;

/// <summary>Bytes of an HTML page to text, in the encoding the page really uses.</summary>
public static class PageDecoder
{
    /// <param name="body">The response body.</param>
    /// <param name="declaredCharset">The charset of the HTTP Content-Type header, if any.</param>
    public static string Decode(ReadOnlySpan<byte> body, string? declaredCharset)
    {
        // Placeholder until the charset cascade lands: UTF-8 with BOM detection.
        return Encoding.UTF8.GetString(body.StartsWith(Encoding.UTF8.Preamble) ? body[3..] : body);
    }
}
