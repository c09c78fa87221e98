using AngleSharp.Dom;

namespace NewsAggregator.Extraction;

/// <summary>
/// Depth-first walk over a subtree as events: each text node once, each element on entering
/// and on leaving. Iterative, so deeply nested markup cannot exhaust the stack; elements that
/// never carry text (images too, unless asked for), and those the caller skips, are passed
/// over with their whole subtree.
/// </summary>
internal static class DomWalk
{
    public readonly record struct Step(INode Node, bool Leaving);

    /// <param name="withImages">Visit &lt;img&gt; and &lt;picture&gt; too: for writing the article's HTML, not for measuring text.</param>
    public static IEnumerable<Step> Of(INode root, Func<IElement, bool>? skip = null, bool withImages = false)
    {
        var stack = new Stack<Step>();
        stack.Push(new Step(root, false));
        while (stack.Count > 0)
        {
            var step = stack.Pop();
            // AngleSharp's element class before its interfaces: a type test against a class and
            // its non-virtual LocalName are cheap, where interface calls from here see dozens of
            // element types and went through the runtime's slowest dispatch.
            switch (step.Node)
            {
                case Element element when !step.Leaving:
                    var name = element.LocalName;
                    if ((HtmlVocabulary.IsTextless(name) && !(withImages && name is "img" or "picture")) ||
                        skip?.Invoke(element) == true)
                    {
                        continue;
                    }
                    yield return step;
                    stack.Push(new Step(element, true));
                    break;
                case Element or IText:
                    yield return step;
                    continue;
                case IElement:
                    throw new NotSupportedException($"DomWalk walks AngleSharp's own elements, not {step.Node.GetType()}");
                case { NodeType: NodeType.Document or NodeType.DocumentFragment }:
                    break;
                default:
                    continue;
            }
            // By index: AngleSharp finds a node's sibling by searching its parent's children,
            // which made a page of many thousand siblings cost seconds.
            var children = step.Node.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                stack.Push(new Step(children[i], false));
            }
        }
    }

    /// <summary>
    /// The elements of <paramref name="root"/> named <paramref name="localName"/>, in document order
    /// and one at a time: a caller that stops at the first it wants walks no further, where
    /// AngleSharp's GetElementsByTagName gathers every one of the page's first.
    /// </summary>
    /// <param name="before">
    /// When given, the walk ends where it comes to the last of these elements: an element found from
    /// there on stands after them all or inside one of them, so none of them follows it (for a caller
    /// that wants an element one of them follows).
    /// </param>
    public static IEnumerable<IElement> ElementsNamed(INode root, string localName, IReadOnlySet<IElement>? before = null)
    {
        var ahead = before?.Count ?? -1;
        var stack = new Stack<INode>();
        stack.Push(root);
        while (stack.TryPop(out var node))
        {
            if (node is Element element && !ReferenceEquals(node, root))
            {
                if (before is not null && before.Contains(element) && --ahead == 0)
                {
                    yield break;
                }
                if (element.LocalName == localName)
                {
                    yield return element;
                }
            }
            // By index, as above.
            var children = node.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                if (children[i] is Element child)
                {
                    stack.Push(child);
                }
            }
        }
    }
}
