using NewsAggregator.Benchmarks.Quality;

namespace NewsAggregator.Tests.Extraction;

public class ExtractionScoreTests
{
    [Fact]
    public void Shingles_are_contiguous_runs_of_four_tokens_counted_as_a_multiset()
    {
        var shingles = ExtractionScore.Shingles("a b c d a b c d");

        Assert.Equal(5, shingles.Values.Sum());
        Assert.Equal(2, shingles["a b c d"]);
        Assert.Equal(1, shingles["d a b c"]);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("  — !", 0)]
    [InlineData("one", 1)]
    [InlineData("one two three", 1)]
    [InlineData("one two three four", 1)]
    [InlineData("one two three four five", 2)]
    public void Texts_of_one_to_three_tokens_are_one_shorter_shingle_and_empty_text_has_none(string text, int count)
    {
        Assert.Equal(count, ExtractionScore.Shingles(text).Values.Sum());
    }

    [Fact]
    public void Tokens_are_letters_digits_and_underscores_in_any_script()
    {
        var shingles = ExtractionScore.Shingles("Привет, мир! snake_case 42");

        Assert.Equal(["Привет мир snake_case 42"], shingles.Keys);
    }

    [Fact]
    public void Extra_text_costs_precision_and_missing_text_costs_recall()
    {
        // Truth has 5 shingles; the prediction keeps 2 of them and adds 3 of its own.
        var score = ExtractionScore.Page("a b c d e f g h", "a b c d e x y z");

        Assert.Equal(2.0 / 5, score.Precision, 6);
        Assert.Equal(2.0 / 5, score.Recall, 6);
        Assert.False(score.PredictionEmpty);
    }

    [Fact]
    public void A_page_with_neither_extra_nor_missing_shingles_counts_one_for_both()
    {
        Assert.Equal(new PageScore(1, 1, true), ExtractionScore.Page("", ""));
        Assert.Equal(new PageScore(1, 1, false), ExtractionScore.Page("Same words here.", "  Same, words — here!"));
    }

    [Fact]
    public void The_truths_reach_is_the_share_of_its_shingles_made_of_words_on_the_page()
    {
        // "completeUnix" joins two of the page's words: two of the four shingles hold it and are out of reach.
        const string Page = "the complete Unix system I am writing so that";

        Assert.Equal(1.0, ExtractionScore.Reachable("the complete Unix system I am", Page));
        Assert.Equal(2.0 / 4, ExtractionScore.Reachable("the completeUnix system I am writing so", Page));
        Assert.Equal(1.0, ExtractionScore.Reachable("", Page));
    }

    [Fact]
    public void Corpus_precision_leaves_out_empty_predictions_but_recall_counts_them()
    {
        var pages = new[]
        {
            ExtractionScore.Page("a b c d e", "a b c d e"),
            ExtractionScore.Page("a b c d e", ""),
        };

        var corpus = ExtractionScore.Corpus(pages);

        Assert.Equal(1.0, corpus.Precision);
        Assert.Equal(0.5, corpus.Recall);
        Assert.Equal(2 * 0.5 / 1.5, corpus.F1, 9);
        Assert.Equal(1, corpus.EmptyOutputs);
    }
}
