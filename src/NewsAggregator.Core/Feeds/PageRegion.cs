using AngleSharp.Dom;

namespace NewsAggregator.Feeds;

/// <summary>Where on a page a link sits, as far as finding stories goes.</summary>
internal enum PageRegion
{
    /// <summary>Navigation, site header and footer, sidebars, forms: the site's chrome.</summary>
    Chrome,
    /// <summary>Inside an &lt;article&gt; or a heading: where a page shows its stories.</summary>
    Story,
    /// <summary>Anywhere else.</summary>
    Elsewhere,
}

internal static class PageRegions
{
    private static readonly HashSet<string> ChromeRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
    };

    // Whole class or id tokens only: "card__header" or "story-footer" sit inside stories.
    private static readonly HashSet<string> ChromeTokens = new(StringComparer.OrdinalIgnoreCase)
    {
        "nav", "navbar", "navigation", "menu", "main-menu", "site-nav", "site-header", "site-footer", "masthead", "footer",
        "breadcrumb", "breadcrumbs", "pagination", "pager", "sidebar", "share", "sharing", "social", "social-links",
    };

    public static PageRegion Of(IElement anchor)
    {
        foreach (var ancestor in anchor.GetAncestors().OfType<IElement>())
        {
            if (IsChrome(ancestor))
            {
                return PageRegion.Chrome;
            }
        }
        return anchor.Closest("article, h1, h2, h3, h4, h5, h6") is null ? PageRegion.Elsewhere : PageRegion.Story;
    }

    private static bool IsChrome(IElement element)
    {
        switch (element.LocalName)
        {
            case "nav" or "aside" or "form":
                return true;
            // A <header> or <footer> is the page's banner only outside sectioning content; inside an
            // <article> it holds that article's headline (HTML's own rule for their implicit roles).
            case "header" or "footer":
                return element.Closest("article, aside, main, nav, section") is null;
        }
        if (element.GetAttribute("role") is { } role && ChromeRoles.Contains(role.Trim()))
        {
            return true;
        }
        return element.ClassList.Any(ChromeTokens.Contains) || (element.Id is { } id && ChromeTokens.Contains(id));
    }
}
