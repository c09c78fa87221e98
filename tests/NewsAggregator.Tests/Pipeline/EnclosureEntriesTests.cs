using NewsAggregator.Pipeline;
using NewsAggregator.Sources;
using NewsAggregator.Tests.Resilience;
using NewsAggregator.Tests.Storage;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Pipeline;

/// <summary>
/// Two passes over a podcast (RSS), a video feed (Atom) and a JSON Feed that carries one of the
/// podcast's episodes too (Fixtures/Enclosures), served over HTTP on loopback. Entries that are
/// their enclosure are stored from the feed with it, no media file is ever requested, an article
/// with a picture is still fetched as a page, and nothing fails on either pass.
/// </summary>
public sealed class EnclosureEntriesTests : IAsyncLifetime, IDisposable
{
    private static readonly (string Id, string Feed, string ContentType)[] Feeds =
    [
        ("harbour-radio", "/harbour-radio/feed.rss", "application/rss+xml"),
        ("city-news", "/city-news/feed.atom", "application/atom+xml"),
        ("night-shift", "/night-shift/feed.json", "application/feed+json"),
    ];

    private readonly TemporaryDatabase _files = new();
    private FixtureWeb _web = null!;
    private IReadOnlyList<SourcePassResult> _first = null!;
    private IReadOnlyList<SourcePassResult> _second = null!;

    public async Task InitializeAsync()
    {
        _web = await FixtureWeb.StartAsync(Path.Combine(FixturePaths.Root, "Enclosures"));
        var sources = Feeds.Select(f => new Source { Id = f.Id, Name = f.Id, Type = SourceType.Rss, Url = _web.Url(f.Feed) }).ToList();
        _first = await InProcessRun.RunAsync(_files.Path, sources, InProcessRun.QuickOptions());

        // The feeds again without validators, so the second pass reads every entry instead of a 304.
        foreach (var (_, feed, contentType) in Feeds)
        {
            var body = File.ReadAllText(Path.Combine(FixturePaths.Root, "Enclosures", feed.TrimStart('/')))
                .Replace("{{base}}", _web.BaseUrl.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal);
            _web.Program(feed, new ProgrammedResponse(200, contentType, body));
        }
        _second = await InProcessRun.RunAsync(_files.Path, sources, InProcessRun.QuickOptions());
    }

    public async Task DisposeAsync() => await _web.DisposeAsync();

    public void Dispose() => _files.Dispose();

    public static TheoryData<string, string, string, string?, long?, string> StoredEntries() => new()
    {
        // rule, the article's URL (path), its enclosure (path), type, length, a piece of its text ("" for none)
        { "RSS: an episode without a link is stored at its file's URL, with the feed's text",
            "/media/harbour-radio/ep12.mp3", "/media/harbour-radio/ep12.mp3", "audio/mpeg", 24576000, "Where the tide goes when it goes out" },
        { "RSS: an episode whose link is its file is stored without text when the feed gives none",
            "/media/harbour-radio/ep11.mp3", "/media/harbour-radio/ep11.mp3", "audio/mpeg", 18000000, "" },
        { "RSS: show notes on a page are fetched and stored with the episode's enclosure",
            "/harbour-radio/episodes/10.html", "/media/harbour-radio/ep10.mp3", "audio/mpeg", 20000000, "Orange Seven came back to the same chimney" },
        { "RSS: an episode page that is only a player is stored from the feed with its enclosure, not failed",
            "/harbour-radio/episodes/9.html", "/media/harbour-radio/ep9.mp3", "audio/mpeg", null, "" },
        { "Media RSS: media:content alone is the episode",
            "/media/harbour-radio/ep8.m4a", "/media/harbour-radio/ep8.m4a", "audio/mp4", 9000000, "" },
        { "Atom: an entry with only rel=enclosure is stored with its summary",
            "/media/city-news/council-0305.mp4", "/media/city-news/council-0305.mp4", "video/mp4", 734003200, "The whole meeting of 5 March, unedited" },
        { "Atom: an article with a picture as enclosure is fetched as a page, and keeps the picture",
            "/city-news/2024/bridge.html", "/media/city-news/bridge.jpg", "image/jpeg", 245000, "iron crossing built in 1887" },
        { "JSON Feed: an attachment with a relative URL, content_text in paragraphs",
            "/media/night-shift/night-ferry.webm", "/media/night-shift/night-ferry.webm", "video/webm", null,
            "Forty minutes on the last ferry of the night.\n\nNo narration, just the engines." },
    };

