using AngleSharp.Dom;

namespace NewsAggregator.Extraction;

/// <summary>
/// Pages built of web components and rendered on the server carry each component's markup as a
/// declarative shadow root (<c>&lt;news-article&gt;&lt;template shadowrootmode="open"&gt;…</c>),
/// which the parser attaches to its host apart from the document's tree, where nothing that reads
/// the page would find it, though a browser shows it and, of the host's own children, only those
/// its slots take. Each shadow tree is put in its host's place as the browser composes the two
/// (the "flat tree"): a slot gives way to the host's children assigned to it (by their
/// <c>slot</c> attribute; the rest to the slot without a name), or to its own fallback content
/// when none are, and the host's children no slot takes are not shown.
/// </summary>
internal static class ShadowTrees
{
    // Components hold components: a shadow tree's own hosts are composed in the next round.
    private const int MaxDepth = 32;

    public static void Flatten(IElement body)
    {
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            var hosts = new List<IElement>();
            foreach (var element in body.Descendants<IElement>())
            {
                if (element.ShadowRoot is { HasChildNodes: true })
                {
                    hosts.Add(element);
                }
            }
            if (hosts.Count == 0)
            {
                return;
            }
            foreach (var host in hosts)
            {
                Compose(host, host.ShadowRoot!);
            }
        }
    }

    private static void Compose(IElement host, IShadowRoot shadow)
    {
        var children = host.ChildNodes.ToList();
        var named = new Dictionary<string, List<INode>>(StringComparer.Ordinal);
        var unnamed = new List<INode>();
        foreach (var child in children)
        {
            if (child is IElement element && element.GetAttribute("slot") is { Length: > 0 } name)
            {
                if (!named.TryGetValue(name, out var assigned))
                {
                    named[name] = assigned = [];
                }
                assigned.Add(child);
            }
            else if (child is IElement or IText)
            {
                unnamed.Add(child);
            }
        }
        foreach (var slot in shadow.QuerySelectorAll("slot").ToList())
        {
            if (slot.Parent is not { } parent)
            {
                continue;
            }
            // The first slot of a name takes its children; a later one of the same name shows its fallback.
            var name = slot.GetAttribute("name") ?? "";
            List<INode>? assigned;
            if (name.Length == 0)
            {
                assigned = unnamed;
                unnamed = [];
            }
            else if (named.Remove(name, out assigned) is false)
            {
                assigned = null;
            }
            if (assigned is { Count: > 0 })
            {
                foreach (var node in assigned)
                {
                    parent.InsertBefore(node, slot);
                }
            }
            else
            {
                while (slot.FirstChild is { } fallback)
                {
                    parent.InsertBefore(fallback, slot);
                }
            }
            slot.Remove();
        }
        foreach (var child in children)
        {
            if (child.Parent == host)
            {
                host.RemoveChild(child);
            }
        }
        while (shadow.FirstChild is { } node)
        {
            host.AppendChild(node);
        }
    }
}
