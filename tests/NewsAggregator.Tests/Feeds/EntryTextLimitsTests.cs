using System.Net;
using System.Text;
using NewsAggregator.Feeds;

namespace NewsAggregator.Tests.Feeds;

/// <summary>
/// Titles, author names and dates are single elements, so the feed limits do not bound them: a
/// feed can put a megabyte into one. Shaped to make a backtracking pattern try every split, such
/// text stalled the worker for minutes to hours; what is kept of it is cut to the length of a real
/// title or name. That it is now read in milliseconds is the benchmark's to measure
/// (<c>NewsAggregator.Benchmarks hostile</c>, which times these same shapes), not a test's.
/// </summary>
public class EntryTextLimitsTests
{
    private const int Megabyte = 1 << 20;

    private static readonly Uri FeedUrl = new("https://hostile.example.org/rss");

    /// <summary><paramref name="unit"/> repeated to at least <paramref name="length"/> characters, between <paramref name="before"/> and <paramref name="after"/>.</summary>
    private static string Repeated(string unit, int length = Megabyte, string before = "", string after = "")
    {
        var text = new StringBuilder(before, before.Length + length + unit.Length + after.Length);
        while (text.Length < before.Length + length)
        {
            text.Append(unit);
        }
        return text.Append(after).ToString();
    }

    /// <summary>Enough of a result to see what went wrong: the whole of a megabyte is no help in a failure message.</summary>
    private static string Start(string? text) => text is null ? "null" : $"{text.Length} characters: {text[..Math.Min(text.Length, 80)]}…";

    /// <summary>What <see cref="EntryText"/> keeps of a longer text: its first characters and an ellipsis, within the limit.</summary>
    private static string CutTo(int maxLength, string text) => text[..(maxLength - 1)] + "…";

    public static TheoryData<string, string, string> HostileTitles() => new()
    {
        // 733 ms for 32,000 characters before: every "<!--" searched the rest of the text for its "-->".
        { "unclosed comments", Repeated("<!--"), CutTo(EntryText.MaxTitleLength, Repeated("<!--", EntryText.MaxTitleLength)) },
        // The comment before the last "-->" is still stripped; the unclosed ones after it stay text.
        { "one closed comment, then unclosed ones", Repeated("<!--", before: "<!-- a -->Flood<br>warning ", after: "<b>end</b>"),
            CutTo(EntryText.MaxTitleLength, "Flood warning " + Repeated("<!--", EntryText.MaxTitleLength)) },
        // Each length of the would-be tag name was tried against the missing ">".
        { "a tag that never closes", Repeated("a", before: "Budget <"), CutTo(EntryText.MaxTitleLength, Repeated("a", EntryText.MaxTitleLength, "Budget <")) },
        { "a megabyte of tags", Repeated("<b>x</b> "), CutTo(EntryText.MaxTitleLength, Repeated("x ", EntryText.MaxTitleLength)) },
    };

    [Theory]
    [MemberData(nameof(HostileTitles))]
    public void A_hostile_megabyte_title_is_cut(string shape, string title, string expected)
    {
        var plain = EntryText.Plain(title);

        Assert.True(expected == plain, $"{shape}: {Start(plain)}");
        Assert.Equal(EntryText.MaxTitleLength, plain!.Length);
    }

    public static TheoryData<string, string, string?> HostileAuthors() => new()
    {
        // 235 ms for 8,000 characters before, about an hour for a megabyte: every "@" was tried against every other.
        { "at signs", Repeated("@"), CutTo(EntryText.MaxNameLength, Repeated("@", EntryText.MaxNameLength)) },
        // Worse: every "@" against every "." against the rest (seconds for 2,000 characters).
        { "at signs and dots before a space", Repeated("@.", after: " x"), CutTo(EntryText.MaxNameLength, Repeated("@.", EntryText.MaxNameLength)) },
        { "an address of at signs and dots is still an address", Repeated("@.", before: "a", after: "a"), null },
        { "every \"(\" tried as the start of the name", Repeated("(", before: "a@b", after: ")x)"), CutTo(EntryText.MaxNameLength, Repeated("(", EntryText.MaxNameLength, "a@b")) },
        { "an address in angle brackets that never closes", Repeated("@", before: "Jane <"), CutTo(EntryText.MaxNameLength, Repeated("@", EntryText.MaxNameLength, "Jane <")) },
        // The patterns see the whole text, so the name is found and then cut.
        { "address (a megabyte of name)", Repeated("Jane ", before: "jane@example.org (", after: ")"), CutTo(EntryText.MaxNameLength, Repeated("Jane ", EntryText.MaxNameLength)) },
        { "a megabyte of name <address>", Repeated("Jane ", after: "<jane@example.org>"), CutTo(EntryText.MaxNameLength, Repeated("Jane ", EntryText.MaxNameLength)) },
    };

