using AngleSharp.Dom;

namespace NewsAggregator.Extraction;

/// <summary>An article's text and the same article as sanitised HTML.</summary>
internal readonly record struct ArticleContent(string Text, string Html)
{
    public static readonly ArticleContent Empty = new("", "");

    public static ArticleContent FromText(string text) => new(text, ArticleHtml.FromText(text));
}

/// <summary>The article's paragraphs: the best prose container's blocks, less the furniture that sits inside it.</summary>
internal static class ArticleBody
{
    /// <param name="metadata">The page's metadata: its title and byline are not part of the text.</param>
    /// <param name="structuredBody">The JSON-LD articleBody, if the page has one.</param>
    /// <param name="pageUrl">Resolves the links and images of the HTML.</param>
    public static ArticleContent Find(IElement body, ExtractedArticle metadata, string? structuredBody, Uri? pageUrl, CancellationToken cancellationToken)
    {
        using var outline = PageOutline.Of(body);
        var (content, notice, noticeOnly) = Find(outline, Look.First, null, metadata, pageUrl);
        cancellationToken.ThrowIfCancellationRequested();
        // Class and id names are a guess at what furniture is, and on some pages a wrong one
        // hides the article's wrapper (or two: an ad slot's name around a wrapper named like a
        // banner): as Readability does, look again while the text is short, first sparing the
        // named element richest in prose, then without names, and take what a look finds when
        // it is clearly more. Without names a tooltip or a sidebar reads as prose too, so that
        // look must find several times the text to replace some. The site's legal notice, once
        // found, stays out of the later looks, and when it is all the first look found it is no
        // article however long: anything a later look finds beats it.
        foreach (var look in (ReadOnlySpan<Look>)[Look.SpareRichestNamed, Look.IgnoreNames])
        {
            if (!noticeOnly && content.Text.Length >= RetryBelowChars)
            {
                break;
            }
            var (again, _, againNoticeOnly) = Find(outline, look, notice, metadata, pageUrl);
            if (again.Text.Length == 0 && notice is not null)
            {
                // What the first look took for the notice was a wrapper holding more than it (the
                // page's body, say): left out, it leaves nothing, so this look goes without it.
                (again, _, againNoticeOnly) = Find(outline, look, null, metadata, pageUrl);
            }
            var gain = look == Look.IgnoreNames ? NamelessGainFactor : RetryGainFactor;
            // Anything beats nothing: a short article in Chinese or Japanese is a few dozen characters.
            if (again.Text.Length > 0 && !againNoticeOnly
                && (noticeOnly || content.Text.Length == 0 || again.Text.Length > gain * content.Text.Length + RetryMinimumGainChars))
            {
                (content, noticeOnly) = (again, false);
            }
        }
        return Prefer(content, structuredBody);
    }

    // Articles shorter than this are rare enough that a second look at the page costs little.
    private const int RetryBelowChars = 400;
    private const double RetryGainFactor = 2;
    private const int RetryMinimumGainChars = 200;
    // Short texts beside tooltips or a sidebar gained about twice their length from a look without names; hidden articles many times theirs.
    private const double NamelessGainFactor = 4;

    /// <param name="notice">The site's legal notice, when an earlier look found it: it stays out.</param>
    /// <returns>What the look found; the notice, when one is known; and whether the notice is all the look found.</returns>
    private static (ArticleContent Content, int? Notice, bool NoticeOnly) Find(PageOutline outline, Look look, int? notice, ExtractedArticle metadata, Uri? pageUrl)
    {
        var survey = MainContent.Survey(outline, look, metadata.Title);
        if (notice is { } known)
        {
            survey.LeaveOut([known]);
        }
        var content = Find(outline, look, survey, metadata, pageUrl, out var chosen);
        if (notice is null && chosen is { } found && IsSiteNotice(content.Text))
        {
            // The site's legal notice (who owns the texts, on what terms they may be quoted) is
            // the longest prose on a page whose article is a short brief: look again without it,
            // and keep it only when nothing else reads as prose. A fresh survey: the first look
            // changed its own (the link boxes and editorial boxes of what it chose).
            var again = Find(outline, look, found, metadata, pageUrl).Content;
            return again.Text.Length > 0 ? (again, found, false) : (content, found, true);
        }
        return (content, notice, false);
    }

    // A legal notice: short, and saying so more than once (a copyright sign, "all rights reserved",
    // "may not be reproduced", "without written permission").
    private const int SiteNoticeMaxChars = 2500;
    private const int SiteNoticeMarks = 2;

    private static bool IsSiteNotice(string text) =>
        text.Length < SiteNoticeMaxChars && FurnitureVocabulary.CopyrightMarks(text) >= SiteNoticeMarks;

