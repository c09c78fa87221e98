using Microsoft.Data.Sqlite;
using NewsAggregator.Dedup;

namespace NewsAggregator.Storage;

/// <summary>Articles, their sightings and the near-duplicate index: what the writer stores and the passes look up.</summary>
public sealed partial class NewsDatabase
{
    /// <summary>Shingles of this database's recent texts, so candidates are compared without shingling them again.</summary>
    private readonly ShingleCache _shingles = new();

    /// <summary>The band keys of the articles stored since the last merge into the index.</summary>
    private readonly RecentBands _recent;

    /// <summary>The index as it stood at the last merge or since, for the lookups of articles being prepared.</summary>
    private readonly IndexSnapshot _snapshot;

    /// <summary>The article already seen at this canonical URL, by any source.</summary>
    public long? FindArticleIdByUrl(string url) => Read(connection => FindArticleIdByUrl(connection, null, url));

    /// <summary>Where the stored article's text came from (<see cref="TextSource.Page"/> for an article not stored).</summary>
    public TextSource TextSourceOf(long articleId) => Read(connection => TextSourceOf(connection, null, articleId));

    /// <summary>Records that <paramref name="sourceId"/> showed the article at <paramref name="url"/>.</summary>
    /// <param name="run">The pass's row, whose <c>duplicates</c> counts a new sighting in the same transaction.</param>
    /// <returns>True when this (source, url) had not been recorded before.</returns>
    public bool AddSighting(long articleId, string sourceId, string url, DateTimeOffset seenAt, RunId? run = null) =>
        InWriteTransaction((connection, transaction) =>
        {
            var added = InsertSighting(connection, transaction, articleId, sourceId, url, seenAt);
            if (added)
            {
                ChangeSequence.Stamp(connection, transaction, articleId, seenAt);
            }
            if (added && run is { } counted)
            {
                CountInRun(connection, transaction, counted, RunCount.Duplicates, seenAt);
            }
            return added;
        });

    /// <summary>
    /// Stores a new story, or records it as a sighting of the story already stored under the
    /// same URL, the same text, the canonical URL its page declares, or a near-duplicate text
    /// (see <see cref="NearDuplicateRule"/>): all in one transaction, with its count in the pass's
    /// <paramref name="run"/> row (<c>new_articles</c> for a new story, else <c>duplicates</c>).
    /// </summary>
    public StoreOutcome StoreArticle(ArticleRecord article, RunId? run = null) =>
        StoreArticles([PrepareArticle(article, run)])[0];

    /// <summary>
    /// The work of storing an article that needs no write lock: its shingles and band keys, and
    /// the shingles of the stored texts its keys point at. Done on the caller's thread, so passes
    /// do it side by side and the single writer only decides and writes.
    /// </summary>
    public PreparedArticle PrepareArticle(ArticleRecord article, RunId? run)
    {
        var prepared = PreparedArticle.Of(article, run);
        if (prepared.Keys.BandKeys.Length == 0)
        {
            return prepared;
        }
        var (shingles, indexed) = Read(connection => NearDuplicateIndex.CandidateShingles(connection, _snapshot, prepared.Keys, _shingles, _recent));
        return prepared with { CandidateShingles = shingles, Indexed = indexed };
    }

    /// <summary>
    /// Stores several articles in one transaction (a batch from the pipeline's writer), each
    /// decided as <see cref="StoreArticle"/> decides it and in the order given: a later copy in the
    /// batch sees the earlier one, so two copies arriving together still become one story.
    /// </summary>
    public IReadOnlyList<StoreOutcome> StoreArticles(IReadOnlyList<PreparedArticle> articles) =>
        InIndexingTransaction((connection, transaction) =>
        {
            var outcomes = new StoreOutcome[articles.Count];
            for (var i = 0; i < articles.Count; i++)
            {
                outcomes[i] = Store(connection, transaction, articles[i], _shingles, _recent);
            }
            return outcomes;
        });

    /// <summary>Holds the batch's new rows back from the full-text index until its end, where the file has one.</summary>
    private bool DeferTextIndex(SqliteConnection connection, SqliteTransaction transaction)
    {
        if (!_indexesText)
        {
            return false;
        }
        try
        {
            FullTextIndex.Defer(connection, transaction);
            return true;
        }
        catch (SqliteException) when (!FullTextIndex.Exists(connection, transaction))
        {
            // Dropped by another process (Storage:FullTextSearch=false there): the failed statement
            // took nothing else of the transaction with it.
            _indexesText = false;
            return false;
        }
    }

