using System.Diagnostics;
using System.Globalization;
using System.Text;
using NewsAggregator.Dedup;
using NewsAggregator.Extraction;
using NewsAggregator.Feeds;
using static NewsAggregator.Benchmarks.Hostile.HostileInputs;

namespace NewsAggregator.Benchmarks.Hostile;

/// <summary>
/// Inputs shaped to stall a parser or a backtracking pattern (megabyte titles, feeds nested a
/// million deep, half a megabyte of class name), each timed against the bound it should stay
/// under. Before their fixes these took from seconds to hours; the unit tests check what each
/// gives (refused, the message, the cut), this checks that it stays fast, which a test cannot do
/// without depending on the machine it runs on. Every case runs <c>--rounds</c> times (3); the
/// slowest round is judged, so the first, with its JIT compilation, counts.
/// Prints one row per case: its bound, the slowest and the fastest round, met or NOT met, and what
/// it gave. Exit code 1 when a bound is not met.
/// </summary>
public static class HostileInputBenchmark
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(2);
    private static readonly string[] Headings = ["CASE", "BOUND", "SLOWEST", "FASTEST", "BOUND MET", "OUTCOME"];
    private static readonly Uri FeedUrl = new("https://hostile.example.org/rss");

    private sealed record HostileCase(string Name, TimeSpan Bound, Func<string> Run);

    public static int Run(string[] args)
    {
        var rounds = int.Parse(BenchmarkArgs.Option(args, "--rounds", "3"), CultureInfo.InvariantCulture);
        var cases = FeedCases().Concat(EntryTextCases()).Concat(PageCases()).ToList();
        Console.WriteLine($"hostile inputs: {cases.Count} cases, the slowest of {rounds} rounds judged; {Environment.ProcessorCount} cores");

        var rows = new List<string[]> { Headings };
        var unmet = 0;
        foreach (var hostile in cases)
        {
            var times = new List<TimeSpan>();
            var outcome = "";
            for (var round = 0; round < rounds; round++)
            {
                var started = Stopwatch.GetTimestamp();
                outcome = hostile.Run();
                times.Add(Stopwatch.GetElapsedTime(started));
            }
            var met = times.Max() < hostile.Bound;
            unmet += met ? 0 : 1;
            rows.Add([hostile.Name, Milliseconds(hostile.Bound), Milliseconds(times.Max()), Milliseconds(times.Min()), met ? "met" : "NOT met", outcome]);
        }
        Console.Write(Table(rows));
        Console.WriteLine(unmet == 0 ? "every bound met" : $"{unmet} of {cases.Count} bounds NOT met");
        return unmet == 0 ? 0 : 1;
    }

    // Each of these was read in tens of milliseconds when the limits came in; before them the
    // smallest took most of a minute of CPU. The bound is what the tests once asserted.
    private static IEnumerable<HostileCase> FeedCases()
    {
        yield return Feed("feed nested 100,000 deep", () => NestedRss(100_000));
        yield return Feed("feed nested 1,000,000 deep", () => NestedRss(1_000_000));
        yield return Feed("feed of 1,000,000 empty elements", () => RssDescribedBy(Repeated("<br/>", 5_000_000)));
        yield return Feed("JSON Feed nested 1,000,000 deep", () => JsonFeedWith(Repeated("[", 1_000_000) + Repeated("]", 1_000_000)));
        yield return Feed(string.Create(CultureInfo.InvariantCulture, $"JSON Feed of {FeedLimits.MaxElements + 1:N0} values"),
            () => JsonFeedWith("[" + Repeated("0,", 2 * FeedLimits.MaxElements) + "0]"));
        yield return Feed("text split by 250,000 comments", () => RssDescribedBy(Repeated("w<!-- -->", 250_000 * 9)));
        yield return Feed("200,000 unclosed CDATA sections", () => RssDescribedBy(Repeated("<![CDATA[", 200_000 * 9)));
    }

    // Single elements the feed limits do not bound: minutes to hours before, milliseconds now.
    private static IEnumerable<HostileCase> EntryTextCases()
    {
        yield return Title("title: unclosed comments", Repeated("<!--"));
        yield return Title("title: one closed comment, then unclosed ones", Repeated("<!--", before: "<!-- a -->Flood<br>warning ", after: "<b>end</b>"));
        yield return Title("title: a tag that never closes", Repeated("a", before: "Budget <"));
        yield return Title("title: a megabyte of tags", Repeated("<b>x</b> "));
        yield return Author("author: at signs", Repeated("@"));
        yield return Author("author: at signs and dots before a space", Repeated("@.", after: " x"));
        yield return Author("author: an address of at signs and dots", Repeated("@.", before: "a", after: "a"));
        yield return Author("author: every \"(\" a start of the name", Repeated("(", before: "a@b", after: ")x)"));
        yield return Author("author: angle brackets that never close", Repeated("@", before: "Jane <"));
        yield return Author("author: address (a megabyte of name)", Repeated("Jane ", before: "jane@example.org (", after: ")"));
        yield return Author("author: a megabyte of name <address>", Repeated("Jane ", after: "<jane@example.org>"));
        yield return Feed("feed titled with a megabyte of unclosed comments",
            () => RssItemWith($"<title>{Xml(Repeated("<!--", before: "<b>Floods</b> "))}</title>", channelTitle: Xml(Repeated("<!--"))));
        foreach (var element in new[] { "author", "dc:creator" })
        {
            yield return Feed($"feed with a megabyte <{element}>",
                () => RssItemWith($"<title>Markets</title><{element}>{Xml(Repeated("@.", after: " x"))}</{element}>"));
        }
        yield return Feed("feed with a megabyte date: unclosed comments", () => RssItemWith($"<title>Markets</title><pubDate>{Repeated("(")}</pubDate>"));
        yield return Feed("feed with a megabyte date: endless fraction of a second",
            () => RssItemWith($"<title>Markets</title><pubDate>{Repeated("1", before: "Tue, 05 Mar 2024 14:30:00.", after: "\nx")}</pubDate>"));
    }

    private static IEnumerable<HostileCase> PageCases()
    {
        // Only the first 4 KB are prescanned, so one page cost at most about 150 ms before (40 ms
        // for "<meta c"); a hundred of them make the difference plain.
        foreach (var tag in new[] { "<html ", "<html lang", "<meta c" })
        {
            var body = Encoding.Latin1.GetBytes(Repeated(tag, 8192) + "caf\u00E9");
            yield return new HostileCase($"charset prescan: 100 heads of \"{tag}\"", TimeSpan.FromSeconds(1), () =>
            {
                var codePage = 0;
                for (var page = 0; page < 100; page++)
                {
                    codePage = PageDecoder.Choose(body, null).CodePage;
                }
                return $"code page {codePage}";
            });
        }

        // From seconds ("tweet") to about twenty minutes ("embed") before.
        var extractor = new ArticleExtractor();
        foreach (var unit in new[] { "embed", "tweet", "socialembe" })
        {
            const string prose = "The river rose through the night and the town's volunteers filled sandbags until the water turned at dawn.";
            var html = $"<html><body><article><div class=\"{Repeated(unit, 1 << 19)}\"><p>{prose}</p></div></article></body></html>";
            yield return new HostileCase($"extraction: half a megabyte of class \"{unit}…\"", Generous,
                () => extractor.Extract(html, null).Text == prose ? "the prose kept" : "the prose LOST");
        }

        // Each post's header asks whether the feed holds three articles. Counting all of them, as it
        // once did, cost the square of the posts; the page's element limit keeps about 5 000 of these.
        var posts = string.Concat(Enumerable.Range(0, 20_000).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"<article><header><h2>Update {i}: the council met again</h2></header><p>The council met again to discuss item {i} of the agenda, and members spoke at length about the roads.</p></article>")));
        var liveBlog = $"<html><body><main><h1>Live: the council</h1><div>{posts}</div></main></body></html>";
        yield return new HostileCase("extraction: a live blog of 20,000 posts", Generous,
            () => string.Create(CultureInfo.InvariantCulture, $"{extractor.Extract(liveBlog, null).Text.Length:N0} characters of text"));

        // "AB, " and a thousand spaces took seconds before, ten thousand most of an hour.
        foreach (var rest in new[] { "— Work starts in spring.", "Work starts in spring.", "(AP) — Work starts in spring." })
        {
            var paragraph = "AB, " + new string(' ', 100_000) + rest;
            yield return new HostileCase($"dateline: 100,000 spaces, then \"{rest[..10]}…\"", Generous,
                () => string.Create(CultureInfo.InvariantCulture, $"{SyndicationWrapper.WithoutDateline(paragraph).Length:N0} characters left"));
        }
    }

    /// <summary>A feed built once (its building is not timed), then parsed: what it gave, or why it was refused.</summary>
    private static HostileCase Feed(string name, Func<byte[]> build)
    {
        var body = build();
        return new HostileCase(name, Generous, () =>
        {
            try
            {
                var feed = FeedParser.Parse(body, FeedUrl);
                var entry = feed.Entries.Count > 0 ? feed.Entries[0] : null;
                return $"read: {feed.Entries.Count} {(feed.Entries.Count == 1 ? "entry" : "entries")}, title {feed.Title?.Length ?? 0} characters, " +
                       $"entry title {entry?.Title?.Length ?? 0}, author {entry?.Author?.Length ?? 0}";
            }
            catch (FeedFormatException e)
            {
                var message = e.Message.Replace($"The feed at {FeedUrl} ", "", StringComparison.Ordinal)
                    .Replace($"The JSON Feed at {FeedUrl} ", "", StringComparison.Ordinal);
                return "refused: " + (message.Length > 60 ? message[..60] + "…" : message);
            }
        });
    }

    private static HostileCase Title(string name, string title) =>
        new(name, Generous, () => $"{EntryText.Plain(title)?.Length ?? 0} characters kept");

    private static HostileCase Author(string name, string author) =>
        new(name, Generous, () => EntryText.PersonName(author) is { } kept ? $"{kept.Length} characters kept" : "no name (an address)");

    private static string Milliseconds(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalMilliseconds:0} ms");

    private static string Table(List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(column => rows.Max(row => row[column].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.AppendLine(string.Join("  ", row.Select((cell, column) => column == row.Length - 1 ? cell : cell.PadRight(widths[column]))));
        }
        return text.ToString();
    }
}
