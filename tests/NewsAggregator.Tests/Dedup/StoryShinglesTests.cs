using NewsAggregator.Dedup;

namespace NewsAggregator.Tests.Dedup;

public class StoryShinglesTests
{
    private static readonly string Story = FixturePath.ReadText("Dedup", "story.txt");

    [Fact]
    public void Words_are_folded_without_the_wrapper_and_dashes_part_them()
    {
        Assert.Equal(
            ["serbias", "constructive", "talks", "2008", "and", "kosovos", "final", "word"],
            StoryShingles.Words("BELGRADE, Serbia (AP) — Serbia’s “constructive” talks—2008 -- and Kosovo's/ﬁnal…word"));
    }

    [Fact]
    public void Every_run_of_five_words_is_one_shingle_and_repeats_count_once()
    {
        Assert.Equal(6, StoryShingles.Of("one two three four five six seven eight nine ten").Count);
        // abcde, bcdea, cdeab, deabc, eabcd, and abcde again
        Assert.Equal(5, StoryShingles.Of("a b c d e a b c d e").Count);
    }

    [Fact]
    public void Fewer_than_five_words_have_no_shingles()
    {
        Assert.Equal(0, StoryShingles.Of("Breaking news: more soon").Count);
        Assert.Equal(0, StoryShingles.Of("").Count);
    }

    [Fact]
    public void Copies_in_other_quote_styles_case_and_wire_wrapper_have_the_same_shingles()
    {
        var copy = "By Jane Doe, Associated Press\n\nHARBOUR CITY (AP) — " + Story
            .Replace("’", "'").Replace("“", "\"").Replace("”", "\"").Replace("—", "--").ToUpperInvariant()
            + "\n\nAssociated Press writer John Roe contributed to this report.";

        Assert.True(StoryShingles.Of(Story).Hashes.SequenceEqual(StoryShingles.Of(copy).Hashes));
    }

    [Fact]
    public void Overlap_counts_shared_shingles()
    {
        var first = StoryShingles.Of("one two three four five six seven eight nine ten");
        var second = StoryShingles.Of("one two three four five six seven eight nine eleven");

        var overlap = first.OverlapWith(second);

        Assert.Equal(new ShingleOverlap(5, 6, 6), overlap);
        Assert.Equal(5 / 7.0, overlap.Jaccard, 6);
        Assert.Equal(5 / 6.0, overlap.Containment, 6);
    }

    [Fact]
    public void Cut_copy_is_contained_in_the_whole()
    {
        var whole = StoryShingles.Of(Story);
        var cut = StoryShingles.Of(Story[..Story.LastIndexOf(' ', Story.Length * 7 / 10)]);

        var overlap = cut.OverlapWith(whole);

        Assert.Equal(1.0, overlap.Containment);
        Assert.Equal(1.0, overlap.FirstContainedInSecond);
        Assert.InRange(overlap.Jaccard, 0.6, 0.75);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(255)]
    [InlineData(1000)]
    [InlineData(4099)]
    public void Hashes_are_sorted_as_a_comparison_sort_sorts_them(int count)
    {
        // Random 64-bit values with repeats and the extremes among them, as shingle hashes may be.
        var random = new Random(count);
        var keys = Enumerable.Range(0, count).Select(_ => (ulong)random.NextInt64() << 1 | (uint)random.Next(2)).ToArray();
        if (count > 3)
        {
            (keys[0], keys[1], keys[2]) = (ulong.MaxValue, 0, keys[3]);
        }
        var expected = keys.Order().ToArray();

        StoryShingles.SortAscending(keys, new ulong[count + 3]);

        Assert.Equal(expected, keys);
    }

    [Fact]
    public void Shingles_and_band_keys_are_stable_across_processes()
    {
        // The index persists band keys: any change here needs a migration that re-indexes every article.
        var shingles = StoryShingles.Of(Story);
        var keys = LshBands.KeysOf(shingles);
        Assert.Equal(103, shingles.Count);
        Assert.Equal(0x013F8148F5A52A47UL, shingles.Hashes[0]);
        Assert.Equal([0x5BAB6997FD4FL, 0x79CCC4F11C56L], keys[..2]);
    }
}
