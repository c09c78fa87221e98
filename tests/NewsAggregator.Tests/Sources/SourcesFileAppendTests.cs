using System.Text;
using NewsAggregator.Sources;

namespace NewsAggregator.Tests.Sources;

/// <summary>A sources file before an import, and the text that must follow what it already had.</summary>
public sealed record AppendCase(string Name, string Before, string After)
{
    public override string ToString() => Name;
}

public class SourcesFileAppendTests
{
    private static readonly Source[] Imported =
    [
        new() { Id = "a.example-00000001", Name = "Zürich \"A\"", Type = SourceType.Rss, Url = new Uri("https://a.example/feed"), Category = "News/Europe" },
        new() { Id = "b.example-00000002", Name = "B", Type = SourceType.Rss, Url = new Uri("https://b.example/rss?x=1&y=2") },
    ];

    private const string NewLines =
        """    { "id": "a.example-00000001", "name": "Zürich \"A\"", "type": "rss", "url": "https://a.example/feed", "category": "News/Europe" },""" + "\n" +
        """    { "id": "b.example-00000002", "name": "B", "type": "rss", "url": "https://b.example/rss?x=1&y=2" }""";

    public static TheoryData<AppendCase> Cases() => new()
    {
        new("comments, a multi-line entry and a trailing comma stay as they were",
            """
            {
              // hand-written notes
              "sources": [
                { "id": "w", "name": "W", "type": "rss", "url": "https://w.example/feed" }, /* the wire */
                { "id": "c", "name": "C", "type": "html", "url": "https://c.example/",
                  "linkSelector": "a.x" },
              ]
            }
            """,
            """
            {
              // hand-written notes
              "sources": [
                { "id": "w", "name": "W", "type": "rss", "url": "https://w.example/feed" }, /* the wire */
                { "id": "c", "name": "C", "type": "html", "url": "https://c.example/",
                  "linkSelector": "a.x" },
            """ + "\n" + NewLines + """
            ,
              ]
            }
            """),
        new("an empty list",
            "{ \"sources\": [\n  ]\n}\n",
            "{ \"sources\": [\n" + NewLines + "\n  ]\n}\n"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void New_sources_go_after_the_last_entry_one_line_each_and_the_rest_is_kept(AppendCase append)
    {
        var after = Encoding.UTF8.GetString(SourcesFileAppend.Append(Encoding.UTF8.GetBytes(append.Before), Imported));

        Assert.Equal(append.After.ReplaceLineEndings("\n"), after);
        var read = SourcesFile.Parse(after, "after.json");
        Assert.Equal(Imported, read.TakeLast(2));
    }

    [Fact]
    public void A_missing_file_is_started_afresh()
    {
        var after = Encoding.UTF8.GetString(SourcesFileAppend.Append(null, Imported));

        Assert.Equal("{\n  \"sources\": [\n" + NewLines + "\n  ]\n}\n", after);
    }

    [Fact]
    public void A_byte_order_mark_is_kept()
    {
        byte[] before = [0xEF, 0xBB, 0xBF, .. "{\"sources\":[{\"id\":\"w\",\"name\":\"W\",\"type\":\"rss\",\"url\":\"https://w.example/\"}]}"u8];

        var after = SourcesFileAppend.Append(before, Imported);

        Assert.Equal(before[..^2], after[..(before.Length - 2)]);
        Assert.Equal(3, SourcesFile.Parse(SourcesFileAppend.Decode(after), "bom.json").Count);
    }

    [Fact]
    public void Writing_replaces_the_file_and_leaves_no_temporary_file_beside_it()
    {
        var folder = Directory.CreateTempSubdirectory("sources-append-");
        try
        {
            var path = Path.Combine(folder.FullName, "sources.json");
            File.WriteAllText(path, "old");

            SourcesFileAppend.WriteAtomically(path, "new"u8.ToArray());

            Assert.Equal("new", File.ReadAllText(path));
            Assert.Equal(["sources.json"], folder.GetFiles().Select(f => f.Name));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_replaced_file_keeps_the_mode_the_user_gave_it()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var folder = Directory.CreateTempSubdirectory("sources-append-");
        try
        {
            var path = Path.Combine(folder.FullName, "sources.json");
            File.WriteAllText(path, "old");
            // Owner only: a file the umask would never give a new file.
            const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            File.SetUnixFileMode(path, ownerOnly);

            SourcesFileAppend.WriteAtomically(path, "new"u8.ToArray());

            Assert.Equal(ownerOnly, File.GetUnixFileMode(path));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
