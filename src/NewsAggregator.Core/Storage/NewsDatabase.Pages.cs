using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsAggregator.Dedup;

namespace NewsAggregator.Storage;

/// <summary>Stored pages and their re-extraction: reading them in batches, and writing what a newer extraction gives.</summary>
public sealed partial class NewsDatabase
{
    /// <summary>The page stored for an article, or null when it has none.</summary>
    public StoredPage? FindPage(long articleId) => Read(connection =>
    {
        var command = Statements.For(connection, null, $"SELECT {ArticlePages.Columns} FROM article_pages p WHERE p.article_id = $article;");
        command.Parameters.AddWithValue("$article", articleId);
        using var row = command.ExecuteReader();
        return row.Read() ? ArticlePages.Read(row, 0) : null;
    });

    /// <summary>The ids of the sources the database has known, those gone from sources.json included.</summary>
    public IReadOnlySet<string> ReadSourceIds() => Read(connection =>
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        using var row = Statements.For(connection, null, "SELECT id FROM sources;").ExecuteReader();
        while (row.Read())
        {
            ids.Add(row.GetString(0));
        }
        return ids;
    });

    /// <summary>
    /// Up to <paramref name="limit"/> stored pages that <paramref name="selection"/> takes, of articles
    /// after <paramref name="afterArticleId"/> in id order, each with its article as it stands: one
    /// short read, so a caller goes through every page a batch at a time.
    /// </summary>
    public IReadOnlyList<PageToReextract> ReadPagesToReextract(PageSelection selection, long afterArticleId, int limit)
    {
        ArgumentNullException.ThrowIfNull(selection);
        return Read(connection =>
        {
            var command = Statements.For(connection, null, $"""
                SELECT p.article_id, a.url, a.change_seq, a.text, a.html, a.title, a.byline, a.published_at, a.language,
                       a.site_name, a.image_url, a.description, {ArticlePages.Columns}
                FROM article_pages p JOIN articles a ON a.id = p.article_id
                WHERE p.article_id > $after
                  AND ($since IS NULL OR p.fetched_at >= $since)
                  AND ($sources IS NULL OR p.source_id IN (SELECT value FROM json_each($sources)))
                ORDER BY p.article_id
                LIMIT $limit;
                """);
            Bind(command, ("$after", afterArticleId), ("$limit", limit),
                ("$since", selection.Since is { } since ? Format(since) : null),
                ("$sources", selection.SourceIds.Count == 0 ? null : JsonArray(selection.SourceIds)));
            var pages = new List<PageToReextract>();
            using var row = command.ExecuteReader();
            while (row.Read())
            {
                var stored = new ArticleFields
                {
                    Text = row.GetString(3),
                    Html = NullableText(row, 4),
                    Title = NullableText(row, 5),
                    Byline = NullableText(row, 6),
                    PublishedAt = ParseTime(row, 7),
                    Language = NullableText(row, 8),
                    SiteName = NullableText(row, 9),
                    ImageUrl = NullableText(row, 10),
                    Description = NullableText(row, 11),
                };
                pages.Add(new PageToReextract(row.GetInt64(0), row.GetString(1), row.GetInt64(2), stored, ArticlePages.Read(row, 12)));
            }
            return pages;
        });
    }

    private static string? NullableText(SqliteDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

    /// <summary>
    /// Writes what re-extraction gave these articles, in one transaction: each takes its new fields
    /// and a new change value; one whose text changed is re-indexed and decided again like an
    /// incoming copy (<see cref="DuplicateResolver"/>, itself left out). When it is now a copy of
    /// another story, the two become one: the later of the two (by id) is deleted, its sightings
    /// moved to the earlier one, which takes the re-extracted text when the re-extracted article is
    /// the earlier one, or when it is the later one and its text upgrades the earlier one's (the
    /// page going with the text, as when a pass stores a longer copy). An article changed by anyone
    /// since its page was read is left alone (<see cref="ReextractionResult.Skipped"/>).
    /// </summary>
    public IReadOnlyList<ReextractionOutcome> ApplyReextraction(IReadOnlyList<ReextractedArticle> articles, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(articles);
        return InIndexingTransaction((connection, transaction) =>
            articles.Select(article => Reextracted(connection, transaction, article, now)).ToList());
    }

    private ReextractionOutcome Reextracted(SqliteConnection connection, SqliteTransaction transaction, ReextractedArticle article, DateTimeOffset now)
    {
        var id = article.Read.ArticleId;
        var current = Scalar(connection, "SELECT change_seq FROM articles WHERE id = $id;", transaction, ("$id", id));
        if (current is not long seq)
        {
            return new(ReextractionResult.Skipped, id, null, "the article is no longer stored (merged into another earlier in this run, or deleted meanwhile)");
        }
        if (seq != article.Read.ChangeSeq)
        {
            return new(ReextractionResult.Skipped, id, null, "the article changed since its page was read (the worker stored something for it); run reextract again");
        }
        if (!article.TextChanged)
        {
            UpdateFields(connection, transaction, id, article.Fields, article.ContentHash);
            ChangeSequence.Stamp(connection, transaction, id, now);
            return new(ReextractionResult.Updated, id, null, "metadata or HTML changed");
        }

        var self = NearDuplicateIndex.Load(connection, transaction, id)!;
        var lookup = new ExcludingLookup(new StoryLookup(connection, transaction, null, _recent), id);
        var incoming = new IncomingStory(article.Read.ArticleUrl, article.ContentHash, article.DeclaredCanonicalUrl,
            self with { Shingles = article.Shingles, PublishedAt = article.Fields.PublishedAt }, article.Keys);
        var decision = DuplicateResolver.Decide(incoming, lookup);
        if (decision.ArticleId is not { } other)
        {
            UpdateFields(connection, transaction, id, article.Fields, article.ContentHash);
            NearDuplicateIndex.Reindex(connection, transaction, id, self, article.Keys, _recent);
            Remember(article);
            ChangeSequence.Stamp(connection, transaction, id, now);
            return new(ReextractionResult.Updated, id, null, "text changed");
        }

        var otherStory = lookup.Story(other)!;
        if (other < id)
        {
            // The re-extracted article is the later copy: it becomes sightings of the earlier story.
            RemoveMerged(connection, transaction, id, other, self, now);
            if (decision.UpgradesText)
            {
                // A stored page's text is a page's text.
                NearDuplicateIndex.ReplaceText(connection, transaction, other, otherStory, article.Fields.Text, article.ContentHash,
                    article.Fields.Html, TextSource.Page, article.Keys, _recent);
                ArticlePages.Keep(connection, transaction, other, article.Read.Page);
                Remember(article);
            }
            ChangeSequence.Stamp(connection, transaction, other, now);
            return new(ReextractionResult.Merged, other, id, $"merged into article {other}: {decision.Reason}");
        }
        // The other story is the later copy: it becomes sightings of this one, which keeps its new text.
        RemoveMerged(connection, transaction, other, id, otherStory, now);
        UpdateFields(connection, transaction, id, article.Fields, article.ContentHash);
        NearDuplicateIndex.Reindex(connection, transaction, id, self, article.Keys, _recent);
        Remember(article);
        ChangeSequence.Stamp(connection, transaction, id, now);
        return new(ReextractionResult.Merged, id, other, $"article {other} merged into it: {decision.Reason}");
    }

    /// <summary>The next copy of this text finds its shingles at hand, as after storing a new story.</summary>
    private void Remember(ReextractedArticle article)
    {
        if (article.ContentHash is { } hash && article.Keys.BandKeys.Length > 0)
        {
            _shingles.Keep(hash, article.Shingles);
        }
    }

    /// <summary>Deletes <paramref name="removed"/> once its sightings are <paramref name="kept"/>'s; its page goes with it (ON DELETE CASCADE).</summary>
    private void RemoveMerged(
        SqliteConnection connection, SqliteTransaction transaction, long removed, long kept, StoryCopy removedStory, DateTimeOffset now)
    {
        Execute(connection, "UPDATE article_sightings SET article_id = $kept WHERE article_id = $removed;", transaction,
            ("$kept", kept), ("$removed", removed));
        NearDuplicateIndex.Remove(connection, transaction, removed, removedStory, _recent);
        Execute(connection, "DELETE FROM articles WHERE id = $removed;", transaction, ("$removed", removed));
        ArticleDeletions.MarkMerged(connection, transaction, removed, kept, Format(now));
    }

    private static void UpdateFields(SqliteConnection connection, SqliteTransaction transaction, long id, ArticleFields fields, string? hash) =>
        Execute(connection, """
            UPDATE articles SET text = $text, content_hash = $hash, html = $html, title = $title, byline = $byline,
                published_at = $published, language = $language, site_name = $site, image_url = $image, description = $description
            WHERE id = $id;
            """, transaction,
            ("$id", id), ("$text", fields.Text), ("$hash", hash), ("$html", fields.Html), ("$title", fields.Title), ("$byline", fields.Byline),
            ("$published", fields.PublishedAt is { } published ? Format(published) : null), ("$language", fields.Language),
            ("$site", fields.SiteName), ("$image", fields.ImageUrl), ("$description", fields.Description));

    /// <summary>A JSON array of texts, for SQLite's <c>json_each</c>.</summary>
    private static string JsonArray(IEnumerable<string> texts) =>
        $"[{string.Join(',', texts.Select(text => $"\"{JsonEncodedText.Encode(text).Value}\""))}]";

    /// <summary>The stored stories without the one being decided again: its own URL and text would find itself.</summary>
    private sealed class ExcludingLookup(IStoryLookup stored, long excluded) : IStoryLookup
    {
        public long? ArticleAtUrl(string url) => stored.ArticleAtUrl(url) is { } id && id != excluded ? id : null;

        public long? ArticleWithText(string contentHash) => stored.ArticleWithText(contentHash) is { } id && id != excluded ? id : null;

        public IReadOnlyList<NearDuplicateCandidate> Candidates(IReadOnlyList<long> bandKeys) =>
            stored.Candidates(bandKeys).Where(candidate => candidate.ArticleId != excluded).ToList();

        public StoryCopy? Story(long articleId) => articleId == excluded ? null : stored.Story(articleId);

        public TextSource TextSourceOf(long articleId) => stored.TextSourceOf(articleId);
    }
}
