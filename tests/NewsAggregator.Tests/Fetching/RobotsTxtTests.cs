using NewsAggregator.Fetching;

namespace NewsAggregator.Tests.Fetching;

public class RobotsTxtTests
{
    private const string Token = "NewsAggregator";

    // Every case is decided twice: on the whole file, and on the part kept in memory for our token.
    private static RobotsDecision Decide(string robots, string path)
    {
        var url = new Uri("https://news.example" + path);
        var parsed = RobotsTxt.Parse(robots);
        var decision = parsed.Decide(url, Token);
        Assert.Equal(decision, parsed.ForAgent(Token).Decide(url, Token));
        return decision;
    }

    [Theory]
    [InlineData("User-agent: *\nDisallow: /private/", "/private/story.html", false)]
    [InlineData("User-agent: *\nDisallow: /private/", "/public/story.html", true)]
    [InlineData("User-agent: *\nDisallow:", "/anything", true)] // an empty Disallow allows everything
    [InlineData("User-agent: *\nDisallow: /", "/robots.txt", true)] // robots.txt itself is always allowed
    [InlineData("", "/story.html", true)]
    // RFC 9309 2.2.2: the most specific (longest) match wins.
    [InlineData("User-agent: *\nDisallow: /news/\nAllow: /news/public/", "/news/public/story.html", true)]
    [InlineData("User-agent: *\nAllow: /news/\nDisallow: /news/drafts/", "/news/drafts/story.html", false)]
    // ... and Allow wins a tie.
    [InlineData("User-agent: *\nDisallow: /page\nAllow: /page", "/page", true)]
    // * matches any run of characters, $ anchors the end.
    [InlineData("User-agent: *\nDisallow: /*.pdf$", "/files/report.pdf", false)]
    [InlineData("User-agent: *\nDisallow: /*.pdf$", "/files/report.pdf?download=1", true)]
    [InlineData("User-agent: *\nDisallow: /*/amp/", "/2024/amp/story", false)]
    [InlineData("User-agent: *\nDisallow: /search$", "/search/results", true)]
    [InlineData("User-agent: *\nDisallow: /*?utm_", "/story?utm_source=x", false)]
    // Percent-escapes compare case-insensitively; non-ASCII compares as its UTF-8 escapes.
    [InlineData("User-agent: *\nDisallow: /caf%C3%A9/", "/caf%c3%a9/menu", false)]
    [InlineData("User-agent: *\nDisallow: /café/", "/caf%C3%A9/menu", false)]
    public void Rules_of_the_star_group_apply_by_longest_match(string robots, string path, bool allowed)
    {
        Assert.Equal(allowed, Decide(robots, path).Allowed);
    }

    [Fact]
    public void Our_own_group_is_used_instead_of_the_star_group()
    {
        const string robots = "User-agent: *\nDisallow: /\n\nUser-agent: newsaggregator\nAllow: /news/\nDisallow: /";

        Assert.True(Decide(robots, "/news/story.html").Allowed);
        Assert.False(Decide(robots, "/sport/story.html").Allowed);
    }

    [Fact]
    public void Product_token_matches_case_insensitively_and_ignores_a_version()
    {
        Assert.False(Decide("User-agent: NEWSAGGREGATOR/2.0\nDisallow: /", "/story").Allowed);
    }

    [Fact]
    public void Other_crawlers_groups_do_not_apply_to_us()
    {
        Assert.True(Decide("User-agent: GPTBot\nDisallow: /\n\nUser-agent: *\nAllow: /", "/story").Allowed);
    }

    [Fact]
    public void Consecutive_user_agent_lines_share_one_group_and_groups_for_us_merge()
    {
        const string robots = "User-agent: a\nUser-agent: NewsAggregator\nDisallow: /one/\n\nUser-agent: NewsAggregator\nDisallow: /two/";

        Assert.False(Decide(robots, "/one/x").Allowed);
        Assert.False(Decide(robots, "/two/x").Allowed);
        Assert.True(Decide(robots, "/three/x").Allowed);
    }

    [Fact]
    public void Comments_sitemaps_and_unknown_lines_are_ignored()
    {
        const string robots = "# house rules\nUser-agent: * # everyone\nSitemap: https://news.example/sitemap.xml\nCrawl-delay: 10\nDisallow: /tmp/ # scratch\nnonsense";

        Assert.False(Decide(robots, "/tmp/a").Allowed);
        Assert.True(Decide(robots, "/a").Allowed);
    }

    [Theory]
    [InlineData("User-agent: GPTBot\nDisallow: /\n\nUser-agent: CCBot\nDisallow: /a/\nDisallow: /b/\n\nUser-agent: *\nDisallow: /private/", 1)]
    [InlineData("User-agent: *\nDisallow: /private/\n\nUser-agent: NewsAggregator\nDisallow: /drafts/\nDisallow: /print/", 2)]
    [InlineData("User-agent: GPTBot\nDisallow: /", 0)]
    public void Only_the_rules_for_our_token_are_kept(string robots, int kept)
    {
        Assert.Equal(kept, RobotsTxt.Parse(robots).ForAgent(Token).RuleCount);
    }

    [Fact]
    public void Decision_names_the_rule_and_the_group()
    {
        var decision = Decide("User-agent: *\nDisallow: /private/", "/private/a");

        Assert.Equal("disallowed by robots.txt (\"Disallow: /private/\" for user-agent *)", decision.Reason);
    }
}
