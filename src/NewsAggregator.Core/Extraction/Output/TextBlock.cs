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
/// its kind, how much of it is link text and the element it came from. Its inline runs (text,
/// links, emphasis, images) are the steps of <see cref="ArticleBlocks"/> that carry its index.
/// </summary>
internal sealed record TextBlock(string Text, BlockKind Kind, int LinkChars, IElement? Container)
{
    /// <summary>Share of the block's characters inside links: menus and related-story lists are nearly all link.</summary>
    public double LinkDensity => Text.Length == 0 ? 0 : (double)LinkChars / Text.Length;

    /// <summary>
    /// The block's first line is all link text and more lines follow it: a linked headline over
    /// its blurb, as teasers for other pages are written in one paragraph with &lt;br&gt;.
    /// </summary>
    public bool LinkedLeadLine { get; init; }

    /// <summary>
    /// The block's text comes right after the anchor that marks where readers' comments begin
    /// (<c>&lt;a name="comments"&gt;</c>, the target of a post's "Comments" link): the heading of the thread.
    /// </summary>
    public bool OpensComments { get; init; }

    /// <summary>
    /// The block comes right after a heading over readers' comments that went as furniture by its
    /// class or id (<c>&lt;h2 id="kommentarer"&gt;Kommentarer&lt;/h2&gt;</c>): the thread, or the
    /// prompt to join it, begins here.
    /// </summary>
    public bool FollowsCommentsHeading { get; init; }
}
