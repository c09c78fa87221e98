using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace NewsAggregator.Extraction;

/// <summary>The article's paragraphs: the best prose container's blocks, less the furniture that sits inside it.</summary>
internal static partial class ArticleBody
{
    [GeneratedRegex(
        @"^(?:advertisement|advertising|sponsored|ad|share|share this( article| story)?|share on \w+|tweet|email|print|" +
        @"read more|read next|continue reading|related|related (stories|articles|posts|content|coverage)|more from .*|" +
        @"recommended|sign up.*|subscribe.*|follow us.*|click here.*|image|photo|loading\.*|comments?|" +
        @"(photo|image|picture|illustration|graphic|video|credit)s?\s*(:|by\b|courtesy\b|via\b|credit\b).*|getty images|skip to .*)\W*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FurnitureLine();

    public static string Find(IElement body, PageMetadata metadata, CancellationToken cancellationToken)
    {
        var leftOut = MainContent.LeftOut(body);
        cancellationToken.ThrowIfCancellationRequested();

        var mass = TextMass.Of(body, leftOut.Contains);
        var best = MainContent.Best(mass);
        var domText = best is null ? "" : BlockRenderer.Join(Keep(BlockRenderer.Render(best, leftOut.Contains), metadata));
        return Prefer(domText, metadata.StructuredBody);
    }

    private static IEnumerable<TextBlock> Keep(List<TextBlock> blocks, PageMetadata metadata)
    {
        foreach (var block in blocks)
        {
            if (block.LinkDensity > 0.5 && block.Kind != BlockKind.Heading)
            {
                continue;
            }
            if (block.Text.Length < 120 && FurnitureLine().IsMatch(block.Text))
            {
                continue;
            }
            if (metadata.Title is not null && SameText(block.Text, metadata.Title))
            {
                continue;
            }
            yield return block;
        }
    }

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
