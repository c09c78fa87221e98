using System.Globalization;
using NewsAggregator.Extraction;

namespace NewsAggregator.Tests.Extraction;

/// <summary>Each row: a fixture page, the URL it was fetched from, one field and the value expected for it.</summary>
public class MetadataTests
{
    private const string Gazette = "https://riverside.example/news/2024/03/05/tram-line?utm_source=feed";
    private const string Vigneron = "https://petitvigneron.example/vendanges-2023?ref=home";
    private const string Planet = "https://dailyplanet.example/lokales/bruecke-eroeffnet";
    private const string Harvest = "https://harvest.example/2019/11/19/festival-record.html";
    private const string Jornal = "https://jornal.example/cidade/chuva";
    private const string Harbour = "https://harbourpost.example/ferry-timetable";

    [Theory]
    // JSON-LD is the publisher's deliberate statement: it wins over <meta> that disagrees.
    [InlineData("jsonld-newsarticle.html", Gazette, "Title", "Council approves new tram line after decade of debate")]
    [InlineData("jsonld-newsarticle.html", Gazette, "Byline", "Amira Haddad, Tom Reilly")]
    [InlineData("jsonld-newsarticle.html", Gazette, "PublishedAt", "2024-03-05T12:30:00Z")]
    [InlineData("jsonld-newsarticle.html", Gazette, "SiteName", "Riverside Gazette")]
    [InlineData("jsonld-newsarticle.html", Gazette, "Language", "en-GB")]
    [InlineData("jsonld-newsarticle.html", Gazette, "CanonicalUrl", "https://riverside.example/news/2024/03/05/tram-line")]
    [InlineData("jsonld-newsarticle.html", Gazette, "ImageUrl", "https://cdn.riverside.example/img/tram.jpg")]
    [InlineData("jsonld-newsarticle.html", Gazette, "Description", "The line will link the station with the university by 2028.")]
    // OpenGraph alone: site suffix cut from the title, og:locale normalised, relative image made absolute, "Par" dropped.
    [InlineData("opengraph-only.html", Vigneron, "Title", "Les vendanges commencent tôt cette année")]
    [InlineData("opengraph-only.html", Vigneron, "SiteName", "Le Petit Vigneron")]
    [InlineData("opengraph-only.html", Vigneron, "Language", "fr-FR")]
    [InlineData("opengraph-only.html", Vigneron, "ImageUrl", "https://petitvigneron.example/images/vendanges.jpg")]
    [InlineData("opengraph-only.html", Vigneron, "CanonicalUrl", "https://petitvigneron.example/vendanges-2023")]
    [InlineData("opengraph-only.html", Vigneron, "Byline", "Claire Dubois")]
    [InlineData("opengraph-only.html", Vigneron, "PublishedAt", "2023-08-21T11:15:00Z")]
    [InlineData("opengraph-only.html", Vigneron, "Description", "La chaleur de l'été a avancé la récolte de deux semaines.")]
    // Nothing but markup: h1 for the title, a byline class, <time datetime>, Content-Language.
    [InlineData("markup-only.html", Planet, "Title", "Brücke über den Fluss nach drei Jahren Bauzeit eröffnet")]
    [InlineData("markup-only.html", Planet, "Byline", "Jonas Becker")]
    [InlineData("markup-only.html", Planet, "PublishedAt", "2022-06-10T07:00:00Z")]
    [InlineData("markup-only.html", Planet, "Language", "de-DE")]
    [InlineData("markup-only.html", Planet, "CanonicalUrl", "https://dailyplanet.example/lokales/bruecke-eroeffnet")]
    [InlineData("markup-only.html", Planet, "SiteName", null)]
    // The last resort for the date is the URL path.
    [InlineData("url-date-only.html", Harvest, "PublishedAt", "2019-11-19T00:00:00Z")]
    [InlineData("url-date-only.html", Harvest, "Title", "Harvest festival draws record crowds")]
    [InlineData("url-date-only.html", Harvest, "Language", null)]
    [InlineData("url-date-only.html", Harvest, "Byline", null)] // a twitter:creator handle is not a byline
    // schema.org microdata.
    [InlineData("microdata.html", Jornal, "Byline", "Mariana Lopes")]
    [InlineData("microdata.html", Jornal, "PublishedAt", "2021-02-14T21:45:00Z")]
    [InlineData("microdata.html", Jornal, "Language", "pt-BR")]
    // JSON-LD escaping half a surrogate pair ("\ud800"): that value, or a script whose property names do so, is passed over.
    [InlineData("jsonld-broken-escape.html", Harbour, "Title", "Ferry timetable changes from Monday")]
    [InlineData("jsonld-broken-escape.html", Harbour, "Byline", "Nadia Okafor")]
    [InlineData("jsonld-broken-escape.html", Harbour, "PublishedAt", "2024-11-04T06:00:00Z")]
    public void Field_is_read_from_the_best_source_on_the_page(string fixture, string url, string field, string? expected)
    {
        var article = new ArticleExtractor().Extract(ExtractionFixtures.Text("Metadata", fixture), new Uri(url));

        Assert.Equal(expected, Field(article, field));
    }

