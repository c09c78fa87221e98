using NewsAggregator.Dedup;
using NewsAggregator.Extraction;
using NewsAggregator.Storage;

namespace NewsAggregator.Pipeline;

/// <summary>
/// <c>reextract</c>'s work: today's extractor and each source's current selectors over the stored
/// pages, a batch at a time (read, extracted on every core, then one short write transaction), so
/// that a running worker and readers wait at most one batch's write. Reads no network.
/// </summary>
/// <param name="rulesBySource">The selectors of the sources in sources.json; a page of a source not there is extracted without any.</param>
public sealed class PageReextraction(
    NewsDatabase database, IArticleExtractor extractor, IReadOnlyDictionary<string, ExtractionRules> rulesBySource, TimeProvider clock)
{
    /// <summary>Pages read, extracted and written together: one write transaction each, of a few milliseconds.</summary>
    public const int BatchSize = 64;

    /// <param name="problem">Told of each page that failed or article left alone, as it happens.</param>
    public ReextractionSummary Run(PageSelection selection, Action<ReextractionProblem>? problem, CancellationToken cancellationToken)
    {
        var tally = new ReextractionSummary();
        var after = 0L;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var pages = database.ReadPagesToReextract(selection, after, BatchSize);
            if (pages.Count == 0)
            {
                return tally;
            }
            after = pages[^1].ArticleId;
            var results = new PageResult[pages.Count];
            Parallel.For(0, pages.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
                i => results[i] = Extract(pages[i], cancellationToken));

            var changed = new List<ReextractedArticle>();
            foreach (var (page, result) in pages.Zip(results))
            {
                tally.Reextracted++;
                if (!rulesBySource.ContainsKey(page.Page.SourceId))
                {
                    tally.WithoutSelectors[page.Page.SourceId] = tally.WithoutSelectors.GetValueOrDefault(page.Page.SourceId) + 1;
                }
                if (result.Failure is { } failure)
                {
                    tally.Failed++;
                    problem?.Invoke(new ReextractionProblem(page.ArticleId, page.ArticleUrl, failure, Failed: true));
                }
                else if (result.Changed is { } article)
                {
                    changed.Add(article);
                }
                else
                {
                    tally.Unchanged++;
                }
            }
            if (changed.Count == 0)
            {
                continue;
            }
            foreach (var (article, outcome) in changed.Zip(database.ApplyReextraction(changed, clock.GetUtcNow())))
            {
                switch (outcome.Result)
                {
                    case ReextractionResult.Skipped:
                        tally.Skipped++;
                        problem?.Invoke(new ReextractionProblem(article.Read.ArticleId, article.Read.ArticleUrl, outcome.Reason, Failed: false));
                        break;
                    case ReextractionResult.Merged:
                        tally.Changed++;
                        tally.Merged++;
                        break;
                    default:
                        tally.Changed++;
                        break;
                }
            }
        }
    }

    private readonly record struct PageResult(ReextractedArticle? Changed, string? Failure);

    private PageResult Extract(PageToReextract page, CancellationToken cancellationToken)
    {
        ExtractedArticle extracted;
        try
        {
            var html = PageDecoder.Decode(page.Page.Decompress(), page.Page.Charset);
            var rules = rulesBySource.GetValueOrDefault(page.Page.SourceId) ?? ExtractionRules.None;
            extracted = extractor.Extract(html, new Uri(page.Page.FinalUrl), rules, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            return new(null, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A bug or a row no run would write (a stored URL that is not one): this page fails,
            // reported as such, and the others are still re-extracted, as for a damaged page.
            return new(null, $"internal error: {e.Message}");
        }
        if (!extracted.HasText)
        {
            return new(null, "the page gives no article text now; the stored text is kept");
        }
        var fields = Fields(extracted, page.Stored);
        return fields == page.Stored
            ? default
            : new(new ReextractedArticle(page, fields, DeclaredCanonical.Accept(extracted.CanonicalUrl)), null);
    }

    /// <summary>
    /// What the page gives now, as a pass would store it. A field the page does not give keeps the
    /// stored value, which may have come from the feed's entry (its title, author, date).
    /// </summary>
    private static ArticleFields Fields(ExtractedArticle extracted, ArticleFields stored) => new()
    {
        Text = extracted.Text,
        Html = string.IsNullOrEmpty(extracted.Html) ? null : extracted.Html,
        Title = FirstNonEmpty(extracted.Title, stored.Title),
        Byline = FirstNonEmpty(extracted.Byline, stored.Byline),
        PublishedAt = ArticleFields.ToStoredPrecision(extracted.PublishedAt) ?? stored.PublishedAt,
        Language = extracted.Language ?? stored.Language,
        SiteName = extracted.SiteName ?? stored.SiteName,
        ImageUrl = extracted.ImageUrl ?? stored.ImageUrl,
        Description = extracted.Description ?? stored.Description,
    };

    private static string? FirstNonEmpty(params string?[] values) =>
        values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}

/// <summary>What one <c>reextract</c> did. Every page read is one of changed, unchanged, failed or skipped; merged ones are among the changed.</summary>
public sealed class ReextractionSummary
{
    public int Reextracted { get; internal set; }
    public int Changed { get; internal set; }
    public int Unchanged { get; internal set; }
    public int Merged { get; internal set; }
    public int Failed { get; internal set; }
    public int Skipped { get; internal set; }
    /// <summary>Pages whose source is no longer in sources.json, by source: extracted without selectors.</summary>
    public Dictionary<string, int> WithoutSelectors { get; } = new(StringComparer.Ordinal);
}

/// <summary>A page that could not be re-extracted (<paramref name="Failed"/>), or an article left alone, and why.</summary>
public sealed record ReextractionProblem(long ArticleId, string Url, string Reason, bool Failed);
