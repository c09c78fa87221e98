using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using NewsAggregator.Pipeline;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Cli;

/// <summary>What people read: numbers in the invariant culture whatever the machine's, and long URLs cut short.</summary>
public sealed class SummaryTextTests : IAsyncLifetime
{
    private readonly TempWorkspace _workspace = new();
    private LoopbackServer _site = null!;

    public async Task InitializeAsync() =>
        _site = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _workspace.Dispose();
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    [InlineData("ar-SA")]
    public async Task Summary_numbers_are_written_the_same_in_every_culture(string culture)
    {
        WriteSource(_site.Url("/feed.xml"));
        var before = CultureInfo.CurrentCulture;
        CommandRun run;
        try
        {
            // The culture flows into the run's tasks with the execution context.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            run = await CommandRun.OnceAsync(_workspace, "--Fetch:MaxRetries=0");
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Matches(new Regex(@"^FAILED news: 0 new, 0 duplicate, 0 failed, 0 known \(\d+\.\d s\): .*first failure, next try in \d+ (s|min|h)", RegexOptions.Multiline), run.Output);
        Assert.Contains("1 source: 0 ok, 1 failed; 0 new articles, 0 duplicates, 0 articles failed", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_very_long_url_is_shortened_in_the_summary_and_the_log_but_kept_whole_in_the_database()
    {
        var longUrl = _site.Url("/feed.xml?" + string.Join('&', Enumerable.Range(0, 300).Select(i => $"utm_param{i}=value{i}")));
        WriteSource(longUrl);

        var run = await CommandRun.OnceAsync(_workspace, "--Fetch:MaxRetries=0");

        Assert.True(run.ExitCode == 1, run.ToString());
        var summary = run.Output.Split('\n').Single(line => line.StartsWith("FAILED news", StringComparison.Ordinal));
        Assert.True(summary.Length < 400, summary);
        Assert.Contains("…", summary, StringComparison.Ordinal);
        Assert.Contains(_site.BaseUrl.Authority, summary, StringComparison.Ordinal);
        Assert.All(run.Error.Split('\n'), line => Assert.True(line.Length < 600, line));
        Assert.DoesNotContain(longUrl.ToString(), run.Output + run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("short text with https://example.org/a/b", "short text with https://example.org/a/b")]
    [InlineData("no url at all", "no url at all")]
    public void Text_without_long_urls_is_left_as_it_is(string text, string expected) =>
        Assert.Equal(expected, LongUrls.Shorten(text));

    [Fact]
    public void Control_characters_in_a_servers_words_do_not_reach_the_line()
    {
        // A reason phrase or an old row quoted in an error: the summary line and the log print it.
        Assert.Equal("HTTP 502  ]0;retitled  Bad Gateway", LongUrls.Shorten("HTTP 502 \u001b]0;retitled\u0007 Bad Gateway"));
    }

    [Fact]
    public void Long_url_keeps_its_start_and_its_end()
    {
        var url = "https://news.example/world/2024/05/" + new string('x', 400) + "/the-story-slug.html";

        var shortened = LongUrls.Shorten($"HTTP 404 Not Found ({url}); first failure");

        Assert.StartsWith("HTTP 404 Not Found (https://news.example/world/2024/05/", shortened, StringComparison.Ordinal);
        Assert.EndsWith("/the-story-slug.html); first failure", shortened, StringComparison.Ordinal);
        Assert.True(shortened.Length <= "HTTP 404 Not Found (); first failure".Length + LongUrls.MaxLength, shortened);
    }

    private void WriteSource(Uri url) =>
        _workspace.WriteFile("sources.json", $$"""{ "sources": [ { "id": "news", "name": "News", "type": "rss", "url": "{{url}}" } ] }""");
}
