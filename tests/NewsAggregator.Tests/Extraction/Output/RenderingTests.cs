using NewsAggregator.Extraction;

namespace NewsAggregator.Tests.Extraction;

/// <summary>Markup that reads one way on screen and another in a naive walk over the DOM.</summary>
public class RenderingTests
{
    private readonly ArticleExtractor _extractor = new();

    [Theory]
    [InlineData("noscript-left-open")] // a <noscript> never closed holds the rest of the page: its content is still read
    [InlineData("ruby-soft-hyphen-decomposed")] // ruby annotations and soft hyphens left out, decomposed accents composed (NFC)
    [InlineData("noframes-and-noembed")] // a browser hides them (it shows frames and embeds), and their content is raw markup, not text
    [InlineData("joiners-inside-words")] // zero-width (non-)joiners inside a word are Persian spelling and an emoji's binding, kept; one at a word's edge or alone goes
    [InlineData("noncharacter-in-the-text")] // U+FFFE, valid UTF-8 that .NET's normaliser refuses: the text is kept, without it
    [InlineData("control-characters")] // C1 controls are windows-1252 punctuation read as Latin-1 upstream (U+0092 is ’); terminal escapes, backspaces and references to C0 controls (&#26;) are not text
    [InlineData("encoded-twice-in-entities")] // UTF-8 read as windows-1252 and written back as entities (&acirc;€™, &Atilde;&copy;, &#195;&#168;) is put back; correct entities stay
    [InlineData("declarative-shadow-roots")] // web components rendered on the server: each shadow tree in its host's place, slots filled with the host's children (or their fallback), children no slot takes left out
    public void Text_is_what_a_reader_sees(string page)
    {
        var article = _extractor.Extract(ExtractionFixtures.Text("Rendering", page + ".html"), new Uri("https://town.example/" + page));

        Assert.Equal(ExtractionFixtures.Expected("Rendering", page + ".expected.txt"), article.Text);
    }

    [Fact]
    public void Title_and_html_hold_no_control_characters()
    {
        var article = _extractor.Extract(ExtractionFixtures.Text("Rendering", "control-characters.html"), null);

        Assert.DoesNotContain(article.Html, c => char.IsControl(c) && c != '\n');
        Assert.Contains("board’s", article.Html, StringComparison.Ordinal);
        Assert.Equal("Harbour ]0;owned dredging starts in March", article.Title);
    }

    [Fact]
    public void A_title_taken_from_the_head_holds_no_control_characters()
    {
        var article = _extractor.Extract("<html><head><title>Harbour &#27;]0;owned&#7; dredging</title></head><body><p>Dredging starts.</p></body></html>", null);

        Assert.Equal("Harbour ]0;owned dredging", article.Title);
    }

    [Fact]
    public void Html_is_composed_and_without_ruby_annotations()
    {
        var article = _extractor.Extract(ExtractionFixtures.Text("Rendering", "ruby-soft-hyphen-decomposed.html"), null);

        Assert.True(article.Html.IsNormalized(System.Text.NormalizationForm.FormC));
        Assert.DoesNotContain("きょう", article.Html);
        Assert.DoesNotContain('\u00AD', article.Html);
        Assert.Contains("voyageurs", article.Html);
        Assert.Contains("東京", article.Html);
    }

    [Fact]
    public void Html_keeps_the_joiners_inside_words_and_no_spacer_paragraph()
    {
        var article = _extractor.Extract(ExtractionFixtures.Text("Rendering", "joiners-inside-words.html"), null);

        // Ordinal: a comparison by culture ignores the joiners it is about.

        Assert.Contains("کتابخانه\u200Cهای", article.Html, StringComparison.Ordinal);
        Assert.Contains("\U0001F469\u200D\U0001F4BB", article.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("گفت\u200C", article.Html, StringComparison.Ordinal);
        Assert.Equal(3, article.Html.Split("<p>").Length - 1);
    }
}
