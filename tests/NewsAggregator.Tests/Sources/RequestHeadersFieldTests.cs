using NewsAggregator.Sources;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Sources;

/// <summary>sources.json <c>userAgent</c> and <c>headers</c>: read onto the source, and every value that would break a request refused with why.</summary>
public class RequestHeadersFieldTests
{
    private static IReadOnlyList<Source> Parse(string fields) =>
        SourcesFile.Parse($$"""{ "sources": [ { "id": "wire", "name": "Wire", "type": "rss", "url": "https://example.org/feed.xml"{{fields}} } ] }""", "sources.json");

    [Fact]
    public void A_source_without_them_sends_nothing_of_its_own()
    {
        Assert.True(Parse("").Single().RequestHeaders.IsEmpty);
    }

    [Fact]
    public void UserAgent_and_headers_are_carried_on_the_source_in_the_file_s_order()
    {
        var headers = Parse("""
            , "userAgent": "  Mozilla/5.0 (compatible; MyNews/1.0) ",
              "headers": { "Referer": "https://example.org/", "Cookie": "consent=yes; region=eu", "X-Api-Key": "" }
            """).Single().RequestHeaders;

        Assert.Equal("Mozilla/5.0 (compatible; MyNews/1.0)", headers.UserAgent);
        Assert.Equal(["Referer: https://example.org/", "Cookie: consent=yes; region=eu", "X-Api-Key: "],
            headers.Fields.Select(h => $"{h.Key}: {h.Value}"));
    }

    // Each message names the field and says why, so that the fix is plain.
    public static TheoryData<string, string> Refused() => new()
    {
        { """ "userAgent": "" """, "field \"userAgent\": expected a non-empty User-Agent" },
        { """ "userAgent": 5 """, "field \"userAgent\": expected a non-empty User-Agent" },
        { """ "userAgent": "Bot/1.0\r\nX-Evil: 1" """, "field \"userAgent\": the value contains a line break (CR or LF)" },
        { $$""" "userAgent": "{{new string('a', 501)}}" """, "field \"userAgent\": the value is longer than 500 characters" },
        { """ "headers": ["Referer: https://example.org/"] """, "field \"headers\": expected an object of header names and values" },
        { """ "headers": { "X Forwarded": "1" } """, "field \"headers\": \"X Forwarded\" is not a valid header name" },
        { """ "headers": { "Referer:": "https://example.org/" } """, "field \"headers\": \"Referer:\" is not a valid header name" },
        { """ "headers": { "": "1" } """, "field \"headers\": \"\" is not a valid header name" },
        { """ "headers": { "Host": "example.com" } """, "field \"headers\": \"Host\" cannot be set: the fetcher sets it from the URL" },
        { """ "headers": { "content-length": "0" } """, "field \"headers\": \"content-length\" cannot be set: it frames a request body" },
        { """ "headers": { "Content-Type": "text/xml" } """, "field \"headers\": \"Content-Type\" cannot be set: it frames a request body" },
        { """ "headers": { "Transfer-Encoding": "chunked" } """, "field \"headers\": \"Transfer-Encoding\" cannot be set: it governs one connection (hop by hop)" },
        { """ "headers": { "Connection": "close" } """, "field \"headers\": \"Connection\" cannot be set: it governs one connection (hop by hop)" },
        { """ "headers": { "If-None-Match": "\"abc\"" } """, "field \"headers\": \"If-None-Match\" cannot be set: the fetcher sends its own validators" },
        { """ "headers": { "Accept-Encoding": "br" } """, "field \"headers\": \"Accept-Encoding\" cannot be set: the fetcher asks for the compressions it can undo" },
        { """ "headers": { "User-Agent": "Bot/2" } """, "field \"headers\": \"User-Agent\" cannot be set: use the source's \"userAgent\" field" },
        { """ "headers": { "Referer": "https://example.org/\nX-Evil: 1" } """, "field \"headers\": the value of \"Referer\" contains a line break (CR or LF)" },
        { """ "headers": { "X-Token": "a\u0000b" } """, "field \"headers\": the value of \"X-Token\" contains a control character" },
        { """ "headers": { "X-City": "Zürich" } """, "field \"headers\": the value of \"X-City\" contains a character outside ASCII" },
        { """ "headers": { "X-Count": 3 } """, "field \"headers\": the value of \"X-Count\" must be a string" },
        { """ "headers": { "Referer": "https://a.example/", "referer": "https://b.example/" } """, "field \"headers\": \"referer\" is given twice (header names ignore letter case)" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_value_that_would_break_the_request_is_refused_with_its_reason(string field, string expected)
    {
        var error = Assert.Throws<SourcesFileException>(() => Parse(", " + field));

        Assert.StartsWith("sources.json: source \"wire\" (#0) ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task Sources_validate_reports_bad_header_values_with_the_others()
    {
        using var workspace = new TempWorkspace();
        workspace.WriteFile("sources.json", """
            { "sources": [
                { "id": "a", "name": "A", "type": "rss", "url": "https://a.example/feed.xml", "headers": { "Host": "b.example" } },
                { "id": "b", "name": "B", "type": "rss", "url": "https://b.example/feed.xml", "userAgent": " " },
                { "id": "c", "name": "C", "type": "rss", "url": "https://c.example/feed.xml", "userAgent": "Reader/1.0", "headers": { "Referer": "https://c.example/" } }
            ] }
            """);

        var run = await CommandRun.RunAsync("sources", "validate", "--sources", workspace.SourcesPath);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("source \"a\" (#0) field \"headers\": \"Host\" cannot be set", run.Error);
        Assert.Contains("source \"b\" (#1) field \"userAgent\": expected a non-empty User-Agent", run.Error);
        Assert.DoesNotContain("source \"c\"", run.Error);
        Assert.EndsWith("2 problems\n", run.Error);
    }
}
