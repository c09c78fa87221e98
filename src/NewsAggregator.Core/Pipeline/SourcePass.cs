using System.Diagnostics;
using Microsoft.Extensions.Logging;
using NewsAggregator.Dedup;
using NewsAggregator.Extraction;
using NewsAggregator.Feeds;
using NewsAggregator.Fetching;
using NewsAggregator.Sources;
using NewsAggregator.Storage;

namespace NewsAggregator.Pipeline;

/// <summary>
/// One pass of the whole flow for one source: fetch it, list its entries, fetch and extract
/// each article not yet known, and store it (or record it as a sighting of a story we have).
/// <c>--once</c> and the scheduled service both run exactly this.
/// </summary>
public sealed class SourcePass(
    IResourceFetcher fetcher,
    IArticleExtractor extractor,
    NewsDatabase database,
    TimeProvider clock,
    ILogger<SourcePass> logger)
{
    public async Task<SourcePassResult> RunAsync(Source source, CancellationToken cancellationToken)
    {
        var startedAt = clock.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        var tally = new Tally();
        string? error = null;
        try
        {
            var entries = await ListEntriesAsync(source, cancellationToken);
            foreach (var entry in entries.Take(source.MaxArticles))
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    await ProcessEntryAsync(source, entry, tally, cancellationToken);
                }
                catch (Exception e) when (IsEntryFault(e, source))
                {
                    // One odd page must not cost the source its other articles.
                    tally.Failed++;
                    logger.LogError(e, "Source {SourceId}: {Url} could not be processed", source.Id, entry.Link);
                }
            }
        }
        catch (Exception e) when (e is FetchException or FeedFormatException or SourceContentException)
        {
            error = e.Message;
            logger.LogWarning("Source {SourceId} failed: {Reason}", source.Id, e.Message);
        }

        var result = new SourcePassResult
        {
            SourceId = source.Id,
            NewArticles = tally.New,
            Duplicates = tally.Duplicates,
            Failed = tally.Failed,
            Known = tally.Known,
            Elapsed = stopwatch.Elapsed,
            Error = error,
        };
        database.RecordRun(new SourceRunRecord
        {
            SourceId = source.Id,
            StartedAt = startedAt,
            FinishedAt = clock.GetUtcNow(),
            NewArticles = result.NewArticles,
            Duplicates = result.Duplicates,
            Failed = result.Failed,
            Known = result.Known,
            Error = error,
        });
        return result;
    }

    private async Task<IReadOnlyList<FeedEntry>> ListEntriesAsync(Source source, CancellationToken cancellationToken)
    {
        switch (source.Type)
        {
            case SourceType.Rss:
            {
                var feed = await fetcher.FetchAsync(source.Url, cancellationToken);
                return FeedParser.Parse(feed.Body, feed.FinalUrl).Entries;
            }
            case SourceType.Html:
            {
                var page = await fetcher.FetchAsync(source.Url, cancellationToken);
                var html = PageDecoder.Decode(page.Body, page.Charset);
                var links = SectionPageLinks.Find(html, page.FinalUrl, source.LinkSelector);
                if (links.Count == 0)
                {
                    throw new SourceContentException(source.LinkSelector is null
                        ? "no article links found on the page; set \"linkSelector\" for this source"
                        : $"no links match linkSelector \"{source.LinkSelector}\"");
                }
                return links;
            }
            case SourceType.Page:
                return [new FeedEntry { Link = source.Url }];
            default:
                throw new ArgumentOutOfRangeException(nameof(source), source.Type, "unknown source type");
        }
    }

    private async Task ProcessEntryAsync(Source source, FeedEntry entry, Tally tally, CancellationToken cancellationToken)
    {
        var url = CanonicalUrl.Normalize(entry.Link);
        if (database.FindArticleIdByUrl(url) is { } knownId)
        {
            // Another source's copy at the same URL is a sighting; our own is simply known.
            if (database.AddSighting(knownId, source.Id, url, clock.GetUtcNow()))
            {
                tally.Duplicates++;
            }
            else
            {
                tally.Known++;
            }
            return;
        }

        var article = await FetchArticleAsync(source, entry, url, cancellationToken);
        if (article is null)
        {
            tally.Failed++;
            return;
        }

        var outcome = database.StoreArticle(article);
        switch (outcome.Kind)
        {
            case StoreOutcomeKind.Stored:
                tally.New++;
                logger.LogDebug("Source {SourceId}: stored {Url} as article {ArticleId}", source.Id, article.Url, outcome.ArticleId);
                break;
            case StoreOutcomeKind.SameText:
            case StoreOutcomeKind.KnownUrl:
            case StoreOutcomeKind.DeclaredCanonical:
            case StoreOutcomeKind.NearDuplicate:
                tally.Duplicates++;
                logger.LogDebug("Source {SourceId}: {Url} is a copy of article {ArticleId} ({Match}, text replaced: {TextReplaced})",
                    source.Id, article.Url, outcome.ArticleId, outcome.Kind, outcome.TextReplaced);
                break;
        }
    }

    /// <summary>The article behind an entry: its page extracted, else the feed's own content.</summary>
    private async Task<ArticleRecord?> FetchArticleAsync(Source source, FeedEntry entry, string url, CancellationToken cancellationToken)
    {
        ExtractedArticle? extracted = null;
        var finalUrl = url;
        string? problem;
        try
        {
            var page = await fetcher.FetchAsync(entry.Link, cancellationToken);
            finalUrl = CanonicalUrl.Normalize(page.FinalUrl);
            if (page.MediaType is { } mediaType && !IsHtml(mediaType))
            {
                problem = $"expected an HTML page, got {mediaType}";
            }
            else
            {
                var html = PageDecoder.Decode(page.Body, page.Charset);
                extracted = extractor.Extract(html, page.FinalUrl, cancellationToken);
                problem = extracted.HasText ? null : "no article text found on the page";
            }
        }
        catch (FetchException e)
        {
            // A single-page source has nothing to fall back on: its failure is the source's.
            if (source.Type == SourceType.Page)
            {
                throw;
            }
            problem = e.Message;
        }

        var text = extracted?.Text;
        if (string.IsNullOrEmpty(text) && entry.ContentHtml is { } feedContent)
        {
            text = ArticleText.FromHtmlFragment(feedContent);
            if (text.Length > 0)
            {
                logger.LogInformation("Source {SourceId}: {Url}: {Problem}; using the feed's content", source.Id, url, problem);
            }
        }
        if (string.IsNullOrEmpty(text))
        {
            if (source.Type == SourceType.Page)
            {
                throw new SourceContentException($"{problem} ({entry.Link})");
            }
            logger.LogWarning("Source {SourceId}: {Url}: {Problem}", source.Id, url, problem);
            return null;
        }

        var fetchedAt = clock.GetUtcNow();
        return new ArticleRecord
        {
            SourceId = source.Id,
            Url = finalUrl,
            AlsoSeenAt = finalUrl == url ? [] : [url],
            Text = text,
            ContentHash = ContentFingerprint.Of(text),
            DeclaredCanonicalUrl = DeclaredCanonical.Accept(extracted?.CanonicalUrl),
            Title = FirstNonEmpty(extracted?.Title, entry.Title),
            Byline = FirstNonEmpty(extracted?.Byline, entry.Author),
            PublishedAt = extracted?.PublishedAt ?? entry.PublishedAt,
            FetchedAt = fetchedAt,
            Language = extracted?.Language,
            SiteName = extracted?.SiteName,
            ImageUrl = extracted?.ImageUrl,
            Description = extracted?.Description,
        };
    }

    private static bool IsEntryFault(Exception e, Source source) =>
        source.Type != SourceType.Page
        && e is not (OperationCanceledException or FetchException or SourceContentException or Microsoft.Data.Sqlite.SqliteException);

    private static bool IsHtml(string mediaType) =>
        mediaType is "text/html" or "application/xhtml+xml" or "text/plain" or "application/octet-stream";

    private static string? FirstNonEmpty(params string?[] values) =>
        values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    private sealed class Tally
    {
        public int New;
        public int Duplicates;
        public int Failed;
        public int Known;
    }
}

/// <summary>The source's document was fetched but holds nothing we can use.</summary>
public sealed class SourceContentException(string message) : Exception(message);
