using System.Globalization;
using System.Text;
using System.Xml;

namespace NewsAggregator.Sources;

/// <summary>
/// Reads the subscription lists feed readers export (OPML 1.0 and 2.0: Feedly, Inoreader,
/// Miniflux, FreshRSS, NetNewsWire) and writes one of ours in OPML 2.0.
/// </summary>
/// <remarks>
/// Readers differ in what they write: some leave out <c>type="rss"</c>, some give only
/// <c>text</c>, some spell <c>xmlURL</c>; an outline is taken as a feed when it has an
/// <c>xmlUrl</c> (any case) or says <c>type="rss"</c>, and as a folder otherwise.
/// </remarks>
public static class OpmlDocument
{
    /// <summary>
    /// Folders nested deeper than this are no reader's export; the cap keeps a crafted file from
    /// building category strings without end. The file is read as a stream, never as a tree.
    /// </summary>
    public const int MaxDepth = 64;

    /// <summary>Far above a 10 000-feed export (about 3 MB).</summary>
    public const long MaxCharacters = 50L * 1024 * 1024;

    public static IReadOnlyList<OpmlFeed> Load(string path)
    {
        if (Directory.Exists(path))
        {
            throw new OpmlFormatException($"{path}: is a folder, not an OPML file");
        }
        try
        {
            using var stream = File.OpenRead(path);
            return Read(stream, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OpmlFormatException($"{path}: cannot read the OPML file: {e.Message}");
        }
    }

    public static IReadOnlyList<OpmlFeed> Read(Stream stream, string fileName)
    {
        var settings = new XmlReaderSettings
        {
            // No DTD: OPML has none, and a DTD is how XXE and entity-expansion attacks come in.
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxCharacters,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
        };
        try
        {
            using var reader = XmlReader.Create(stream, settings);
            return ReadOutlines(reader, fileName);
        }
        catch (XmlException e)
        {
            // The message goes on to say where (given here) and how to change the reader's settings: only its first sentence is for the user.
            var where = e.LineNumber > 0 ? string.Create(CultureInfo.InvariantCulture, $" at line {e.LineNumber}, position {e.LinePosition}") : "";
            throw new OpmlFormatException($"{fileName}: not an OPML file: not well-formed XML{where}: {SourcesFile.FirstSentence(e.Message)}");
        }
    }

    private static List<OpmlFeed> ReadOutlines(XmlReader reader, string fileName)
    {
        if (reader.MoveToContent() != XmlNodeType.Element)
        {
            throw new OpmlFormatException($"{fileName}: not an OPML file: no root element");
        }
        if (reader.LocalName != "opml")
        {
            throw new OpmlFormatException($"{fileName}: not an OPML file: the root element is <{reader.Name}>, expected <opml>");
        }

        var feeds = new List<OpmlFeed>();
        // The folders enclosing the reader's position: an outline's depth minus the body's gives its level.
        var folders = new List<string?>();
        var bodyDepth = -1;
        var sawBody = false;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            if (reader.LocalName == "body" && reader.Depth == 1)
            {
                sawBody = true;
                bodyDepth = reader.Depth;
                continue;
            }
            if (reader.LocalName != "outline" || bodyDepth < 0)
            {
                continue;
            }
            var level = reader.Depth - bodyDepth - 1;
            if (level >= MaxDepth)
            {
                throw new OpmlFormatException(string.Create(CultureInfo.InvariantCulture,
                    $"{fileName}: not an OPML file a reader would export: outlines nested more than {MaxDepth} deep"));
            }
            // Siblings and their children seen before this outline are behind us; an element that
            // is no outline between folders (some exporters' own wrappers) stands for a folder without a name.
            if (folders.Count > level)
            {
                folders.RemoveRange(level, folders.Count - level);
            }
            while (folders.Count < level)
            {
                folders.Add(null);
            }

            var title = NonEmpty(Attribute(reader, "title")) ?? NonEmpty(Attribute(reader, "text"));
            var feedUrl = Attribute(reader, "xmlUrl");
            var type = Attribute(reader, "type");
            if (feedUrl is not null || string.Equals(type, "rss", StringComparison.OrdinalIgnoreCase))
            {
                feeds.Add(new OpmlFeed(feedUrl?.Trim() ?? "", title, SourceCategory.FromFolders(folders.OfType<string>())));
            }
            if (!reader.IsEmptyElement)
            {
                // A feed outline with children is rare; its children are filed under its title like a folder's.
                folders.Add(title);
            }
        }
        if (!sawBody)
        {
            throw new OpmlFormatException($"{fileName}: not an OPML file: <opml> has no <body>");
        }
        return feeds;
    }

    /// <summary>The attribute named <paramref name="name"/> in any letter case (exports write xmlUrl, xmlURL and xmlurl).</summary>
    private static string? Attribute(XmlReader reader, string name)
    {
        for (var i = 0; i < reader.AttributeCount; i++)
        {
            reader.MoveToAttribute(i);
            if (string.Equals(reader.LocalName, name, StringComparison.OrdinalIgnoreCase))
            {
                var value = reader.Value;
                reader.MoveToElement();
                return value;
            }
        }
        reader.MoveToElement();
        return null;
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>
    /// OPML 2.0 of the sources that have a feed (type rss), in the file's order, in folders by
    /// category (folders in the order their first source appears).
    /// </summary>
    public static string Write(IEnumerable<Source> sources, string title)
    {
        var root = new Folder("");
        foreach (var source in sources.Where(s => s.Type == SourceType.Rss))
        {
            var folder = root;
            foreach (var name in source.Category is null ? [] : SourceCategory.Segments(source.Category))
            {
                folder = folder.Child(name);
            }
            folder.Items.Add(source);
        }

        using var bytes = new MemoryStream();
        var settings = new XmlWriterSettings
        {
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        };
        // To bytes rather than a StringWriter, which would have the declaration say utf-16.
        using (var writer = XmlWriter.Create(bytes, settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("opml");
            writer.WriteAttributeString("version", "2.0");
            writer.WriteStartElement("head");
            writer.WriteElementString("title", title);
            writer.WriteEndElement();
            writer.WriteStartElement("body");
            WriteFolder(writer, root);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }
        return Encoding.UTF8.GetString(bytes.ToArray()) + "\n";
    }

    private static void WriteFolder(XmlWriter writer, Folder folder)
    {
        foreach (var item in folder.Items)
        {
            switch (item)
            {
                case Source source:
                    writer.WriteStartElement("outline");
                    writer.WriteAttributeString("type", "rss");
                    writer.WriteAttributeString("text", source.Name);
                    writer.WriteAttributeString("title", source.Name);
                    writer.WriteAttributeString("xmlUrl", source.Url.OriginalString);
                    writer.WriteEndElement();
                    break;
                case Folder child:
                    writer.WriteStartElement("outline");
                    writer.WriteAttributeString("text", child.Name);
                    writer.WriteAttributeString("title", child.Name);
                    WriteFolder(writer, child);
                    writer.WriteEndElement();
                    break;
            }
        }
    }

    /// <summary>A folder of the export: its sources and subfolders in the order they first appear.</summary>
    private sealed class Folder(string name)
    {
        public string Name { get; } = name;

        public List<object> Items { get; } = [];

        public Folder Child(string childName)
        {
            var child = Items.OfType<Folder>().FirstOrDefault(f => f.Name == childName);
            if (child is null)
            {
                child = new Folder(childName);
                Items.Add(child);
            }
            return child;
        }
    }
}
