using NewsAggregator.Dedup;

namespace NewsAggregator.Tests.Dedup;

public class NearDuplicateRuleTests
{
    private static readonly DateTimeOffset Published = new(2024, 3, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly string Story = Stories("bridge-closed");

    private static string Stories(string name) => FixturePath.ReadText("Dedup", "Stories", name + ".txt");

    private static StoryCopy Copy(string text, string site = "first.example", double hoursLater = 0) =>
        new(StoryShingles.Of(text), Published.AddHours(hoursLater), Published.AddHours(hoursLater), [site]);

    // The first share of the words, at a word boundary.
    private static string Cut(string text, double share)
    {
        var words = text.Split(' ');
        return string.Join(' ', words.Take((int)(words.Length * share)));
    }

    [Fact]
    public void Wire_copy_on_another_site_within_hours_is_a_copy()
    {
        var copy = "BELGRADE, Serbia (AP) — " + Story + "\n\nCopyright 2024 The Associated Press. All rights reserved.";
        var verdict = NearDuplicateRule.Judge(Copy(Story), Copy(copy, "second.example", 6));
        Assert.True(verdict.IsCopy, verdict.Reason);
        Assert.StartsWith("Jaccard", verdict.Reason);
    }

    [Fact]
    public void Cut_copy_is_a_copy_by_containment()
    {
        var verdict = NearDuplicateRule.Judge(Copy(Story), Copy(Cut(Story, 0.7), "second.example", 2));
        Assert.True(verdict.IsCopy, verdict.Reason);
        Assert.StartsWith("containment", verdict.Reason);
        Assert.True(verdict.Overlap.Jaccard < NearDuplicateRule.MinimumJaccard);
    }

    [Fact]
    public void Two_urls_of_one_site_are_two_articles_however_alike()
    {
        var verdict = NearDuplicateRule.Judge(Copy(Story, "first.example"), Copy(Story + "\n\nUpdated at noon.", "first.example", 2));
        Assert.False(verdict.IsCopy);
        Assert.Contains("both are on first.example", verdict.Reason);
    }

    [Fact]
    public void A_site_the_story_was_already_seen_on_counts_as_its_own()
    {
        var stored = new StoryCopy(StoryShingles.Of(Story), Published, Published, ["first.example", "second.example"]);
        Assert.False(NearDuplicateRule.Judge(stored, Copy(Story, "second.example", 2)).IsCopy);
    }

    [Theory]
    [InlineData(-24 * 6.9, true)]
    [InlineData(24 * 6.9, true)]
    [InlineData(24 * 7.1, false)]
    [InlineData(-24 * 30, false)]
    public void Copies_must_be_published_within_the_window(double hoursLater, bool isCopy)
    {
        var verdict = NearDuplicateRule.Judge(Copy(Story), Copy(Story, "second.example", hoursLater));
        Assert.True(isCopy == verdict.IsCopy, verdict.Reason);
    }

    /// <summary>
    /// A dated original published ten days before we fetched it, and an undated copy fetched a
    /// second later: publication against fetch time would call them ten days apart.
    /// </summary>
    [Theory]
    [InlineData("dated original, undated copy seen a second later", -240.0, null, true)]
    [InlineData("undated original, dated copy seen a second later", null, -240.0, true)]
    [InlineData("both dated, ten days apart, seen a second apart", -240.0, 0.0, false)]
    [InlineData("both undated, seen a second apart", null, null, true)]
    public void The_window_compares_publication_times_only_when_both_copies_have_one(
        string rule, double? storedPublishedHours, double? incomingPublishedHours, bool isCopy)
    {
        var fetched = Published.AddDays(30);
        var stored = new StoryCopy(StoryShingles.Of(Story), fetched.AddHoursOrNull(storedPublishedHours), fetched, ["first.example"]);
        var incoming = new StoryCopy(StoryShingles.Of(Story), fetched.AddHoursOrNull(incomingPublishedHours), fetched.AddSeconds(1), ["second.example"]);

        var verdict = NearDuplicateRule.Judge(stored, incoming);

        Assert.True(isCopy == verdict.IsCopy, $"{rule}: {verdict.Reason}");
    }

    [Fact]
    public void Round_up_that_quotes_a_whole_story_is_not_that_story()
    {
        var roundUp = string.Join("\n\n", Stories("port-strike-begins"), Story, Stories("election-early-count"));
        var verdict = NearDuplicateRule.Judge(Copy(Story), Copy(roundUp, "second.example", 1));
        Assert.Equal(1.0, verdict.Overlap.Containment);
        Assert.False(verdict.IsCopy);
        Assert.Contains("length", verdict.Reason);
    }

    [Fact]
    public void Containment_needs_a_shorter_text_long_enough_to_mean_something()
    {
        // Sixty words held whole by the story: a teaser, too short to prove a copy by containment.
        var teaser = Cut(Story, 60.0 / Story.Split(' ').Length);
        var verdict = NearDuplicateRule.Judge(Copy(Story), Copy(teaser, "second.example", 1));
        Assert.Equal(1.0, verdict.Overlap.Containment);
        Assert.False(verdict.IsCopy);
        Assert.Contains("only", verdict.Reason);
    }

    [Fact]
    public void Texts_too_short_to_compare_are_never_copies_even_when_equal()
    {
        const string brief = "Police closed Bridge Street on Monday after a lorry shed its load of gravel near the station.";
        var verdict = NearDuplicateRule.Judge(Copy(brief), Copy(brief, "second.example", 1));
        Assert.False(verdict.IsCopy);
        Assert.Contains("too short", verdict.Reason);
    }

    [Fact]
    public void Follow_up_reusing_background_paragraphs_is_another_story()
    {
        var verdict = NearDuplicateRule.Judge(Copy(Story), Copy(Stories("bridge-funds"), "second.example", 72));
        Assert.False(verdict.IsCopy, verdict.Reason);
    }

    [Theory]
    [InlineData("the whole story after a cut copy: the first copy was cut", 0.75, 1.0, true)]
    [InlineData("a cut copy after the whole story", 1.0, 0.75, false)]
    [InlineData("about 5 % longer, less than the 15 % that shows a cut copy", 0.95, 1.0, false)]
    public void Later_copy_replaces_the_stored_text_only_when_it_holds_it_and_is_clearly_longer(
        string rule, double storedShare, double laterShare, bool upgrades)
    {
        var verdict = NearDuplicateRule.Judge(Copy(Cut(Story, storedShare)), Copy(Cut(Story, laterShare), "second.example", 1));
        Assert.True(verdict.IsCopy, verdict.Reason);
        Assert.True(upgrades == verdict.UpgradesText, rule);
    }

    [Fact]
    public void Refused_copy_never_upgrades_text()
    {
        var verdict = NearDuplicateRule.Judge(Copy(Cut(Story, 0.75)), Copy(Story, "first.example", 1));
        Assert.False(verdict.IsCopy);
        Assert.False(verdict.UpgradesText);
    }
}

internal static class TimeOffsets
{
    public static DateTimeOffset? AddHoursOrNull(this DateTimeOffset time, double? hours) => hours is { } h ? time.AddHours(h) : null;
}
