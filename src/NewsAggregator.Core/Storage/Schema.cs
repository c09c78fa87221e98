namespace NewsAggregator.Storage;

/// <summary>
/// The database's forward migrations, applied in order; <c>PRAGMA user_version</c> records how many
/// have run. Never edit a shipped step: append a new one, since pipelines rely on the schema.
/// </summary>
internal static class Schema
{
    public static readonly string[] Migrations =
    [
        // 1: the public tables of DESIGN.md, plus per-source state and a log of runs.
        """
        CREATE TABLE sources (
            id         TEXT PRIMARY KEY,
            name       TEXT NOT NULL,
            type       TEXT NOT NULL,
            url        TEXT NOT NULL,
            enabled    INTEGER NOT NULL DEFAULT 1,
            updated_at TEXT NOT NULL
        );

        CREATE TABLE articles (
            id           INTEGER PRIMARY KEY,
            source_id    TEXT NOT NULL REFERENCES sources(id),
            url          TEXT NOT NULL UNIQUE,
            title        TEXT,
            byline       TEXT,
            published_at TEXT,
            fetched_at   TEXT NOT NULL,
            language     TEXT,
            text         TEXT NOT NULL,
            content_hash TEXT,
            site_name    TEXT,
            image_url    TEXT,
            description  TEXT
        );
        CREATE UNIQUE INDEX articles_content_hash ON articles(content_hash) WHERE content_hash IS NOT NULL;
        CREATE INDEX articles_published_at ON articles(published_at);
        CREATE INDEX articles_fetched_at ON articles(fetched_at);

        CREATE TABLE article_sightings (
            article_id INTEGER NOT NULL REFERENCES articles(id),
            source_id  TEXT NOT NULL REFERENCES sources(id),
            url        TEXT NOT NULL,
            seen_at    TEXT NOT NULL,
            PRIMARY KEY (source_id, url)
        ) WITHOUT ROWID;
        CREATE INDEX article_sightings_url ON article_sightings(url);
        CREATE INDEX article_sightings_article ON article_sightings(article_id);

        CREATE TABLE source_state (
            source_id            TEXT PRIMARY KEY REFERENCES sources(id),
            last_run_at          TEXT,
            last_success_at      TEXT,
            consecutive_failures INTEGER NOT NULL DEFAULT 0,
            last_error           TEXT
        );

        CREATE TABLE runs (
            id           INTEGER PRIMARY KEY,
            source_id    TEXT NOT NULL REFERENCES sources(id),
            started_at   TEXT NOT NULL,
            finished_at  TEXT NOT NULL,
            new_articles INTEGER NOT NULL,
            duplicates   INTEGER NOT NULL,
            failed       INTEGER NOT NULL,
            known        INTEGER NOT NULL,
            error        TEXT
        );
        CREATE INDEX runs_source ON runs(source_id, started_at);
        """,

        // 2: the near-duplicate index, the LSH band keys of each article (Dedup/LshBands). Keys
        // first, so a lookup is a range of the primary key; WITHOUT ROWID, so a row is only its
        // two integers (about 20 bytes, 32 rows an article). No foreign key: it is derived data,
        // and a key would make every delete from articles scan it. Existing articles are
        // indexed by NewsDatabase right after this step, in the same transaction.
        """
        CREATE TABLE near_duplicate_bands (
            band_key   INTEGER NOT NULL,
            article_id INTEGER NOT NULL,
            PRIMARY KEY (band_key, article_id)
        ) WITHOUT ROWID;
        """,

        // 3: resilience: when each source is next due (backoff, Retry-After, feed hints), why single
        // entries of a run failed, and the validators of the documents each source fetched, for
        // conditional GETs. Self-contained, so it can run after any other step.
        """
        ALTER TABLE source_state ADD COLUMN next_due_at TEXT;
        ALTER TABLE runs ADD COLUMN entry_problems TEXT;

        CREATE TABLE fetch_validators (
            source_id     TEXT NOT NULL REFERENCES sources(id),
            url           TEXT NOT NULL,
            etag          TEXT,
            last_modified TEXT,
            updated_at    TEXT NOT NULL,
            PRIMARY KEY (source_id, url)
        ) WITHOUT ROWID;
        """,

        // 4: the article as sanitised HTML beside its text. Rows stored before it keep NULL:
        // their pages are not fetched again, and the text is still there.
        """
        ALTER TABLE articles ADD COLUMN html TEXT;
        """,

        // 5: marks the file as ours (ApplicationId), so that a database is recognised by something
        // positive before anything is written to it: another program's SQLite file is refused, not
        // given our tables.
        """
        PRAGMA application_id = 1312900935;
        """,

        // 6: each host's robots.txt answer with its expiry, so that a process started from cron
        // does not ask every host for it again (Fetching/RobotsCache). host is scheme://name:port;
        // body is NULL when the file gave no rules (4xx); unreachable says why a 5xx or 429 answer
        // disallows everything until expires_at.
        """
        CREATE TABLE robots_txt (
            host        TEXT PRIMARY KEY,
            body        BLOB,
            unreachable TEXT,
            expires_at  TEXT NOT NULL
        ) WITHOUT ROWID;
        """,

        // 7: each indexed article's near-duplicate sketch (Dedup/StorySketch, 96 bytes), so that a
        // candidate the band keys find by chance is dismissed without reading and shingling its
        // text. Derived data like the band keys: no foreign key. Filled for existing articles by
        // NewsDatabase right after this step, in the same transaction.
        """
        CREATE TABLE near_duplicate_sketches (
            article_id INTEGER PRIMARY KEY,
            sketch     BLOB NOT NULL
        );
        """,

        // 8: entries whose article could not be had, each with its own retry state (Pipeline/EntryBackoff),
        // so that a dead link is asked for on a schedule of its own and, past a limit, no more, while
        // its feed's validators are kept and an unchanged feed is a 304. url is the entry's canonical
        // URL. next_attempt_at is NULL once gave_up_at is set. Self-contained, so it can run after any
        // other step; IF NOT EXISTS lets it run again on a file whose user_version was set back (as
        // tests do to replay an earlier step).
        """
        CREATE TABLE IF NOT EXISTS entry_retries (
            source_id       TEXT NOT NULL REFERENCES sources(id),
            url             TEXT NOT NULL,
            failures        INTEGER NOT NULL CHECK (failures >= 0),
            first_failed_at TEXT NOT NULL,
            last_failed_at  TEXT NOT NULL,
            next_attempt_at TEXT,
            last_error      TEXT NOT NULL,
            gave_up_at      TEXT,
            PRIMARY KEY (source_id, url),
            CHECK ((gave_up_at IS NULL) <> (next_attempt_at IS NULL))
        ) WITHOUT ROWID;
        """,

        // 9: the file an entry carries (a podcast's audio, a video, an article's picture): its URL,
        // MIME type and length in bytes as the feed gives them. Rows stored before it keep NULL.
        // Self-contained, so it can run after any other step.
        """
        ALTER TABLE articles ADD COLUMN enclosure_url TEXT;
        ALTER TABLE articles ADD COLUMN enclosure_type TEXT;
        ALTER TABLE articles ADD COLUMN enclosure_length INTEGER;
        """,

        // 10: the change feed (ChangeSequence, ChangeExportQuery): every insert or change of an
        // article takes the next value of one counter, kept in a table of its own rather than taken
        // as max(change_seq)+1, so that a value is never handed out twice even once the article that
        // held the highest one is deleted (a pipeline past that value would never see its reuse).
        // Existing articles are numbered in id order, which is the order they were stored in, and
        // count as changed when they were fetched. The index serves "changed after N" and, being
        // unique, makes a value given twice a failed write rather than a row a pipeline may miss.
        """
        CREATE TABLE change_sequence (
            id         INTEGER PRIMARY KEY CHECK (id = 1),
            last_value INTEGER NOT NULL
        );
        ALTER TABLE articles ADD COLUMN change_seq INTEGER;
        ALTER TABLE articles ADD COLUMN updated_at TEXT;
        UPDATE articles SET change_seq = numbered.seq, updated_at = articles.fetched_at
        FROM (SELECT id, row_number() OVER (ORDER BY id) AS seq FROM articles) AS numbered
        WHERE numbered.id = articles.id;
        INSERT INTO change_sequence (id, last_value) VALUES (1, (SELECT count(*) FROM articles));
        CREATE UNIQUE INDEX articles_change_seq ON articles(change_seq);
        """,

        // 11: the band keys of the articles stored since the last merge into near_duplicate_bands
        // (Storage/RecentBands), one row an article, as a JSON array: appended in the article's
        // transaction, and moved into the index in key order every few thousand articles, instead of
        // 32 random inserts an article. Derived data like the band keys: no foreign key.
        """
        CREATE TABLE near_duplicate_recent (
            article_id INTEGER PRIMARY KEY,
            band_keys  TEXT NOT NULL
        );
        """,

        TextSourceStep,
        // 13: full-text search (FullTextIndex).
        FullTextIndex.Migration,
        // 14: each article's page as fetched, compressed (StoredPage), so that reextract can run a
        // newer extractor or new selectors over it without the network. A table of its own, so that
        // scans of articles never read the pages. Deleting an article deletes its page (the cascade
        // needs no index beyond the key). Self-contained, so it can run after any other step;
        // articles stored before it have no page.
        """
        CREATE TABLE IF NOT EXISTS article_pages (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            source_id  TEXT NOT NULL REFERENCES sources(id),
            url        TEXT NOT NULL,
            final_url  TEXT NOT NULL,
            media_type TEXT,
            charset    TEXT,
            fetched_at TEXT NOT NULL,
            encoding   TEXT NOT NULL,
            raw_length INTEGER NOT NULL CHECK (raw_length >= 0),
            body       BLOB NOT NULL
        );
        """,
        // 15: the URLs of the articles `prune` deleted (ArticleRetention), so that a feed still listing
        // one does not bring its story back as new on the next pass. listed_at is when a source last
        // listed the URL (at first, when it was pruned): a later prune forgets the URLs no source has
        // listed since its cutoff. article_id is the deleted article's, for pipelines that keep copies.
        // Self-contained, so it can run after any other step.
        """
        CREATE TABLE IF NOT EXISTS pruned_urls (
            url        TEXT PRIMARY KEY,
            article_id INTEGER NOT NULL,
            pruned_at  TEXT NOT NULL,
            listed_at  TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS pruned_urls_listed_at ON pruned_urls(listed_at);
        """,
        // 16: new and changed rows indexed once at the end of their transaction, not one by one
        // (FullTextIndex). Run only where the index exists (NewsDatabase.Migrate).
        FullTextIndex.DeferredInserts,
        // 17: deletions in the change feed (ArticleDeletions).
        ArticleDeletions.Migration,
    ];

