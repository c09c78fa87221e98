using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using NewsAggregator.Extraction;

namespace NewsAggregator.Cli;

/// <summary>
/// <c>extract PATH... [--output FILE] [--url URL] [--html] [--content-selector CSS] [--remove CSS]...</c>:
/// the clean text of saved pages as JSON lines, one object per page, for inspection, for
/// benchmarks, and for trying a source's selectors before they go into sources.json.
/// </summary>
internal static partial class ExtractCommand
{
    private static readonly string[] PageExtensions = [".html", ".htm", ".html.gz", ".htm.gz"];

    // Source-generated metadata: the reflection-based serializer emitted and jitted its accessors
    // at every start, a noticeable part of a one-off run over a few pages.
    private static readonly ExtractedPageJson JsonLines = new(new JsonSerializerOptions
    {
        // Readable non-ASCII text; still valid JSON, one object per line.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    });

    /// <param name="extractor">The extractor of every page; tests give one that fails.</param>
    public static Command Build(TextWriter output, TextWriter error, IArticleExtractor? extractor = null)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Saved pages: files, or folders searched recursively for *.html, *.htm and *.html.gz.",
            Arity = ArgumentArity.OneOrMore,
        };
        var outputFile = OutputFile.Create("Write the JSON lines to this file instead of standard output.");
        var url = new Option<string?>("--url")
        {
            Description = "The address the pages were saved from (resolves relative links, dates in the URL).",
            HelpName = "URL",
        };
        var html = new Option<bool>("--html")
        {
            Description = "Add the article as sanitised HTML (the html column of the database) to each object.",
        };
        var contentSelector = new Option<string?>("--content-selector")
        {
            Description = "CSS selector of the article's content, as a source's contentSelector in sources.json.",
            HelpName = "CSS",
        };
        var remove = new Option<string[]>("--remove")
        {
            Description = "CSS selector of elements to cut before extraction, as a source's removeSelectors; may be repeated.",
            HelpName = "CSS",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("extract", "Print the clean article text of saved pages, one JSON object per page per line.")
        {
            paths, outputFile, url, html, contentSelector, remove,
        };
        command.SetAction((parse, token) =>
        {
            var rules = new ExtractionRules
            {
                ContentSelector = parse.GetValue(contentSelector),
                RemoveSelectors = parse.GetValue(remove) ?? [],
            };
            var request = new ExtractRequest(parse.GetValue(paths)!, parse.GetValue(outputFile), parse.GetValue(url), parse.GetValue(html), rules);
            return RunAsync(request, extractor ?? new ArticleExtractor(), output, error, token);
        });
        return command;
    }

    private sealed record ExtractRequest(string[] Paths, string? OutputPath, string? UrlText, bool WithHtml, ExtractionRules Rules);

    private static async Task<int> RunAsync(
        ExtractRequest request, IArticleExtractor extractor, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var (paths, outputPath, urlText, withHtml, rules) = request;
        Uri? pageUrl = null;
        if (urlText is not null && !Uri.TryCreate(urlText, UriKind.Absolute, out pageUrl))
        {
            await error.WriteLineAsync($"error: --url \"{urlText}\" is not an absolute URL");
            return NewsAggregatorCommandLine.UsageError;
        }
        foreach (var (option, selector) in rules.RemoveSelectors.Select(s => ("--remove", (string?)s)).Prepend(("--content-selector", rules.ContentSelector)))
        {
            if (selector is not null && !CssSelector.IsValid(selector))
            {
                await error.WriteLineAsync($"error: {option} \"{selector}\" is not a valid CSS selector");
                return NewsAggregatorCommandLine.UsageError;
            }
        }

        var pages = new List<(string FullPath, string Shown)>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                pages.Add((path, path));
            }
            else if (Directory.Exists(path))
            {
                pages.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(IsPage)
                    .Order(StringComparer.Ordinal)
                    .Select(file => (file, Path.GetRelativePath(path, file))));
            }
            else
            {
                await error.WriteLineAsync($"error: {path}: no such file or folder");
                return NewsAggregatorCommandLine.UsageError;
            }
        }

        if (pages.Count == 0)
        {
            await error.WriteLineAsync(
                $"error: no pages found in {string.Join(", ", paths)} (looked for {string.Join(", ", PageExtensions.Select(e => "*" + e))})");
            return NewsAggregatorCommandLine.UsageError;
        }

        TextWriter writer;
        try
        {
            writer = outputPath is null ? output : OpenOutput(outputPath, pages);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: --output {outputPath}: {e.Message}");
            return NewsAggregatorCommandLine.UsageError;
        }
        var failures = 0;
        try
        {
            // Pages are read and extracted on every core, ahead of the writer, and written in the
            // order listed: a run over a folder uses the machine as the worker's pipeline does. The
            // window holds finished lines (kilobytes each) behind a slow page, so that the other
            // cores go on meanwhile: with two pages a core they waited on it, and the 181 zyte pages
            // took 0.61 s instead of 0.57 s on two cores (native build, six runs each in alternation).
            var ahead = new Queue<(string Shown, Task<string> Line)>();
            var window = 16 * Environment.ProcessorCount;
            foreach (var (fullPath, shown) in pages)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (ahead.Count == window)
                {
                    failures += await WriteAsync(ahead.Dequeue(), writer, error, cancellationToken);
                }
                ahead.Enqueue((shown, Task.Run(
                    () => ExtractLineAsync(extractor, fullPath, shown, pageUrl, rules, withHtml, cancellationToken), cancellationToken)));
            }
            while (ahead.Count > 0)
            {
                failures += await WriteAsync(ahead.Dequeue(), writer, error, cancellationToken);
            }
        }
        finally
        {
            if (!ReferenceEquals(writer, output))
            {
                await writer.DisposeAsync();
            }
            else
            {
                await writer.FlushAsync(cancellationToken);
            }
        }
        return failures == 0 ? NewsAggregatorCommandLine.Success : NewsAggregatorCommandLine.SourceFailed;
    }

    /// <summary>One page's JSON line.</summary>
    private static async Task<string> ExtractLineAsync(
        IArticleExtractor extractor, string fullPath, string shown, Uri? pageUrl, ExtractionRules rules, bool withHtml,
        CancellationToken cancellationToken)
    {
        string html;
        using (var page = await SavedPage.ReadAsync(fullPath, cancellationToken))
        {
            html = PageDecoder.Decode(page.Bytes, declaredCharset: null);
        }
        var article = extractor.Extract(html, pageUrl, rules, cancellationToken);
        return JsonSerializer.Serialize(new ExtractedPage(
            shown, pageUrl?.ToString() ?? article.CanonicalUrl, article.Title, article.Byline,
            article.PublishedAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), article.Language, article.Text,
            withHtml ? article.Html : null),
            JsonLines.ExtractedPage);
    }

    /// <summary>Writes a page's line, or its error; 1 when the page failed.</summary>
    private static async Task<int> WriteAsync(
        (string Shown, Task<string> Line) page, TextWriter writer, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            await writer.WriteLineAsync(await page.Line);
            return 0;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: {page.Shown}: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A bug met on one page (the extractor's, or a library's under it) fails that page
            // alone, as a page that cannot be read does, rather than the pages after it.
            await error.WriteLineAsync($"error: {page.Shown}: internal error: {e.Message}");
            return 1;
        }
    }

    /// <summary>The output file (<see cref="OutputFile"/>), never one of the pages: opening it empties it before it is read.</summary>
    private static StreamWriter OpenOutput(string path, IEnumerable<(string FullPath, string Shown)> pages)
    {
        OutputFile.Check(path, "the JSON lines", pages.Select(page => (page.FullPath, $"the page {page.FullPath}")));
        return new StreamWriter(path, append: false);
    }

    private static bool IsPage(string file) =>
        PageExtensions.Any(extension => file.EndsWith(extension, StringComparison.OrdinalIgnoreCase));

    private sealed record ExtractedPage(
        [property: JsonPropertyName("file")] string File,
        [property: JsonPropertyName("url")] string? Url,
        [property: JsonPropertyName("title")] string? Title,
        [property: JsonPropertyName("byline")] string? Byline,
        [property: JsonPropertyName("published")] string? Published,
        [property: JsonPropertyName("language")] string? Language,
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("html"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        string? Html);

    [JsonSerializable(typeof(ExtractedPage))]
    private sealed partial class ExtractedPageJson : JsonSerializerContext;
}
