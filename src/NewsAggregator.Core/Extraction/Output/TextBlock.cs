using AngleSharp.Dom;

namespace NewsAggregator.Extraction;

/// <summary>What kind of element a block of text came from, as far as judging it needs.</summary>
internal enum BlockKind
{
    Paragraph,
    Heading,
    Quote,
}

/// <summary>
/// One paragraph of rendered text with what the extractor needs to judge it:
/// its kind, how much of it is link text, the element it came from and the text nodes it
/// was made of (so the HTML can leave out exactly the blocks the text leaves out).
/// </summary>
internal sealed record TextBlock(string Text, BlockKind Kind, int LinkChars, IElement? Container, IReadOnlyList<IText> Sources)
{
    /// <summary>Share of the block's characters inside links: menus and related-story lists are nearly all link.</summary>
    public double LinkDensity => Text.Length == 0 ? 0 : (double)LinkChars / Text.Length;
}
