using NewsAggregator.Feeds;

namespace NewsAggregator.Tests.Feeds;

public class ArticleUrlShapeTests
{
    private static readonly Uri Page = new("https://www.example-news.com/world/");

    [Theory]
    [InlineData("Date segments /yyyy/mm/dd/", "https://www.example-news.com/world/2024/03/05/story", "Strong")]
    [InlineData("Date with a month name /yyyy/mon/dd/", "https://www.example-news.com/world/2024/mar/05/story", "Strong")]
    [InlineData("Date inside a slug", "https://www.example-news.com/news/2024-03-05-storm", "Strong")]
    [InlineData("Long numeric id", "https://www.example-news.com/news/world-europe-68475839", "Strong")]
    [InlineData("Slug of four or more words", "https://www.example-news.com/flood-defences-hold-in-saxony", "Strong")]
    [InlineData("Named .html page below a section", "https://www.example-news.com/world/storm.html", "Strong")]
    [InlineData("Script page with a numeric id", "https://www.example-news.com/news/story.php?id=4521", "Strong")]
    [InlineData("WordPress ?p= short link", "https://www.example-news.com/?p=12345", "Strong")]
    [InlineData("Short slug below a section is only weak", "https://www.example-news.com/science/comet-returns", "Weak")]
    [InlineData("www and bare host are one site", "https://example-news.com/world/2024/03/05/story", "Strong")]
    [InlineData("A news subdomain is the same site", "https://live.example-news.com/2024/03/05/story", "Strong")]
    [InlineData("One short segment is a section index", "https://www.example-news.com/business/", "None")]
    [InlineData("Two one-word segments are a subsection", "https://www.example-news.com/world/europe/", "None")]
    [InlineData("index.html is an index", "https://www.example-news.com/world/europe/index.html", "None")]
    [InlineData("One word .html at the root is a section", "https://www.example-news.com/sport.html", "None")]
    [InlineData("The page itself", "https://www.example-news.com/world", "None")]
    [InlineData("The site's front page", "https://www.example-news.com/", "None")]
    [InlineData("Another site", "https://www.other-news.com/world/2024/03/05/story", "None")]
    [InlineData("Same-named site under another registry", "https://www.example-news.co.uk/world/2024/03/05/story", "None")]
    [InlineData("Shop subdomain", "https://shop.example-news.com/2024/03/05/tote-bag-back-in-stock", "None")]
    [InlineData("Tag page", "https://www.example-news.com/tag/flooding-in-lower-saxony-2024", "None")]
    [InlineData("Category page", "https://www.example-news.com/category/world-news-and-analysis", "None")]
    [InlineData("Topic page", "https://www.example-news.com/topics/climate-crisis-and-energy", "None")]
    [InlineData("Author page", "https://www.example-news.com/author/anna-becker-the-reporter", "None")]
    [InlineData("Section page", "https://www.example-news.com/section/world-news-in-depth-today", "None")]
    [InlineData("Search", "https://www.example-news.com/search?q=flood", "None")]
    [InlineData("Search by query key", "https://www.example-news.com/world/2024/03/05/story?s=flood", "None")]
    [InlineData("Login", "https://www.example-news.com/login?return=/world/", "None")]
    [InlineData("Subscribe", "https://www.example-news.com/subscribe/digital-offer-three-months-free", "None")]
    [InlineData("About page even as .html", "https://www.example-news.com/about.html", "None")]
    [InlineData("Contact page", "https://www.example-news.com/contact-us", "None")]
    [InlineData("Privacy policy", "https://www.example-news.com/privacy-policy", "None")]
    [InlineData("Pagination by query", "https://www.example-news.com/world/?page=2", "None")]
    [InlineData("Pagination by path", "https://www.example-news.com/world/page/3", "None")]
    [InlineData("Feed by segment", "https://www.example-news.com/world/rss", "None")]
    [InlineData("Feed by extension", "https://www.example-news.com/world/2024/feed.xml", "None")]
    [InlineData("Image", "https://www.example-news.com/img/2024/03/05/flood-defences-hold.jpg", "None")]
    [InlineData("PDF", "https://www.example-news.com/reports/2024/03/05/annual-report-full-text.pdf", "None")]
    public void Url_shape(string rule, string url, string expected)
    {
        var verdict = ArticleUrlShape.Judge(new Uri(url), Page);
        Assert.True(expected == verdict.Evidence.ToString(), $"{rule}: {url} judged {verdict.Evidence} ({verdict.Reason})");
    }

    // A declared canonical URL is judged as a link on its own site's front page, without making that page's URL.
    [Theory]
    [InlineData("https://www.example-news.com/")]
    [InlineData("https://www.example-news.com")]
    [InlineData("https://www.example-news.com/?p=12345")]
    [InlineData("https://www.example-news.com/?page=2")]
    [InlineData("https://www.example-news.com//")]
    [InlineData("https://www.example-news.com/world/")]
    [InlineData("https://www.example-news.com/world/europe")]
    [InlineData("https://www.example-news.com/world/2024/03/05/story")]
    [InlineData("https://www.example-news.com/science/comet-returns")]
    [InlineData("https://www.example-news.com/tag/flooding-in-lower-saxony-2024")]
    [InlineData("https://www.example-news.com/news/story.php?id=4521")]
    [InlineData("https://www.example-news.com/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/%D0%BC%D0%BE%D1%81%D1%82-%D0%B7%D0%B0%D0%BA%D1%80%D1%8B%D1%82-%D0%BF%D0%BE%D1%81%D0%BB%D0%B5-%D1%82%D1%80%D0%B5%D1%89%D0%B8%D0%BD")]
    public void On_its_own_site_judges_as_against_the_front_page(string url)
    {
        var link = new Uri(url);
        Assert.Equal(ArticleUrlShape.Judge(link, new Uri(link, "/")), ArticleUrlShape.JudgeOnItsSite(link));
    }
}