    /// <summary>
    /// Where each article's text came from (<c>text_source</c>: <c>page</c> or <c>feed</c>, see
    /// Dedup/TextSource), and how many articles stored from their feed's text a pass completed with
    /// their page (<c>runs.upgraded</c>). Rows stored before it are <c>page</c>: the database did not
    /// record the difference, and guessing it from <c>runs.entry_problems</c> (at most 50 lines a
    /// pass) would mark some and miss others. Self-contained, so it can run after any other step.
    /// </summary>
    private const string TextSourceStep = """
        ALTER TABLE articles ADD COLUMN text_source TEXT NOT NULL DEFAULT 'page' CHECK (text_source IN ('page', 'feed'));
        ALTER TABLE runs ADD COLUMN upgraded INTEGER NOT NULL DEFAULT 0;
        """;

    /// <summary>
    /// <c>PRAGMA application_id</c> of our databases from migration 5 on ("NAGG" in ASCII), the way
    /// SQLite means other programs to tell their files apart.
    /// </summary>
    public const int ApplicationId = 0x4E414747;

    /// <summary>
    /// The tables migration 1 creates: a database made before <see cref="ApplicationId"/> existed is
    /// recognised as ours by a schema version above zero together with all of them.
    /// </summary>
    public static readonly string[] FirstTables = ["sources", "articles", "article_sightings", "source_state", "runs"];

