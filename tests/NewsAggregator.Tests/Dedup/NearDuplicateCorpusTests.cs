using System.Globalization;
using NewsAggregator.Dedup;
using NewsAggregator.Storage;
using NewsAggregator.Tests.Storage;
using Xunit.Abstractions;

namespace NewsAggregator.Tests.Dedup;

/// <summary>
/// The labelled corpus (Fixtures/Dedup/near-duplicates.tsv) through the whole duplicate check:
/// each pair's copies are stored one after the other in a fresh database, as the pipeline
/// stores them, and the second must land on the first's article exactly when they are one story.
/// </summary>
public class NearDuplicateCorpusTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset SyncedAt = new(2019, 11, 19, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Corpus_holds_at_least_forty_copies_and_forty_different_stories()
    {
        var pairs = NearDuplicateCorpus.Pairs;
        Assert.True(pairs.Count(p => p.SameStory) >= 40, $"{pairs.Count(p => p.SameStory)} copies");
        Assert.True(pairs.Count(p => !p.SameStory) >= 40, $"{pairs.Count(p => !p.SameStory)} different stories");
        Assert.Equal(pairs.Count, pairs.Select(p => p.Case).Distinct().Count());
    }

    [Fact]
    public void Storage_merges_every_copy_and_no_different_story_precision_and_recall_are_one()
    {
        var wrong = new List<string>();
        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        foreach (var pair in NearDuplicateCorpus.Pairs)
        {
            var merged = StoreBoth(pair);
            if (merged && pair.SameStory)
            {
                truePositives++;
            }
            else if (merged != pair.SameStory)
            {
                falsePositives += merged ? 1 : 0;
                falseNegatives += merged ? 0 : 1;
                var overlap = Shingles(pair.First).OverlapWith(Shingles(pair.Second));
                wrong.Add($"{pair.Case}: {(merged ? "merged" : "kept apart")}, Jaccard {overlap.Jaccard:0.000}, containment {overlap.Containment:0.000}, "
                    + $"length ratio {overlap.LengthRatio:0.00}, shingles {overlap.FirstCount}/{overlap.SecondCount}");
            }
        }

        var precision = truePositives / (double)(truePositives + falsePositives);
        var recall = truePositives / (double)(truePositives + falseNegatives);
        output.WriteLine($"precision {precision:0.000}, recall {recall:0.000} over {NearDuplicateCorpus.Pairs.Count} pairs");
        Assert.True(wrong.Count == 0, $"precision {precision:0.000}, recall {recall:0.000}; judged wrong:\n" + string.Join('\n', wrong));
        Assert.Equal(1.0, precision);
        Assert.Equal(1.0, recall);
    }

    [Fact]
    public void Copies_on_other_sites_agree_by_text_and_different_stories_do_not()
    {
        var measured = NearDuplicateCorpus.Pairs
            .Where(pair => pair.Placement == "other-site")
            .Select(pair => (Pair: pair, Verdict: NearDuplicateRule.CompareTexts(Shingles(pair.First), Shingles(pair.Second))))
            .ToList();

        foreach (var group in measured.GroupBy(m => m.Pair.SameStory))
        {
            var overlaps = group.Select(m => m.Verdict.Overlap).ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(group.Key ? "copies" : "different stories"),-18} {overlaps.Count,3} pairs  "
                + $"Jaccard {overlaps.Min(o => o.Jaccard):0.000} – {overlaps.Max(o => o.Jaccard):0.000}  "
                + $"containment {overlaps.Min(o => o.Containment):0.000} – {overlaps.Max(o => o.Containment):0.000}  "
                + $"length ratio {overlaps.Min(o => o.LengthRatio):0.00} – {overlaps.Max(o => o.LengthRatio):0.00}"));
        }
        foreach (var (pair, verdict) in measured.OrderBy(m => m.Verdict.Overlap.Jaccard))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {(pair.SameStory ? "same    " : "distinct")} J {verdict.Overlap.Jaccard:0.000} C {verdict.Overlap.Containment:0.000} {pair.Case}"));
        }

        Assert.All(measured, m => Assert.True(m.Verdict.IsCopy == m.Pair.SameStory, $"{m.Pair.Case}: {m.Verdict.Reason}"));
    }

    [Fact]
    public void Sketches_send_every_copy_to_confirmation_and_dismiss_different_stories()
    {
        var dismissed = 0;
        foreach (var pair in NearDuplicateCorpus.Pairs)
        {
            var (first, second) = (NearDuplicateKeys.Of(Shingles(pair.First)).Sketch, NearDuplicateKeys.Of(Shingles(pair.Second)).Sketch);
            if (first is null || second is null)
            {
                continue;
            }
            var agreements = first.Agreements(second);
            if (pair.SameStory)
            {
                Assert.True(NearDuplicateRule.MayBeCopies(first, second), $"{pair.Case}: {agreements} of {StorySketch.Size} agree");
            }
            else if (!NearDuplicateRule.MayBeCopies(first, second))
            {
                dismissed++;
            }
        }
        var different = NearDuplicateCorpus.Pairs.Count(p => !p.SameStory);
        output.WriteLine($"{dismissed} of {different} different stories dismissed by their sketches");
        Assert.True(dismissed >= different * 9 / 10, $"{dismissed} of {different} different stories dismissed");
    }

    private static bool StoreBoth(CorpusPair pair)
    {
        using var files = new TemporaryDatabase();
        var database = files.Open();
        database.SyncSources(TemporaryDatabase.Sources("first", "second"), SyncedAt);
        var first = database.StoreArticle(Record("first", pair.First));
        Assert.Equal(StoreOutcomeKind.Stored, first.Kind);
        var second = database.StoreArticle(Record("second", pair.Second));
        database.Close();
        return second.ArticleId == first.ArticleId;
    }

    // What the pipeline hands to storage for a fetched page (SourcePass.FetchArticleAsync).
    private static ArticleRecord Record(string sourceId, CorpusCopy copy) => new()
    {
        SourceId = sourceId,
        Url = CanonicalUrl.Normalize(copy.Url),
        Text = copy.Text,
        ContentHash = ContentFingerprint.Of(copy.Text),
        DeclaredCanonicalUrl = DeclaredCanonical.Accept(copy.DeclaredCanonicalUrl),
        PublishedAt = copy.PublishedAt,
        FetchedAt = copy.PublishedAt.AddMinutes(30),
    };

    private static StoryShingles Shingles(CorpusCopy copy) => StoryShingles.Of(copy.Text);
}
