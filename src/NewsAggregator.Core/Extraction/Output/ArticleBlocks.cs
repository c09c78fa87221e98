using AngleSharp.Dom;

namespace NewsAggregator.Extraction;

/// <summary>
/// The article as one list of blocks, rendered to both the plain text and the sanitised HTML,
/// so that the two agree by construction: the line filter drops blocks from this list, and
/// both renderers write the blocks that survive and nothing else. The blocks' inline runs
/// (text, links, emphasis, images) and the structure around them (lists, tables, quotes) are
/// the steps of the one walk that made the blocks, each text step marked with its block.
/// </summary>
internal sealed class ArticleBlocks
{
    /// <summary>
    /// One step of the walk: an element entered or left, a text node (with the block its text
    /// went into, -1 when it had none to give), or, with no node, the end of block <see cref="Block"/>.
    /// A text node or a &lt;br&gt; of a line its block left out carries <see cref="LeftOutLine"/>.
    /// </summary>
    public readonly record struct Step(INode? Node, bool Leaving, int Block);

    /// <summary>
    /// The mark of a step that belongs to a line its block left out (a line of page tools inside a
    /// paragraph, <see cref="InlineFurniture.IsToolLine"/>), with the &lt;br&gt; that set it apart:
    /// the block's text never had it, and the HTML writes neither.
    /// </summary>
    public const int LeftOutLine = -2;

    private readonly int[] _rootSteps;

    public ArticleBlocks(List<TextBlock> blocks, List<Step> steps, int[] rootSteps)
    {
        Blocks = blocks;
        Steps = steps;
        _rootSteps = rootSteps;
    }

    public List<TextBlock> Blocks { get; }

    public List<Step> Steps { get; }

    /// <summary>The steps of root <paramref name="index"/>, its own entering and leaving included.</summary>
    public Range RootSteps(int index) => _rootSteps[index]..(index + 1 < _rootSteps.Length ? _rootSteps[index + 1] : Steps.Count);

    public int RootCount => _rootSteps.Length;

    /// <summary>The text of every block: one blank line between paragraphs.</summary>
    public string Text() => BlockRenderer.Join(Blocks);

    /// <summary>The sanitised HTML of every block.</summary>
    public string Html(Uri? baseUrl) => ArticleHtml.Write(this, null, baseUrl);

    /// <summary>
    /// The text and HTML of the blocks <paramref name="kept"/> holds (a subsequence of
    /// <see cref="Blocks"/>, as the line filter returns it): the HTML leaves out the dropped
    /// blocks' runs and every element that held only dropped blocks, with its images.
    /// </summary>
    public (string Text, string Html) Render(List<TextBlock> kept, Uri? baseUrl)
    {
        var text = BlockRenderer.Join(kept);
        if (kept.Count == Blocks.Count)
        {
            return (text, ArticleHtml.Write(this, null, baseUrl));
        }
        var dropped = new bool[Blocks.Count];
        var holdsKept = new HashSet<IElement>();
        var keptBlocks = new HashSet<TextBlock>(kept, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < Blocks.Count; i++)
        {
            dropped[i] = !keptBlocks.Contains(Blocks[i]);
            if (!dropped[i])
            {
                for (var element = Blocks[i].Container; element is not null && holdsKept.Add(element); element = element.ParentElement)
                {
                }
            }
        }
        // An element that held only dropped blocks goes whole (a share box's icons with its
        // label); one that also holds a kept block stays and loses only the dropped runs.
        var emptied = new HashSet<IElement>();
        for (var i = 0; i < Blocks.Count; i++)
        {
            if (dropped[i] && Blocks[i].Container is { } container && !holdsKept.Contains(container))
            {
                emptied.Add(container);
            }
        }
        return (text, ArticleHtml.Write(this, new Dropped(dropped, emptied), baseUrl));
    }

    /// <summary>What the HTML leaves out: the dropped blocks' runs, and the elements that held nothing else.</summary>
    internal sealed record Dropped(bool[] Blocks, HashSet<IElement> Elements);
}
