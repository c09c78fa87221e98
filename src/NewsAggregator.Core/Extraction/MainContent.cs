using AngleSharp.Dom;

namespace NewsAggregator.Extraction;

/// <summary>
/// Finds the element that holds the article: furniture is cut away first (unless it holds
/// most of the page's prose, which means the markup named a wrapper oddly), then the
/// element with the best <see cref="TextMass"/> score wins.
/// </summary>
internal static class MainContent
{
    // A wrapper that holds this share of the page's prose is the article's, whatever its name.
    private const double ProtectedProseShare = 0.6;
    // An ancestor is taken in when at least this share of what it adds is prose.
    private const double WidenProseShare = 0.4;

    /// <summary>Removes what a reader does not see: hidden elements and those that never carry text.</summary>
    public static void RemoveInvisible(IElement root)
    {
        var doomed = new List<IElement>();
        foreach (var element in root.Descendants<IElement>())
        {
            if (HtmlVocabulary.IsTextless(element.LocalName) || IsHidden(element))
            {
                doomed.Add(element);
            }
        }
        RemoveAll(doomed);
    }

    /// <summary>Removes navigation, share bars, related lists and the like, keeping anything that holds most of the prose.</summary>
    public static void RemoveFurniture(IElement root)
    {
        var mass = TextMass.Of(root);
        var protectedProse = mass[root].Prose * ProtectedProseShare;
        var doomed = new List<IElement>();
        var stack = new Stack<IElement>();
        PushChildren(stack, root);
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            if (BoilerplateMarkers.IsFurniture(element) && !IsArticleContainer(element) && mass[element].Prose < protectedProse)
            {
                doomed.Add(element);
                if (Environment.GetEnvironmentVariable("EXTRACT_DEBUG") == "1" && mass[element].Prose > 300) Console.Error.WriteLine($"DEBUG removed {element.LocalName}.{element.ClassName}#{element.Id} prose={mass[element].Prose:F0}");
                continue;
            }
            PushChildren(stack, element);
        }
        RemoveAll(doomed);
    }

    /// <summary>The element with the highest score, or null when nothing on the page reads like prose.</summary>
    public static IElement? Best(IElement root, TextMass mass)
    {
        IElement? best = null;
        double bestScore = 0;
        // Post-order visits children first, so a parent must do strictly better than its best child to win.
        foreach (var (element, measure) in mass.All)
        {
            if (measure.Score > bestScore)
            {
                best = element;
                bestScore = measure.Score;
            }
        }
        return best is null ? null : Widen(best, mass);
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

    // The publisher's own mark of the article body protects it and every wrapper around it.
    private static bool IsArticleContainer(IElement element) =>
        element.LocalName is "article" or "main" or "body" ||
        element.QuerySelector("[itemprop='articleBody' i]") is not null ||
        string.Equals(element.GetAttribute("itemprop"), "articleBody", StringComparison.OrdinalIgnoreCase);

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
        for (var child = parent.LastElementChild; child is not null; child = child.PreviousElementSibling)
        {
            stack.Push(child);
        }
    }

    private static void RemoveAll(List<IElement> doomed)
    {
        foreach (var element in doomed)
        {
            element.Remove();
        }
    }
}
