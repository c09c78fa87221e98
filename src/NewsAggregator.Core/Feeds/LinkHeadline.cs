using AngleSharp.Dom;

namespace NewsAggregator.Feeds;

/// <summary>The headline a link shows, when what it shows is a headline.</summary>
internal static class LinkHeadline
{
    // Labels that point at a story without naming it.
    private static readonly string[] Labels =
    [
        "read more", "more ", "continue", "see all", "view all", "full story", "full article", "next", "previous", "older",
        "newer", "comments", "watch", "listen", "share", "click here", "live updates",
    ];

    /// <summary>The link's text, else its aria-label or title, if one of them reads like a headline.</summary>
    public static string? Of(IElement anchor) =>
        Headline(anchor.TextContent) ?? Headline(anchor.GetAttribute("aria-label")) ?? Headline(anchor.GetAttribute("title"));

    /// <summary>Whether the link sits in a heading, where sites put the headline itself.</summary>
    public static bool InHeading(IElement anchor) => anchor.Closest("h1, h2, h3, h4, h5, h6") is not null;

    private static string? Headline(string? text)
    {
        var folded = EntryText.Folded(text);
        if (folded is null || folded.Length < 10)
        {
            return null;
        }
        var words = folded.Split(' ').Count(word => word.Any(char.IsLetter));
        if (words < 2 || Labels.Any(label => (folded + " ").StartsWith(label, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
        return folded;
    }
}
