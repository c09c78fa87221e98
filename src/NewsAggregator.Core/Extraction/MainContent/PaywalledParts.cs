using AngleSharp.Dom;

namespace NewsAggregator.Extraction;

/// <summary>
/// The parts of the story a page holds behind its paywall, which it hides (<c>display:none</c>, the
/// <c>hidden</c> attribute) until the reader subscribes, shown as a subscriber sees them: the page's
/// JSON-LD names them (<see cref="StructuredArticle.PaywalledParts"/>), so what hides them is the
/// paywall, not the page's furniture. Elsewhere a hidden element stays hidden. A box named for the
/// paywall that holds none of those parts is then the paywall's prompt ("Subscribe to read on"),
/// in whatever language it asks, and goes.
/// </summary>
internal static class PaywalledParts
{
    /// <summary>The element's class or id names the paywall ("paywall", "c-paywall__box", id="paywall").</summary>
    public static bool IsNamedForPaywall(IElement element) =>
        element.ClassName?.Contains("paywall", StringComparison.OrdinalIgnoreCase) == true ||
        element.Id?.Contains("paywall", StringComparison.OrdinalIgnoreCase) == true;

    public static void Show(IElement body, IReadOnlyList<string> selectors)
    {
        if (selectors.Count == 0)
        {
            return;
        }
        var shown = new List<IElement>();
        foreach (var selector in selectors)
        {
            IHtmlCollection<IElement> parts;
            try
            {
                parts = body.QuerySelectorAll(selector);
            }
            catch (DomException)
            {
                // A selector the page wrote wrong shows nothing.
                continue;
            }
            foreach (var part in parts)
            {
                part.RemoveAttribute("hidden");
                part.RemoveAttribute("aria-hidden");
                // Its style hides it, and says nothing else a text needs.
                part.RemoveAttribute("style");
                shown.Add(part);
            }
        }
        if (shown.Count == 0)
        {
            return;
        }
        foreach (var box in body.Descendants<IElement>().Where(IsNamedForPaywall).ToList())
        {
            if (!shown.Any(part => box.Contains(part) || part.Contains(box)))
            {
                box.Remove();
            }
        }
    }
}