    private static ArticleContent Find(PageOutline outline, Look look, PageSurvey survey, ExtractedArticle metadata, Uri? pageUrl, out int? chosen)
    {
        chosen = null;
        using var mass = TextMass.Of(outline, survey.LeftOut);
        if (MainContent.Best(outline, mass, survey.MarkedBodies, survey.SoleArticle, metadata.Title, out var whole) is not { } best)
        {
            if (look != Look.IgnoreNames || outline.Count == 0)
            {
                return ArticleContent.Empty;
            }
            // The last look found no element that reads like prose: a page whose text stands in
            // one run with its links (a forum thread or an old layout written with <br> and
            // <font>, a page inside one link). Its body less the lines the filter drops beats
            // nothing, when a paragraph of it is prose; a section front's headlines are not.
            var body = Render([outline.Element(0)], survey.Unrendered, metadata, pageUrl);
            return HoldsParagraph(body.Text) ? body : ArticleContent.Empty;
        }
        chosen = best;
        // The <article> taken over the measure's choice is a whole composition: what stands beside it
        // (the comment thread that outweighed it) is not more of it.
        var joined = whole ? [best] : MainContent.WithSiblings(outline, mass, best);
        survey.LeaveOut(LinkBoxes.Within(outline, mass, joined));
        MainContent.KeepEditorialBoxes(outline, survey, joined);
        // A lead between the headline and the text, outside the text's own container, comes first.
        var roots = MainContent.LeadBefore(outline, mass, joined[0], metadata.Title).ConvertAll(outline.Element);
        if (joined.Count == 1)
        {
            roots.Add(outline.Element(best));
            return Render(roots, survey.Unrendered, metadata, pageUrl);
        }
        // The siblings' parent (of the chosen element, or of the tables around it) is rendered as one
        // root, less its other children, so that the text and the HTML see one tree exactly as they do for a single element.
        var parent = outline.Element(outline.Parent(joined[0]));
        var kept = joined.ConvertAll(outline.Element).ToHashSet();
        roots.Add(parent);
        return Render(roots, element => survey.Unrendered(element) || (element.ParentElement == parent && !kept.Contains(element)), metadata, pageUrl);
    }

    // A paragraph this long is prose, not a headline or a label.
    private const int ParagraphChars = 150;

    private static bool HoldsParagraph(string text)
    {
        foreach (var range in text.AsSpan().Split("\n\n"))
        {
            if (range.End.Value - range.Start.Value >= ParagraphChars)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The article held by elements a source's selector chose: only hidden elements and furniture inside them go.</summary>
    public static ArticleContent Of(IReadOnlyList<IElement> chosen, ExtractedArticle metadata, Uri? pageUrl)
    {
        var outlines = chosen.Select(PageOutline.Of).ToList();
        try
        {
            var surveys = outlines.Select(outline => MainContent.Survey(outline)).ToList();
            return Render(chosen, element => surveys.Any(survey => survey.Unrendered(element)), metadata, pageUrl);
        }
        finally
        {
            outlines.ForEach(outline => outline.Dispose());
        }
    }

    /// <summary>
    /// The blocks of <paramref name="roots"/> less the furniture lines among them, rendered to
    /// the text and the HTML alike (<see cref="ArticleBlocks"/>).
    /// </summary>
    private static ArticleContent Render(IReadOnlyList<IElement> roots, Func<IElement, bool> unrendered, ExtractedArticle metadata, Uri? pageUrl)
    {
        var blocks = BlockRenderer.Render(roots, unrendered);
        var kept = InlineFurniture.Without(blocks.Blocks, metadata, pageUrl);
        if (kept.Count == 0)
        {
            return ArticleContent.Empty;
        }
        var (text, html) = blocks.Render(kept, pageUrl);
        return new ArticleContent(text, html);
    }

    /// <summary>
    /// The markup's text unless the JSON-LD body is clearly more complete: structured bodies
    /// are often truncated teasers, but on pages that hide the text in markup they are all there is.
    /// </summary>
    private static ArticleContent Prefer(ArticleContent dom, string? structuredBody)
    {
        // Rendering never lengthens text (tags, entities and runs of whitespace only shrink), so a
        // raw body that is not clearly more cannot become so: it is not worth a second parse.
        if (string.IsNullOrWhiteSpace(structuredBody) || !ClearlyMore(structuredBody.Length, dom.Text.Length))
        {
            return dom;
        }
        var structured = ArticleText.FromPlainText(structuredBody);
        return ClearlyMore(structured.Length, dom.Text.Length) ? ArticleContent.FromText(structured) : dom;
    }

    // Twice the markup's text: a body that is merely a little longer may only repeat captions or credits.
    private static bool ClearlyMore(int structuredLength, int domLength) =>
        structuredLength > domLength * 2 && (structuredLength > 400 || domLength == 0);
}