    [Theory]
    [MemberData(nameof(StoredEntries))]
    public void Entries_are_stored_with_their_enclosure(string rule, string path, string enclosure, string? type, long? length, string text)
    {
        var row = Articles().SingleOrDefault(a => a.Url == _web.Url(path).ToString());
        Assert.True(row is not null, $"{rule}: no article at {path}; stored: {string.Join(", ", Articles().Select(a => a.Url))}");
        Assert.True((_web.Url(enclosure).ToString(), type, length) == (row.EnclosureUrl, row.EnclosureType, row.EnclosureLength),
            $"{rule}: enclosure {row.EnclosureUrl} {row.EnclosureType} {row.EnclosureLength}");
        Assert.True(text.Length == 0 ? row.Text.Length == 0 : row.Text.Contains(text, StringComparison.Ordinal),
            $"{rule}: text \"{row.Text}\"");
        Assert.False(string.IsNullOrEmpty(row.Title), $"{rule}: no title");
    }

    [Fact]
    public void No_media_file_is_ever_requested_and_pages_are_fetched_once()
    {
        var requests = _web.RequestCounts();
        Assert.DoesNotContain(requests.Keys, path => path.StartsWith("/media/", StringComparison.Ordinal));
        Assert.Equal(1, _web.RequestsTo("/city-news/2024/bridge.html"));
        Assert.Equal(1, _web.RequestsTo("/harbour-radio/episodes/10.html"));
        Assert.Equal(1, _web.RequestsTo("/harbour-radio/episodes/9.html"));
    }

    [Fact]
    public void Nothing_fails_on_either_pass_and_the_second_pass_knows_every_entry()
    {
        Assert.All(_first.Concat(_second), result => Assert.True((result.Error, result.Failed) == (null, 0), $"{result.SourceId}: {result.Error}, {result.Failed} failed"));
        Assert.Equal(8, _first.Sum(r => r.NewArticles));
        Assert.Equal(1, _first.Sum(r => r.Duplicates));
        Assert.Equal(
            [("city-news", 0, 2), ("harbour-radio", 0, 5), ("night-shift", 0, 2)],
            _second.Select(r => (r.SourceId, r.NewArticles, r.Known)).OrderBy(r => r.SourceId).ToArray());
        Assert.Contains("episodes/9.html: no article text found on the page; stored from the feed with its enclosure",
            _files.Scalar("SELECT entry_problems FROM runs WHERE source_id = 'harbour-radio' ORDER BY id LIMIT 1") as string);
    }

    [Fact]
    public void One_episode_carried_by_two_feeds_is_one_article_seen_by_both()
    {
        var url = _web.Url("/media/harbour-radio/ep12.mp3").ToString();
        Assert.Single(Articles(), a => a.Url == url);
        var seenBy = StoredRows.Read(_files.Path).Sightings.Where(s => s.Url == url).Select(s => s.SourceId).Order().ToArray();
        Assert.Equal(["harbour-radio", "night-shift"], seenBy);
    }

    [Fact]
    public void The_feed_s_language_is_kept_when_there_is_no_page_to_say_it()
    {
        Assert.Equal("en", _files.Scalar($"SELECT language FROM articles WHERE url = '{_web.Url("/media/night-shift/night-ferry.webm")}'"));
    }

    private sealed record Row(string Url, string? Title, string Text, string? EnclosureUrl, string? EnclosureType, long? EnclosureLength);

    private List<Row> Articles()
    {
        using var connection = _files.OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT url, title, text, enclosure_url, enclosure_type, enclosure_length FROM articles ORDER BY id";
        using var reader = command.ExecuteReader();
        var rows = new List<Row>();
        while (reader.Read())
        {
            rows.Add(new Row(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetInt64(5)));
        }
        return rows;
    }
}
