using NewsAggregator.Dedup;

namespace NewsAggregator.Tests.Dedup;

public class DeclaredCanonicalTests
{
    [Theory]
    [InlineData("article with a date in the path", "https://www.example.org/news/2024/03/05/bridge-closed", "https://www.example.org/news/2024/03/05/bridge-closed")]
    [InlineData("long slug, tracking removed", "https://www.example.org/news/bridge-closed-after-cracks-found?utm_source=x", "https://www.example.org/news/bridge-closed-after-cracks-found")]
    [InlineData("AMP host declared: the publisher's form", "https://amp.example.org/news/2024/03/05/bridge-closed", "https://www.example.org/news/2024/03/05/bridge-closed")]
    [InlineData("numeric id", "https://example.org/story/1234567", "https://example.org/story/1234567")]
    [InlineData("short slug below a section", "https://example.org/world/kosovo-talks", "https://example.org/world/kosovo-talks")]
    public void Plausible_article_url_is_accepted_in_canonical_form(string rule, string declared, string expected)
    {
        Assert.True(expected == DeclaredCanonical.Accept(declared), $"{rule}: got {DeclaredCanonical.Accept(declared)}");
    }

    [Theory]
    [InlineData("missing", null)]
    [InlineData("empty", "  ")]
    [InlineData("relative", "/news/2024/03/05/bridge-closed")]
    [InlineData("protocol-relative", "//www.example.org/news/2024/03/05/bridge-closed")]
    [InlineData("not http", "ftp://example.org/news/2024/03/05/bridge-closed")]
    [InlineData("home page", "https://www.example.org/")]
    [InlineData("home page without slash", "https://www.example.org")]
    [InlineData("section page", "https://www.example.org/world/")]
    [InlineData("subsection page", "https://www.example.org/world/europe")]
    [InlineData("tag page", "https://www.example.org/tag/kosovo")]
    [InlineData("feed", "https://www.example.org/news/feed")]
    public void Implausible_declaration_is_refused(string rule, string? declared)
    {
        Assert.True(DeclaredCanonical.Accept(declared) is null, $"{rule}: accepted {declared}");
    }
}