    /// <summary>The version whose migration creates the near-duplicate index, which then needs filling.</summary>
    public const int NearDuplicateIndexVersion = 2;

    /// <summary>The version whose migration creates the near-duplicate sketches, which then need filling.</summary>
    public const int NearDuplicateSketchVersion = 7;

    /// <summary>The version whose migration adds the change sequence (<c>change_seq</c>, <c>updated_at</c>) that <c>export</c> reads.</summary>
    public const int ChangeSequenceVersion = 10;

    /// <summary>The version whose migration adds <c>articles.text_source</c> and <c>runs.upgraded</c> (found by its step, so that it is numbered in one place).</summary>
    public static readonly int TextSourceVersion = Array.IndexOf(Migrations, TextSourceStep) + 1;

    /// <summary>The version whose migration adds the full-text index (<c>articles_fts</c>) that <c>search</c> reads.</summary>
    public static readonly int FullTextSearchVersion = Array.IndexOf(Migrations, FullTextIndex.Migration) + 1;

    /// <summary>The version whose migration records deleted articles in the change feed (<c>article_deletions</c>).</summary>
    public static readonly int DeletionsVersion = Array.IndexOf(Migrations, ArticleDeletions.Migration) + 1;

    /// <summary>The version whose migration makes the full-text index take new rows at the end of their transaction.</summary>
    public static readonly int FullTextDeferredVersion = Array.IndexOf(Migrations, FullTextIndex.DeferredInserts) + 1;
}
