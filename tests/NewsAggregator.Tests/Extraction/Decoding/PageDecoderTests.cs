using System.Text;
using NewsAggregator.Extraction;

namespace NewsAggregator.Tests.Extraction;

public class PageDecoderTests
{
    private const string Russian = "Москва готовится к зиме: коммунальные службы проверяют отопление в жилых домах.";
    private const string Polish = "Kraków przygotowuje się do zimy: służby miejskie sprawdzają ogrzewanie w szkołach i żłobkach.";
    private const string French = "Le café de la gare a rouvert après des travaux : les habitués retrouvent leur comptoir.";

    [Theory]
    [InlineData("windows-1251-meta.html", null, Russian)] // <meta http-equiv> prescan
    [InlineData("windows-1251-meta.html", "windows-1251", Russian)] // header and meta agree
    [InlineData("windows-1251-undeclared.html", null, Russian)] // no label: the html lang picks the legacy encoding
    [InlineData("utf8-labelled-latin1.html", "ISO-8859-1", French)] // header and meta lie: the body is valid multi-byte UTF-8
    [InlineData("windows-1252-labelled-utf8.html", "utf-8", French)] // header says UTF-8 but the bytes are not
    [InlineData("utf8-with-a-stray-latin1-byte.html", null, Polish)] // labelled and written UTF-8 but for one stray byte: not the lang's legacy charset
    [InlineData("utf8-with-a-stray-latin1-byte.html", "utf-8", Polish)]
    [InlineData("utf8-bom.html", "windows-1252", French)] // the byte order mark beats the header
    [InlineData("utf16le-bom.html", null, Russian)] // UTF-16 is only ever trusted from its byte order mark
    [InlineData("shift_jis-meta.html", null, "東京の桜は例年より早く満開になりました。")]
    [InlineData("euc-kr-undeclared.html", null, "서울의 지하철 노선이 새로 개통되었습니다.")]
    [InlineData("euc-kr-undeclared.html", "euc-kr", "서울의 지하철 노선이 새로 개통되었습니다.")]
    [InlineData("gb2312-xml-declaration.html", null, "北京今天的天气晴朗，气温适宜。")]
    public void Page_is_decoded_in_the_encoding_it_really_uses(string fixture, string? declaredCharset, string expected)
    {
        var text = PageDecoder.Decode(ExtractionFixtures.Bytes("Charset", fixture), declaredCharset);

        Assert.Contains(expected, text);
        Assert.DoesNotContain('\uFEFF', text);
    }

    [Fact]
    public void Stray_bytes_in_utf8_read_as_windows_1252_not_as_replacement_characters()
    {
        var text = PageDecoder.Decode(ExtractionFixtures.Bytes("Charset", "utf8-with-a-stray-latin1-byte.html"), "utf-8");

        Assert.Contains("café – wydanie", text);
        Assert.DoesNotContain('\uFFFD', text);
    }

    [Theory]
    [InlineData(new byte[] { 0x55, 0x4B, 0xC2, 0x92, 0x73 }, "UK’s")] // U+0092: windows-1252's 0x92 read as Latin-1
    [InlineData(new byte[] { 0x55, 0x4B, 0xC3, 0xA2, 0xC2, 0x80, 0xC2, 0x99, 0x73 }, "UK’s")] // "’" encoded twice, by way of Latin-1
    [InlineData(new byte[] { 0x61, 0x2E, 0xC3, 0xA2, 0xC2, 0x80, 0xC2, 0x9D }, "a.”")] // the same, its last byte one windows-1252 leaves undefined
    [InlineData(new byte[] { 0x61, 0x1B, 0x5B, 0x32, 0x4A, 0x07, 0x62, 0x09, 0x63 }, "a [2J b\tc")] // a terminal escape and a bell; the tab stays
    [InlineData(new byte[] { 0x61, 0x81, 0x62 }, "ab")] // a byte windows-1252 leaves undefined
    public void Control_characters_are_put_back_as_windows_1252_or_taken_out(byte[] body, string expected)
    {
        Assert.Equal(expected, PageDecoder.Decode(body, "utf-8"));
    }

