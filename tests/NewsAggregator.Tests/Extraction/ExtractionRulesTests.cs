using NewsAggregator.Extraction;

namespace NewsAggregator.Tests.Extraction;

/// <summary>
/// A source's selectors over a page whose markup names nothing (obfuscated classes), where
/// the heuristics take the readers' letters beside the story and a promotion inside it.
/// </summary>
public class ExtractionRulesTests
{
    private static readonly string Page = ExtractionFixtures.Text("Rules", "split-story.html");
    private readonly ArticleExtractor _extractor = new();

    [Fact]
    public void Without_rules_the_heuristics_take_the_letters_too()
    {
        var article = _extractor.Extract(Page, null);

        Assert.Contains("Letters from readers", article.Text);
        Assert.False(article.ContentSelectorMissed);
    }

    [Fact]
    public void The_content_selector_takes_every_outermost_match_in_page_order_without_hidden_text()
    {
        var article = _extractor.Extract(Page, null, new ExtractionRules { ContentSelector = "div.q7" });

        Assert.Equal(ExtractionFixtures.Expected("Rules", "split-story.content-selector.expected.txt"), article.Text);
        Assert.DoesNotContain("Hidden paragraph", article.Html);
        Assert.False(article.ContentSelectorMissed);
    }

    [Fact]
    public void Remove_selectors_cut_from_text_and_html()
    {
        var article = _extractor.Extract(Page, null, new ExtractionRules { ContentSelector = "div.q7", RemoveSelectors = ["p.x3f", "span.none"] });

        Assert.Equal(ExtractionFixtures.Expected("Rules", "split-story.both.expected.txt"), article.Text);
        Assert.DoesNotContain("Coast Courier on your phone", article.Html);
        Assert.StartsWith("<p>The harbour wall on the east pier", article.Html);
    }

    [Fact]
    public void Remove_selectors_alone_work_with_the_heuristics()
    {
        var article = _extractor.Extract(Page, null, new ExtractionRules { RemoveSelectors = ["div.z1"] });

        Assert.DoesNotContain("Letters from readers", article.Text);
        Assert.StartsWith("The harbour wall on the east pier", article.Text);
    }

    [Fact]
    public void A_content_selector_that_matches_nothing_leaves_the_article_to_the_heuristics_and_says_so()
    {
        var withMiss = _extractor.Extract(Page, null, new ExtractionRules { ContentSelector = "div.story-body" });

        Assert.True(withMiss.ContentSelectorMissed);
        Assert.Equal(_extractor.Extract(Page, null).Text, withMiss.Text);
    }

    [Theory]
    [InlineData("div.story-body", true)]
    [InlineData("article > p:not(.promo)", true)]
    [InlineData("div..body", false)]
    [InlineData("aside[", false)]
    [InlineData("  ", false)]
    public void Selectors_are_checked_before_use(string selector, bool valid)
    {
        Assert.Equal(valid, CssSelector.IsValid(selector));
    }
}
