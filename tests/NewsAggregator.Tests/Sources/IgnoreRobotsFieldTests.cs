using NewsAggregator.Sources;

namespace NewsAggregator.Tests.Sources;

public class IgnoreRobotsFieldTests
{
    private static IReadOnlyList<Source> Parse(string fields) =>
        SourcesFile.Parse($$"""{ "sources": [ { "id": "wire", "name": "Wire", "type": "rss", "url": "https://example.org/feed.xml"{{fields}} } ] }""", "sources.json");

    [Fact]
    public void Robots_txt_is_obeyed_unless_a_source_says_otherwise()
    {
        Assert.False(Parse("").Single().IgnoreRobots);
        Assert.True(Parse(""", "ignoreRobots": true""").Single().IgnoreRobots);
    }

    [Fact]
    public void IgnoreRobots_must_be_a_boolean()
    {
        var error = Assert.Throws<SourcesFileException>(() => Parse(""", "ignoreRobots": "yes" """));

        Assert.Equal("sources.json: source \"wire\" (#0) field \"ignoreRobots\": expected true or false", error.Message);
    }
}
