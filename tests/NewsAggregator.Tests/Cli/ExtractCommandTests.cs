using System.CommandLine;
using System.Text.Json;
using NewsAggregator.Cli;
using NewsAggregator.Extraction;
using NewsAggregator.Tests.TestWeb;

namespace NewsAggregator.Tests.Cli;

public class ExtractCommandTests
{
    private static readonly string SavedPages = FixturePath.Of("ExtractCommand", "saved");

    private static List<JsonElement> JsonLines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();

    [Fact]
    public async Task Folder_gives_one_json_line_per_page_found_recursively_with_paths_relative_to_it()
    {
        var (exitCode, output, error) = await CommandRun.RunAsync(["extract", SavedPages]);

        Assert.True(exitCode == 0, error);
        var pages = JsonLines(output);
        // *.html and *.html.gz are pages; notes.txt is not.
        Assert.Equal(["2024/ferry-timetable.html.gz", "harbour-market.html"], pages.Select(p => p.GetProperty("file").GetString()));
        var market = pages[1];
        Assert.Equal("Council backs covered market in old tram depot", market.GetProperty("title").GetString());
        Assert.Contains("forty stalls for local growers", market.GetProperty("text").GetString());
        Assert.Contains("every twenty minutes from Monday", pages[0].GetProperty("text").GetString());
        foreach (var field in new[] { "url", "byline", "published", "language" })
        {
            Assert.True(market.TryGetProperty(field, out _), $"missing field {field}");
        }
        Assert.False(market.TryGetProperty("html", out _), "html is only written when asked for");
    }

