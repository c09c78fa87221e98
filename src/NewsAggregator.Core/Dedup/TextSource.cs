namespace NewsAggregator.Dedup;

/// <summary>
/// Where an article's text came from. A page's text is the article as its publisher shows it; the
/// feed's is what the feed carried (often a teaser of a sentence or two), stored only when the page
/// could not be had, or for an entry whose page is its media file. The duplicate decision lets a
/// page's text replace the feed's at the same URL (<see cref="DuplicateResolver"/>).
/// </summary>
public enum TextSource
{
    /// <summary>Extracted from the article's page (or, through a text upgrade, another site's copy of it).</summary>
    Page,
    /// <summary>The feed entry's own content.</summary>
    Feed,
}
