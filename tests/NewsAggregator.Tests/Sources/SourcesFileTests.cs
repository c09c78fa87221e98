using NewsAggregator.Sources;

namespace NewsAggregator.Tests.Sources;

public class SourcesFileTests
{
    [Fact]
    public void Valid_file_gives_every_source_with_defaults_filled_in()
    {
        var sources = SourcesFile.Load(FixturePath.Of("Sources", "valid.json"));

        Assert.Equal(["wire-top", "city-desk", "one-story"], sources.Select(s => s.Id));
        var wire = sources[0];
        Assert.Equal(SourceType.Rss, wire.Type);
        Assert.True(wire.Enabled);
        Assert.Equal(Source.DefaultInterval, wire.Interval);
        Assert.Equal(Source.DefaultMaxArticles, wire.MaxArticles);
        Assert.Null(wire.LinkSelector);
        Assert.True(wire.ExtractionRules.IsEmpty);

        var desk = sources[1];
        Assert.Equal(SourceType.Html, desk.Type);
        Assert.Equal("h2.headline a", desk.LinkSelector);
        Assert.Equal(TimeSpan.FromMinutes(15), desk.Interval);
        Assert.Equal("div.story-body", desk.ExtractionRules.ContentSelector);
        Assert.Equal([".inline-promo", "aside.related"], desk.ExtractionRules.RemoveSelectors);

        var story = sources[2];
        Assert.Equal(SourceType.Page, story.Type);
        Assert.Equal("file", story.Url.Scheme);
        Assert.False(story.Enabled);
        Assert.Equal(5, story.MaxArticles);
    }

    // Each message must let a user find the line to fix: the file, the source and the field.
    [Theory]
    [InlineData("missing-name.json", "source \"a\" (#0) field \"name\": missing")]
    [InlineData("missing-id.json", "source #0 field \"id\": missing")]
    [InlineData("invalid-id.json", "source #0 field \"id\"")]
    [InlineData("duplicate-id.json", "source #1 field \"id\": duplicate id \"a\" (first used by source #0)")]
    [InlineData("unknown-type.json", "source \"wire\" (#0) field \"type\": unknown type \"atom\"")]
    [InlineData("invalid-url.json", "source \"wire\" (#0) field \"url\": \"ftp://example.org/feed.xml\" is not an absolute http, https or file URL")]
    [InlineData("relative-url.json", "source \"wire\" (#0) field \"url\"")]
    [InlineData("path-not-url.json", "source \"wire\" (#0) field \"url\": \"/srv/feed.xml\" is not")]
    [InlineData("unknown-field.json", "source \"wire\" (#0) field \"linkSelectr\": unknown field")]
    [InlineData("invalid-selector.json", "source \"desk\" (#0) field \"linkSelector\": \"a[\" is not a valid CSS selector")]
    [InlineData("invalid-content-selector.json", "source \"desk\" (#0) field \"contentSelector\": \"div..body\" is not a valid CSS selector")]
    [InlineData("invalid-remove-selector.json", "source \"desk\" (#0) field \"removeSelectors[1]\": \"aside[\" is not a valid CSS selector")]
    [InlineData("remove-selectors-not-a-list.json", "source \"desk\" (#0) field \"removeSelectors\": expected an array of CSS selectors")]
    [InlineData("zero-interval.json", "source \"wire\" (#0) field \"intervalMinutes\": expected a whole number")]
    [InlineData("syntax-error.json", "invalid JSON at line 2")]
    [InlineData("duplicate-sources-key.json", "top-level field \"sources\" at line 5, column 3: given twice")]
    [InlineData("no-sources-array.json", "expected an object with a \"sources\" array")]
    [InlineData("empty-category-folder.json", "source \"wire\" (#0) field \"category\": expected folder names joined by '/'")]
    [InlineData("category-not-a-string.json", "source \"wire\" (#0) field \"category\": expected folder names joined by '/'")]
    public void Invalid_file_is_reported_with_file_source_and_field(string fixture, string expected)
    {
        var path = FixturePath.Of("Sources", fixture);

        var error = Assert.Throws<SourcesFileException>(() => SourcesFile.Load(path));

        Assert.StartsWith(path + ":", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("wire", true)]
    [InlineData("bbc.world_news-2", true)]
    [InlineData("a\n", false)] // $ would match before the final newline
    [InlineData("a\r\n", false)]
    [InlineData("\na", false)]
    [InlineData("-a", false)]
    [InlineData("", false)]
    public void Id_is_letters_digits_dots_dashes_and_underscores(string id, bool valid)
    {
        Assert.Equal(valid, SourcesFile.IsValidId(id));
    }

    [Theory]
    [InlineData("News", true)]
    [InlineData("News/Europe", true)]
    [InlineData("Nachrichten/Europa/Österreich", true)]
    [InlineData("", false)]
    [InlineData("/News", false)]
    [InlineData("News/", false)]
    [InlineData("News/ Europe", false)]
    [InlineData("News\tEurope", false)]
    public void Category_is_folder_names_joined_by_slashes(string category, bool valid)
    {
        var json = $$"""{ "sources": [ { "id": "w", "name": "W", "type": "rss", "url": "https://example.org/feed", "category": {{System.Text.Json.JsonSerializer.Serialize(category)}} } ] }""";

        if (valid)
        {
            Assert.Equal(category, Assert.Single(SourcesFile.Parse(json, "categories.json")).Category);
        }
        else
        {
            Assert.Contains("field \"category\"", Assert.Throws<SourcesFileException>(() => SourcesFile.Parse(json, "categories.json")).Message);
        }
    }

    [Fact]
    public void Missing_file_is_reported_by_name()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.json");

        var error = Assert.Throws<SourcesFileException>(() => SourcesFile.Load(path));

        Assert.StartsWith(path + ": cannot read the sources file", error.Message);
    }

    [Fact]
    public void Committed_sources_file_is_valid_and_ready_to_run()
    {
        var sources = SourcesFile.Load(System.IO.Path.Combine(RepositoryRoot.Path, "sources.json"));

        Assert.InRange(sources.Count, 8, 15);
        Assert.All(sources, source => Assert.Equal("https", source.Url.Scheme));
        Assert.Contains(sources, source => source.Type == SourceType.Rss);
    }
}