    [Fact]
    public async Task Html_flag_adds_the_sanitised_html()
    {
        var (exitCode, output, error) = await CommandRun.RunAsync(["extract", Path.Combine(SavedPages, "harbour-market.html"), "--html"]);

        Assert.True(exitCode == 0, error);
        var html = Assert.Single(JsonLines(output)).GetProperty("html").GetString();
        Assert.StartsWith("<p>", html);
        Assert.Contains("forty stalls for local growers", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public async Task Selectors_on_the_command_line_work_as_in_sources_json()
    {
        var page = FixturePath.Of("Extraction", "Rules", "split-story.html");

        var (exitCode, output, error) = await CommandRun.RunAsync(["extract", page, "--content-selector", "div.q7", "--remove", "p.x3f", "--remove", "span.none"]);

        Assert.True(exitCode == 0, error);
        var text = Assert.Single(JsonLines(output)).GetProperty("text").GetString();
        Assert.StartsWith("The harbour wall on the east pier", text);
        Assert.DoesNotContain("Letters from readers", text);
        Assert.DoesNotContain("Coast Courier on your phone", text);
    }

    [Theory]
    [InlineData("--content-selector", "div..body")]
    [InlineData("--remove", "aside[")]
    public async Task An_invalid_selector_is_a_usage_error_naming_it(string option, string selector)
    {
        var (exitCode, output, error) = await CommandRun.RunAsync(["extract", SavedPages, option, selector]);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Contains($"{option} \"{selector}\" is not a valid CSS selector", error);
    }

    [Fact]
    public async Task File_given_by_path_keeps_that_path_and_output_can_go_to_a_file()
    {
        var page = Path.Combine(SavedPages, "harbour-market.html");
        var outputFile = Path.Combine(Path.GetTempPath(), $"extract-{Guid.NewGuid():N}.jsonl");
        try
        {
            var (exitCode, output, _) = await CommandRun.RunAsync(
                ["extract", page, "--output", outputFile, "--url", "https://gazette.example/city/harbour-market"]);

            Assert.Equal(0, exitCode);
            Assert.Equal("", output);
            var line = Assert.Single(JsonLines(File.ReadAllText(outputFile)));
            Assert.Equal(page, line.GetProperty("file").GetString());
            Assert.Equal("https://gazette.example/city/harbour-market", line.GetProperty("url").GetString());
        }
        finally
        {
            File.Delete(outputFile);
        }
    }

    [Fact]
    public async Task A_page_the_extractor_fails_on_unexpectedly_fails_alone_and_the_others_are_written()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var command = ExtractCommand.Build(output, error, new FailingOn("covered market", new InvalidOperationException("the extractor broke")));

        var exitCode = await command.Parse([SavedPages]).InvokeAsync();

        // As for a page that cannot be read: its line on standard error, exit 1, the other pages written.
        Assert.True(exitCode == 1, error.ToString());
        Assert.Equal("error: harbour-market.html: internal error: the extractor broke\n", error.ToString());
        Assert.Equal(["2024/ferry-timetable.html.gz"], JsonLines(output.ToString()).Select(p => p.GetProperty("file").GetString()));
    }

    /// <summary>The real extractor, but for pages containing <paramref name="marker"/>, where it throws <paramref name="failure"/>.</summary>
    private sealed class FailingOn(string marker, Exception failure) : IArticleExtractor
    {
        private readonly ArticleExtractor _extractor = new();

        public ExtractedArticle Extract(string html, Uri? pageUrl, ExtractionRules? rules = null, CancellationToken cancellationToken = default) =>
            html.Contains(marker, StringComparison.Ordinal) ? throw failure : _extractor.Extract(html, pageUrl, rules, cancellationToken);
    }

    [Fact]
    public async Task Missing_path_is_a_usage_error_naming_it()
    {
        var (exitCode, _, error) = await CommandRun.RunAsync(["extract", "no/such/folder"]);

        Assert.Equal(2, exitCode);
        Assert.Contains("no/such/folder: no such file or folder", error);
    }

    // PATH takes any number of paths, and the parser gave it an option it did not know.
    [Fact]
    public async Task Unknown_option_after_the_paths_is_a_usage_error_naming_it()
    {
        var run = await CommandRun.RunAsync(["extract", SavedPages, "--htm"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("error: Unrecognized command or argument '--htm'.\n", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Path_that_starts_with_a_double_dash_is_given_after_a_lone_double_dash()
    {
        var run = await CommandRun.RunAsync(["extract", "--", "--no-such-page.html"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--no-such-page.html: no such file or folder", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing-folder", "does not exist")]
    [InlineData("a-folder", "is a folder")]
    public async Task Output_that_cannot_be_written_is_a_usage_error_naming_it(string where, string message)
    {
        using var workspace = new TempWorkspace();
        Directory.CreateDirectory(workspace.PathOf("a-folder"));
        var output = where == "a-folder" ? workspace.PathOf("a-folder") : Path.Combine(workspace.PathOf("missing-folder"), "x.jsonl");

        var run = await CommandRun.RunAsync(["extract", FixturePath.Of("ExtractCommand", "saved"), "--output", output]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(output, run.Error, StringComparison.Ordinal);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
        SourcesFileErrorTests.AssertNoStackTrace(run);
    }

    [Fact]
    public async Task Folder_without_pages_is_a_usage_error_that_says_so()
    {
        using var workspace = new TempWorkspace();
        workspace.WriteFile("notes.txt", "not a page");

        var run = await CommandRun.RunAsync(["extract", workspace.Folder]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("no pages found in " + workspace.Folder, run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    /// <summary>
    /// Pages are extracted on every core, a few ahead of the writer: pages of very different sizes
    /// finish out of order, and a page that cannot be read fails alone, yet the lines and the error
    /// come out in the order the pages are listed.
    /// </summary>
    [Fact]
    public async Task Pages_extracted_at_once_are_written_in_the_order_listed_with_a_failed_one_in_its_place()
    {
        using var workspace = new TempWorkspace();
        var names = Enumerable.Range(0, 40).Select(i => $"page-{i:D2}.html").ToList();
        foreach (var (name, i) in names.Select((name, i) => (name, i)))
        {
            // Every seventh page is a hundred times longer than the rest.
            var paragraphs = string.Concat(Enumerable.Repeat($"<p>Paragraph of story {i}, long enough to be article text and not furniture at all.</p>", i % 7 == 0 ? 300 : 3));
            workspace.WriteFile(name, $"<html><head><title>Story {i}</title></head><body><article><h1>Story {i}</h1>{paragraphs}</article></body></html>");
        }
        // Not gzip at all: the page fails, the others are extracted.
        File.Delete(workspace.PathOf(names[17]));
        names[17] = "page-17.html.gz";
        workspace.WriteFile(names[17], "not compressed");

        var (exitCode, output, error) = await CommandRun.RunAsync(["extract", workspace.Folder]);

        Assert.Equal(1, exitCode);
        Assert.Equal(names.Where(name => name != names[17]), JsonLines(output).Select(p => p.GetProperty("file").GetString()));
        Assert.Equal(["Story 16", "Story 18"], JsonLines(output).Skip(16).Take(2).Select(p => p.GetProperty("title").GetString()));
        Assert.StartsWith("error: page-17.html.gz: ", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task Extract_without_a_path_is_a_usage_error()
    {
        var (exitCode, _, error) = await CommandRun.RunAsync(["extract"]);

        Assert.Equal(2, exitCode);
        Assert.Contains("Required argument missing", error);
    }
}
