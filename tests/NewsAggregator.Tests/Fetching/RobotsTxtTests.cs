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
    // ... a character outside the BMP as its four bytes, not each half of its surrogate pair.
    [InlineData("User-agent: *\nDisallow: /😀/", "/%F0%9F%98%80/menu", false)]
    [InlineData("User-agent: *\nDisallow: /%F0%9F%98%80/", "/😀/menu", false)]
    [InlineData("User-agent: *\nDisallow: /😀/", "/%F0%9F%98%81/menu", true)]
    // RFC 9309 2.2.2: an escaped unreserved character is the character itself, on either side ...
    [InlineData("User-agent: *\nDisallow: /%41", "/A", false)]
    [InlineData("User-agent: *\nDisallow: /%7euser/", "/~user/page", false)]
    [InlineData("User-agent: *\nDisallow: /~user/", "/%7Euser/page", false)]
    [InlineData("User-agent: *\nDisallow: /%41", "/B", true)]
    // ... so the same rule written both ways ties, and Allow wins: measured as normalised (the
    // escaped Disallow is not the longer) and matched as normalised (the escaped Allow applies).
    [InlineData("User-agent: *\nDisallow: /%41\nAllow: /A", "/A", true)]
    [InlineData("User-agent: *\nDisallow: /A\nAllow: /%41", "/A", true)]
    // ... while other escapes stay escapes: %2F is not a path separator, %2A not a wildcard.
    [InlineData("User-agent: *\nDisallow: /a%2Fb", "/a/b", true)]
    [InlineData("User-agent: *\nDisallow: /a%2A", "/abc", true)]
    // RFC 9309 2.2: CR alone, LF and CRLF all end a line.
    [InlineData("User-agent: *\rDisallow: /\r", "/story", false)]
    [InlineData("User-agent: *\r\nDisallow: /private/\r\n", "/private/a", false)]
    // A file read as one line allows everything, so the third line must be the one that disallows.
    [InlineData("User-agent: *\rAllow: /private/\rDisallow: /private/closed/", "/private/closed/a", false)]
    public void Rules_of_the_star_group_apply_by_longest_match(string robots, string path, bool allowed)
    {
        Assert.Equal(allowed, Decide(robots, path).Allowed);
    }

    // A robots.txt as served, bytes and all: a UTF-8 byte order mark is not part of the first key.
    [Theory]
    [InlineData("\uFEFFUser-agent: *\nDisallow: /", "/story", false)]
    [InlineData("\uFEFFUser-agent: NewsAggregator\nDisallow: /private/", "/private/a", false)]
    [InlineData("User-agent: *\nDisallow: /", "/story", false)]
    public void Body_bytes_are_read_as_UTF_8_without_a_byte_order_mark(string robots, string path, bool allowed)
    {
        var url = new Uri("https://news.example" + path);
        Assert.Equal(allowed, RobotsTxt.Parse(System.Text.Encoding.UTF8.GetBytes(robots)).Decide(url, Token).Allowed);
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
