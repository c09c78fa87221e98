using System.Text;
using AngleSharp.Dom;

namespace NewsAggregator.Feeds;

/// <summary>The headline a link shows, when what it shows is a headline.</summary>
internal static class LinkHeadline
{
    // Labels that point at a story without naming it.
    private static readonly HashSet<string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        "read more", "more", "continue", "continue reading", "see all", "view all", "full story", "full article", "next",
        "previous", "older", "newer", "older posts", "newer posts", "comments", "watch", "listen", "share", "click here",
        "live updates", "weiterlesen", "mehr", "lire la suite", "leer más",
    };

    private static readonly string[] LabelStarts = ["more ", "read more", "continue reading", "see all", "view all"];

    /// <summary>The link's text, else its aria-label or title, if one of them reads like a headline.</summary>
    public static string? Of(IElement anchor) =>
        Headline(anchor.TextContent) ?? Headline(anchor.GetAttribute("aria-label")) ?? Headline(anchor.GetAttribute("title"));

    /// <summary>Whether the link sits in a heading, where sites put the headline itself.</summary>
    public static bool InHeading(IElement anchor) => anchor.Closest("h1, h2, h3, h4, h5, h6") is not null;

    /// <summary>Words with at least one letter: "3 comments" has one.</summary>
    /// <remarks>
    /// Letters are read by code point: a script beyond the Basic Multilingual Plane (Adlam, Chakma,
    /// Newa) writes each letter as two surrogates, neither of which <see cref="char.IsLetter(char)"/> calls a letter.
    /// </remarks>
    public static int Words(string? text) => text is null ? 0 : text.Split(' ').Count(HasLetter);

    private static bool HasLetter(string word)
    {
        foreach (var rune in word.EnumerateRunes())
        {
            if (Rune.IsLetter(rune))
            {
                return true;
            }
        }
        return false;
    }

    private static string? Headline(string? text)
    {
        var folded = EntryText.Folded(text);
        if (folded is null || folded.Length < 10)
        {
            return null;
        }
        return Words(folded) >= 2 && !IsLabel(folded) ? folded : null;
    }

    private static bool IsLabel(string text)
    {
        var bare = text.TrimEnd(' ', '»', '›', '→', '>', '…', '.', ':');
        return Labels.Contains(bare) || LabelStarts.Any(start => bare.StartsWith(start, StringComparison.OrdinalIgnoreCase));
    }
}
