using Microsoft.Data.Sqlite;
using NewsAggregator.Fetching;
using NewsAggregator.Pipeline;
using NewsAggregator.Sources;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Resilience;

/// <summary>
/// One pass over every fault of <see cref="FaultWeb"/>, each behind a source of its own, beside a
/// well-behaved feed: what the run returned and left in the database, and what the server saw.
/// Fetch limits are small so the run is quick (a three-second deadline, a 1 MB body cap).
/// </summary>
public sealed class FaultRun : IAsyncLifetime
{
    public static readonly FetchOptions Options = new()
    {
        Timeout = TimeSpan.FromSeconds(3),
        ConnectTimeout = TimeSpan.FromSeconds(1),
        MaxBodyBytes = 1_000_000,
        MaxRedirects = 5,
        MaxConcurrentPerHost = 4,
        MinDelayPerHost = TimeSpan.FromMilliseconds(5),
        MaxRetries = 2,
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        MaxRetryAfterWait = TimeSpan.FromSeconds(1),
    };

    private readonly TempWorkspace _workspace = new();

    public FaultWeb Web { get; private set; } = null!;
    public IReadOnlyList<SourcePassResult> Results { get; private set; } = null!;
    public DatabaseSnapshot After { get; private set; } = null!;
    public string DatabasePath => _workspace.DatabasePath;

    /// <summary>(source id, type, URL) of every source of the run.</summary>
    public IReadOnlyList<Source> Sources { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var secret = _workspace.WriteFile("secret.txt", FaultWeb.Secret);
        Web = await FaultWeb.StartAsync(secret);
        Sources =
        [
            Source("good", SourceType.Rss, Web.Url("/good/feed.xml")),
            Source("http-500", SourceType.Page, Web.OwnHostUrl("http-500", "/fault/500")),
            Source("http-503", SourceType.Rss, Web.OwnHostUrl("http-503", "/fault/503")),
            Source("http-429", SourceType.Rss, Web.OwnHostUrl("http-429", "/fault/429")),
            Source("hang", SourceType.Page, Web.OwnHostUrl("hang", "/fault/hang")),
            Source("trickle", SourceType.Page, Web.OwnHostUrl("trickle", "/fault/trickle")),
            Source("reset", SourceType.Page, Web.OwnHostUrl("reset", "/fault/reset")),
            Source("truncated", SourceType.Rss, Web.OwnHostUrl("truncated", "/fault/truncated.xml")),
            Source("huge", SourceType.Page, Web.OwnHostUrl("huge", "/fault/huge")),
            Source("huge-feed", SourceType.Rss, Web.OwnHostUrl("huge-feed", "/fault/huge")),
            Source("bomb", SourceType.Page, Web.OwnHostUrl("bomb", "/fault/bomb")),
            Source("redirect-loop", SourceType.Page, Web.OwnHostUrl("redirect-loop", "/fault/loop-a")),
            Source("pdf", SourceType.Page, Web.OwnHostUrl("pdf", "/fault/report.pdf")),
            Source("pdf-as-html", SourceType.Page, Web.OwnHostUrl("pdf-as-html", "/fault/report.html")),
            Source("image", SourceType.Page, Web.OwnHostUrl("image", "/fault/photo.html")),
            Source("xxe", SourceType.Rss, Web.OwnHostUrl("xxe", "/fault/xxe.xml")),
            Source("malformed", SourceType.Rss, Web.OwnHostUrl("malformed", "/fault/malformed.xml")),
            Source("deep-feed", SourceType.Rss, Web.OwnHostUrl("deep-feed", "/fault/deep.xml")),
            Source("wrong-charset", SourceType.Page, Web.OwnHostUrl("wrong-charset", "/fault/wrong-charset.html")),
            Source("bogus-charset", SourceType.Page, Web.OwnHostUrl("bogus-charset", "/fault/bogus-charset.html")),
            Source("lying-charset-feed", SourceType.Rss, Web.Url("/fault/lying-charset.xml")),
            Source("public-feed", SourceType.Rss, Web.Url(FaultWeb.PublicHost, "/public/feed.xml")),
        ];

        Results = await InProcessRun.RunAsync(DatabasePath, Sources, Options, Web.Resolver);
        After = StoredRows.Read(DatabasePath);
    }

    public async Task DisposeAsync()
    {
        await Web.DisposeAsync();
        _workspace.Dispose();
    }

    public SourcePassResult ResultOf(string sourceId) => Results.Single(r => r.SourceId == sourceId);

    public IReadOnlyList<StoredArticle> ArticlesOf(string sourceId) => After.Articles.Where(a => a.SourceId == sourceId).ToList();

    /// <summary>A value of <c>source_state</c> or of the source's run row, read as a pipeline would.</summary>
    public string? Recorded(string sql, string sourceId)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$source", sourceId);
        return command.ExecuteScalar() is { } value and not DBNull ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private static Source Source(string id, SourceType type, Uri url) => new() { Id = id, Name = id, Type = type, Url = url };
}
