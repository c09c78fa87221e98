using System.Net;
using System.Xml.Linq;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Pipeline;

/// <summary>
/// The harness itself: the server behaves like a web server, and the fixture web is fit to
/// judge the pipeline (every furniture string is really on the pages, none is in a story).
/// Without these, a green end-to-end test could mean a broken fixture rather than a working worker.
/// </summary>
public sealed class FixtureWebTests : IAsyncLifetime
{
    private FixtureWeb web = null!;
    private readonly HttpClient http = new();

    public async Task InitializeAsync() => web = await FixtureWeb.StartAsync();

    public async Task DisposeAsync()
    {
        http.Dispose();
        await web.DisposeAsync();
    }

    [Fact]
    public void Server_listens_on_loopback_with_a_port_of_its_own()
    {
        Assert.Equal("127.0.0.1", web.BaseUrl.Host);
        Assert.NotEqual(0, web.BaseUrl.Port);
        Assert.EndsWith("/", web.BaseUrl.AbsoluteUri);
    }

    [Theory]
    [InlineData("/wire-times/feed.rss", "application/rss+xml")]
    [InlineData("/daily-planet/feeds/latest.atom", "application/atom+xml")]
    [InlineData("/harbour-herald/local/", "text/html")]
    [InlineData("/robots.txt", "text/plain")]
    public async Task Content_type_follows_the_file_extension(string path, string mediaType)
    {
        using var response = await http.GetAsync(web.Url(path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
    }

    [Fact]
    public async Task Base_placeholder_becomes_this_servers_address()
    {
        var feed = await http.GetStringAsync(web.Url("/wire-times/feed.rss"));

        Assert.DoesNotContain("{{base}}", feed);
        Assert.Contains(web.Url("/wire-times/news/2025/06/sleeper-train-returns.html").ToString(), feed);
    }

    [Fact]
    public async Task Article_page_is_poured_into_its_site_layout()
    {
        const string path = "/wire-times/news/2025/06/sleeper-train-returns.html";
        var page = await http.GetStringAsync(web.Url(path));

        Assert.StartsWith("<!DOCTYPE html>", page);
        Assert.Contains("<h1 class=\"headline\">Overnight sleeper train to return to coast route after twenty years</h1>", page);
        Assert.Contains($"<link rel=\"canonical\" href=\"{web.Url(path)}\">", page);
        Assert.Contains("Crosswords &amp; Puzzles", page);
        Assert.DoesNotContain("{{", page);
        Assert.DoesNotContain("<!-- slot:", page);
    }

    [Theory]
    [InlineData("/wire-times/news/2025/06/upland-honey-harvest.html")]
    [InlineData("/daily-planet/feeds/archive.rss")]
    [InlineData("/wire-times/_site.html")]
    [InlineData("/../NewsAggregator.Tests.dll")]
    public async Task Missing_files_layouts_and_paths_outside_the_fixture_are_404(string path)
    {
        using var response = await http.GetAsync(new Uri(web.BaseUrl.GetLeftPart(UriPartial.Authority) + path));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Programmed_fault_replaces_the_path()
    {
        FixtureNews.ProgramFaults(web);

        using var response = await http.GetAsync(web.Url(FixtureNews.FailingServerPath));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task Requests_are_counted_by_path_whatever_the_query()
    {
        await http.GetStringAsync(web.Url("/harbour-herald/local/?utm_source=test"));
        await http.GetStringAsync(web.Url("/harbour-herald/local/"));

        Assert.Equal(2, web.RequestsTo("/harbour-herald/local/"));
        Assert.Equal(2, web.RequestsTo(web.Url("/harbour-herald/local/?page=2").ToString()));
        Assert.Equal(0, web.RequestsTo("/wire-times/feed.rss"));
    }

    [Fact]
    public async Task Unchanged_file_answers_304_to_its_etag()
    {
        using var first = await http.GetAsync(web.Url("/wire-times/feed.rss"));
        using var again = new HttpRequestMessage(HttpMethod.Get, web.Url("/wire-times/feed.rss"));
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var second = await http.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task Malformed_feed_is_not_well_formed_xml()
    {
        var text = await http.GetStringAsync(web.Url("/wire-times/feeds/sport.rss"));

        Assert.ThrowsAny<System.Xml.XmlException>(() => XDocument.Parse(text));
    }

    [Fact]
    public async Task Every_furniture_string_is_on_the_served_pages()
    {
        var everything = string.Concat(await Task.WhenAll(
            FixtureNews.Stories.SelectMany(story => story.Copies)
                .Select(copy => copy.Path)
                .Where(path => path != FixtureNews.StoryWithMissingPage.Copies[0].Path)
                .Append("/harbour-herald/local/")
                .Append("/wire-times/feed.rss")
                .Select(path => http.GetStringAsync(web.Url(path)))));

        var absent = FixtureNews.PageFurniture.Where(furniture => !everything.Contains(furniture)).ToList();

        Assert.True(absent.Count == 0, "not on any page: " + string.Join(", ", absent));
    }

    [Fact]
    public void No_story_paragraph_contains_furniture()
    {
        var clashes =
            from story in FixtureNews.Stories
            from paragraph in story.Body.Paragraphs()
            from furniture in FixtureNews.PageFurniture
            where paragraph.Contains(furniture, StringComparison.Ordinal)
            select $"{story}: \"{furniture}\"";

        Assert.Empty(clashes);
    }

    [Fact]
    public void Every_story_has_several_paragraphs_of_sixty_words_or_more()
    {
        foreach (var story in FixtureNews.Stories)
        {
            var paragraphs = story.Body.Paragraphs();
            Assert.True(paragraphs.Count >= 3, $"{story}: {paragraphs.Count} paragraphs");
            Assert.All(paragraphs, paragraph => Assert.True(paragraph.Split(' ').Length >= 60, $"{story}: short paragraph \"{paragraph}\""));
        }
    }

    [Fact]
    public void Syndicated_copy_has_the_same_paragraphs_as_the_original()
    {
        var copies = FixtureNews.SyndicatedStory.Copies.Select(copy => StoryBody.OfPage(copy.Path).Paragraphs()).ToList();

        Assert.Equal(copies[0], copies[1]);
    }

    [Fact]
    public void Stories_are_distinct()
    {
        var firstParagraphs = FixtureNews.Stories.Select(story => story.Body.Paragraphs()[0]).ToList();

        Assert.Equal(firstParagraphs.Count, firstParagraphs.Distinct().Count());
    }
}
