using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace NewsAggregator.Extraction;

/// <summary>
/// What an element's tag, role, class and id say about it. Publishers name their page furniture
/// after what it is (share-bar, related-posts, newsletter-signup, cookie-consent) in every CMS,
/// so these conventions carry across sites without rules for any one of them.
/// </summary>
internal static partial class BoilerplateMarkers
{
    private static readonly HashSet<string> BoilerplateTags = new(StringComparer.Ordinal)
    {
        "nav", "aside", "footer", "dialog", "menu", "figcaption",
    };

    private static readonly HashSet<string> BoilerplateRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "complementary", "banner", "contentinfo", "search", "dialog", "alertdialog", "menu", "menubar", "toolbar",
    };

    // Parts of class or id values that name furniture wherever they appear in the value
    // ("hidden-lg" and the like only hide on one screen size, so they are not furniture).
    [GeneratedRegex(
        "comment|disqus|share|sharing|social|related|recommend|newsletter|subscri|signup|sign-up|promo|sponsor|advert|" +
        "cookie|consent|gdpr|breadcrumb|paginat|pager|sidebar|widget|popup|modal|trending|popular|most-?read|outbrain|" +
        "taboola|footer|masthead|navbar|navigation|menu|toolbar|author|byline|caption|credit|keyword|print|skip|" +
        "banner|overlay|login|follow|read-?more|more-?(stories|news|posts|articles|from|coverage|videos|in\b)|also-?read|read-?next|up-?next|see-?also|hidden(?!-(xs|sm|md|lg|xl))|sr-only|screen-?reader|" +
        "header|jump|rating|gallery|slideshow|slider|carousel|timestamp|dateline|topics|tag-?list|post-?tags|article-?tags|" +
        "donate|correction|disclaimer|copyright|contact|ads-|-ads|adslot|ad-slot|ad-container|ad-wrapper",
        RegexOptions.CultureInvariant)]
    private static partial Regex FurnitureWord();

    private static readonly string[] Networks = ["social", "tweet", "twitter", "instagram", "facebook", "tiktok", "reddit"];

    // Whole words (split on anything not a letter or digit) too short or too common to match inside other words.
    private static readonly HashSet<string> FurnitureTokens = new(StringComparer.Ordinal)
    {
        "ad", "ads", "adv", "dfp", "nav", "tags", "tag", "bio", "aside", "hide", "meta", "foot", "share", "tools",
        "promo", "byline", "date", "time", "crumbs", "related",
    };

    /// <summary>The element is page furniture by its tag, ARIA role, class or id.</summary>
    public static bool IsFurniture(IElement element)
    {
        if (BoilerplateTags.Contains(element.LocalName))
        {
            return true;
        }
        var role = element.GetAttribute("role");
        if (role is not null && BoilerplateRoles.Contains(role))
        {
            return true;
        }
        return NamesFurniture(element.GetAttribute("class")) || NamesFurniture(element.GetAttribute("id"));
    }

    // Pages repeat a few hundred class values thousands of times; each is judged once per thread.
    [ThreadStatic]
    private static Dictionary<string, bool>? _judged;

    private static bool NamesFurniture(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }
        var judged = _judged ??= new Dictionary<string, bool>(StringComparer.Ordinal);
        if (judged.TryGetValue(value, out var furniture))
        {
            return furniture;
        }
        if (judged.Count > 50_000)
        {
            judged.Clear();
        }
        var lower = value.ToLowerInvariant();
        // Embedded posts (tweets, Instagram) quoted by the article sit in "social-embed" wrappers: content, not a share bar.
        furniture = !NamesSocialEmbed(lower) && (FurnitureWord().IsMatch(lower) || HasFurnitureToken(lower));
        judged[value] = furniture;
        return furniture;
    }

    /// <summary>
    /// A class name (a run without spaces) with a network's name and "embed" after it, or "embed"
    /// and a network's name after it: what (social|tweet|…)[^ ]*embed|embed[^ ]*(social|tweet|…)
    /// matched. That pattern scanned to the end of the name from every network's name and every
    /// "embed" in it, so a megabyte of "embedembed…" in one class attribute took about an hour. The first
    /// occurrence of each word is the only one to look after: it leaves the most of the name.
    /// </summary>
    private static bool NamesSocialEmbed(string names)
    {
        foreach (var range in names.AsSpan().Split(' '))
        {
            var name = names.AsSpan()[range];
            var embed = name.IndexOf("embed", StringComparison.Ordinal);
            if (embed < 0)
            {
                continue;
            }
            foreach (var network in Networks)
            {
                var at = name.IndexOf(network, StringComparison.Ordinal);
                if (at >= 0 && (name[(at + network.Length)..].Contains("embed", StringComparison.Ordinal) ||
                                name[(embed + "embed".Length)..].Contains(network, StringComparison.Ordinal)))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FurnitureTokenLookup = FurnitureTokens.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool HasFurnitureToken(string names)
    {
        foreach (var range in names.AsSpan().SplitAny(" -_:.\t\n/"))
        {
            var token = names.AsSpan()[range];
            if (token.Length is > 0 and <= 11 && FurnitureTokenLookup.Contains(token))
            {
                return true;
            }
        }
        return false;
    }
}