    /// <summary>
    /// A write transaction that may change the near-duplicate index: the keys held in memory are
    /// brought up to date with the table first (another process may have written), merged into the
    /// index when due, and dropped when the transaction fails.
    /// </summary>
    private T InIndexingTransaction<T>(Func<SqliteConnection, SqliteTransaction, T> write)
    {
        var merged = false;
        try
        {
            var result = InWriteTransaction((connection, transaction) =>
            {
                _recent.CatchUp(connection, transaction);
                var deferred = DeferTextIndex(connection, transaction);
                var result = write(connection, transaction);
                if (_recent.DueForMerge)
                {
                    RecentBands.Merge(connection, transaction);
                    merged = true;
                }
                if (deferred)
                {
                    FullTextIndex.IndexPending(connection, transaction);
                }
                return result;
            });
            if (merged)
            {
                _recent.Clear();
            }
            return result;
        }
        catch
        {
            // Rolled back: what this transaction added to the held keys is not in the table.
            _recent.Invalidate();
            throw;
        }
    }

    /// <summary>Decides (<see cref="DuplicateResolver"/>) and carries the decision out, in the caller's transaction.</summary>
    private static StoreOutcome Store(
        SqliteConnection connection, SqliteTransaction transaction, PreparedArticle prepared, ShingleCache cache, RecentBands recent)
    {
        var (article, run, shingles, keys) = (prepared.Article, prepared.Run, prepared.Shingles, prepared.Keys);
        var lookup = new StoryLookup(connection, transaction, prepared.CandidateShingles, recent, prepared.Indexed);
        var incoming = new IncomingStory(
            article.Url, article.ContentHash, article.DeclaredCanonicalUrl,
            new StoryCopy(shingles, article.PublishedAt, article.FetchedAt, article.AlsoSeenAt.Prepend(article.Url).Select(StorySite.Of).ToHashSet()),
            keys, article.TextSource);
        var decision = DuplicateResolver.Decide(incoming, lookup);
        StoreOutcome outcome;
        var stamped = false;
        if (decision.ArticleId is not { } existing)
        {
            outcome = new StoreOutcome(
                StoreOutcomeKind.Stored, InsertArticle(connection, transaction, article, ChangeSequence.Next(connection, transaction)), Reason: decision.Reason);
            stamped = true;
            if (article.Page is not null)
            {
                ArticlePages.Keep(connection, transaction, outcome.ArticleId, article.Page);
            }
            NearDuplicateIndex.Add(connection, transaction, outcome.ArticleId, keys, recent);
            if (article.ContentHash is { } hash && keys.BandKeys.Length > 0)
            {
                // The next copy of this story finds it as a candidate: its shingles are at hand.
                cache.Keep(hash, shingles);
            }
        }
        else
        {
            if (decision.UpgradesText && lookup.Story(existing) is { } stored)
            {
                NearDuplicateIndex.ReplaceText(
                    connection, transaction, existing, stored, article.Text, article.ContentHash, article.Html, article.TextSource, keys, recent);
                if (decision.ReplacesFeedText)
                {
                    TakePageMetadata(connection, transaction, existing, article);
                }
                // The page goes with the text it gave; a text from a feed leaves the story no page to re-extract.
                ArticlePages.Keep(connection, transaction, existing, article.Page);
            }
            outcome = new StoreOutcome(
                decision.ReplacesFeedText ? StoreOutcomeKind.ReplacedFeedText : KindOf(decision.Kind), existing, decision.UpgradesText, decision.Reason);
        }

        // One change value for whatever this copy changed (the story, its text, its sightings).
        var changed = outcome.Kind == StoreOutcomeKind.Stored || outcome.TextReplaced;
        changed |= InsertSighting(connection, transaction, outcome.ArticleId, article.SourceId, article.Url, article.FetchedAt);
        foreach (var other in article.AlsoSeenAt)
        {
            changed |= InsertSighting(connection, transaction, outcome.ArticleId, article.SourceId, other, article.FetchedAt);
        }
        if (changed && !stamped)
        {
            ChangeSequence.Stamp(connection, transaction, outcome.ArticleId, article.FetchedAt);
        }
        if (run is { } counted)
        {
            CountInRun(connection, transaction, counted, outcome.Kind switch
            {
                StoreOutcomeKind.Stored => RunCount.NewArticles,
                StoreOutcomeKind.ReplacedFeedText => RunCount.Upgraded,
                _ => RunCount.Duplicates,
            }, article.FetchedAt);
        }
        return outcome;
    }

