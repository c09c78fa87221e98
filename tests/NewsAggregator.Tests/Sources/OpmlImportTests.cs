using NewsAggregator.Sources;

namespace NewsAggregator.Tests.Sources;

/// <summary>An import over a sources file, and its outcome: one line per feed, in the order added, duplicates, invalid.</summary>
public sealed record ImportCase(string Name, string SourcesFixture, string OpmlFixture, params string[] Outcome)
{
    public override string ToString() => Name;
}

public class OpmlImportTests
{
    public static TheoryData<ImportCase> Cases() => new()
    {
        new("nested folders into a file without them", "categorised-sources.json", "feedly-nested.opml",
            "added feeds.bbci.co.uk-1796df62 | BBC News - World | News",
            "added rss.dw.com-14dda539 | Deutsche Welle | News/Europe",
            "added www.france24.com-00592f33 | France 24 | News/Europe",
            "added www.theregister.com-d0abe968 | The Register | Tech",
            "added blog.example.org-927c3a9c | Unfiled blog | "),
        new("duplicates within the file, and feeds that cannot be sources", "categorised-sources.json", "duplicates.opml",
            "added feeds.npr.org-04a13555 | NPR News | World",
            "added www.theguardian.com-d64709a6 | The Guardian | World",
            "duplicate NPR again: listed earlier in the OPML file (as \"NPR News\")",
            "invalid No address: no xmlUrl",
            "invalid Local file: xmlUrl \"file:///etc/passwd\" is not an absolute http or https URL",
            "invalid Not a URL: xmlUrl \"feeds dot example\" is not an absolute http or https URL"),
        // The committed file has the BBC's and DW's feeds under hand-made ids.
        new("feeds already listed, by canonical URL", "committed", "feedly-nested.opml",
            "added www.france24.com-00592f33 | France 24 | News/Europe",
            "added blog.example.org-927c3a9c | Unfiled blog | ",
            "duplicate BBC News - World: already in the sources file as \"bbc-world\"",
            "duplicate Deutsche Welle: already in the sources file as \"dw-english\"",
            "duplicate The Register: already in the sources file as \"the-register\""),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Feeds_are_added_once_each_and_every_skip_has_its_reason(ImportCase import)
    {
        var existing = SourcesFile.Load(import.SourcesFixture == "committed"
            ? Path.Combine(RepositoryRoot.Path, "sources.json")
            : FixturePath.Of("Opml", import.SourcesFixture));

        var result = OpmlImport.Merge(existing, OpmlDocument.Load(FixturePath.Of("Opml", import.OpmlFixture)));

        Assert.Equal(import.Outcome,
            result.Added.Select(s => $"added {s.Id} | {s.Name} | {s.Category}")
                .Concat(result.Duplicates.Select(d => $"duplicate {d.Feed.Title}: {d.Reason}"))
                .Concat(result.Invalid.Select(d => $"invalid {d.Feed.Title}: {d.Reason}")));
        Assert.All(result.Added, source => Assert.Equal(SourceType.Rss, source.Type));
    }

    [Fact]
    public void A_feed_without_a_title_is_named_by_its_host()
    {
        var result = OpmlImport.Merge([], [new OpmlFeed("https://feeds.example.org/all.xml", null, null)]);

        Assert.Equal("feeds.example.org", Assert.Single(result.Added).Name);
    }
}