    [Fact]
    public void Text_encoded_twice_as_utf8_is_put_back_and_correct_text_left_alone()
    {
        var text = PageDecoder.Decode(ExtractionFixtures.Bytes("Charset", "utf8-encoded-twice.html"), null);

        Assert.Contains("Le directeur du Collège des médecins a répondu aux questions de la ville’s council — sans détour.", text);
        Assert.Contains("Une ligne déjà correcte : Québec, été, naïve.", text);
    }

    [Fact]
    public void Iso_8859_1_means_windows_1252_as_on_the_web()
    {
        // 0x93 and 0x94 are C1 controls in ISO-8859-1 but curly quotes in windows-1252.
        byte[] body = [0x93, (byte)'h', (byte)'i', 0x94];

        Assert.Equal("\u201Chi\u201D", PageDecoder.Decode(body, "iso-8859-1"));
    }

    [Theory]
    [InlineData("x-no-such-charset")]
    [InlineData("utf-7")] // known to .NET but refused by it (it throws), and no web encoding
    [InlineData("csUnicode11UTF7")]
    public void Unknown_labels_fall_through_to_the_next_clue(string label)
    {
        Assert.Equal(French, PageDecoder.Decode(System.Text.Encoding.UTF8.GetBytes(French), label));
        Assert.Contains(French, PageDecoder.Decode(System.Text.Encoding.UTF8.GetBytes($"<meta charset={label}><p>{French}</p>"), null));
    }

    [Fact]
    public void Empty_body_is_empty_text()
    {
        Assert.Equal("", PageDecoder.Decode([], "utf-8"));
    }

    [Theory]
    [InlineData("<html ")]
    [InlineData("<html lang")]
    [InlineData("<meta c")]
    public void A_head_of_tags_that_never_close_is_prescanned_and_the_page_decoded(string tag)
    {
        // Not UTF-8 and unlabelled, so the language is read too. Each such tag made the prescan
        // search the rest of the head again (about 150 ms a page before, now microseconds: the
        // benchmark "hostile" times it); the result was right either way.
        var body = Encoding.Latin1.GetBytes(Repeated(tag, 8192) + "caf\u00E9");

        Assert.Equal(1252, PageDecoder.Choose(body, null).CodePage);
        Assert.Equal("caf\u00E9", PageDecoder.Decode(body, null)[^4..]);
    }

    [Theory]
    [InlineData("<meta c")]
    [InlineData("<html ")]
    public void A_charset_past_the_prescanned_head_is_not_read(string tag)
    {
        // What bounds the prescan's work on any page: only its head, 4 KB, is read for a charset,
        // however long the page.
        var body = Encoding.Latin1.GetBytes(Repeated(tag, 8192) + "<meta charset=\"windows-1251\">");

        Assert.Null(PageDecoder.PrescanCharset(body));
        Assert.Equal("windows-1251", PageDecoder.PrescanCharset(Encoding.Latin1.GetBytes(Repeated(tag, 2048) + "<meta charset=\"windows-1251\">")));
    }

    /// <summary><paramref name="unit"/> repeated to at least <paramref name="length"/> characters.</summary>
    private static string Repeated(string unit, int length) => string.Concat(Enumerable.Repeat(unit, (length + unit.Length - 1) / unit.Length));

    [Theory]
    [InlineData("<meta name=\"x\" <meta charset=\"windows-1251\">", "windows-1251")]
    [InlineData("<META <meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">", "koi8-r")]
    [InlineData("<meta <meta name=\"x\"> <meta charset=utf-8>", "utf-8")]
    public void A_meta_tag_left_open_does_not_hide_the_charset_after_it(string head, string expected)
    {
        Assert.Equal(expected, PageDecoder.PrescanCharset(Encoding.ASCII.GetBytes(head)));
    }
}