    /// <summary>
    /// What the page says of an article stored from its feed's text, where it says anything: the
    /// page is preferred as when it is had at once (<c>SourcePass</c> builds its record so), and what
    /// the feed alone gave stays where the page is silent. The first source, URL, fetch time and
    /// enclosure stay: the article was first seen then, there.
    /// </summary>
    private static void TakePageMetadata(SqliteConnection connection, SqliteTransaction transaction, long articleId, ArticleRecord page) =>
        Execute(connection, """
            UPDATE articles SET title = coalesce($title, title), byline = coalesce($byline, byline),
                                published_at = coalesce($published, published_at), language = coalesce($language, language),
                                site_name = coalesce($site, site_name), image_url = coalesce($image, image_url),
                                description = coalesce($description, description)
            WHERE id = $id;
            """, transaction,
            ("$title", page.Title), ("$byline", page.Byline), ("$published", page.PublishedAt is { } published ? Format(published) : null),
            ("$language", page.Language), ("$site", page.SiteName), ("$image", page.ImageUrl), ("$description", page.Description),
            ("$id", articleId));

    internal static TextSource TextSourceOf(SqliteConnection connection, SqliteTransaction? transaction, long articleId) =>
        TextSourceColumn.Parse(Scalar(connection, "SELECT text_source FROM articles WHERE id = $id;", transaction, ("$id", articleId)) as string);

    private static StoreOutcomeKind KindOf(DuplicateKind kind) => kind switch
    {
        DuplicateKind.KnownUrl => StoreOutcomeKind.KnownUrl,
        DuplicateKind.SameText => StoreOutcomeKind.SameText,
        DuplicateKind.DeclaredCanonical => StoreOutcomeKind.DeclaredCanonical,
        DuplicateKind.NearDuplicate => StoreOutcomeKind.NearDuplicate,
        _ => StoreOutcomeKind.Stored,
    };

    internal static long? FindArticleIdByUrl(SqliteConnection connection, SqliteTransaction? transaction, string url) =>
        Scalar(connection, "SELECT article_id FROM article_sightings WHERE url = $url LIMIT 1;", transaction, ("$url", url))
            is long id ? id : null;

    internal static long? FindArticleIdByHash(SqliteConnection connection, SqliteTransaction transaction, string hash) =>
        Scalar(connection, "SELECT id FROM articles WHERE content_hash = $hash;", transaction, ("$hash", hash))
            is long id ? id : null;

    /// <param name="changeSeq">The article's change value (<see cref="ChangeSequence.Next"/>), written with the row.</param>
    /// <remarks>
    /// The id is above every id stored or recorded as deleted (<c>article_deletions</c>): SQLite
    /// alone gives the highest id plus one, which after the newest article was deleted (a
    /// <c>reextract</c> merge, another program) is that article's id again, and a pipeline keeping
    /// copies by id would take the new story for the deleted one.
    /// </remarks>
    private static long InsertArticle(SqliteConnection connection, SqliteTransaction transaction, ArticleRecord article, long changeSeq)
    {
        var command = Statements.For(connection, transaction, """
            INSERT INTO articles (id, source_id, url, title, byline, published_at, fetched_at, language, text,
                                  content_hash, site_name, image_url, description, html,
                                  enclosure_url, enclosure_type, enclosure_length, text_source, change_seq, updated_at)
            VALUES ((SELECT coalesce(max(top), 0) + 1 FROM (SELECT max(id) AS top FROM articles
                                                            UNION ALL SELECT max(article_id) FROM article_deletions)),
                    $source, $url, $title, $byline, $published, $fetched, $language, $text,
                    $hash, $site, $image, $description, $html,
                    $enclosure_url, $enclosure_type, $enclosure_length, $text_source, $change_seq, $fetched)
            RETURNING id;
            """);
        Bind(command,
            ("$source", article.SourceId), ("$url", article.Url), ("$title", article.Title), ("$byline", article.Byline),
            ("$published", article.PublishedAt is { } published ? Format(published) : null),
            ("$fetched", Format(article.FetchedAt)), ("$language", article.Language), ("$text", article.Text),
            ("$hash", article.ContentHash), ("$site", article.SiteName), ("$image", article.ImageUrl),
            ("$description", article.Description), ("$html", article.Html),
            ("$enclosure_url", article.EnclosureUrl), ("$enclosure_type", article.EnclosureType), ("$enclosure_length", article.EnclosureLength),
            ("$text_source", TextSourceColumn.Of(article.TextSource)), ("$change_seq", changeSeq));
        return (long)command.ExecuteScalar()!;
    }

    private static bool InsertSighting(
        SqliteConnection connection, SqliteTransaction? transaction, long articleId, string sourceId, string url, DateTimeOffset seenAt)
    {
        var command = Statements.For(connection, transaction, """
            INSERT INTO article_sightings (article_id, source_id, url, seen_at)
            VALUES ($article, $source, $url, $seen)
            ON CONFLICT (source_id, url) DO NOTHING;
            """);
        Bind(command, ("$article", articleId), ("$source", sourceId), ("$url", url), ("$seen", Format(seenAt)));
        return command.ExecuteNonQuery() == 1;
    }
}
