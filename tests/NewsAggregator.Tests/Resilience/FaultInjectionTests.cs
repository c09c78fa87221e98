using NewsAggregator.Storage;

namespace NewsAggregator.Tests.Resilience;

/// <summary>
/// Each fault of the hostile web, met in one run: the run finishes, the fault is recorded against
/// its own source with a message a person can act on, and every other source's articles are stored.
/// </summary>
public sealed class FaultInjectionTests(FaultRun run) : IClassFixture<FaultRun>
{
    private const string LastError = "SELECT last_error FROM source_state WHERE source_id = $source";
    private const string RunError = "SELECT error FROM runs WHERE source_id = $source";
    private const string EntryProblems = "SELECT entry_problems FROM runs WHERE source_id = $source";

    [Theory]
    [InlineData("http-500", "HTTP 500 Internal Server Error")]
    [InlineData("http-503", "HTTP 503 Service Unavailable, retry after 2 h")]
    [InlineData("http-429", "HTTP 429 Too Many Requests, retry after")]
    [InlineData("hang", "timed out after 3 s")]
    [InlineData("trickle", "timed out after 3 s")]
    [InlineData("reset", "connection broken while reading the response")]
    [InlineData("truncated", "connection broken while reading the response")]
    [InlineData("huge", "larger than the 1000000 byte limit")]
    [InlineData("huge-feed", "larger than the 1000000 byte limit")]
    [InlineData("bomb", "larger than the 1000000 byte limit (after decompression)")]
    [InlineData("redirect-loop", "redirect loop: ")]
    [InlineData("pdf", "expected an HTML page, got application/pdf")]
    [InlineData("pdf-as-html", "expected an HTML page, got a PDF document (served as text/html)")]
    [InlineData("image", "expected an HTML page, got image/jpeg")]
    [InlineData("malformed", "is not well-formed XML")]
    [InlineData("deep-feed", "nests elements more than 256 deep; no real feed does, so it was not read")]
    public void Fault_is_recorded_against_its_source_with_a_clear_message(string sourceId, string message)
    {
        var result = run.ResultOf(sourceId);

        Assert.False(result.Succeeded, result.SummaryLine());
        Assert.Contains(message, result.Error);
        Assert.Contains(message, run.Recorded(LastError, sourceId));
        Assert.Contains(message, run.Recorded(RunError, sourceId));
        Assert.Equal("1", run.Recorded("SELECT consecutive_failures FROM source_state WHERE source_id = $source", sourceId));
        Assert.Contains("first failure, next try in", result.SummaryLine());
    }

    [Fact]
    public void The_well_behaved_source_stores_its_articles_beside_the_faults()
    {
        var result = run.ResultOf("good");

        Assert.True(result.Succeeded, result.SummaryLine());
        Assert.Equal(3, result.NewArticles);
        Assert.Equal(3, run.ArticlesOf("good").Count);
    }

    [Fact]
    public void A_page_robots_txt_disallows_is_not_fetched_and_the_feed_text_is_kept_instead()
    {
        Assert.Equal(0, run.Web.RequestsTo("/good/private/members-only.html"));
        var article = Assert.Single(run.ArticlesOf("good"), a => a.Url.EndsWith("members-only.html", StringComparison.Ordinal));
        Assert.Contains("harbour committee", article.Text);
        Assert.Contains("disallowed by robots.txt (\"Disallow: /good/private/\" for user-agent *)", run.Recorded(EntryProblems, "good"));
    }

    [Fact]
    public void Transient_failure_is_retried_before_the_source_fails()
    {
        Assert.Equal(1 + FaultRun.Options.MaxRetries, run.Web.RequestsTo("/fault/500"));
        Assert.Equal(1 + FaultRun.Options.MaxRetries, run.Web.RequestsTo("/fault/hang"));
    }

    [Fact]
    public void Permanent_failures_are_not_retried()
    {
        Assert.Equal(1, run.Web.RequestsTo("/fault/report.pdf"));
        Assert.Equal(1, run.Web.RequestsTo("/fault/loop-a"));
    }

