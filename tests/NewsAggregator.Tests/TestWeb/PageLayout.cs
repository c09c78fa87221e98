using System.Text.RegularExpressions;

namespace NewsAggregator.Tests.TestWeb;

/// <summary>
/// The fixture sites' tiny CMS: a page that starts with <c>&lt;!-- layout: NAME --&gt;</c> is
/// poured into the template <c>_NAME.html</c> found in its folder or the nearest parent folder,
/// each <c>&lt;!-- slot: X --&gt;</c> section of the page filling <c>{{slot:X}}</c>. A template
/// may itself name a layout, so an article frame can sit inside a site's chrome. This keeps
/// one copy of each site's menus, banners and footer, as a real site has, instead of one per page.
/// </summary>
internal static partial class PageLayout
{
    public static string Render(string page, string pageFile, string root)
    {
        var directive = LayoutDirective().Match(page);
        if (!directive.Success)
        {
            return page;
        }

        var layoutName = "_" + directive.Groups[1].Value + ".html";
        var layoutFile = FindUpwards(Path.GetDirectoryName(pageFile)!, layoutName, root)
            ?? throw new InvalidOperationException($"{pageFile}: layout {layoutName} not found in its folder or above");

        var slots = Slots(page[directive.Length..]);
        var filled = SlotReference().Replace(
            File.ReadAllText(layoutFile),
            reference => slots.GetValueOrDefault(reference.Groups[1].Value, ""));
        return Render(filled, layoutFile, root);
    }

    private static Dictionary<string, string> Slots(string body)
    {
        var slots = new Dictionary<string, string>(StringComparer.Ordinal);
        var markers = SlotMarker().Matches(body);
        for (var i = 0; i < markers.Count; i++)
        {
            var start = markers[i].Index + markers[i].Length;
            var end = i + 1 < markers.Count ? markers[i + 1].Index : body.Length;
            slots[markers[i].Groups[1].Value] = body[start..end].Trim();
        }
        return slots;
    }

    private static string? FindUpwards(string folder, string fileName, string root)
    {
        for (var current = folder; current.Length >= root.Length; current = Path.GetDirectoryName(current)!)
        {
            var candidate = Path.Combine(current, fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    [GeneratedRegex(@"^\s*<!--\s*layout:\s*([\w-]+)\s*-->")]
    private static partial Regex LayoutDirective();

    [GeneratedRegex(@"<!--\s*slot:\s*([\w-]+)\s*-->")]
    private static partial Regex SlotMarker();

    [GeneratedRegex(@"\{\{slot:([\w-]+)\}\}")]
    private static partial Regex SlotReference();
}
