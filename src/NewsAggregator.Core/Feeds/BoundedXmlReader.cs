using System.Text;
using System.Xml;

namespace NewsAggregator.Feeds;

/// <summary>
/// The reader a feed's first parse goes through: it refuses the feed once it passes
/// <see cref="FeedLimits"/>, stops when the pass is cancelled, and hands on adjacent text
/// as one node.
/// </summary>
/// <remarks>
/// The checks sit in the reader, rather than in a pass of their own, so that the feed is read
/// once and <c>XDocument.Load</c>, which builds the tree from what this reader gives it, has
/// built no more than the caps allow when it is stopped.
/// Text is joined because comments and processing instructions are skipped: the text around
/// each arrives as a piece of its own, and <c>XDocument.Load</c> appends every piece to the
/// string it has so far, copying it, so 10 MB of <c>a&lt;!----&gt;</c> would copy terabytes.
/// </remarks>
internal sealed class BoundedXmlReader(XmlReader inner, Uri feedUrl, CancellationToken cancellationToken) : XmlReader
{
    private int _elements;
    private int _nodes;

    // Text shown in place of the inner reader's node; the inner reader has by then moved on to
    // the node after it (or ended), which the next Read shows.
    private JoinedText? _joined;
    private bool _innerEnded;

    public override bool Read()
    {
        if (_joined is not null)
        {
            _joined = null;
            return !_innerEnded;
        }
        if (!ReadInner())
        {
            return false;
        }
        if (IsText(inner.NodeType))
        {
            JoinText();
        }
        return true;
    }

    private bool ReadInner()
    {
        if (!inner.Read())
        {
            _innerEnded = true;
            return false;
        }
        if (++_nodes % FeedLimits.NodesPerCancellationCheck == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
        if (inner.NodeType == XmlNodeType.Element)
        {
            // Depth counts from 0 at the root; the limit counts levels from 1.
            if (inner.Depth >= FeedLimits.MaxDepth)
            {
                throw FeedLimits.TooDeep(feedUrl);
            }
            if (++_elements > FeedLimits.MaxElements)
            {
                throw FeedLimits.TooManyElements(feedUrl);
            }
        }
        return true;
    }

    /// <summary>Reads on past the text at the inner reader's position and any text right after it.</summary>
    private void JoinText()
    {
        var type = inner.NodeType;
        var depth = inner.Depth;
        var first = inner.Value;
        StringBuilder? rest = null;
        while (ReadInner() && IsText(inner.NodeType))
        {
            rest ??= new StringBuilder(first);
            rest.Append(inner.Value);
            // Whitespace followed by words is text.
            if (inner.NodeType == XmlNodeType.Text)
            {
                type = XmlNodeType.Text;
            }
        }
        _joined = new JoinedText(type, rest?.ToString() ?? first, depth);
    }

    private static bool IsText(XmlNodeType type) =>
        type is XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace;

    private sealed record JoinedText(XmlNodeType Type, string Value, int Depth);

    public override XmlNodeType NodeType => _joined?.Type ?? inner.NodeType;

    public override string Value => _joined?.Value ?? inner.Value;

    public override int Depth => _joined?.Depth ?? inner.Depth;

    public override bool EOF => _joined is null && inner.EOF;

    public override ReadState ReadState => _joined is null ? inner.ReadState : ReadState.Interactive;

    // A text node has no name and no attributes.
    public override string LocalName => _joined is null ? inner.LocalName : string.Empty;

    public override string NamespaceURI => _joined is null ? inner.NamespaceURI : string.Empty;

    public override string Prefix => _joined is null ? inner.Prefix : string.Empty;

    public override bool IsEmptyElement => _joined is null && inner.IsEmptyElement;

    public override int AttributeCount => _joined is null ? inner.AttributeCount : 0;

    public override string GetAttribute(int i) => _joined is null ? inner.GetAttribute(i) : throw new ArgumentOutOfRangeException(nameof(i));

    public override string? GetAttribute(string name) => _joined is null ? inner.GetAttribute(name) : null;

    public override string? GetAttribute(string name, string? namespaceURI) => _joined is null ? inner.GetAttribute(name, namespaceURI) : null;

    public override bool MoveToAttribute(string name) => _joined is null && inner.MoveToAttribute(name);

    public override bool MoveToAttribute(string name, string? ns) => _joined is null && inner.MoveToAttribute(name, ns);

    public override bool MoveToElement() => _joined is null && inner.MoveToElement();

    public override bool MoveToFirstAttribute() => _joined is null && inner.MoveToFirstAttribute();

    public override bool MoveToNextAttribute() => _joined is null && inner.MoveToNextAttribute();

    public override bool ReadAttributeValue() => _joined is null && inner.ReadAttributeValue();

    public override bool CanResolveEntity => _joined is null && inner.CanResolveEntity;

    public override void ResolveEntity()
    {
        if (_joined is not null)
        {
            throw new InvalidOperationException("A text node is not an entity reference.");
        }
        inner.ResolveEntity();
    }

    public override string BaseURI => inner.BaseURI;

    public override XmlNameTable NameTable => inner.NameTable;

    public override string? LookupNamespace(string prefix) => inner.LookupNamespace(prefix);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
