using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace NewsAggregator.Extraction;

/// <summary>The article's paragraphs: the best prose container's blocks, less the furniture that sits inside it.</summary>
internal static partial class ArticleBody
{
    [GeneratedRegex(
        @"^(?:advertisement|advertising|advert|sponsored|ad|anzeige|publicité|publicidad|pubblicità|реклама|広告|광고|share|share this( article| story)?|share on \w+|tweet|email|print|" +
        @"read more|read next|continue reading|related|related (stories|articles|posts|content|coverage)|more from .*|" +
        @"recommended|sign up.*|subscribe.*|follow us.*|click here.*|image|photo|loading\.*|comments?|" +
        @"(photo|image|picture|illustration|graphic|video|credit|foto|фото|bild|写真|사진)s?\s*(:|by\b|courtesy\b|via\b|credit\b).*|getty images|skip to .*)\W*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FurnitureLine();

    public static string Find(IElement body, PageMetadata metadata, CancellationToken cancellationToken)
    {
        var survey = MainContent.Survey(body);
        var leftOut = survey.LeftOut;
        cancellationToken.ThrowIfCancellationRequested();

        var mass = TextMass.Of(body, leftOut.Contains);
        var best = MainContent.Best(mass, survey.MarkedBodies);
        var domText = best is null ? "" : BlockRenderer.Join(Keep(BlockRenderer.Render(best, leftOut.Contains), metadata));
        return Prefer(domText, metadata.StructuredBody);
    }

    private static List<TextBlock> Keep(List<TextBlock> blocks, PageMetadata metadata)
    {
        var linkList = blocks.Select(IsLinkList).ToArray();
        var kept = new List<TextBlock>(blocks.Count);
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var text = block.Text;
            if (CreditLabel().IsMatch(text) && i + 1 < blocks.Count && blocks[i + 1].Text.Length < 100)
            {
                // "Photo:" on its own: the credit is the next block.
                i++;
                continue;
            }
            if (linkList[i] ||
                (text.Length < 120 && (FurnitureLine().IsMatch(text) || Shortcode().IsMatch(text))) ||
                (metadata.Title is not null && SameText(text, metadata.Title)) ||
                IntroducesLinks(block, i + 1 < blocks.Count && linkList[i + 1]))
            {
                continue;
            }
            kept.Add(block);
        }
        return kept;
    }

    /// <summary>
    /// A block that is mostly link text points elsewhere: a menu, a related-story list. A
    /// linked subheading is the exception (gift guides and explainers link their product and
    /// section headings), unless it is an item of a list, which makes it a list of headlines.
    /// </summary>
    private static bool IsLinkList(TextBlock block) =>
        block.LinkDensity > 0.5 && (block.Kind != BlockKind.Heading || block.Container?.Closest("li") is not null);

    /// <summary>"More:" or "Related coverage" over a list of links goes with the list.</summary>
    private static bool IntroducesLinks(TextBlock block, bool linksFollow) =>
        linksFollow && block.Text.Length < 50 && (block.Kind == BlockKind.Heading || block.Text.EndsWith(':'));

    [GeneratedRegex(@"^(photo|image|picture|credit|foto|фото|bild|写真|사진)s?\s*:$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreditLabel();

    // A WordPress shortcode the site failed to render: "[button link=...]Send us ...[/button]".
    [GeneratedRegex(@"^\[(\w+)[^\]]*\].*\[/\1\]$", RegexOptions.CultureInvariant)]
    private static partial Regex Shortcode();

    /// <summary>
    /// The markup's text unless the JSON-LD body is clearly more complete: structured bodies
    /// are often truncated teasers, but on pages that hide the text in markup they are all there is.
    /// </summary>
    private static string Prefer(string domText, string? structuredBody)
    {
        if (string.IsNullOrWhiteSpace(structuredBody))
        {
            return domText;
        }
        var structured = ArticleText.FromPlainText(structuredBody);
        return structured.Length > domText.Length * 2 && structured.Length > 400 ? structured : domText;
    }

    private static bool SameText(string a, string b) =>
        a.Length == b.Length ? string.Equals(a, b, StringComparison.OrdinalIgnoreCase) : string.Equals(Headline.Fold(a), Headline.Fold(b), StringComparison.OrdinalIgnoreCase);
}