    [Fact]
    public void Published_time_is_utc()
    {
        var article = new ArticleExtractor().Extract(ExtractionFixtures.Text("Metadata", "opengraph-only.html"), new Uri(Vigneron));

        Assert.Equal(TimeSpan.Zero, article.PublishedAt?.Offset);
    }

    [Fact]
    public void A_relative_canonical_without_a_page_url_is_left_out()
    {
        var article = new ArticleExtractor().Extract(ExtractionFixtures.Text("Metadata", "jsonld-newsarticle.html"), null);

        Assert.Null(article.CanonicalUrl);
    }

    [Theory]
    [InlineData("Story headline here | Site Name", "Site Name", "Story headline here")]
    [InlineData("Site Name - Story headline that is long", "Site Name", "Story headline that is long")]
    [InlineData("Story headline - Section - Site Name", "Site Name", "Story headline")]
    [InlineData("Die Grossdaal Zeiding - Nochrichde - Die alt Kivvert Bruck am Dellebach gricht en nei Lewe", null, "Die alt Kivvert Bruck am Dellebach gricht en nei Lewe")] // the site's name and the section's, both short
    [InlineData("Margaret \"Peggy\" Dunmore Obituary (1938 - 2025) - Harlow Falls", null, "Margaret \"Peggy\" Dunmore Obituary (1938 - 2025)")] // a dash in brackets is the story's
    [InlineData("A long story headline with many words – Daily", null, "A long story headline with many words")]
    [InlineData("Daily :: A long story headline with many words", null, "A long story headline with many words")]
    [InlineData("Trump - Ukraine", null, "Trump - Ukraine")]
    [InlineData("Third case of plague in China as panic begins – ‘The plague is coming’", null, "Third case of plague in China as panic begins – ‘The plague is coming’")]
    [InlineData("   Just a   headline  ", null, "Just a headline")]
    public void Headline_loses_its_site_branding(string title, string? siteName, string expected)
    {
        Assert.Equal(expected, Headline.Clean(title, siteName, heading: null));
    }

    [Theory]
    [InlineData("en_us", "en-US")]
    [InlineData("EN", "en")]
    [InlineData("zh-hant-tw", "zh-Hant-TW")]
    [InlineData("de-DE, en", "de-DE")]
    [InlineData("x", null)]
    [InlineData("sl-rozaj-biske-1994-lipaw-solba-nedis", "sl-rozaj-biske-1994-lipaw-solba")] // at most 35 characters, in whole subtags
    [InlineData("zz-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab-ab", "zz-AB-AB-AB-AB-AB-AB-AB-AB-AB-AB-AB")]
    [InlineData("", null)]
    public void Language_tags_are_normalised(string raw, string? expected)
    {
        Assert.Equal(expected, LanguageTag.Normalize(raw));
    }

    private static string? Field(ExtractedArticle article, string field) => field switch
    {
        "Title" => article.Title,
        "Byline" => article.Byline,
        "PublishedAt" => article.PublishedAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        "Language" => article.Language,
        "SiteName" => article.SiteName,
        "CanonicalUrl" => article.CanonicalUrl,
        "ImageUrl" => article.ImageUrl,
        "Description" => article.Description,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}
