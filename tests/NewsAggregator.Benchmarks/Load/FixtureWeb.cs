using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace NewsAggregator.Benchmarks.Load;

/// <summary>One publisher of the fixture web: its own loopback address, name and home town.</summary>
public sealed record Publisher(int Index, IPAddress Address, string Name, string Town);

/// <summary>
/// One article page of the fixture web. <see cref="Story"/> is the generator's truth: pages with
/// the same story carry the same body text (a syndicated copy keeps the original's paragraphs
/// under its own dateline and trailer); different stories share no more than chance allows.
/// </summary>
public sealed record FixtureArticle(
    Publisher Publisher, int Slot, int Story, bool IsCopy, string Title, DateTimeOffset Published,
    IReadOnlyList<string> Paragraphs, string Dateline, string? Trailer, int Layout)
{
    public string Path => string.Create(CultureInfo.InvariantCulture, $"/news/{Slot}-{Slug(Title)}.html");

    private static string Slug(string title)
    {
        var slug = new StringBuilder();
        foreach (var c in title.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
            if (slug.Length >= 60)
            {
                break;
            }
        }
        return slug.ToString().Trim('-');
    }
}

/// <summary>
/// The generated web the load benchmark serves: N publishers with A articles each, bodies made of
/// paragraphs of the evaluation set's true article texts. Each distinct story draws its paragraphs
/// from the whole set behind a local lead paragraph, and every fourth word of each is another word
/// of the set (see <see cref="Varied"/>); about <c>syndicated</c> of the articles are copies of
/// another publisher's story. Deterministic for a given seed. Pages are rendered once, as the bytes
/// the server sends.
/// </summary>
public sealed class FixtureWeb
{
    private static readonly string[] Towns =
        ["Ashford", "Brierley", "Calder", "Dunmore", "Eastwick", "Fairhaven", "Glenrock", "Harwick", "Ivybridge", "Kingsmere",
         "Larkhill", "Millbrook", "Northam", "Oakridge", "Portlow", "Queensbury", "Redcliff", "Stanmoor", "Thornbury", "Upton"];

    private static readonly string[] Sections = ["Home", "Local", "Politics", "Business", "Sport", "Culture", "Opinion", "Weather"];

    private static readonly string[] Agencies = ["AP", "Reuters", "AFP", "dpa"];

    private static readonly string[] Comments =
        ["Thanks for covering this, nobody else did.", "I was there and it was not like that at all.",
         "Who is paying for all of this?", "Great reporting as always.", "Finally some good news for once."];

    private FixtureWeb(IReadOnlyList<Publisher> publishers, IReadOnlyList<FixtureArticle> articles, int articlesPerPublisher, string stateScript)
    {
        Publishers = publishers;
        Articles = articles;
        ArticlesPerPublisher = articlesPerPublisher;
        StateScript = stateScript;
    }

    /// <summary>
    /// Where <see cref="MarkedPage"/> leaves room for <see cref="StateScript"/>: the server keeps that
    /// script once and writes it into every page it serves, so that large pages do not cost the
    /// benchmark's own memory a copy each.
    /// </summary>
    public const string StateMarker = "<!--state-->";

    /// <summary>
    /// The inline application state every page carries in its head (empty unless asked for): what
    /// makes many real news pages weigh a megabyte or more while their article is a few KB.
    /// </summary>
    public string StateScript { get; }

    public IReadOnlyList<Publisher> Publishers { get; }

    /// <summary>Every article, publisher by publisher: publisher p's slot s is at p * A + s.</summary>
    public IReadOnlyList<FixtureArticle> Articles { get; }

    public int ArticlesPerPublisher { get; }

