using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace NewsAggregator.Extraction;

/// <summary>What the survey of a page found: the elements the article leaves out and those the publisher marked as its body.</summary>
/// <param name="LeftOut">Hidden elements and furniture: neither measured nor rendered.</param>
/// <param name="Headers">&lt;header&gt; elements: measured, because a teaser's headline sits in one and
/// gives the teaser away, but never rendered, because an article's holds its title and byline.</param>
/// <param name="MarkedBodies">Elements marked itemprop=articleBody.</param>
internal sealed record PageSurvey(HashSet<IElement> LeftOut, HashSet<IElement> Headers, IReadOnlyList<IElement> MarkedBodies)
{
    public bool Unrendered(IElement element) => LeftOut.Contains(element) || Headers.Contains(element);
}

/// <summary>
/// Finds the element that holds the article. Furniture is left out first (unless it holds
/// most of the page's prose, which means the markup named a wrapper oddly); the element with
/// the best <see cref="TextMass"/> score wins and is widened to ancestors that add mostly
/// prose; the publisher's itemprop=articleBody element, the precise candidate, replaces it
/// when it holds most of that prose.
/// </summary>
internal static partial class MainContent
{
    // Below this score the best element is no article worth the name: a page of links and labels.
    private const double MinimumScore = 60;
    // A wrapper that holds this share of the page's prose is the article's, whatever its name.
    private const double ProtectedProseShare = 0.6;
    // An ancestor is taken in when at least this share of what it adds is prose.
    private const double WidenProseShare = 0.4;
    // The articleBody mark is taken over the measure's choice when it holds this share of the chosen prose.
    private const double MarkedBodyProseShare = 0.7;
    // A quoted social post's own wrappers; further up, a "widget" is a real sidebar widget.
    private const int QuotedPostWrapperDepth = 4;

    /// <summary>
    /// Elements the article leaves out: what a reader does not see (hidden) and page furniture
    /// (navigation, share bars, related lists and the like), unless the furniture holds most of
    /// the page's prose or the publisher's articleBody mark. Nothing is removed from the DOM:
    /// measuring and rendering skip these subtrees, which costs less than mutating the tree.
    /// </summary>
    public static PageSurvey Survey(IElement root)
    {
        // The measuring walk visits every visible element once; it notes the landmarks on the way.
        var markedBodies = new List<IElement>();
        var quotedPosts = new List<IElement>();
        var mass = TextMass.Of(root, element =>
        {
            if (IsHidden(element))
            {
                return true;
            }
            if (element.GetAttribute("itemprop") is { } itemprop && itemprop.Contains("articleBody", StringComparison.OrdinalIgnoreCase))
            {
                markedBodies.Add(element);
            }
            else if (element.LocalName == "blockquote" && SocialPost().IsMatch(element.GetAttribute("class") ?? ""))
            {
                quotedPosts.Add(element);
            }
            return false;
        });
        var protectedProse = mass[root].Prose * ProtectedProseShare;
        var protectedWrappers = ProtectedWrappers(markedBodies, quotedPosts);
        var leftOut = new HashSet<IElement>();
        var headers = new HashSet<IElement>();
        var stack = new Stack<IElement>();
        PushChildren(stack, root);
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            // The measure left out hidden elements (and those without text) already.
            if (!mass.Holds(element) ||
                (BoilerplateMarkers.IsFurniture(element) && !protectedWrappers.Contains(element) &&
                 element.LocalName is not ("article" or "main") && mass[element].Prose < protectedProse))
            {
                leftOut.Add(element);
                continue;
            }
            if (element.LocalName == "header" && !protectedWrappers.Contains(element))
            {
                headers.Add(element);
            }
            PushChildren(stack, element);
        }
        return new PageSurvey(leftOut, headers, markedBodies);
    }

    /// <summary>The element with the highest score, or null when nothing on the page reads like prose.</summary>
    /// <param name="mass">The page measured without what <see cref="Survey"/> left out.</param>
    /// <param name="markedBodies">Elements marked itemprop=articleBody.</param>
    public static IElement? Best(TextMass mass, IReadOnlyList<IElement> markedBodies)
    {
        IElement? best = null;
        double bestScore = MinimumScore;
        // Post-order visits children first, so a parent must do strictly better than its best child to win.
        foreach (var (element, measure) in mass.All)
        {
            if (measure.Score > bestScore)
            {
                best = element;
                bestScore = measure.Score;
            }
        }
        if (best is null)
        {
            return null;
        }
        var chosen = Widen(best, mass);
        // The precise candidate: the publisher's own articleBody mark, when it holds most of what the measure found.
        foreach (var marked in markedBodies)
        {
            if (mass.Holds(marked) && mass[marked].Prose >= MarkedBodyProseShare * mass[chosen].Prose)
            {
                return marked;
            }
        }
        return chosen;
    }

    /// <summary>
    /// Climbs from the best element while an ancestor adds mostly prose: an article whose
    /// paragraphs are interleaved with product boxes or link-led list items scores below its
    /// best paragraph, yet the ancestor's additions read like text, not like furniture.
    /// </summary>
    private static IElement Widen(IElement best, TextMass mass)
    {
        var current = best;
        var kept = mass[best];
        for (var ancestor = best.ParentElement; ancestor is not null; ancestor = ancestor.ParentElement)
        {
            var measure = mass[ancestor];
            var addedProse = measure.Prose - kept.Prose;
            var addedChars = measure.Chars - kept.Chars;
            if (addedChars <= 0)
            {
                continue;
            }
            if (addedProse < WidenProseShare * addedChars)
            {
                break;
            }
            current = ancestor;
            kept = measure;
        }
        return current;
    }

    /// <summary>
    /// Elements whose furniture-like names must not hide content: every ancestor of the
    /// publisher's itemprop=articleBody mark, and the close wrappers of a social post the
    /// article quotes (a tweet's blockquote sits in "widget" or "video-container" boxes).
    /// </summary>
    private static HashSet<IElement> ProtectedWrappers(List<IElement> markedBodies, List<IElement> quotedPosts)
    {
        var path = new HashSet<IElement>();
        foreach (var marked in markedBodies)
        {
            for (var element = marked; element is not null && path.Add(element); element = element.ParentElement)
            {
            }
        }
        foreach (var quote in quotedPosts)
        {
            var element = quote;
            for (var level = 0; level < QuotedPostWrapperDepth && element is not null; level++, element = element.ParentElement)
            {
                path.Add(element);
            }
        }
        return path;
    }

    [GeneratedRegex("twitter|tweet|instagram|tiktok|facebook|reddit", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SocialPost();

    private static bool IsHidden(IElement element)
    {
        if (element.HasAttribute("hidden") || element.GetAttribute("aria-hidden") == "true")
        {
            return true;
        }
        var style = element.GetAttribute("style");
        if (string.IsNullOrEmpty(style))
        {
            return false;
        }
        var compact = style.Replace(" ", "", StringComparison.Ordinal);
        return compact.Contains("display:none", StringComparison.OrdinalIgnoreCase) ||
               compact.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase);
    }

    private static void PushChildren(Stack<IElement> stack, IElement parent)
    {
        // By index: AngleSharp finds a node's sibling by searching its parent's children.
        var children = parent.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
        {
            if (children[i] is IElement child)
            {
                stack.Push(child);
            }
        }
    }
}