    [Theory]
    [InlineData("http-503", 2)]
    [InlineData("http-429", 3)]
    public void Retry_after_longer_than_a_pass_waits_is_not_waited_out_but_sets_the_next_due_time(string sourceId, int hours)
    {
        var url = run.Sources.Single(s => s.Id == sourceId).Url;
        Assert.Equal(1, run.Web.RequestsTo(url.AbsolutePath));

        var result = run.ResultOf(sourceId);
        var due = DateTimeOffset.Parse(run.Recorded("SELECT next_due_at FROM source_state WHERE source_id = $source", sourceId)!, System.Globalization.CultureInfo.InvariantCulture);
        var finished = DateTimeOffset.Parse(run.Recorded("SELECT finished_at FROM runs WHERE source_id = $source", sourceId)!, System.Globalization.CultureInfo.InvariantCulture);
        // The HTTP date of the 429 is to the second and was taken a moment before the run finished.
        Assert.InRange(due - finished, TimeSpan.FromHours(hours) - TimeSpan.FromMinutes(1), TimeSpan.FromHours(hours));
        Assert.Equal(result.NextDueAt!.Value.ToUnixTimeSeconds(), due.ToUnixTimeSeconds());
    }

    [Fact]
    public void Huge_body_is_cut_off_long_before_it_is_all_sent()
    {
        // Memory stays bounded: the worker stopped reading at the cap and closed the connection,
        // so the server could push no more than the cap plus what socket buffers hold.
        Assert.InRange(run.Web.BytesSentBy("/fault/huge"), 1, FaultWeb.HugeBodyBytes / 4);
    }

    [Fact]
    public void Gzip_bomb_is_cut_off_after_inflating_to_the_cap()
    {
        // Each 16 KB member inflates to 16 MiB, so the cap is reached within the first member; what
        // the server pushed beyond it is what socket buffers took before the worker hung up.
        Assert.InRange(run.Web.BytesSentBy("/fault/bomb"), 1, FaultWeb.BombWireBytes / 2);
    }

    [Fact]
    public void Feed_with_external_entities_never_resolves_them()
    {
        Assert.Equal(0, run.Web.RequestsUnder("/fault/xxe-probe"));
        Assert.DoesNotContain(run.After.Articles, article => article.Text.Contains(FaultWeb.Secret, StringComparison.Ordinal)
            || (article.Title ?? "").Contains(FaultWeb.Secret, StringComparison.Ordinal));
        Assert.True(run.ResultOf("xxe").Succeeded, run.ResultOf("xxe").SummaryLine());
    }

    [Fact]
    public void Page_declaring_the_wrong_charset_is_read_in_the_one_it_uses()
    {
        var article = Assert.Single(run.ArticlesOf("wrong-charset"));
        Assert.Contains("Café owners on the quay", article.Title);
        Assert.Contains("Zoë Brontë", article.Text);
    }

    [Fact]
    public void Feed_whose_charset_lies_is_read_in_the_one_it_uses()
    {
        var result = run.ResultOf("lying-charset-feed");

        Assert.True(result.Succeeded, result.SummaryLine());
        var article = Assert.Single(run.ArticlesOf("lying-charset-feed"));
        Assert.Equal("Crème brûlée wins the fair", article.Title);
        Assert.Contains("Zoë Brontë", article.Text);
    }

    [Fact]
    public void Page_declaring_an_unknown_charset_is_still_read()
    {
        var article = Assert.Single(run.ArticlesOf("bogus-charset"));
        Assert.Contains("Bogus charset harbour report", article.Text);
    }

    [Fact]
    public void Links_from_a_public_looking_feed_to_the_loopback_address_are_refused_after_DNS()
    {
        var problems = run.Recorded(EntryProblems, "public-feed") ?? "";

        Assert.Equal(0, run.Web.RequestsTo("/public/loopback-secret.html"));
        Assert.Equal(0, run.Web.RequestsTo("/public/rebound-secret.html"));
        Assert.Contains("loopback-secret.html: refused: 127.0.0.1 is a loopback address", problems);
        Assert.Contains($"rebound-secret.html: refused: {FaultWeb.RebindingHost} resolves to 127.0.0.1, a loopback address", problems);
        Assert.Equal(2, run.ResultOf("public-feed").Failed);
    }

    [Fact]
    public void The_public_looking_feed_itself_and_its_own_host_are_fetched()
    {
        var result = run.ResultOf("public-feed");

        Assert.True(result.Succeeded, result.SummaryLine());
        Assert.Single(run.ArticlesOf("public-feed"), a => a.Url.Contains("same-host-story", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_source_has_a_run_row_and_a_state_row()
    {
        Assert.All(run.Sources, source =>
        {
            Assert.Equal("1", run.Recorded("SELECT count(*) FROM runs WHERE source_id = $source", source.Id));
            Assert.NotNull(run.Recorded("SELECT next_due_at FROM source_state WHERE source_id = $source", source.Id));
        });
    }
}