    public static DateTimeOffset Epoch { get; } = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);

    /// <summary>Publisher i (0-based) at 127.1.0.1, 127.1.0.2 … 127.1.0.254, 127.1.1.1 …: no .0 or .255.</summary>
    public static IPAddress AddressOf(int index)
    {
        var block = index / 254;
        return new IPAddress([127, (byte)(1 + block / 256), (byte)(block % 256), (byte)(index % 254 + 1)]);
    }

    public static FixtureWeb Generate(int sources, int articlesPerSource, double syndicated, IReadOnlyList<string> trueTexts, int seed = 11, int stateBytes = 0)
    {
        var random = new Random(seed);
        var pool = trueTexts
            .SelectMany(t => t.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Split(' ').Length >= 12)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var words = pool.SelectMany(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        var publishers = Enumerable.Range(0, sources)
            .Select(i => new Publisher(i, AddressOf(i), string.Create(CultureInfo.InvariantCulture, $"The {Towns[i % Towns.Length]} Courier {i + 1}"), Towns[(i * 7 + 3) % Towns.Length]))
            .ToList();

        // First decide which slots are copies, then fill the originals, then point each copy at an
        // original of another publisher that this publisher does not already carry.
        var isCopy = new bool[sources * articlesPerSource];
        for (var i = 0; i < isCopy.Length; i++)
        {
            isCopy[i] = sources > 1 && random.NextDouble() < syndicated;
        }
        var articles = new FixtureArticle[isCopy.Length];
        var originals = new List<int>();
        for (var i = 0; i < articles.Length; i++)
        {
            if (!isCopy[i])
            {
                articles[i] = Original(publishers[i / articlesPerSource], i % articlesPerSource, originals.Count, pool, words, random);
                originals.Add(i);
            }
        }
        var carried = new HashSet<(int Publisher, int Story)>();
        for (var i = 0; i < articles.Length; i++)
        {
            var publisher = publishers[i / articlesPerSource];
            if (isCopy[i])
            {
                FixtureArticle source;
                do
                {
                    source = articles[originals[random.Next(originals.Count)]];
                }
                while (source.Publisher == publisher || carried.Contains((publisher.Index, source.Story)));
                articles[i] = Copy(source, publisher, i % articlesPerSource, random);
            }
            carried.Add((publisher.Index, articles[i].Story));
        }
        return new FixtureWeb(publishers, articles, articlesPerSource, State(stateBytes, words, new Random(seed)));
    }

    /// <summary>
    /// A JSON island of about <paramref name="bytes"/> bytes in a script element, as a site built on a
    /// client-side framework ships its page's data: records of ids, headlines, paths and flags that
    /// repeat in shape, so it compresses about as real ones do.
    /// </summary>
    private static string State(int bytes, string[] words, Random random)
    {
        if (bytes <= 0)
        {
            return "";
        }
        var json = new StringBuilder(bytes + 256);
        json.Append("<script type=\"application/json\" id=\"__APP_STATE__\">{\"items\":[");
        for (var i = 0; json.Length < bytes; i++)
        {
            var headline = string.Join(' ', Enumerable.Range(0, 6 + random.Next(6)).Select(_ => words[random.Next(words.Length)]));
            json.Append(CultureInfo.InvariantCulture,
                $"{(i == 0 ? "" : ",")}{{\"id\":{random.Next(1_000_000, 9_999_999)},\"headline\":\"{JsonEncodedText.Encode(headline)}\",\"path\":\"/news/{i}-{random.Next(100_000)}\",\"section\":\"{Sections[random.Next(Sections.Length)]}\",\"premium\":{(random.Next(4) == 0 ? "true" : "false")},\"views\":{random.Next(100_000)}}}");
        }
        json.Append("]}</script>");
        return json.ToString();
    }

    private static FixtureArticle Original(Publisher publisher, int slot, int story, string[] pool, string[] words, Random random)
    {
        var count = random.Next(6, 13);
        var picked = new HashSet<int>();
        while (picked.Count < count)
        {
            picked.Add(random.Next(pool.Length));
        }
        var paragraphs = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"Residents of {publisher.Town} were among the first to hear of it on {Epoch.AddMinutes(story).DayOfWeek}, when story {story} reached the newsroom of {publisher.Name} shortly after {random.Next(5, 12)} o'clock."),
        };
        paragraphs.AddRange(picked.Select(p => pool[p]));
        paragraphs = paragraphs.ConvertAll(paragraph => Varied(paragraph, words, random));
        var titleWords = paragraphs[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var title = string.Join(' ', titleWords.Take(Math.Min(titleWords.Length, 9))).TrimEnd(',', '.', ';', ':');
        return new FixtureArticle(publisher, slot, story, IsCopy: false, title, Epoch.AddMinutes(story % 1440),
            paragraphs, $"{publisher.Town.ToUpperInvariant()} — ", Trailer: null, Layout: random.Next(3));
    }

    /// <summary>
    /// The paragraph with every fourth word (from one of the first four, at random) replaced by a
    /// word drawn from the set's running text, so that words keep their frequencies in prose.
    /// </summary>
    /// <remarks>
    /// The set has a few thousand paragraphs, so a web of tens of thousands of stories draws each
    /// of them many times: unchanged, every pair of unrelated stories shared runs of words (their
    /// leads' template, and the paragraphs they drew alike), and a new story met 40 times the
    /// near-duplicate index's chance candidates that the set's own articles, real news of unrelated
    /// sites, give at the same number of stories (the benchmark prints both). Every run of five
    /// words (the shingle) now holds a drawn word, so two stories share one only where their draws
    /// agree. The text stays prose for the extractor: the sentences, their lengths and their
    /// punctuation are the set's.
    /// </remarks>
    private static string Varied(string paragraph, string[] words, Random random)
    {
        var tokens = paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = random.Next(4); i < tokens.Length; i += 4)
        {
            tokens[i] = words[random.Next(words.Length)];
        }
        return string.Join(' ', tokens);
    }

    /// <summary>
    /// The same words under another wrapper: its own dateline and agency credit, a trailer, sometimes
    /// cut by its last paragraph, but only when that keeps at least 85 % of the words: syndicated
    /// cuts keep 70–90 % of a story, and the worker's rule (NearDuplicateRule) expects at least 60 %.
    /// </summary>
    private static FixtureArticle Copy(FixtureArticle original, Publisher publisher, int slot, Random random)
    {
        var agency = Agencies[random.Next(Agencies.Length)];
        var words = original.Paragraphs.Select(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length).ToList();
        var cut = original.Paragraphs.Count >= 8 && random.Next(3) == 0 && words[^1] <= 0.15 * words.Sum();
        var paragraphs = cut ? original.Paragraphs.Take(original.Paragraphs.Count - 1).ToList() : original.Paragraphs;
        var trailer = random.Next(2) == 0
            ? string.Create(CultureInfo.InvariantCulture, $"Copyright {Epoch.Year} {agency}. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.")
            : "Reporting by Dana Whitfield; Editing by Tom Okafor";
        return new FixtureArticle(publisher, slot, original.Story, IsCopy: true, original.Title, original.Published.AddMinutes(random.Next(5, 180)),
            paragraphs, $"{original.Publisher.Town.ToUpperInvariant()} ({agency}) — ", trailer, Layout: random.Next(3));
    }

    public static Uri BaseUrl(Publisher publisher, int port) => new(string.Create(CultureInfo.InvariantCulture, $"http://{publisher.Address}:{port}/"));

    public static Uri FeedUrl(Publisher publisher, int port) => new(BaseUrl(publisher, port), "/feed.xml");

    public static Uri ArticleUrl(FixtureArticle article, int port) => new(BaseUrl(article.Publisher, port), article.Path);

    public IEnumerable<FixtureArticle> ArticlesOf(Publisher publisher) =>
        Enumerable.Range(publisher.Index * ArticlesPerPublisher, ArticlesPerPublisher).Select(i => Articles[i]);

    public static string RobotsTxt => "User-agent: *\nDisallow: /private/\nAllow: /\n";

    /// <summary>The publisher's articles a feed lists when only the first <paramref name="released"/> (by publication) are out; all when null.</summary>
    public IEnumerable<FixtureArticle> Released(Publisher publisher, int? released = null) =>
        ArticlesOf(publisher).OrderBy(a => a.Published).Take(released ?? ArticlesPerPublisher);

    /// <summary>The publisher's RSS feed, newest first: every article, or the first <paramref name="released"/> published.</summary>
    public string Feed(Publisher publisher, int port, int? released = null)
    {
        var xml = new StringBuilder();
        xml.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>\n");
        xml.Append(CultureInfo.InvariantCulture, $"<title>{Encode(publisher.Name)}</title><link>{BaseUrl(publisher, port)}</link><description>News from {publisher.Town}</description>\n");
        foreach (var article in Released(publisher, released).OrderByDescending(a => a.Published))
        {
            var url = ArticleUrl(article, port);
            var summary = article.Paragraphs[0].Length > 200 ? article.Paragraphs[0][..200] + "…" : article.Paragraphs[0];
            xml.Append(CultureInfo.InvariantCulture,
                $"<item><title>{Encode(article.Title)}</title><link>{url}</link><guid isPermaLink=\"true\">{url}</guid><pubDate>{article.Published.ToString("r", CultureInfo.InvariantCulture)}</pubDate><description>{Encode(summary)}</description></item>\n");
        }
        xml.Append("</channel></rss>\n");
        return xml.ToString();
    }

    /// <summary>The article page in one of three templates, each with the furniture an extractor has to leave out.</summary>
    public string Page(FixtureArticle article, int port) =>
        StateScript.Length == 0 ? MarkedPage(article, port) : MarkedPage(article, port).Replace(StateMarker, StateScript, StringComparison.Ordinal);

    /// <summary><see cref="Page"/> with <see cref="StateMarker"/> where its state script goes.</summary>
    public string MarkedPage(FixtureArticle article, int port)
    {
        var publisher = article.Publisher;
        var url = ArticleUrl(article, port);
        var html = new StringBuilder(16 * 1024);
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <title>{Encode(article.Title)} | {Encode(publisher.Name)}</title>
            <meta name="description" content="{Encode(article.Paragraphs[0])}">
            <meta property="og:title" content="{Encode(article.Title)}">
            <meta property="og:site_name" content="{Encode(publisher.Name)}">
            <meta property="article:published_time" content="{article.Published:yyyy-MM-ddTHH:mm:ssZ}">
            <link rel="canonical" href="{url}">
            <link rel="stylesheet" href="/static/site.css">
            {(StateScript.Length == 0 ? "" : StateMarker)}</head>

            """);
        var nav = string.Join("", Sections.Select(s => $"<li><a href=\"/section/{s.ToLowerInvariant()}\">{s}</a></li>"));
        var related = string.Join("", ArticlesOf(publisher).Where(a => a != article).Take(5)
            .Select(a => $"<li><a href=\"{a.Path}\">{Encode(a.Title)}</a></li>"));
        var share = "<a href=\"#\" class=\"share-facebook\">Share</a> <a href=\"#\" class=\"share-x\">Post</a> <a href=\"#\" class=\"share-mail\">Email</a>";
        var comments = string.Join("", Enumerable.Range(0, 1 + (article.Slot % 3))
            .Select(i => $"<li class=\"comment\"><span class=\"author\">reader{(article.Slot * 31 + i) % 97}</span><p>{Comments[(article.Slot + i) % Comments.Length]}</p></li>"));
        var body = Body(article);
        var time = article.Published.ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture);
        var byline = article.IsCopy ? "Staff and agencies" : $"By {publisher.Town} Desk";
        var footer = $"<footer><p>© {FixtureWeb.Epoch.Year} {Encode(publisher.Name)}. All rights reserved.</p><ul><li><a href=\"/about\">About us</a></li><li><a href=\"/contact\">Contact</a></li><li><a href=\"/privacy\">Privacy</a></li></ul></footer>";
        switch (article.Layout)
        {
            case 0:
                html.Append(CultureInfo.InvariantCulture, $"""
                    <body><header><a class="logo" href="/">{Encode(publisher.Name)}</a><nav><ul>{nav}</ul></nav></header>
                    <main><article><h1>{Encode(article.Title)}</h1><p class="byline">{byline}</p><time datetime="{article.Published:yyyy-MM-ddTHH:mm:ssZ}">{time}</time>
                    <div class="article-body">{body}</div>
                    <div class="share-bar">{share}</div></article>
                    <section class="related"><h2>Related stories</h2><ul>{related}</ul></section>
                    <section id="comments"><h2>Comments</h2><ol>{comments}</ol></section></main>
                    {footer}</body></html>
                    """);
                break;
            case 1:
                html.Append(CultureInfo.InvariantCulture, $"""
                    <body><div id="page"><div class="topbar"><span>{time}</span> <a href="/subscribe">Subscribe</a> <a href="/login">Sign in</a></div>
                    <div class="menu"><ul>{nav}</ul></div>
                    <div class="content"><div class="story"><h1 class="headline">{Encode(article.Title)}</h1><div class="meta">{byline} · {time}</div>
                    <div class="social">{share}</div>
                    <div class="story-text">{body}</div></div>
                    <div class="sidebar"><h3>Most read</h3><ol>{related}</ol><div class="ad">Advertisement</div></div></div>
                    <div class="comments"><h3>Join the conversation</h3><ul>{comments}</ul></div>
                    {footer}</div></body></html>
                    """);
                break;
            default:
                html.Append(CultureInfo.InvariantCulture, $"""
                    <body><header role="banner"><div class="brand"><a href="/">{Encode(publisher.Name)}</a></div><nav aria-label="Sections"><ul>{nav}</ul></nav></header>
                    <div class="breadcrumb"><a href="/">Home</a> › <a href="/section/local">Local</a></div>
                    <article class="post"><header><h1 class="entry-title">{Encode(article.Title)}</h1><span class="author">{byline}</span> <time>{time}</time></header>
                    <figure><img src="/img/{article.Slot}.jpg" alt=""><figcaption>File photo.</figcaption></figure>
                    <div class="entry-content">{body}</div>
                    <aside class="newsletter-signup"><p>Get the morning briefing in your inbox.</p><form><input type="email"><button>Sign up</button></form></aside>
                    <div class="share">{share}</div></article>
                    <aside class="more"><h2>More from {Encode(publisher.Town)}</h2><ul>{related}</ul></aside>
                    <section class="comments"><h2>{1 + (article.Slot % 3)} comments</h2><ul>{comments}</ul></section>
                    {footer}</body></html>
                    """);
                break;
        }
        return html.ToString();
    }

    /// <summary>
    /// Texts of <paramref name="article"/>'s page that are not its article, none of which should reach
    /// the stored text: its comments, the titles of its related stories (unless the body itself holds
    /// one: a title is the start of a paragraph, which another story may share) and the newsletter box.
    /// </summary>
    public static IEnumerable<string> Furniture(FixtureWeb web, FixtureArticle article) =>
        Enumerable.Range(0, 1 + (article.Slot % 3)).Select(i => Comments[(article.Slot + i) % Comments.Length])
            .Concat(web.ArticlesOf(article.Publisher).Where(a => a != article).Take(5).Select(a => a.Title)
                .Where(title => !article.Paragraphs.Any(p => p.Contains(title, StringComparison.Ordinal))))
            .Append("Get the morning briefing in your inbox.");

    private static string Body(FixtureArticle article)
    {
        var body = new StringBuilder();
        for (var i = 0; i < article.Paragraphs.Count; i++)
        {
            var text = i == 0 ? article.Dateline + article.Paragraphs[i] : article.Paragraphs[i];
            body.Append("<p>").Append(Encode(text)).Append("</p>\n");
        }
        if (article.Trailer is { } trailer)
        {
            body.Append("<p><em>").Append(Encode(trailer)).Append("</em></p>\n");
        }
        return body.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