    [Theory]
    [MemberData(nameof(HostileAuthors))]
    public void A_hostile_megabyte_author_is_cut(string shape, string author, string? expected)
    {
        var name = EntryText.PersonName(author);

        Assert.True(expected == name, $"{shape}: {Start(name)}");
    }

    [Theory]
    [InlineData("jane@example.org (Jane Doe)", "Jane Doe")]
    [InlineData("jane@example.org(Jane Doe)", "Jane Doe")]
    [InlineData("jane@example.org  (Jane (JD) Doe)", "jane@example.org (Jane (JD) Doe)")] // a name with ")" in it was never read out
    [InlineData("a@b(c)(Jane)", "Jane")] // the last "(" that starts a name is the one
    [InlineData("a@b(x()", "x(")]
    [InlineData("Jane Doe <jane@example.org>", "Jane Doe")]
    [InlineData("Jane Doe &lt;jane@example.org&gt;", "Jane Doe")]
    [InlineData("&quot;Jane Doe&quot; &lt;jane@example.org&gt;", "Jane Doe")]
    [InlineData("\"Jane Doe\" <jane@example.org>", "\"Jane Doe\"")] // unescaped, the address is a tag and stripped
    [InlineData("<b>Jane</b> Doe", "Jane Doe")]
    [InlineData("jane@example.org", null)]
    [InlineData("@janedoe", "@janedoe")]
    [InlineData("Jane Doe", "Jane Doe")]
    public void Names_read_as_before(string author, string? expected)
    {
        Assert.Equal(expected, EntryText.PersonName(author));
    }

    [Fact]
    public void Titles_and_names_up_to_their_limits_are_kept_whole_and_one_character_more_is_cut()
    {
        var title = Repeated("Headline ", EntryText.MaxTitleLength)[..EntryText.MaxTitleLength];
        var name = Repeated("Jane Doe ", EntryText.MaxNameLength)[..EntryText.MaxNameLength];

        Assert.Equal(title, EntryText.Plain(title));
        Assert.Equal(name, EntryText.PersonName(name));
        Assert.Equal(title[..^1] + "…", EntryText.Plain(title + "s"));
        Assert.Equal(name[..^1] + "…", EntryText.PersonName(name + "s"));
    }

    [Fact]
    public void A_cut_does_not_split_a_character_outside_the_basic_plane()
    {
        var title = new string('x', EntryText.MaxTitleLength - 2) + "😀 and more";

        var plain = EntryText.Plain(title);

        Assert.Equal(new string('x', EntryText.MaxTitleLength - 2) + "…", plain);
    }

    /// <summary>An RSS 2.0 feed of one item with <paramref name="fields"/>, titled <paramref name="channelTitle"/>.</summary>
    private static byte[] FeedWith(string fields, string channelTitle = "Hostile") => Encoding.UTF8.GetBytes(
        """<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>""" +
        $"<title>{channelTitle}</title><item><link>https://hostile.example.org/story</link>{fields}</item></channel></rss>");

    // Escaped as XML text: what the entry reader gets is the hostile text itself.
    private static string Xml(string text) => WebUtility.HtmlEncode(text);

    [Fact]
    public void A_feed_titled_with_a_megabyte_of_unclosed_comments_is_read_with_its_titles_cut()
    {
        var body = FeedWith($"<title>{Xml(Repeated("<!--", before: "<b>Floods</b> "))}</title>", channelTitle: Xml(Repeated("<!--")));

        var feed = FeedParser.Parse(body, FeedUrl);

        Assert.Equal(CutTo(EntryText.MaxTitleLength, Repeated("<!--", EntryText.MaxTitleLength)), feed.Title);
        Assert.Equal(CutTo(EntryText.MaxTitleLength, Repeated("<!--", EntryText.MaxTitleLength, "Floods ")), feed.Entries.Single().Title);
    }

    [Theory]
    [InlineData("author")]
    [InlineData("dc:creator")]
    public void A_feed_with_a_megabyte_author_is_read_with_the_name_cut(string element)
    {
        var body = FeedWith($"<title>Markets</title><{element}>{Xml(Repeated("@.", after: " x"))}</{element}>");

        var feed = FeedParser.Parse(body, FeedUrl);

        Assert.Equal(CutTo(EntryText.MaxNameLength, Repeated("@.", EntryText.MaxNameLength)), feed.Entries.Single().Author);
    }

    [Theory]
    [InlineData("unclosed comments", "(", "", "")]
    [InlineData("a fraction of a second that never ends, before a line break", "1", "Tue, 05 Mar 2024 14:30:00.", "\nx")]
    public void A_feed_with_a_megabyte_date_is_read_and_has_no_date(string shape, string unit, string before, string after)
    {
        var body = FeedWith($"<title>Markets</title><pubDate>{Repeated(unit, before: before, after: after)}</pubDate>");

        var feed = FeedParser.Parse(body, FeedUrl);

        Assert.True(feed.Entries.Single().PublishedAt is null, $"{shape}: {feed.Entries.Single().PublishedAt}");
    }
}
