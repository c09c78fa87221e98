using System.Diagnostics;
using System.Globalization;
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
/// <c>--once</c> and the scheduled service both run exactly this. A pass's entries go through
/// the stages side by side: fetching waits on each host's politeness, extraction on the cores
/// (<see cref="ExtractionStage"/>), storage on the single writer (<see cref="StorageWriter"/>);
/// a deadline bounds the pass and each entry, and a host that times out or refuses twice is
/// left alone for the rest of the pass.
/// </summary>
public sealed class SourcePass(
    IResourceFetcher fetcher,
    ExtractionStage extraction,
    StorageWriter writer,
    PageSlots pageSlots,
    NewsDatabase database,
    AggregationOptions options,
    FetchOptions fetchOptions,
    TimeProvider clock,
    ILogger<SourcePass> logger)
{
    public async Task<SourcePassResult> RunAsync(Source source, CancellationToken cancellationToken)
    {
        var startedAt = clock.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        var tally = new Tally();
        string? error = null;
        TimeSpan? retryAfter = null;
        SourceListing? listing = null;
        RunId? run = null;
        using var passDeadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        passDeadline.CancelAfter(options.PassDeadline);
        try
        {
            // The run's row comes first, so that every article stored below is counted in it by
            // the transaction that stores it, whatever happens to the rest of the pass.
            run = database.BeginRun(source.Id, startedAt);
            listing = await ListEntriesAsync(source, passDeadline.Token);
            var breaker = new HostBreaker();
            var entries = EntriesToWork(source, listing);
            var states = ReadEntryStates(source, entries.Select(work => work.Url));
            await Parallel.ForEachAsync(
                entries,
                // As many entries side by side as a host lets us ask for at once: a source's entries
                // are mostly on its own host, and more would only queue (holding their pages) in its gate.
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, fetchOptions.MaxConcurrentPerHost) },
                async (work, _) =>
                {
                    var (entry, url) = work;
                    cancellationToken.ThrowIfCancellationRequested();
                    if (passDeadline.IsCancellationRequested)
                    {
                        tally.Fail(entry.Link, new EntryFailure(
                            $"not reached: the pass ran past its deadline ({Durations.Describe(options.PassDeadline)})", EntryFailureKind.NotTried));
                        return;
                    }
                    using var entryDeadline = CancellationTokenSource.CreateLinkedTokenSource(passDeadline.Token);
                    entryDeadline.CancelAfter(options.EntryDeadline);
                    try
                    {
                        await ProcessEntryAsync(source, entry, url, states, run.Value, tally, breaker, entryDeadline.Token);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        // A dead link costs its entry deadline, not the pass.
                        var passOver = passDeadline.IsCancellationRequested;
                        var why = passOver
                            ? $"stopped: the pass ran past its deadline ({Durations.Describe(options.PassDeadline)})"
                            : $"stopped: took longer than the entry deadline ({Durations.Describe(options.EntryDeadline)})";
                        if (source.Type == SourceType.Page)
                        {
                            throw new SourceContentException($"{why} ({entry.Link})");
                        }
                        // The pass's own deadline is no fault of the entry it happened to cut short.
                        tally.Fail(entry.Link, new EntryFailure(why, passOver ? EntryFailureKind.NotTried : EntryFailureKind.Transient));
                        breaker.Record(entry.Link, why);
                    }
                    catch (Exception e) when (IsEntryFault(e, source))
                    {
                        // One odd page must not cost the source its other articles.
                        tally.Fail(entry.Link, new EntryFailure($"could not be processed: {e.Message}", EntryFailureKind.Permanent));
                        logger.LogError(e, "Source {SourceId}: {Url} could not be processed", source.Id, entry.Link);
                    }
                });
        }
        catch (Exception e) when (e is FetchException or FeedFormatException or SourceContentException)
        {
            // A failed pass is reported once, with its reason, by whoever ran it (the service's line
            // per pass, --once's warning and summary line, both from the result): here a detail.
            error = e.Message;
            retryAfter = (e as FetchException)?.RetryAfter;
            logger.LogDebug("Source {SourceId} failed: {Reason}", source.Id, e.Message);
        }
        catch (OperationCanceledException) when (passDeadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Only the source's own document can take the whole pass: an entry stops at its deadline.
            error = $"the pass ran past its deadline ({Durations.Describe(options.PassDeadline)})";
            logger.LogDebug("Source {SourceId} failed: {Reason}", source.Id, error);
        }
        catch (StorageException e)
        {
            // The database failed, not the source: the pass stops writing, and its tally is still
            // exactly what was committed (a count goes up only once its transaction has).
            error = e.Message;
            logger.LogDebug("Source {SourceId} failed: {Reason}", source.Id, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A bug, reported as one (with its stack trace in the log); the pass is still recorded
            // with what it stored, so the summary and the runs row agree.
            error = $"internal error: {e.Message}";
            logger.LogError(e, "Source {SourceId} failed unexpectedly", source.Id);
        }

        var finishedAt = clock.GetUtcNow();
        List<EntryRetryState>? retries = source.Type == SourceType.Page ? [] : RetryStates(source, tally, finishedAt);
        var failures = error is null ? 0 : PreviousFailures(source) + 1;
        var hint = error is null ? Longest(listing?.RefreshHint, tally.RetryAfter) : Longest(retryAfter, tally.RetryAfter);
        var next = SourceSchedule.After(finishedAt, source.Interval, failures, hint, Random.Shared.NextDouble());
        var recordError = Record(source, new SourceRunRecord
        {
            SourceId = source.Id,
            Run = run,
            StartedAt = startedAt,
            FinishedAt = finishedAt,
            NewArticles = tally.New,
            Duplicates = tally.Duplicates,
            Failed = tally.Failed,
            Known = tally.Known,
            Upgraded = tally.Upgraded,
            Error = error,
            EntryProblems = tally.Problems,
            EntryRetries = retries ?? [],
            RecoveredEntries = tally.Recovered,
            NextDueAt = next.At,
            SourceUrl = source.Type == SourceType.Page ? null : source.Url.ToString(),
            // Entries that failed have retry states of their own, which later passes read whether
            // the feed answers 304 or not: the feed's validators no longer wait for every entry.
            // Without those states (the database could not be read) the next pass reads the feed in full.
            SourceValidators = error is null && retries is not null ? listing?.Validators : null,
        });
        // As the database writes it: a DateTimeOffset field would be culture-shaped text in the json log format.
        logger.LogDebug("Source {SourceId} next due at {NextDue}: {Reason}", source.Id, NewsDatabase.Format(next.At), next.Reason);
        return new SourcePassResult
        {
            SourceId = source.Id,
            NewArticles = tally.New,
            Duplicates = tally.Duplicates,
            Failed = tally.Failed,
            Known = tally.Known,
            Upgraded = tally.Upgraded,
            Elapsed = stopwatch.Elapsed,
            Error = error,
            RecordError = recordError,
            NotModified = listing?.NotModified ?? false,
            ConsecutiveFailures = failures,
            NextDueAt = next.At,
            NextTryIn = next.At - finishedAt,
        };
    }

    /// <summary>
    /// The entries a pass works on: those its source lists (up to <see cref="Source.MaxArticles"/>),
    /// then those of its failed entries that are due for another attempt and were not listed (pages
    /// owed to articles stored from the feed's text among them). An unchanged feed (304) lists
    /// nothing, so this is how its failed entries are tried again without the feed being fetched in
    /// full; an entry the feed no longer lists is tried until it succeeds or is given up, like any other.
    /// </summary>
    private List<(FeedEntry Entry, string Url)> EntriesToWork(Source source, SourceListing listing)
    {
        // Each entry with its canonical URL, which keys everything kept about it.
        var listed = listing.Entries.Take(source.MaxArticles).Select(entry => (Entry: entry, Url: CanonicalUrl.Normalize(entry.Link))).ToList();
        if (source.Type == SourceType.Page)
        {
            return listed;
        }
        var urls = listed.Select(work => work.Url).ToHashSet(StringComparer.Ordinal);
        var due = database.ReadDueEntryRetries(source.Id, clock.GetUtcNow(), source.MaxArticles)
            .Where(state => !urls.Contains(state.Url))
            .Where(state => Uri.TryCreate(state.Url, UriKind.Absolute, out _))
            .Select(state => (Entry: new FeedEntry { Link = new Uri(state.Url) }, state.Url));
        return [.. listed, .. due];
    }

    /// <summary>
    /// The retry states of the entries that failed in this pass, as they are to be kept; an entry
    /// given up now is noted in the run's problems. Null when the database could not be read: the
    /// run's record will most likely fail the same way, and if not, the feed's validators are not
    /// kept, so the next pass sees these entries again.
    /// </summary>
    private List<EntryRetryState>? RetryStates(Source source, Tally tally, DateTimeOffset now)
    {
        var states = new List<EntryRetryState>();
        try
        {
            foreach (var (url, failure) in tally.Failures)
            {
                if (EntryBackoff.After(database.FindEntryRetry(source.Id, url), source.Id, url, failure, now) is not { } state)
                {
                    continue;
                }
                states.Add(state);
                if (state.GivenUp)
                {
                    tally.Note(url, EntryBackoff.GivenUpNote(state));
                    logger.LogWarning("Source {SourceId}: {Url} given up after {Failures} failures (last: {Reason})",
                        source.Id, url, state.Failures, state.LastError);
                }
            }
            return states;
        }
        catch (StorageException)
        {
            return null;
        }
    }

    /// <summary>Failed passes in a row before this one; none when the database cannot tell.</summary>
    private int PreviousFailures(Source source)
    {
        try
        {
            return database.GetSourceState(source.Id)?.ConsecutiveFailures ?? 0;
        }
        catch (StorageException)
        {
            return 0;
        }
    }

    /// <summary>Writes the run's end and the source's state; why that failed, or null.</summary>
    private string? Record(Source source, SourceRunRecord run)
    {
        try
        {
            database.RecordRun(run);
            return null;
        }
        catch (StorageException e)
        {
            // The run's row (if it was begun) still counts what was stored, marked unfinished.
            // The result carries it, and its pass is reported as failed with it.
            logger.LogDebug("Source {SourceId}: the run could not be recorded: {Reason}", source.Id, e.Message);
            return e.Message;
        }
    }

    private static TimeSpan? Longest(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a > b ? a : b;

    /// <summary>How to fetch a document the source itself names (its feed or section page).</summary>
    private FetchRequest SourceDocumentRequest(Source source, ExpectedContent expect) => new(source.Url)
    {
        Expect = expect,
        Validators = database.FindValidators(source.Id, source.Url.ToString()),
        // The publisher offers this feed for reading: a source may say so against its robots.txt.
        ObeyRobots = !source.IgnoreRobots,
        Trust = NetworkTrust.ForLinksOf(source.Url),
        Headers = source.RequestHeaders.ScopedTo(source.Url),
    };


    private async Task<SourceListing> ListEntriesAsync(Source source, CancellationToken cancellationToken)
    {
        switch (source.Type)
        {
            case SourceType.Rss:
            {
                var feed = await fetcher.FetchAsync(SourceDocumentRequest(source, ExpectedContent.Feed), cancellationToken);
                if (feed.NotModified)
                {
                    return SourceListing.Unchanged(feed);
                }
                var parsed = FeedParser.Parse(feed.Body, feed.FinalUrl, cancellationToken);
                return new SourceListing(parsed.Entries, NotModified: false, feed.Validators, Longest(parsed.TimeToLive, feed.FreshFor));
            }
            case SourceType.Html:
            {
                var page = await fetcher.FetchAsync(SourceDocumentRequest(source, ExpectedContent.Page), cancellationToken);
                if (page.NotModified)
                {
                    return SourceListing.Unchanged(page);
                }
                var html = PageDecoder.Decode(page.Body, page.Charset);
                var links = SectionPageLinks.Find(html, page.FinalUrl, source.LinkSelector);
                if (links.Count == 0)
                {
                    // Past the caps no selector helps: the links are not read at all.
                    var cut = PageLimits.Cuts(html)
                        ? string.Create(CultureInfo.InvariantCulture, $" (the page was read only up to its first {PageLimits.MaxElements:N0} elements or {PageLimits.MaxChars:N0} characters, and is longer)")
                        : "";
                    throw new SourceContentException(source.LinkSelector is null
                        ? $"no article links found on the page{cut}; set \"linkSelector\" for this source"
                        : $"no links match linkSelector \"{source.LinkSelector}\"{cut}");
                }
                return new SourceListing(links, NotModified: false, page.Validators, page.FreshFor);
            }
            case SourceType.Page:
                return new SourceListing([new FeedEntry { Link = source.Url }], NotModified: false, null, null);
            default:
                throw new ArgumentOutOfRangeException(nameof(source), source.Type, "unknown source type");
        }
    }

    /// <summary>
    /// The retry states and the pages' validators the source keeps for the pass's entries, read for
    /// all of them at once: asked entry by entry they were two statements each, every one a read
    /// transaction of its own on a pooled connection whose page cache the writer's last commit had
    /// made stale (in a profile of the load benchmark's first pass, SQLite on the pass's threads
    /// was 4.7 % of the worker's samples, beside its reads in the kernel). Nothing in a pass changes them before it ends: the retry states
    /// are written with its run, and an entry's validators after its own fetch.
    /// </summary>
    private EntryStates ReadEntryStates(Source source, IEnumerable<string> urls)
    {
        if (source.Type == SourceType.Page)
        {
            // The source's own page: no retry states, and its validators are the source's.
            return EntryStates.None;
        }
        var distinct = urls.Distinct(StringComparer.Ordinal).ToList();
        return new EntryStates(database.FindEntryRetries(source.Id, distinct), database.FindValidators(source.Id, distinct));
    }

    private async Task ProcessEntryAsync(
        Source source, FeedEntry entry, string url, EntryStates states, RunId run, Tally tally, HostBreaker breaker,
        CancellationToken cancellationToken)
    {
        var retry = states.Retries.GetValueOrDefault(url);
        long? owedTo = null;
        if (database.FindArticleIdByUrl(url) is { } knownId)
        {
            // Stored from the feed's text while this source's retry state for it stands: its page is owed.
            // Asked only when there is a state, which few known entries have.
            if (retry is null || database.TextSourceOf(knownId) != TextSource.Feed)
            {
                tally.Recover(url, retry);
                SeenAgain(source, knownId, url, run, tally);
                return;
            }
            if (EntryBackoff.Holds(retry, clock.GetUtcNow()))
            {
                logger.LogDebug("Source {SourceId}: the page of {Url} waits: {Reason}", source.Id, url, EntryBackoff.Describe(retry));
                SeenAgain(source, knownId, url, run, tally);
                return;
            }
            owedTo = knownId;
        }
        else if (database.WasPruned(url, clock.GetUtcNow()))
        {
            // Deleted by retention while its feed still lists it: storing it again would bring back,
            // as new, a story the user chose to let go.
            tally.Recover(url, retry);
            Interlocked.Increment(ref tally.Known);
            return;
        }
        else if (EntryBackoff.Holds(retry, clock.GetUtcNow()))
        {
            // Its own backoff, whether or not the feed still lists it: a dead link costs nothing until due.
            logger.LogDebug("Source {SourceId}: {Url} left alone: {Reason}", source.Id, url, EntryBackoff.Describe(retry!));
            return;
        }

        // Held from the page's request to its storage; given back however the entry ends.
        using var slot = pageSlots.ForEntry();
        // An entry that is its enclosure (a podcast episode whose link is the mp3) has no page:
        // fetching the media file as one would fail on every pass.
        var (article, pageOwed) = owedTo is null && source.Type == SourceType.Rss && EnclosureOnlyEntry.Of(entry) is { } media
            ? (FromFeedAlone(source, entry, url, media), null)
            : await FetchArticleAsync(source, entry, url, states.Validators.GetValueOrDefault(url), owedTo is not null, tally, breaker, slot, cancellationToken);
        if (article is null)
        {
            if (owedTo is { } teaser && pageOwed is { } failure)
            {
                // The page failed again: the feed's text stays, and the page waits on its backoff.
                tally.Owe(url, failure);
                SeenAgain(source, teaser, url, run, tally);
            }
            return;
        }

        var outcome = await writer.StoreAsync(article, run);
        if (pageOwed is not null && outcome.Kind == StoreOutcomeKind.Stored)
        {
            // A new article holding the feed's text: its page is asked for again on the entry's backoff.
            tally.Owe(url, pageOwed);
        }
        else
        {
            tally.Recover(url, retry);
        }
        switch (outcome.Kind)
        {
            case StoreOutcomeKind.Stored:
                Interlocked.Increment(ref tally.New);
                logger.LogDebug("Source {SourceId}: stored {Url} as article {ArticleId}", source.Id, article.Url, outcome.ArticleId);
                break;
            case StoreOutcomeKind.ReplacedFeedText:
                Interlocked.Increment(ref tally.Upgraded);
                logger.LogInformation("Source {SourceId}: the page of {Url} came; its text replaced the feed's in article {ArticleId}",
                    source.Id, article.Url, outcome.ArticleId);
                break;
            case StoreOutcomeKind.SameText:
            case StoreOutcomeKind.KnownUrl:
            case StoreOutcomeKind.DeclaredCanonical:
            case StoreOutcomeKind.NearDuplicate:
                Interlocked.Increment(ref tally.Duplicates);
                logger.LogDebug("Source {SourceId}: {Url} is a copy of article {ArticleId} ({Match}: {Reason}; text replaced: {TextReplaced})",
                    source.Id, article.Url, outcome.ArticleId, outcome.Kind, outcome.Reason, outcome.TextReplaced);
                break;
        }
    }

    /// <summary>An entry whose URL is stored already, met again: another source's copy is a sighting, our own is simply known.</summary>
    private void SeenAgain(Source source, long articleId, string url, RunId run, Tally tally)
    {
        if (database.AddSighting(articleId, source.Id, url, clock.GetUtcNow(), run))
        {
            Interlocked.Increment(ref tally.Duplicates);
        }
        else
        {
            Interlocked.Increment(ref tally.Known);
        }
    }

    /// <summary>
    /// The article behind an entry: its page extracted, else the feed's own content, with why the
    /// page could not be had (the page is then owed: asked for again on the entry's backoff). For an
    /// article already stored from the feed's text (<paramref name="owed"/>), only the page will do:
    /// no article when it fails again, and why.
    /// </summary>
    private async Task<(ArticleRecord? Article, EntryFailure? PageOwed)> FetchArticleAsync(
        Source source, FeedEntry entry, string url, CacheValidators? keptValidators, bool owed, Tally tally, HostBreaker breaker,
        PageSlots.Slot slot, CancellationToken cancellationToken)
    {
        ExtractedArticle? extracted = null;
        StoredPage? keptPage = null;
        var finalUrl = url;
        string? problem;
        var kind = EntryFailureKind.Permanent;
        TimeSpan? retryAfter = null;
        var pageAnswered = false;
        var isSource = source.Type == SourceType.Page;
        // A page that gave no text keeps its validators: while it is unchanged, a 304 saves the download.
        var validators = isSource ? null : keptValidators;
        try
        {
            if (breaker.Broken(entry.Link) is { } broken)
            {
                // Its host timed out or refused twice in this pass: asking again would only wait.
                kind = EntryFailureKind.NotTried;
                throw new FetchException(entry.Link, broken, failure: FetchFailure.Transient);
            }
            var page = await fetcher.FetchAsync(new FetchRequest(entry.Link)
            {
                Expect = ExpectedContent.Page,
                Validators = validators,
                ObeyRobots = !(isSource && source.IgnoreRobots),
                Trust = NetworkTrust.ForLinksOf(source.Url),
                Headers = source.RequestHeaders.ScopedTo(source.Url),
                Admit = slot.TakeAsync,
            }, cancellationToken);
            // The slot now counts the page's own bytes against the run's budget, not the room kept for it.
            slot.Holds(page.Body.Length);
            finalUrl = CanonicalUrl.Normalize(page.FinalUrl);
            pageAnswered = true;
            if (page.NotModified)
            {
                problem = "the page is unchanged since it last gave no article text";
            }
            else
            {
                extracted = await extraction.ExtractAsync(page.Body, page.Charset, page.FinalUrl, source.ExtractionRules, cancellationToken);
                problem = extracted.HasText ? null : "no article text found on the page";
                if (extracted.HasText && database.KeepsPages)
                {
                    // Compressed here, on the pass's thread, so the single writer only writes it; the
                    // page's bytes themselves are let go once this entry is done, as before.
                    keptPage = StoredPage.Of(source.Id, page);
                    if (keptPage is null)
                    {
                        logger.LogDebug("Source {SourceId}: {Url}: page of {Bytes} bytes not kept (over {Limit})", source.Id, url, page.Body.Length, StoredPage.MaxRawBytes);
                    }
                }
                if (extracted.ContentSelectorMissed)
                {
                    // Most often the site changed its templates: say so while the heuristics carry on.
                    tally.Note(url, $"contentSelector \"{source.ExtractionRules.ContentSelector}\" matched nothing; the article was found without it");
                }
                if (!isSource && (problem is not null || validators is not null))
                {
                    database.SaveValidators(source.Id, url, problem is null ? null : page.Validators, clock.GetUtcNow());
                }
            }
        }
        catch (FetchException e)
        {
            // A single-page source has nothing to fall back on: its failure is the source's.
            if (isSource)
            {
                throw;
            }
            problem = e.Reason;
            kind = KindOf(e, kind);
            retryAfter = e.RetryAfter;
            tally.WaitAtLeast(e.RetryAfter);
            breaker.Record(entry.Link, e);
        }

        if (extracted is { HasText: true })
        {
            // The page goes with the text it gave (a feed's text would not come out of it again).
            var page = Record(source, entry, url, finalUrl, extracted.Text, extracted.Html, extracted) with { Page = keptPage };
            // The page of an article stored from the feed's text goes to that article's URL, where
            // the duplicate decision finds the feed's text and lets the page's replace it.
            return (owed ? page with { Url = url, AlsoSeenAt = finalUrl == url ? [] : [finalUrl] } : page, null);
        }
        var failure = new EntryFailure(problem ?? "no article text", kind, retryAfter);
        if (owed)
        {
            tally.Note(url, $"{failure.Reason}; the feed's text stays until the page can be had");
            logger.LogInformation("Source {SourceId}: {Url}: {Problem}; the feed's text stays", source.Id, url, failure.Reason);
            return (null, failure);
        }
        if (entry.ContentHtml is { } feedContent)
        {
            var (text, articleHtml) = ArticleText.FromFeedContent(feedContent, Uri.TryCreate(url, UriKind.Absolute, out var entryUrl) ? entryUrl : null);
            if (text.Length > 0)
            {
                tally.Note(url, $"{failure.Reason}; the feed's text was stored instead, and the page is asked for again");
                logger.LogInformation("Source {SourceId}: {Url}: {Problem}; using the feed's content", source.Id, url, failure.Reason);
                return (Record(source, entry, url, finalUrl, text, articleHtml, extracted) with { TextSource = TextSource.Feed }, failure);
            }
        }
        if (source.Type == SourceType.Page)
        {
            throw new SourceContentException($"{problem} ({entry.Link})");
        }
        if (pageAnswered && entry.Enclosure is { IsMedia: true })
        {
            // An episode's page that is mostly a player: it will not give text next time either,
            // and the episode is its audio or video. A page that could not be had is tried again.
            tally.Note(url, $"{problem}; stored from the feed with its enclosure");
            return (Record(source, entry, url, finalUrl, "", null, extracted) with { TextSource = TextSource.Feed }, null);
        }
        tally.Fail(url, url, failure);
        logger.LogWarning("Source {SourceId}: {Url}: {Problem}", source.Id, url, problem);
        return (null, null);
    }

    /// <summary>
    /// An entry that is its enclosure, stored from the feed alone: its title, whatever text the
    /// feed gives (none is no failure: the episode is the file) and the enclosure.
    /// </summary>
    private ArticleRecord FromFeedAlone(Source source, FeedEntry entry, string url, FeedEnclosure media)
    {
        var (text, html) = entry.ContentHtml is { } content ? ArticleText.FromFeedContent(content, entry.Link) : ("", "");
        // No content hash: shows repeat the same long blurb under every episode, and the same text
        // must not make two episodes one. The file's URL (the article's) tells episodes apart.
        return Record(source, entry with { Enclosure = media }, url, url, text, html, extracted: null) with
        {
            ContentHash = null,
            TextSource = TextSource.Feed,
        };
    }

    /// <summary>
    /// How a failed fetch counts against its entry. A Retry-After without a status came from our own
    /// host gate (the host asked the whole site to wait): the entry was not asked for. Refused
    /// (robots.txt, an address a link may not lead to) will not change soon: permanent.
    /// </summary>
    private static EntryFailureKind KindOf(FetchException e, EntryFailureKind sofar) =>
        sofar == EntryFailureKind.NotTried || (e.StatusCode is null && e.RetryAfter is not null) ? EntryFailureKind.NotTried
        : e.Failure == FetchFailure.Transient ? EntryFailureKind.Transient
        : EntryFailureKind.Permanent;

    /// <summary>
    /// <summary>The row to store for <paramref name="entry"/>: what its page gave, else what the feed says.</summary>
    private ArticleRecord Record(
        Source source, FeedEntry entry, string url, string finalUrl, string text, string? articleHtml, ExtractedArticle? extracted) => new()
    {
        SourceId = source.Id,
        Url = finalUrl,
        AlsoSeenAt = finalUrl == url ? [] : [url],
        Text = text,
        Html = string.IsNullOrEmpty(articleHtml) ? null : articleHtml,
        ContentHash = ContentFingerprint.Of(text),
        DeclaredCanonicalUrl = DeclaredCanonical.Accept(extracted?.CanonicalUrl),
        Title = FirstNonEmpty(extracted?.Title, entry.Title),
        Byline = FirstNonEmpty(extracted?.Byline, entry.Author),
        PublishedAt = extracted?.PublishedAt ?? entry.PublishedAt,
        FetchedAt = clock.GetUtcNow(),
        Language = extracted?.Language ?? entry.Language,
        SiteName = extracted?.SiteName,
        ImageUrl = extracted?.ImageUrl ?? entry.ImageUrl?.AbsoluteUri,
        Description = extracted?.Description,
        EnclosureUrl = entry.Enclosure?.Url.AbsoluteUri,
        EnclosureType = entry.Enclosure?.MediaType,
        EnclosureLength = entry.Enclosure?.Length,
    };

    // A storage failure is no fault of the entry: the database will fail the next one too.
    private static bool IsEntryFault(Exception e, Source source) =>
        source.Type != SourceType.Page
        && e is not (OperationCanceledException or FetchException or SourceContentException or StorageException);

    private static string? FirstNonEmpty(params string?[] values) =>
        values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    /// <summary>What a pass did, counted by its entries as they finish side by side.</summary>
    private sealed class Tally
    {
        public int New;
        public int Duplicates;
        public int Failed;
        public int Known;
        /// <summary>Articles stored from the feed's text whose page came and replaced it.</summary>
        public int Upgraded;
        private readonly Lock _gate = new();
        private readonly List<string> _problems = [];
        private readonly Dictionary<string, EntryFailure> _failures = new(StringComparer.Ordinal);
        private readonly List<string> _recovered = [];
        private TimeSpan? _retryAfter;

        /// <summary>The entries that failed, by canonical URL, with why.</summary>
        public IReadOnlyList<KeyValuePair<string, EntryFailure>> Failures
        {
            get
            {
                lock (_gate)
                {
                    return [.. _failures];
                }
            }
        }

        /// <summary>Entries (canonical URLs) that had a retry state and now have their article.</summary>
        public IReadOnlyList<string> Recovered
        {
            get
            {
                lock (_gate)
                {
                    return [.. _recovered];
                }
            }
        }

        /// <summary>The longest Retry-After an article's host sent, for the source's next due time.</summary>
        public TimeSpan? RetryAfter
        {
            get
            {
                lock (_gate)
                {
                    return _retryAfter;
                }
            }
        }

        public IReadOnlyList<string> Problems
        {
            get
            {
                lock (_gate)
                {
                    return [.. _problems];
                }
            }
        }

        public void WaitAtLeast(TimeSpan? retryAfter)
        {
            lock (_gate)
            {
                _retryAfter = Longest(_retryAfter, retryAfter);
            }
        }

        /// <summary>Keeps why an entry failed or fell back, for the run's record (the first few are enough).</summary>
        public void Note(string url, string problem)
        {
            lock (_gate)
            {
                if (_problems.Count < 50)
                {
                    _problems.Add($"{url}: {problem}");
                }
            }
        }

        /// <param name="shownUrl">The URL the run's problems name.</param>
        /// <param name="url">The entry's canonical URL, which its retry state is kept under.</param>
        public void Fail(string shownUrl, string url, EntryFailure failure)
        {
            Interlocked.Increment(ref Failed);
            Note(shownUrl, failure.Reason);
            lock (_gate)
            {
                _failures[url] = failure;
            }
        }

        public void Fail(Uri link, EntryFailure failure) => Fail(link.ToString(), CanonicalUrl.Normalize(link), failure);

        /// <summary>
        /// The entry's article is stored with the feed's text, and its page could not be had: the
        /// failure counts toward its retry state as any entry's does, but the entry is no failed one.
        /// </summary>
        public void Owe(string url, EntryFailure failure)
        {
            lock (_gate)
            {
                _failures[url] = failure;
            }
        }

        /// <summary>The entry's article is had: a retry state it had goes.</summary>
        public void Recover(string url, EntryRetryState? state)
        {
            if (state is null)
            {
                return;
            }
            lock (_gate)
            {
                _recovered.Add(url);
            }
        }
    }

    /// <summary>What the source keeps for its entries, by canonical URL (<see cref="ReadEntryStates"/>).</summary>
    private sealed record EntryStates(
        IReadOnlyDictionary<string, EntryRetryState> Retries, IReadOnlyDictionary<string, CacheValidators> Validators)
    {
        public static readonly EntryStates None = new(new Dictionary<string, EntryRetryState>(), new Dictionary<string, CacheValidators>());
    }

    /// <summary>The entries a source lists, and what its server said about the document listing them.</summary>
    private sealed record SourceListing(
        IReadOnlyList<FeedEntry> Entries, bool NotModified, CacheValidators? Validators, TimeSpan? RefreshHint)
    {
        public static SourceListing Unchanged(FetchedResource document) =>
            new([], NotModified: true, document.Validators, document.FreshFor);
    }
}

/// <summary>The source's document was fetched but holds nothing we can use.</summary>
public sealed class SourceContentException(string message) : Exception(message);
