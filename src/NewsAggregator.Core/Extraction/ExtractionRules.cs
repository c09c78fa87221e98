using AngleSharp.Dom;

namespace NewsAggregator.Extraction;

/// <summary>
/// A source's help for pages the heuristics get wrong (sources.json <c>contentSelector</c> and
/// <c>removeSelectors</c>): CSS selectors for where the article is and for what to cut from it.
/// </summary>
public sealed record ExtractionRules
{
    public static readonly ExtractionRules None = new();

    /// <summary>
    /// Where the article is. Every outermost match is taken in page order (hidden elements and
    /// furniture inside it still go); when nothing matches, the heuristics find the article.
    /// </summary>
    public string? ContentSelector { get; init; }

    /// <summary>Elements cut from the page before the article is looked for; their text is never part of it.</summary>
    public IReadOnlyList<string> RemoveSelectors { get; init; } = [];

    public bool IsEmpty => ContentSelector is null && RemoveSelectors.Count == 0;

    /// <summary>Cuts what <see cref="RemoveSelectors"/> names out of <paramref name="root"/>.</summary>
    internal void RemoveFrom(IElement root)
    {
        foreach (var selector in RemoveSelectors)
        {
            foreach (var element in root.QuerySelectorAll(selector).ToList())
            {
                element.Remove();
            }
        }
    }

    /// <summary>The outermost elements <see cref="ContentSelector"/> matches, in page order; empty when it matches none.</summary>
    internal List<IElement> ContentIn(IElement root)
    {
        var content = new List<IElement>();
        if (ContentSelector is null)
        {
            return content;
        }
        foreach (var match in root.QuerySelectorAll(ContentSelector))
        {
            // Matches come in page order, so a nested match follows the one that holds it.
            if (content.Count == 0 || !content[^1].Contains(match))
            {
                content.Add(match);
            }
        }
        return content;
    }
}
