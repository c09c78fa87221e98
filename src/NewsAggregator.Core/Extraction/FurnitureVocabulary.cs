using System.Buffers;
using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace NewsAggregator.Extraction;

/// <summary>
/// Everything the extractor knows by name about page furniture, in one place: the tags, ARIA
/// roles and class or id words that mark an element as furniture (read by
/// <see cref="BoilerplateMarkers"/> and <see cref="MainContent"/>), the line patterns that mark
/// a paragraph inside the article as furniture (read by <see cref="InlineFurniture"/>), and the
/// marks of tracking images (read by <see cref="ArticleHtml"/>). Each entry is generic: what CMSs
/// and publishers call these things everywhere, never a site's own name for them. To teach the
/// extractor a new piece of furniture, add its word here under the strength it deserves and a
/// fixture page that shows it.
/// </summary>
internal static partial class FurnitureVocabulary
{
    // The options of every pattern here: words of text in any case, or names (classes, ids, already
    // lower-cased; addresses) as written. None captures: the callers ask whether a pattern matches,
    // and capturing groups cost every try of an alternation some bookkeeping.
    private const RegexOptions IgnoringCase = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private const RegexOptions MatchingCase = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    // ---- Elements: tags, roles, class and id words (strongest first) ----

    internal static readonly FrozenSet<string> BoilerplateTags = new HashSet<string>(StringComparer.Ordinal)
    {
        "nav", "aside", "footer", "dialog", "menu", "figcaption",
    }.ToFrozenSet(StringComparer.Ordinal);

    // schema.org properties that mark a picture's caption and credit (itemprop="caption" on a
    // span under an image, "creditText", "copyrightHolder"), which CMSs write whatever their
    // class names say.
    internal static readonly HashSet<string> PictureProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "caption", "creditText", "copyrightHolder", "copyrightNotice",
    };

    // schema.org's readers' comments in microdata: a reply marked itemprop="comment" of the
    // post or article it answers, or an item of type Comment (Discourse marks every reply of a
    // topic so; the first post, the topic itself, not). What the markup says the text is, in any
    // language and whatever the class names say.
    internal const string CommentProperty = "comment";
    internal const string CommentType = "schema.org/Comment";

    internal static readonly HashSet<string> BoilerplateRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "complementary", "banner", "contentinfo", "search", "dialog", "alertdialog", "menu", "menubar", "toolbar", "button",
        // the row of tabs over a set of panels, which name the panels they open
        "tablist",
    };

    // Parts of class or id values that name furniture wherever they appear in the value, and
    // whatever else the value says: nobody wraps their article in a "share-content" box. "skip"
    // is a skip link's ("skip-link", "skiplink", "skip-to-content", "skipnav"), not any word that
    // starts so: iWeb names every text box on a page "style_SkipStroke", and Google Sites names the
    // content a skip link jumps to "h.skipmain". "caption" is a caption's, not a table's "caption-top"
    // (Bootstrap's and Quarto's tables, which say where their own caption goes); "menu" is a
    // menu's, not a formula's whose context menu MathJax has attached ("CtxtMenu_Attached_0" on
    // every <mjx-container>).
    [GeneratedRegex(
        "share|sharing|social|related|recommend|newsletter|subscri|signup|sign-up|promo|sponsor|advert|" +
        "cookie|consent|gdpr|didomi|onetrust|cookiebot|usercentrics|qc-cmp|breadcrumb|paginat|pager|sidebar|popup|tooltip|modal|trending|popular|most-?read|outbrain|" +
        "taboola|footer|navbar|navigation|(?<!ctxt)menu|toolbar|skip(?=$|[^a-z]|link|to|nav|content)|overlay|login|follow|author|byline|caption(?![-_](top|bottom))|credit|keyword|" +
        // a vote box ("newdigg", "diggbox": DedeCMS's 顶一下/踩一下 under every article; the Digg button)
        "jump|rating|digg|timestamp|dateline|topics|tag-?list|post-?tags|article-?tags|" +
        // ("readmore-body", "read-more-content" name the rest of the text a "read more" button opens, no link to more)
        "read-?more(?![-_]?(body|content|text))|more-?(stories|news|posts|articles|from|coverage|videos|in\\b)|also-?read|read-?next|up-?next|see-?also|" +
        // text for screen readers only ("sr-only", MediaElement's "mejs-offscreen" with its "Audio Player")
        "sr-only|screen-?reader|offscreen|donat(e|ion)|disclaimer|copyright|contact|adslot|ad-slot|ad-container|ad-wrapper|" +
        // the story's list of its own updates and corrections, each stamped ("Updates to this story")
        "change-?log|" +
        // the box that asks readers for money ("support-box", "support-us-banner"); "support" alone
        // names a section's subject as often ("id=support" over a page's part on student support)
        "support-?(us|box|banner|cta|appeal|ask|prompt|module)|" +
        // the box that asks for a subscription ("paywall-box", BEM's "c-paywall__box"); a bare
        // "paywall" names the text behind it
        "paywall[-_]{0,2}(box|prompt|message|offer|cta|promo|notice|modal|overlay)|" +
        // a shop's box for a product the article links to ("modulo-afiliado", "affiliate-box")
        "affiliat|afiliad|affilie|" +
        // the box of a QR code to scan, to follow the site's account or join its group ("qrcode-box")
        "qr-?code|" +
        // a wiki's link to edit the section beside each heading ("mw-editsection", "[edit]")
        "editsection|" +
        // Joomla's list of the article's category, dates, author and hits ("article-info",
        // "article-info-term"), in the site's language
        "article-info|" +
        // a match's data beside its report: the line-ups, the match sheet ("ficha de jogo", "ficha
        // técnica"), the score board and line score, the match's statistics and its best player,
        // and the bookmakers' odds ("betting-box", "widget-apuestas", "widget_apostas")
        "(?<!on)line-?ups?|ficha[-_]?(de[-_]?)?(jogo|partido|tecnica)|score-?board|line-?score|box-?score|match-?stats|bonus-?stat|" +
        "(player|man)-?of-?the-?match|betting|apuesta|aposta",
        MatchingCase)]
    internal static partial Regex FurnitureWord();

    // The same in other languages than English: one pattern of all of them compiled to a method too
    // large for the JIT to optimise (see the furniture lines).
    [GeneratedRegex(
        // the same in the languages CMSs outside the English-speaking world name their classes in
        // (Spanish, Portuguese, French, Italian, German, Polish, Turkish): related, share (Portugal's
        // "partilhar" is in Brazil's "compartilhar"), ads,
        // breadcrumbs, newsletter, footer, navigation, tags, author; and Greek written in Latin
        // letters: caption, ad, share, author, related ("lezanta", "diafimisi", "koinopoiisi",
        // "syntaktis", "sxetika"; "etiketes" is the Turkish word's)
        "relacionad|correlat|verwandt|connexe|similaire|partage|compartir|partilh|condivid|ilgili|paylas|" +
        "publicidad|publicite|pubblicita|werbung|reklam|fil-ariane|brotkrumen|boletin|infolettre|rodape|pied-de-page|fusszeile|navegac|" +
        "etiket|muhabir|yazar|lezant|diafimis|koinopoi|syntakt|sxetik|" +
        // and in languages whose sites write their words without accents: Vietnamese ("tin liên
        // quan" related, "chia sẻ" share, "tác giả" author, "chú thích" caption), Hungarian
        // ("kapcsolódó" related, "megosztás" share, "szerző" author, "képaláírás" caption,
        // "képforrás" a picture's source, "támogatás" the appeal for support), Indonesian
        // ("terkait" related, "bagikan" share, "penulis" author, "keterangan foto" caption),
        // Romanian ("distribuie" share), Czech ("sdílet" share, "související" related), Polish
        // ("powiązane" related, "udostępnij" share, "podpis" caption or signature, "opis zdjęcia"
        // a picture's description, "metryczka" the line of author, date and counts)
        "lien-?quan|chia-?se|tac-?gia|chu-?thich|kapcsolod|megoszt|szerzo|kepalairas|kepforras|tamogat|" +
        "terkait|bagikan|penulis|keterangan[-_]?(foto|gambar)|distribuie|sdilet|souvisejici|" +
        "powiazan|udostepnij|podpis|zdjecie[-_]?opis|opis[-_]?zdjec|metryczk|" +
        // Estonian ("jaga" share, the whole word), Lithuanian ("nuotraukos aprašas" a picture's
        // description, "nuotraukos autorius" its author, "parama" the appeal for support)
        "(?<![a-z])jaga(?![a-z])|nuotr(aukos)?[-_]?(apras|autor)|parama|" +
        // the site's contacts in the languages that spell them with a k (German, Polish, Czech,
        // Dutch, the Nordic languages, transliterated Russian)
        "kontakt|" +
        // a picture's caption: "pie de foto" (Spanish), "legenda" (Portuguese, Italian, Polish),
        // "légende" (French), "Bildunterschrift"/"bildtext" (German, Swedish), "didascalia"
        // (Italian), and a photo's description ("art-foto-desc")
        "pie-?de-?foto|legenda|legende|bildunterschrift|bildtext|didascalia|(foto|photo)[-_]?desc|" +
        // and in the South Slavic languages written in Latin letters: a photo's caption ("potpis",
        // "opis-fotografije") and source ("izvor-fotografije"), the newsletter ("bilten"), the box
        // about the author ("o-autoru"; a bare "autor" also names the byline's own span, whose line
        // is then no byline to drop)
        "potpis|opis-?fot|izvor-?fot|bilten|o-autor",
        MatchingCase)]
    internal static partial Regex OtherLanguagesFurnitureWord();

    /// <summary>Whether a class or id value (in lower case) holds a word that names furniture, in any language.</summary>
    internal static bool HasFurnitureWord(string value) => FurnitureWord().IsMatch(value) || OtherLanguagesFurnitureWord().IsMatch(value);

    // A table's source or note under it, as its caption would say: "Source: …", "Fonte: …", "Quelle: …",
    // "Note: …", "注：…", "数据来源：…", "출처: …", and who made it ("制表：…"). Asked only of the line just under a table.
    [GeneratedRegex(
        @"^\W*(sources?|fonte|fuente|quelle|źródło|источник|kaynak|bron|kilde|källa|lähde|notes?|nota|anmerkung|注|数据来源|數據來源|资料来源|資料來源|来源|來源|出典|出所|출처|자료|制表|製表|制图|製圖)\s*[:：]",
        IgnoringCase)]
    internal static partial Regex TableNote();

    // The names financial sites give a stock's quote set in a story or a box of them by it: a chip
    // or a chiclet ("qt-chip", "quoteChip", "ChicletLink", "stock-chip", CNBC's "QuoteInBody"), a
    // box of quotes ("quote-box", "kursbox", "RelatedQuotes", "MentionedCompanies"), a ticker, a
    // streaming price ("fin-streamer", "bg-quote"), an instrument, and the words in Spanish,
    // Portuguese and Polish ("cotizaciones", "cotações", "notowania"). Read with the element's text:
    // only a name with a change in per cent under it is such a quote (<see cref="QuoteChipText"/>).
    [GeneratedRegex(
        "chiclet|(qt|quote|stock|ticker)-?(chip|box|card|widget|pill|list|strip)|quote-?in-?body|related-?quotes|mentioned-?(in|companies|stocks|quotes)|" +
        "kurs-?box|ticker|streamer|bg-quote|instrument|cotizaci|cotac|notowani|" +
        // and a coin's price chip on crypto news sites ("CoinChip_chip__Qm1x8", data-testid="coin-chip", "price-pill")
        "(coin|crypto|token|price)-?_?(chip|pill|badge)",
        IgnoringCase)]
    internal static partial Regex MarketQuoteWord();

    // A quote chip's whole text: the symbol or the code (LKSP, ^GSPC, 6958), a price, a change, and
    // the change in per cent, signed or in brackets, with at most the words a screen reader says
    // for its arrow after it ("decrease; red down pointing triangle").
    [GeneratedRegex(
        @"^\s*([A-Z0-9^][A-Z0-9.^:]{0,9}[\s,]*)?([$€£¥₹]?\s?[+\-−]?\d[\d.,]*\s?(円|€|EUR|USD|\$|p|원|zł|₹|руб\.?)?\s*)?([+\-−]?\d[\d.,]*\s*)?\(?[+\-−±]?\d+([.,]\d+)?\s?%\)?[^\d]{0,60}$",
        MatchingCase)]
    internal static partial Regex QuoteChipText();

    // A change in per cent ("-3,12 %", "+14.07%", "11,65%").
    [GeneratedRegex(@"\d([.,]\d+)?\s?%", MatchingCase)]
    internal static partial Regex PercentChange();

    // Parts that name readers' comments, in English and in other languages (Polish, German,
    // Spanish, Dutch, Turkish, transliterated Russian ("komment", "otzyvy" reviews, "obsuzhdenie"
    // discussion), Greek and Chinese; French "commentaires" and Italian "commenti" hold the
    // English word; "discussion" in Czech, Slovak, German and Polish: "diskuse", "diskuzia",
    // "diskussion", "dyskusja"), and readers' feedback. A thread of comments is the one piece
    // of furniture that is prose and can outweigh the article, so holding most of the page's
    // prose does not make it the article's wrapper. Concrete CMS and Viafoura call a thread a
    // conversation ("ccm-conversation-wrapper", "vf-conversations"), SPIP a forum ("forum",
    // "forum-fil": only a name that starts with the word, so a "profile_forum" box of a company's
    // page is not one), and blogs the trackbacks other blogs left ("pings", "ping-number");
    // Vietnamese "bình luận" and "ý kiến bạn đọc" (readers' views; "y-kien" alone is a
    // newspaper's opinion section), Hungarian "hozzászólás", written without their accents.
    [GeneratedRegex("comment(?!ary)|conversation|(?<![a-z0-9_-])forum(?![a-z])|(?<![a-z])pings?(?![a-z])|pingback|trackback|disqus|komentar|opinia|opinie|kommentar|comentario|komment|otzyv|obsuzhd|diskus|diskuz|dyskusj|feedback|reactie|yorum|sxolia|pinglun|" +
        "binh-?luan|y-?kien-?ban-?doc|hozzaszol", MatchingCase)]
    internal static partial Regex CommentWord();

    internal static readonly string[] Networks = ["social", "tweet", "twitter", "instagram", "facebook", "tiktok", "reddit"];

    // Parts that name furniture only when nothing in the value names content: CMSs put them on
    // the article's own wrappers too ("article-header" holding the lead, "field-label-hidden"
    // on a body field, "elementor-widget-text-editor" around every text block, "print" on what
    // is worth printing; "prettyprint" is a code block for Google's prettifier, no print copy at
    // all). Readability makes the same exception for the same reason.
    // ("hidden-lg" and the like only hide on one screen size, so they are not furniture at all;
    // a "header block" is a heading among the text's blocks, as Notion names each of its own:
    // "notion-header-block", "notion-sub_header-block"; Jimdo's "j-header" is the module of a
    // subheading among its text modules, "j-text"; and SP Page Builder's heading addon is
    // "sppb-addon-header" in "addon-root-header", as its text addon is "sppb-addon-text-block";
    // TYPO3's Bootstrap Package sets each content element's heading in a "frame-header" above
    // its "ce-bodytext".)
    [GeneratedRegex("masthead|(?<!pretty)print|banner|hidden(?!-(xs|sm|md|lg|xl))|(?<!\\bj-|addon-|addon-root-|frame-)header(?![-_]block)", MatchingCase)]
    internal static partial Regex WeakFurnitureWord();

    // Weak parts that page builders and slideshows also put around every block of an article's
    // text ("elementor-widget-container", "Section--Ads" in BEM): furniture only when the element
    // holds no prose either, which the caller judges (an ad slot or a sidebar widget holds none).
    // A weather site's modules set in a story (an hourly strip, a radar map, "Your local forecast")
    // are named so too, and hold no prose; the weather story's own wrappers, named the same way,
    // hold its paragraphs. Elementor's "elementor-widget-container" is the inner wrapper of every
    // widget, a paragraph's as much as a sidebar's: what the widget is, its parent says
    // ("elementor-widget-text-editor", "elementor-widget-posts"), and a short paragraph set in a
    // text widget of its own is the story's.
    [GeneratedRegex("gallery|slideshow|slider|carousel|widget(?![-_]container)|ads-|-ads|weather|forecast|radar|audio", MatchingCase)]
    internal static partial Regex UnlessProseWord();

    // A name that, on a box inside the article's own text, names part of the article: in print a
    // sidebar is the editorial box set beside a story (a buyer's guide, a fact box), and old pages
    // call it that. The page's own sidebar column stands beside the article, not inside its text.
    [GeneratedRegex("sidebar", MatchingCase)]
    internal static partial Regex EditorialBoxWord();

    // A box of facts set inside the story, as print sets one beside it ("By the numbers", "Key
    // facts", "Faktaboks", the story's timeline of dates): its publisher names it for what it is,
    // and it is the story's, even in an <aside> or with role=complementary, which otherwise name
    // the page's side column. (A timeline of links to earlier stories is still a list of links.)
    // The story's footnotes too, which Markdown renderers set under the text in a box of that
    // name, Zola's a <footer class="footnotes">.
    [GeneratedRegex("fact-?box|facts-?box|key-?facts|info-?box|infokasten|fakten-?box|fakta-?(boks|ruta|laatikko)|by-?the-?numbers|at-?a-?glance|time-?line|chronolog|footnotes", MatchingCase)]
    internal static partial Regex FactBoxWord();

    // Words that name the article's own wrappers, in English and in the languages of the strong
    // words above ("artikel-header", "tresc-artykulu", "cuerpo-noticia").
    [GeneratedRegex("article|body|content|main|entry|story|text|column|" +
        "artikel|artykul|articolo|artigo|articulo|contenu|contenid|conteudo|contenuto|inhalt|tekst|testo|tresc|cuerpo|corpo(?!r)",
        MatchingCase)]
    internal static partial Regex ContentWord();

    // Whole words (split on anything not a letter or digit) too short or too common to match inside other words.
    internal static readonly HashSet<string> FurnitureTokens = new(StringComparer.Ordinal)
    {
        "dfp", "nav", "aside", "share", "promo", "cta", "crumbs", "related", "bio", "meta", "foot", "tools", "byline", "date", "time", "odds",
        // text for screen readers only, as Korean sites name it ("<span class=blind>동영상영역 시작</span>")
        "blind",
    };

    // The same, but weak: a content word in the value outweighs them.
    internal static readonly HashSet<string> WeakFurnitureTokens = new(StringComparer.Ordinal)
    {
        "tags", "tag", "hide",
    };

    // The same, but furniture only when holding no prose.
    internal static readonly HashSet<string> UnlessProseTokens = new(StringComparer.Ordinal)
    {
        "ad", "ads", "adv",
    };

    // A social post the article quotes: its blockquote's class names the network (an embedded
    // tweet), and the wrappers close around it are content whatever they are called.
    [GeneratedRegex("twitter|tweet|instagram|tiktok|facebook|reddit", IgnoringCase)]
    internal static partial Regex SocialPost();

    // A text of its own that ends a teaser's blurb the way "..." does: the way to the rest of
    // another page ("więcej", "подробнее", "read more »").
    [GeneratedRegex(
        @"^\W*(more|read more|continue reading|full story|więcej|czytaj (więcej|dalej)|подробнее|читать (далее|дальше)|далее|" +
        @"περισσότερα|διαβάστε περισσότερα|更多|详细|全文|阅读全文|mehr|mehr lesen|weiterlesen|lire la suite|la suite|en savoir plus|leer más|seguir leyendo|" +
        @"leia mais|continuar lendo|saiba mais|leggi tutto|continua a leggere|lees meer|lees verder|devamı|devamını oku|続きを読む|もっと見る|더보기|기사 ?더보기|اقرأ المزيد)\W*$",
        IgnoringCase)]
    internal static partial Regex ReadMoreMarker();

    // A "read more" marker is a word or two: a longer run is no marker.
    private const int ReadMoreMarkerChars = 24;

    /// <summary>A few words that lead to the rest of a text: a teaser's "read more »", the control that opens a post's hidden part.</summary>
    internal static bool IsReadMoreMarker(ReadOnlySpan<char> text) =>
        text.Length <= ReadMoreMarkerChars && ReadMoreMarker().IsMatch(text);

    // ---- Lines inside the article: whole paragraphs that are labels, credits or prompts ----

    // Whole lines that are labels, prompts or credits; old pages spell out their page tools
    // ("Back to top", "Printer-friendly version", "E-mail this story to a friend", "Click to enlarge", "Add to cart").
    // Each kind in English, in the evaluation sets' languages (Polish, Russian, Greek, Chinese), and
    // in the other languages most news is written in (French, German, Spanish, Portuguese, Italian,
    // Dutch, Turkish, Japanese, Korean, Arabic), so that a source in any of them loses the same
    // furniture. A word that is also an ordinary heading stays out: German "Kommentar" heads an
    // opinion piece, so only the plural, which heads readers' comments, is here.
    //
    // The lines are ten patterns by kind rather than one: a single alternation of all of them
    // compiled to a method too large for the JIT and the native compiler to optimise, and took
    // four times as long per line. The JIT compiles a method of more than 2 000 basic blocks
    // without optimising it, and a pattern's matcher grows by a few blocks for each word in
    // it, so a pattern that grows is split by kind again (a test holds every pattern of the
    // library to that size): the prompts and the labels, past it, took 3-4 µs a line where
    // a pattern under it takes well under one.
    //
    // Most of a line's cost was the patterns turning away ordinary sentences, one alternative after
    // another; the set asks a pattern only of a line that begins as one of its alternatives does
    // (LinePatternSet). The three kinds of line whose words may stand anywhere in it (a reading time
    // after a byline, a request naming Google, a file's type and size after its title) are patterns
    // of their own, asked only of lines that hold one of their words.
    internal static bool IsFurnitureLine(string text) =>
        FurnitureLines.IsMatch(text) || FurnitureLinesByWord.IsMatch(text) || EndsInCaptionCredit(text);

    internal static readonly LinePatternSet FurnitureLines = new(
        AdLabelLine(), ArticleToolLine(), PageToolLine(), PageControlLine(), OtherStoriesLine(),
        PromptLine(), FeedbackLine(), DevelopingStoryLine(), LabelLine(), CreditLine());

    private static readonly GatedPatternSet FurnitureLinesByWord = new(
        new GatedPattern(ReadingTimeLine(), "read", "чтения", "читання", "czytania", "lesezeit", "lecture", "lectura", "leitura", "lettura", "leestijd", "okuma"),
        new GatedPattern(PreferredSourceLine(), "google"),
        new GatedPattern(DownloadLine(), "pdf", "jpg", "jpeg", "png", "gif", "tif", "zip", "doc", "xls", "ppt", "odt", "csv", "mp3", "mp4", "mov", "wav", "epub"));

    // A line of marks only: a rule drawn in characters ("-----", ". . . . .", "=====", "| | | |")
    // or what a removed link or image left behind (".", ",", "[]", "( )", "…"). No reader's
    // sentence is made of these alone. Stars, hashes, underscores and the asterism are not among
    // them: "* * *" and "###" part the sections of a story ("###" ends a press release's text),
    // and "___" parts a wire story from the note of who contributed to it.
    private static readonly SearchValues<char> MarkCharacters =
        SearchValues.Create(" \t\n\u00A0.,:;!?|-=~·•‒–—―…/\\[]()<>»«›‹");

    internal static bool IsMarksLine(ReadOnlySpan<char> text) =>
        !text.IsWhiteSpace() && !text.ContainsAnyExcept(MarkCharacters);

    // What may stand around a furniture line's words: before them bullets, arrows and punctuation
    // other than an opening parenthesis, after them anything but letters and digits.
    private const string LineStart = LinePatternSet.LineStart;
    private const string LineEnd = LinePatternSet.LineEnd;

    /// <summary>An ad slot's label.</summary>
    [GeneratedRegex(
        // an ad slot's label
        LineStart +
        @"advertisement|advertising|advert|sponsored( links?)?|ad|anzeige|werbung|publicité|publicidad|publicidade|pubblicità|advertentie|reklam|iklan|reklama|реклама|προβολή|διαφήμιση|広告|광고|إعلان|" +
        @"annonse|annons|reklame|mainos|oglas|hirdetés|quảng cáo|פרסומת|تبلیغات|โฆษณา|विज्ञापन|விளம்பரம்|" +
        @"auglýsing|reklaam|reklāma|reklamë|hysbyseb|fógraíocht|iragarkia|рэклама|tangazo|գովազդ|რეკლამა|जाहिरात|বিজ্ঞাপন|ప్రకటన|പരസ്യം|ကြော်ငြာ|ማስታወቂያ|" +
        @"ពាណិជ្ជកម្ម|ໂຄສະນາ|ବିଜ୍ଞାପନ|જાહેરાત|ಜಾಹೀರಾತು|ਇਸ਼ਤਿਹਾਰ|දැන්වීම|сурталчилгаа|އިޝްތިހާރު|ڕیکلام|advertensie|isikhangiso|xayeysiis|reklamm|" +
        @"жарнама|mgbasa ozi|ads by google|スポンサーリンク|σύνδεσμοι διαφημιζομένων|(contenu )?sponsorisé|gesponsert|(contenido |conteúdo )?patrocinado|sponsorizzato|gesponsord|" +
        // the note over an ad or a video in the middle of the text that the text goes on below it
        // ("Story continues below advertisement", "Weiter nach der Anzeige", "La suite après cette
        // publicité", "Dalsza część artykułu pod materiałem wideo", "Dalszy ciąg materiału pod wideo",
        // "Продолжение ниже")
        @"(the )?(story|article|text) continues (below|after)( (the |this )?(advertisement|ad|video))?|" +
        @"continua a leggere (dopo|sotto) (la pubblicità|il video)|(o )?(texto|artigo) continua (após|depois d[oa]|abaixo d[oa]) (a |o )?(publicidade|anúncio|vídeo)|" +
        // and the label Postmedia sets over each part of the text between its ad slots
        @"article content|" +
        @"(der )?(artikel|text) (geht|wird) (unter|nach) (der|dem) (anzeige|werbung|video) weiter|weiter nach (der|dem) (anzeige|werbung|video)|" +
        @"la suite (de l'article )?après (cette |la )?(publicité|vidéo)|(el )?(artículo|texto) continúa (tras|después de) (la|el) (publicidad|anuncio|vídeo)|" +
        @"dalsz(a część|y ciąg) (artykułu|tekstu|materiału) (pod|poniżej) (materiałem wideo|wideo|filmem|reklamą)|продолжение (статьи )?(ниже|после рекламы)" + LineEnd,
        IgnoringCase)]
    internal static partial Regex AdLabelLine();

    /// <summary>The article's tools: share, print, save, copy the link, listen, the time it takes to read.</summary>
    [GeneratedRegex(
        // share and print tools
        LineStart +
        @"share|share this( article| story)?|share on \w+|tweet|email|print|поделиться|udostępnij|poleć( artykuł| znajomym)?|κοινοποίηση|分享到.{0,40}|分享工具|转发|轉發|" +
        @"((artikel|beitrag) )?(partager|teilen|compartir|compartilhar|compartilhe|condividi|delen|paylaş)( (cet|l')?article| (sur|auf|en|no|em|su|op) \w+)?|シェア(する)?|공유(하기)?|شارك|مشاركة|" +
        @"imprimer|drucken|imprimir|stampa|afdrukken|yazdır|印刷|인쇄|versenden|twittern|" +
        @"jaa|del|dela|sdílet|bagikan|kongsi|แชร์|подели|podeli|podijeli|comparteix|" +
        @"ចែករំលែក|ແບ່ງປັນ|မျှဝေရန်|බෙදාගන්න|शेयर करें|শেয়ার করুন|ಹಂಚಿಕೊಳ್ಳಿ|શેર કરો|ਸ਼ੇਅਰ ਕਰੋ|ସେୟାର କରନ୍ତୁ|хуваалцах|бөлүшүү|yabelana|shiriki|" +
        // save, copy the link, listen, how long it takes to read
        // rate it
        @"rate (this )?(article|story)|оцените (статью|материал|новость)|oceń (artykuł|tekst)|βαθμολογήστε (το άρθρο)?|" +
        @"save (this )?(article|story)|save for later|bookmark( this( article| story)?)?|(artikel )?merken|enregistrer( l'article)?|sauvegarder|guardar|salvar|opslaan|kaydet|" +
        @"copy (the )?link|link (kopieren|copied|kopiert)|copier le lien|lien copié|copiar (el )?(enlace|link)|copia (il )?link|kopiuj link|копировать ссылку|" +
        // (and with the player's length and who may listen before it: "05:12 Subscribers can listen to this article")
        @"((\d{1,2}:)?\d{1,2}:\d{2}\s*)?((subscribers|members) (can|may) )?listen to (this )?(article|story).{0,20}|(artikel )?(anhören|vorlesen).{0,20}|écouter (cet )?article.{0,20}|escuchar (esta )?(noticia|artículo|nota).{0,20}|ouvir (esta )?(notícia|matéria).{0,20}|ascolta (l')?articolo.{0,20}|" +
        // a player's position and length ("00:00 / 12:34", or set side by side, "0:000:48")
        @"\d{1,2}(:\d{2}){1,2}\s*/?\s*\d{1,2}(:\d{2}){1,2}|" +
        @"\d+\s*[- ]?(min|mins|minutes?)\.?\s*(read|reading)(((?-i:\p{Lu})|\W).{0,30})?|member-only story|" +
        // the reading time alone, as the quality press sets it beside the date ("5 min", "約4分")
        @"(about |ca\. |約)?\d{1,2}\s?(min|mins|分)|" +
        @"(reading|read) time\s*:?\s*\d.{0,12}|(lesezeit|temps de lecture|tiempo de lectura|tempo de (leitura|lettura)|leestijd|okuma süresi|время чтения|czas czytania|χρόνος ανάγνωσης)\s*:?\s*\d.{0,12}" + LineEnd,
        IgnoringCase)]
    internal static partial Regex ArticleToolLine();

    /// <summary>The time it takes to read the article, after the byline and date it is set beside ("Jane Doe · May 3 · 5 min read").</summary>
    [GeneratedRegex(
        LineStart +
        @"([^.!?·•|]{1,80}[·•|]\s*){0,3}\d+\s*[- ]?(min|mins|minutes?|minuten|minuti|minutos|минут[аы]?|мин|хвилин[аи]?|хв)\.?\s*(read|reading|чтения|читання|czytania|lesezeit|de lecture|de lectura|de leitura|di lettura|leestijd|okuma)\b" + LineEnd,
        IgnoringCase)]
    internal static partial Regex ReadingTimeLine();

    /// <summary>
    /// A request to make the site a preferred source in Google's results ("Add The Harbour Times as a preferred
    /// source on Google", "Haberlerimizi Google'da takip edin. … Google'da tercih edilen kaynak olarak ekleyin.":
    /// a request to add it, not a sentence about Google's setting).
    /// </summary>
    [GeneratedRegex(
        LineStart +
        @"(?=.{0,160}\bgoogle)((add|make|set)\b.{0,60}\b(as )?(a |your )?preferred source\b.{0,40}|.{0,100}\btercih edilen kaynak olarak ekle.{0,40}|" +
        @".{0,60}\bals bevorzugte quelle\b.{0,30}\bhinzu.{0,20}|(ajoutez|añade|adicione|aggiungi)\b.{0,60}\b(source préférée|fuente preferida|fonte preferida|fonte preferita)\b.{0,40})" + LineEnd,
        IgnoringCase)]
    internal static partial Regex PreferredSourceLine();

    /// <summary>
    /// A file to download, its type and size in brackets ("Carrow Fields juniors on the closed track (JPG, 4.8MB) Download",
    /// "Facilities Strategy 2024–2030 summary (PDF, 1.1 MB)"), not a sentence.
    /// </summary>
    [GeneratedRegex(
        LineStart +
        @"[^.!?]{0,100}\((pdf|jpe?g|png|gif|tiff?|zip|docx?|xlsx?|pptx?|odt|csv|mp3|mp4|mov|wav|epub)\s*[,;·|–-]?\s*\d+([.,]\d+)?\s?([kmg]b|[kmg]o)\)\s*(download|herunterladen|télécharger|scarica|descargar|baixar|pobierz|скачать)?" + LineEnd,
        IgnoringCase)]
    internal static partial Regex DownloadLine();

    /// <summary>The page's tools and marks: a video player, an end mark, a pager, a shop's buttons.</summary>
    [GeneratedRegex(
        LineStart +
        // a video player's duration and state, and the word that introduces the player ("PANOORIN:", "Simak Video …")
        @"(\d{1,2}:)?\d{1,2}:\d{2}|video (loading|unavailable)|" +
        // how often the page was read ("Прочтений: 593", "Views: 1,204", "Přečteno: 1 287×",
        // "عدد القراءات: 1847"; Turkish sites' sentence "Bu haber toplam 2318 kez okundu.")
        @"(прочтений|просмотров|просмотры|views|wyświetleń|odsłon|προβολές|peržiūros|peržiūrų|zhlédnutí|přečteno|megtekintések?|görüntülenme|visualizações|visualizaciones|aufrufe|weergaven|visningar|阅读|浏览|閱讀|瀏覽|عدد (القراءات|المشاهدات))\s*[:：]?\s*\d[\d\s.,]*×?|" +
        @"(bu (haber|yazı|makale) )?(toplam )?\d[\d.,]* kez okundu|panoorin|simak video.*|" +
        // a news agency's end of message (Persian agencies close every story with it), and the
        // end mark, the past posts and the prompts to follow of a WeChat official account's article
        // (and a press release's: "ENDS", "###", "-30-", "--oOo--"; the notes under them stay, as cleaneval's reference keeps them)
        @"انتهای پیام|end|ends|#{3,}|-\s*30\s*-|-*\s*o+O+o+\s*-*|往期(推荐|回顾|精选)|点击上方.{0,12}关注.{0,12}|(长按|扫码|扫描).{0,12}(二维码|关注).*|" +
        // the post's short address, for sharing ("Short URL: https://…/?p=41440")
        @"short ?(url|link)\s*[:：]\s*\S+|" +
        // a pager's place, a slideshow's ("Bild 4/12", "Image 3 of 8"), the way home
        @"(page|seite|página|pagina|strona|страница|σελίδα) \d+ (of|von|sur|de|di|z|из|από) \d+|(bild|foto|image|photo|slide|zdjęcie|фото|imagen|immagine|afbeelding) \d{1,3} ?(/|of|von|sur|de|di|z|из) ?\d{1,3}|back to (the )?home( ?page)?|zur startseite|retour à l'accueil|volver a la portada|voltar (para )?(a|à) página inicial|torna alla home( ?page)?|" +
        @"e-?mail (this )?(page|article|story)( to a friend)?|print (this )?(page|article|story)|printer[- ]friendly( version| page)?|" +
        @"(view |see )?larger (picture|image|photo|version)|click (here )?to enlarge|enlarge( (the )?(image|picture|photo))?|" +
        @"add to (my )?(cart|basket|wish ?list)|buy now|order now|full story|see all|view all|zobacz wszystkie|смотреть все|все новости|δείτε όλα|查看全部|" +
        @"voir tout|tout voir|alle (anzeigen|ansehen)|ver todos?|ver tudo|vedi tutt[io]|bekijk alles?|tümünü gör|すべて見る|전체 ?보기|" +
        // the rule DedeCMS's article template draws under the text ("------分隔线----------------------------")
        @"-{3,}\s*分隔线\s*-{3,}|" +
        // the hint over a wide table on a phone ("Swipe to scroll horizontally")
        @"(swipe|scroll) (to scroll|to see more|(left|right|sideways))( horizontally)?( to see more)?|" +
        // a study's DOI alone on a line, under the story that reports it ("doi: https://doi.org/10.1038/…")
        @"(doi\s*:?\s*)?https?://(dx\.)?doi\.org/10\.\d{4,9}/\S+|doi\s*:\s*10\.\d{4,9}/\S+" + LineEnd,
        IgnoringCase)]
    internal static partial Regex PageToolLine();

    /// <summary>The page's controls for the text's size and the way back to its top.</summary>
    [GeneratedRegex(
        LineStart +
        // a control for the size of the text
        @"(text|font) size.{0,12}|размер шрифта.{0,12}|rozmiar (czcionki|tekstu).{0,12}|μέγεθος (γραμματοσειράς|κειμένου).{0,12}|(调整)?(字号|字体|字體)(大小)?.{0,12}|調整字體.{0,12}|" +
        @"taille (du texte|des caractères|de la police).{0,12}|schriftgröße.{0,12}|tamaño (de (la )?)?(letra|texto|fuente).{0,12}|tamanho (da )?(letra|fonte).{0,12}|dimensione (del )?(testo|carattere).{0,12}|文字サイズ.{0,12}|글자 ?크기.{0,12}|" +
        // the way back to the top
        @"back to (the )?top( of (the )?page)?|return to (the )?top( of (the )?page)?|top of (the )?page|(return|back) to (the )?(citation|reference|text|article)( in (the )?text)?:?(\s*\[\w*\])*|" +
        @"retour en haut( de (la )?page)?|haut de (la )?page|(zurück )?nach oben|volver (arriba|al inicio)|ir arriba|voltar ao topo|torna su|naar boven|başa dön|ページ(の)?(先頭|トップ)へ.{0,8}|맨 ?위로" + LineEnd,
        IgnoringCase)]
    internal static partial Regex PageControlLine();

    /// <summary>The way to other stories: read more, see also, related coverage.</summary>
    [GeneratedRegex(
        // the way to other stories
        LineStart +
        @"read more|read next|keep reading|what to read next|read also|also read.*|see also|leggi anche|lesen sie auch|читайте также|continue reading|" +
        @"(zobacz|czytaj|przeczytaj) (też|także|również)|также в разделе|смотрите также|δείτε επίσης|διαβάστε επίσης|" +
        // "other stories", "more on the subject" over a box of teasers
        @"(other|more) (stories|news|articles)|(другие|похожие|ещё|еще) (материалы|новости|статьи|публикации)( по теме)?|(новости|материалы|статьи|ещё|еще)? ?по теме|" +
        @"(inne|pozostałe|podobne|powiązane) (artykuły|wiadomości|materiały)|(άλλα|σχετικά|περισσότερα) (άρθρα|θέματα)|(άλλες|σχετικές) (ειδήσεις|αναρτήσεις)|其他新闻|其它新闻|" +
        @"(à |a )?lire aussi|voir aussi|mehr zum thema.*|das könnte sie auch interessieren|(lea|lee|ver) también|(leia|veja) também|vedi anche|(lees|zie) ook|ayrıca (oku|bakınız)|あわせて読みたい|こちらもおすすめ|اقرأ (أيضا|أيضاً)|" +
        @"(相关|相關)(阅读|閱讀|新闻|新聞|报道|報導|文章|链接|連結)(\s*[:：].*)?|延伸阅读.*|更多关于.*|(声明|聲明)\s*[:：]?|" +
        @"related|related (stories|articles|posts|content|coverage|news|topics|subjects|links|videos|reading)|recommended videos?|(v[ií]deo|v[ií]deos) recomendados?|more from .*|more .{0,30} stories|you (may|might) also like.*|" +
        @"articles? (similaires|connexes|liés)|sur le (même )?sujet|dans la même rubrique|(ähnliche|verwandte|weitere) (artikel|themen|beiträge)|" +
        @"(noticias|artículos|notas) relacionad[oa]s|(notícias|artigos|matérias) relacionad[oa]s|(articoli|notizie) correlat[ie]|gerelateerde (artikelen|berichten)|" +
        @"([iİ]lgili|benzer) haberler|関連(記事|ニュース)|관련 ?(기사|뉴스)|(أخبار|مقالات) ذات صلة|" +
        // the label over the quotes of the companies a story names, or over its contents
        @"((assets|coins|tokens|companies|stocks) )?(mentioned )?in this article|in diesem artikel|dans cet article|les valeurs citées|en este artículo|neste artigo|in questo articolo|в этой статье|" +
        // and the label over the story's table of contents ("Indice dei contenuti", "Inhaltsverzeichnis", "目次")
        @"(table of )?contents|jump to( a)? section|indice dei contenuti|sommaire|inhaltsverzeichnis|índice( de contenidos)?|spis treści|содержание( статьи)?|目次|目录" + LineEnd,
        IgnoringCase)]
    internal static partial Regex OtherStoriesLine();

    /// <summary>Prompts to subscribe, follow, download the app, comment or send a tip.</summary>
    [GeneratedRegex(
        // prompts
        LineStart +
        @"recommended|sign up.*|subscribe.*|follow us.*|click here.*|" +
        // a request to follow the site's account on a network it names ("Follow @greenpeacepress on X for our latest …")
        @"follow @[\w.]+ on .{1,80}|" +
        // and for the reader's tips ("Got a news tip? Email us", "Есть новость? Пишите нам", "Masz temat? Napisz do nas")
        @"(got|have) a (news |story )?tip\?.{0,60}|есть (новость|тема)\?.{0,40}|masz (temat|newsa)\?.{0,40}|haben sie einen (hinweis|tipp)\?.{0,40}|" +
        // the site's app ("📲 Download the Harbour Times app for the news on your phone")
        @"(download|get|install) (the|our) (free )?([\w'’.-]+ ){0,4}app\b.*|baixe (o|nosso) app.*|descarga (la|nuestra) app.*|(laden sie|holen sie sich) (die|unsere) app.*|" +
        // the way in to the comments ("Log in to leave a comment", "Зарегистрируйтесь или войдите, чтобы оставить комментарий")
        @"(log ?in|sign ?in|register)\b.{0,40}\bto (leave|post|add|write) a comment.*|(войдите|зарегистрируйтесь)\b.{0,40}чтобы (оставить|написать|добавить) комментари.*|zaloguj się\b.{0,40}\b(aby|by|żeby) (dodać|napisać) komentarz.*|" +
        @"téléchargez (l'|notre )appli(cation)?.*|scarica (l'|la nostra )app.*|download (de|onze) app.*|pobierz (naszą )?aplikację.*|(скачайте|установите) (наше )?приложение.*|" +
        @"abonnez-vous.*|inscrivez-vous.*|suivez-nous.*|(jetzt )?abonnieren.*|folgen sie uns.*|suscríbete.*|síguenos.*|inscreva-se.*|siga-nos.*|iscriviti.*|abbonati.*|seguici.*|volg ons.*|abone ol.*|" +
        @"tell us what you think.*|leave a (comment|reply).*|what do you think\?" + LineEnd,
        IgnoringCase)]
    internal static partial Regex PromptLine();

    /// <summary>A reaction widget's question, its count and its login; a request to rate the article (to make the site a preferred source: <see cref="PreferredSourceLine"/>).</summary>
    [GeneratedRegex(
        LineStart +
        // the question over a reaction widget's buttons ("Did you like this article?", "Понравилась статья?")
        @"(did you (like|enjoy)|how do you (like|feel about)) this (article|story|news)\?|was this (article|story) (helpful|useful)\?|" +
        // ("What's your reaction?", "Bu İçerikle İlgili Tepkiniz Nedir?"), and the login it asks for ("Tepki verebilmek için giriş yapmalısınız.")
        @"what('|’)?s your reaction( to this (article|story|post))?\?|bu ([iİ]çerikle|habere|yazıya) ([iİ]lgili )?tepkiniz( nedir)?\?|" +
        @"(you must|please) (be logged in|log in|sign in) to (react|vote)\.?|tepki (verebilmek|vermek) için giriş yap\w*\.?|" +
        // and its count ("92 % des lecteurs ont trouvé cet article utile (214 votes)")
        @"\d+\s?% (des lecteurs ont trouvé cet article utile|of (readers|people) found this (article |page )?(helpful|useful)).{0,30}|" +
        // and the request to rate it ("Rate this article:", "Oceń jakość naszego artykułu:")
        @"rate (this|our) (article|story)\s*:?|oceń (jakość )?(tego |naszego )?artykuł(u)?\s*:?|bewerten sie (diesen|den) artikel\s*:?|" +
        @"(вам )?понравилась (ли )?(эта )?(статья|новость)\?|как вам (этот )?(материал|статья|новость)\?|бул жаңылык сизге жактыбы\?|бұл жаңалық сізге ұнады ма\?|bu haberi beğendiniz mi\?|" +
        @"hat ihnen (dieser|der) artikel gefallen\?|cet article vous a-t-il (plu|été utile)\s*\?|¿?te ha gustado (este artículo|esta noticia)\?|czy artykuł był pomocny\?" + LineEnd,
        IgnoringCase)]
    internal static partial Regex FeedbackLine();

    /// <summary>The note over a story still being written, and the promise to update it.</summary>
    [GeneratedRegex(
        LineStart +
        // the note over a story still being written ("This story is developing and will be updated.")
        @"this (is a )?(developing|breaking)( news)? story\b.{0,60}|this (story|article) is (developing|breaking)\b.{0,60}|" +
        // and the promise to update it, a sentence of its own ("This story will be updated as more
        // is known.", "Dieser Artikel wird laufend aktualisiert.", "Ang balitang ito ay ia-update …";
        // not "Dieser Artikel wird laufend aktualisiert, klagte der Verlag …")
        @"(this (story|article|post) (will be|is being) updated|(dieser|der) (artikel|beitrag|text) wird (laufend |fortlaufend |ständig )?aktualisiert|" +
        @"cet article (sera|est) (régulièrement )?(mis à jour|actualisé)|esta (nota|noticia) (será|se irá|está siendo) actualizada|ang (balitang|artikulong) ito ay ia-update)\b[^,;:]{0,80}([.!…]\s.{0,100}|[.!…]?)" + LineEnd,
        IgnoringCase)]
    internal static partial Regex DevelopingStoryLine();

    /// <summary>Labels: of pictures and videos, of a loading player, of the comments, tags and topics (of a file to download: <see cref="DownloadLine"/>).</summary>
    [GeneratedRegex(
        // labels
        LineStart +
        // the heading of a review site's box on how it tests ("Why you can trust Gear Compass")
        @"why (you can|should you) trust .{1,40}|" +
        @"image|photo|foto|bild|imagen|imagem|immagine|afbeelding|fotoğraf|画像|사진|video|vídeo|видео|動画|영상|" +
        @"loading\.*|загрузка.*|загружается.*|ładowanie.*|(视频|視頻)?加载中.*|(视频|視頻)?載入中.*|chargement.*|wird geladen.*|cargando.*|carregando.*|caricamento.*|yükleniyor.*|読み込み中.*|로딩 ?중.*|" +
        @"comments?|" + CommentsInOtherLanguages + "|topics|関連キーワード.*|" +
        // the programme a broadcaster's story went out in, over its player ("Dieses Thema im Programm: …", "放送日時：11月5日 …")
        @"dieses thema im programm\s*:.*|放送日時\s*[:：].*|" +
        @"related( \w+)?\s*:.*|(filed under|tags?|tagged|categor(y|ies))\s*:.*|" +
        // a Japanese series' note on which part this is ("（全3回の第2回／第1回から読む）")
        @"[（(]全\d+回の第\d+回[^）)]{0,30}[）)]|" +
        // the label over a box that cites the page for the reader's bibliography ("Cite this article", "Bu Makaleyi Alıntıla")
        @"cite this (article|story|page)|bu makaleyi alıntıla|diesen artikel zitieren|citer cet article|citar este artículo|cita questo articolo|" +
        @"(schlagw(ö|o)rter?|stichw(ö|o)rter?|themen|mots[- ]clés|étiquettes|etiquetas|palavras-chave|argomenti|parole chiave|tagi|теги|метки|категори[яи]|рубрик[аи]|ετικέτες|标签|標籤|タグ|태그|الوسوم)\s*([:：].*)?" + LineEnd,
        IgnoringCase)]
    internal static partial Regex LabelLine();

    /// <summary>Credits and the jump past the site's header (a caption that ends in its credit: <see cref="EndsInCaptionCredit"/>).</summary>
    [GeneratedRegex(
        // credits
        LineStart +
        @"(photo|image|picture|illustration|graphic|video|wideo|vídeo|видео|வீடியோ|audio|áudio|аудио|credit|crédits?( photos?)?|foto|фото|bild|imagen|imagem|immagine|fotoğraf|写真|画像|사진|צילום|פֿאָטאָ|פאָטאָ)s?\s*(:|\||by\b|courtesy\b|via\b|credit\b).*|" +
        // German labels the credits of a page's pictures so ("Bildnachweis: Titelbild: …", "Fotonachweis: …", "Bildquelle: …")
        @"(bild|foto)(nachweis(e)?|quellen?|rechte)( titelbild)?\s*:.*|" +
        // a video's title after "video:" or "watch the video:" in the languages of India ("ਵੀਡੀਓ ਵੇਖੋ: …", "वीडियो देखें: …")
        @"(वीडियो|ਵੀਡੀਓ|ভিডিও|વિડિયો|ವಿಡಿಯೋ|వీడియో|വീഡിയോ|ଭିଡିଓ)( देखें| ਵੇਖੋ| ਦੇਖੋ| দেখুন| જુઓ| ನೋಡಿ| చూడండి| കാണുക| ଦେଖନ୍ତୁ)?\s*:.*|" +
        // and after "watch:" or "watch |" ("WATCH | Residents describe the flood", "شاهد: لحظة رفع …", "Regardez : …")
        @"(watch|شاهد|شاهدوا|regardez|смотрите|assista|mira)\s*[:|]\s*.{1,150}|" +
        // a video's title over its player, as French sites set it ("VIDÉO. Une journée de récolte (2 min 40)")
        @"vid[ée]o\.\s.{0,100}|" +
        // Icelandic ("Ljósmynd/Hákon Pálsson", "Mynd: …") and Armenian ("Լուսանկարը՝ …") credits
        @"(ljósmynd|mynd)\s*[/:].{1,60}|լուսանկար(ը|ներ(ը)?)?\s*[՝:].{1,80}|" +
        @"\[(사진|写真|photo|foto|фото)\s*[=:].*\]|getty images|снимк[аи]\s*:.*|" +
        // the jump past the site's header
        @"skip to .*|aller au contenu.*|(direkt )?zum inhalt( springen)?|(ir|saltar) al contenido.*|pular para o conteúdo.*|vai al contenuto.*|naar (de )?inhoud.*|[iİ]çeriğe (geç|atla).*|本文へ.{0,8}|본문 바로가기.*" + LineEnd,
        IgnoringCase)]
    internal static partial Regex CreditLine();

    /// <summary>
    /// The line over a quote of an earlier message in a reply, as mail programs and list archives
    /// write it: "On 3 May 2005, Anna wrote:", "--- In list@yahoogroups.com, "anna" &lt;…&gt; wrote:",
    /// "Am 3. Mai schrieb Anna:", "Le 3 mai, Anna a écrit :", "El 3 de mayo, Anna escribió:",
    /// "Anna napisał(a):", "Анна написала:".
    /// </summary>
    [GeneratedRegex(
        @"\b(wrote|writes|schrieb|a écrit|escribió|escreveu|ha scritto|scrisse|napisał(a|\(a\))?|написал(а|\(а\))?|skrev|schreef|kirjoitti|έγραψε)\s*:\s*$|(写道|寫道)\s*[:：]\s*$",
        IgnoringCase)]
    internal static partial Regex QuoteAttribution();

    // The credit that ends a caption, after its text: the photographer in brackets ("图为…。（摄影：陈立）");
    // the credit after the caption's sentence ("… im Werk. Foto: Stadt Velm"; Icelandic parts the
    // word from the name with a slash, "… Ljósmynd/Hákon Pálsson"; Hebrew and Yiddish write "צילום:"
    // and "פֿאָטאָ:"; Kirundi and Kinyarwanda "Ifoto:"); in Korean, the picture's source after a
    // slash or in brackets ("… 소개하고 있다. /사진=딥솔트 제공", "(사진=연합뉴스)"); or a credit in brackets, after a sentence or a caption's words without a stop ("Teenage girl
    // on a scale. (File photo by J. Sullivan/Getty Images)", "… üff'm Kirchplàtz (Foto: M.-O. Heitz)"); or the photographer and the outlet after "Photo by" ("… before
    // its 6:52 a.m. run. Photo by Joanna Pruett / The Pell River Dispatch": without the outlet, "Photo
    // by Jeanie Dunn." ends a paragraph of a report as often as a caption); or the Russian "photo by
    // the author" ("… к закрытой бане. Фото автора"); or in Chinese the picture's source after the
    // caption's full stop, unbracketed ("华锦置业位于上海的总部大楼。图：视觉中国"), or the
    // photographer's or agency's name before "摄" (took it) or "供图" (supplied it): "…已坐满食客。陈思源 摄",
    // "暮色中的泉州古城。视觉中国 供图".
    private const string CaptionCredits =
        // a Japanese caption set as a paragraph in brackets, its credit last ("【▲ 軌道図（画像クレジット：IMON）】")
        @"[（(]画像(クレジット|提供|出典)\s*[:：][^）)]{1,60}[）)]\s*】?|" +
        @"[（(](摄影|攝影|图|圖|记者 ?摄)\s*[:：/／].{0,30}[)）]|。\s*(摄影|攝影|图|圖)\s*[:：][^。！？]{1,30}|。\s*[^。！？，\s]{2,12}\s(摄|攝|供图|供圖)|" +
        @"[.!?]\s+((photo|i?foto|фото|снимк[аи]|kuva|zdjęcie|φωτογραφία|צילום|פֿאָטאָ|פאָטאָ)\s*:|(ljósmynd|mynd)\s*[/:])\s*[^.!?]{1,40}(\.[a-z]{2,6})?|" +
        @"\s[/(]\s?(사진|写真)\s?(제공)?\s?=\s?[^=/()]{1,40}\)?|" +
        @"\s\((file |\p{L}+-)?(photo|image|picture|i?foto|фото)s?( by|\s*:)\s[^()]{1,60}\)|" +
        @"[.!?]\s+(photo|photograph|image|picture)s? by\s[^.!?/]{1,40}/\s?[^.!?/]{1,40}|[.!?]\s+(фото|снимок|снимки) автора";

    /// <summary>
    /// A caption's credit at the end of a text, a label's length or longer, looked for in its last
    /// <see cref="CaptionCreditReach"/> characters only: the credit is short, and a search from the
    /// text's start would try the caption's every character.
    /// </summary>
    internal static bool EndsInCaptionCredit(string text) =>
        CaptionCredit().IsMatch(text.AsSpan(Math.Max(0, text.Length - CaptionCreditReach)));

    private const int CaptionCreditReach = 100;

    [GeneratedRegex(@"(" + CaptionCredits + @")\W*$", IgnoringCase)]
    private static partial Regex CaptionCredit();

    // ---- Lines inside a paragraph: page tools written into the text with <br> ----

    // The tools blogs and old CMSs write on a line of their own inside the paragraph that holds a
    // post or a story, split from its text by one <br>: "Posted by Jane at 10:32 PM", "Permalink",
    // "Comments (3)", "Email this", "Print News", "read on >>", "FULL STORY", "Post a comment".
    // A line may hold several, between "|" ("Posted by Jane at 10:32 PM | Permalink"), and a
    // label from the list below beside them ("Print News | Mail News | Category: Columns").
    // Bare "Email", "Print" or "Comments" are left out: inside a paragraph they are as often the
    // label of an address or of a section as a tool.
    [GeneratedRegex(
        @"^\W*(posted (by|at|on|in)\b.{0,80}|permalink|permanent link|(e-?mail|mail|print|share) this( (post|entry|story|article|page|item))?( to a friend)?|" +
        @"(e-?mail|mail|print) news|trackbacks?(\s*\(\d+\))?|links to this post|comments?(\s*\(\d+\)|:\s*\d+)|\d+ comments?|comment\(s\)|view/add comments.*|" +
        @"post a comment|add a comment|leave a (comment|reply)|read on|read more|more|full story|continue reading|" +
        @"back to (the )?top|top of (the )?page|printer[- ]friendly( version| page)?|" +
        // and the tools of shops and classifieds under each item: "Order now", "Add to my wishlist", "View this ad"
        @"click (here )?(to order|to buy|for (the )?review|for details)|order (it )?now|buy (it )?now|add to (my )?(cart|basket|wish ?list)|" +
        @"view this (ad|advert)|reply to this (ad|advert)|\(?more adverts\)?)\W*$",
        IgnoringCase)]
    internal static partial Regex ToolLine();

    // A post's filing label, furniture beside the tools above; on its own line a label like it is
    // as often a listing's data ("Category: Drama  Director: …"), so alone it stays.
    [GeneratedRegex(@"^\W*(filed under|categor(y|ies)|tags?)\s*:.*$", IgnoringCase)]
    internal static partial Regex ToolLabel();

    // The heading over readers' comments, or the prompt to leave one, in the languages of the
    // evaluation sets and their neighbours: the article has ended, the comments run to the end.
    // "13 Comments", "Comments (4)", "| 2 Comment(s)", "Комментарии 45", "Reader comments",
    // "Leave a reply", "Оставить комментарий …", "Dodaj komentarz", "网友评论", and the same in the
    // other languages of the furniture lines above ("12 commentaires", "Deja un comentario"). (An
    // essay with a section headed "Comments" loses it: rare, and the price of catching every
    // comment thread. German and Spanish singulars head opinion pieces, so only plurals are here.)
    // The site's rules for comments head them too ("About comments", "What you should know about
    // comments on example.com", "Comment guidelines", "Commenting policy").
    [GeneratedRegex(
        @"^\W*((what you should know |things to know )?about (reader |readers' |our )?comments( on \S+)?|comment(ing)? (guidelines|policy|rules))\W*$|" +
        // the note XOOPS and PHP-Nuke set over every comment thread ("The comments are owned by the
        // poster. We aren't responsible for their content.", Japanese "投稿された内容の著作権はコメントの投稿者に帰属します。")
        @"^\W*((the )?comments are owned by the poster\.?( we aren'?t responsible for their content)?|投稿された内容の著作権はコメントの投稿者に帰属します)\W*$|" +
        @"^\W*(\d+\s*)?(comments?|comment\(s\)|reader comments|readers' comments|(всего )?комментари(ев|[йяи])|комментарии читателей|(усього |всього )?коментар(ів|і)|отзывы( читателей)?|обсуждение( статьи| новости)?|" +
        @"komentarz[ey]?|komentarze czytelników|σχόλια|评论(列表)?|网友评论|留言|" +
        @"leserkommentare|" + CommentsInOtherLanguages + @")(\s*\(\d+\)|:?\s*\d+)?\W*$|" +
        @"^\W*(leave a (comment|reply)|add a comment|post a comment|оставить комментарий|добавить комментарий|написать комментарий|dodaj komentarz|σχολιάστε|发表评论|我要评论|" +
        @"laisser un commentaire|ajouter un commentaire|(einen )?kommentar schreiben|schreiben sie einen kommentar|dej[ae] (un|tu|su) comentario|deixe (um|seu|o seu) comentário|" +
        @"lascia un commento|laat een reactie achter|yorum (yap|yaz)|コメントを(書く|投稿)|댓글 ?(쓰기|달기)|(أضف|اترك) تعليق)",
        IgnoringCase)]
    internal static partial Regex CommentsHeading();

    // "Comments" in the languages of the furniture lines beyond the evaluation sets', as the heading
    // over readers' comments writes it: plurals only (see FurnitureLine).
    private const string CommentsInOtherLanguages = "commentaires|kommentare|comentarios|comentários|commenti|reacties|yorumlar|コメント|댓글|التعليقات|تعليقات|" +
        "kommentarer|kommentit|komentáře|komentari|komentarji|comentarii|hozzászólások";

    // A line of page tools each in its own brackets: "[推荐] [收藏] [打印] [关闭]", "【字体：大 中 小】【进入论坛】",
    // "[ Комментариев 0 ] [ версия для печати ]".
    [GeneratedRegex(@"^\s*([\[【]\s*[^\]】\[【]{1,20}\s*[\]】]\s*){2,}$", MatchingCase)]
    internal static partial Regex BracketedTools();

    // Phrases that make a short line furniture wherever they stand in it. Searched, not
    // anchored behind ".*", so a line costs one pass instead of backtracking.
    [GeneratedRegex(
        @"\bsubscribed\b|" +
        @"\bphotos?\b[^©]*©|©[^©]*\bphotos?\b|" +
        // the site's invitation to follow it on Google News ("Follow us on Google News", "… Google News'te takip edin")
        @"(follow|subscribe|add|takip|abone|suivez|folgen|síguenos|siga|seguici|volg|obserwuj|подпис|ακολουθήστε)\w*\b.{0,60}\bgoogle news\b|\bgoogle news\b.{0,40}\b(follow|subscribe|takip|abone)",
        IgnoringCase)]
    internal static partial Regex FurnitureMention();

    // The address a call to subscribe links to: a signup, subscription or newsletter page, in the
    // languages of the furniture lines ("abonnement", "suscripción", "iscriviti", "inscription",
    // "assine"), or Ghost's signup portal ("#/portal/signup").
    [GeneratedRegex(@"sign-?up|subscri|newsletter|abonn|suscri|iscriv|inscri|assin(e|atura)", IgnoringCase)]
    internal static partial Regex SubscriptionAddress();

    // The address of a site's channel or profile where readers follow it: a WhatsApp channel, a
    // Telegram channel (not t.me/share, a share button), a LINE official account, a Viber community,
    // a Google News publication, a YouTube channel, the site's app in a store.
    [GeneratedRegex(
        @"whatsapp\.com/channel/|chat\.whatsapp\.com/|//t\.me/(?!share\b)|line\.me/R/ti/|//lin\.ee/|invite\.viber\.com|news\.google\.com/publications/|" +
        @"youtube\.com/(@|channel/|c/)|apps\.apple\.com/|play\.google\.com/store/apps",
        IgnoringCase)]
    internal static partial Regex FollowAddress();

    // The word that asks the reader to follow or join, at a prompt's start ("Siga o Arquibancada
    // Sul no canal do WhatsApp…", "Join our Telegram channel", "Ikuti saluran kami"), or at its
    // end where the verb comes last, in the languages whose sites ask it most.
    [GeneratedRegex(
        @"^\W*(follow|join|siga|sigam|acompanhe|entre (no|em)|receba|recebe|recibe|ricevi|recevez|sigue|síguenos|suivez|rejoignez|segui|seguici|folge|folgen sie|tritt|volg|följ|følg|seuraa|sledujte|śledź|obserwuj|dołącz|" +
        @"seko|sekojiet|sekite|jälgi|na ndiqni|ndiqni|pratite|sledite|следете|пратите|следвайте|urmăriți|kövess|" +
        @"подпишитесь|подписывайтесь|следите|присоединяйтесь|підписуйтесь|ikuti|gabung|takip edin?|theo dõi|tham gia|انضم|تابع|تابعوا|हमें फॉलो|फॉलो करें|landela|tufuate|nagala soco|ይከተሉን|i-follow|sundan kami|sunda kami)\b|" +
        // Thai, Lao and Khmer run the word into the next,
        @"^\W*(ติดตาม|ຕິດຕາມ|តាមដាន)|" +
        // and languages that put the verb last ask at the prompt's end ("… WhatsApp ଚ୍ୟାନେଲ ଫଲୋ କରନ୍ତୁ")
        @"(फॉलो करें|फॉलो करा|ফলো করুন|ଫଲୋ କରନ୍ତୁ|ફોલો કરો|ਫਾਲੋ ਕਰੋ|ಫಾಲೋ ಮಾಡಿ|ఫాలో అవ్వండి|ఫాలో చేయండి|பின்தொடருங்கள்|takip edin|フォローしてください|팔로우하세요)\W*$",
        IgnoringCase)]
    internal static partial Regex FollowRequest();

    // A pitch for the site's channel or community on a messaging app, whatever its verb and where
    // it stands ("Get the biggest stories … by joining our WhatsApp community HERE", "Folgen Sie …
    // jetzt auch auf WhatsApp. Hier geht es direkt zum Kanal", "… è anche su Whatsapp. È sufficiente
    // cliccare qui per iscriversi al canale"): the app and the channel named, beside a link to it
    // (LinkBoxes.PitchesMessagingChannel) that says "here" or under words that say "our".
    [GeneratedRegex(
        @"(?s)^(?=.*\b(whatsapp|telegram|viber)\b)(?=.*\b(channel|community|group|kanal|kanalen|canal|canale|kanaal|kanał|grupo|gruppo|gruppe|groep|communauté|comunidad|comunità|comunidade)\b)",
        IgnoringCase)]
    internal static partial Regex MessagingChannelPitch();

    // A link that points with "here" ("HERE", "Hier geht es direkt zum Kanal", "cliccare qui", "Clique aqui").
    [GeneratedRegex(@"^\W*(here|click here|tap here|hier|qui|clicca|cliccare|aquí|aqui|clique|haz clic|ici|cliquez|tutaj|kliknij|her|klikk|här|klicka)\b", IgnoringCase)]
    internal static partial Regex PointsHere();

    // The site speaking of its own channel ("our WhatsApp community", "unseren Kanal", "nuestro canal").
    [GeneratedRegex(@"\b(our|unser\w*|nostr[oa]|nuestr[oa]|notre|nos|nosso|nossa|vår|vårt|våre|onze|nasz\w*)\b", IgnoringCase)]
    internal static partial Regex SitePossessive();

    // The networks a site asks to be followed on, named in its prompt ("Seko «Lielupes Vēstīm»
    // Facebook un Instagram!", "Следете го Езерски весник на Facebook и Telegram"), and Yandex's
    // Dzen, inflected ("Подписывайтесь на «Вести» в Дзене").
    [GeneratedRegex(@"\b(facebook|instagram|twitter|telegram|whatsapp|tiktok|youtube|threads|bluesky|linkedin|mastodon|viber|вконтакте|vkontakte|дзен[еау]?|dzen)\b", IgnoringCase)]
    internal static partial Regex SocialNetwork();

    // An account's handle closing a line ("… abone oluñız: @qirimsesi", "@harbour_times."): the
    // handle is the line's last word, nothing but a stop or a pictograph after it.
    [GeneratedRegex(@"(^|\s)@[\p{L}\p{N}_.]{2,}[\p{P}\p{So}\s]*$", MatchingCase)]
    internal static partial Regex TrailingHandle();

    // A disclosure of affiliate links, in a sentence or two ("We may earn a commission…", "Este
    // artículo contiene enlaces de afiliados…").
    [GeneratedRegex(
        @"affiliate (and/or referral )?links?|\b(may|might|will) (get|earn|receive) (a share|a small share|a commission|a small commission|an affiliate commission)\b|" +
        @"\b(enlaces|links) de afiliad|\bliens (d')?affili|\blink di affiliazione|\b(partner|affiliate)-?links\b|" +
        // in French, German and Chinese ("… peut percevoir une commission lorsque vous achetez via ces liens",
        // "Beim Kauf über diese Links erhalten wir eine Provision", IT之家's "广告声明：文内含有的对外跳转链接…")
        @"\b(peut|peuvent|pourrait|pourraient|pouvons) (percevoir|toucher|recevoir) une commission\b|\b(erhalten|bekommen) wir (ggf\. |gegebenenfalls |eventuell )?eine provision\b|^广告声明\s*[:：]|" +
        // and the note Japanese sites have set over promotional pages since the 2023 rules on stealth
        // marketing ("※本ページはプロモーションが含まれています", "この記事には広告を含みます")
        @"^\W*(本|この)(ページ|記事|サイト)(は|に|には)(、)?(プロモーション|広告|アフィリエイト広告)(が|を)含",
        IgnoringCase)]
    private static partial Regex AffiliateNoticePattern();

    internal static readonly GatedPattern AffiliateNotice = new(AffiliateNoticePattern(), "affili", "afiliad", "partner", "share", "commission", "provision", "广告声明", "プロモーション", "広告");

    // The notes a markets desk sets under every story: that this text gives no investment advice
    // ("This article is for informational purposes only and does not constitute investment advice",
    // "Dieser Artikel stellt keine Anlageberatung dar", "Este artículo no constituye asesoramiento de
    // inversión", "Cet article ne constitue pas un conseil en investissement"), and that its quotes
    // are delayed ("Quotes delayed at least 15 minutes"). The text itself is the subject: a story
    // may report that someone's tips "do not constitute investment advice".
    [GeneratedRegex(
        @"\bfor (general )?information(al)? purposes only\b.{0,80}\b(investment|financial) advice\b|" +
        @"\b(this|the) (article|content|information|material|report|publication|commentary|analysis)\b.{0,60}\b(is not|does not constitute|does not contain|should not be (construed|considered) as|not intended as) (an? )?(investment|financial) advice\b|" +
        @"\b(le informazioni|il contenuto|questo articolo)\b.{0,80}\bnon costituisc(e|ono) (una )?consulenza (finanziaria|in materia di investimenti)|" +
        // and the desk's note on its own standards under every story ("Its journalists abide by a strict set of
        // editorial policies", "… is committed to … journalism … Read our editorial policy")
        @"\b(abide by|adhere to) (a strict set of |our |its )?editorial (policies|standards|guidelines)\b|\bis committed to providing independent\b.{0,120}\beditorial (policy|policies|guidelines)\b|" +
        @"\b(dieser|der) (artikel|beitrag|inhalt|text)\b.{0,60}\b(stellt|ist) keine anlageberatung\b|" +
        @"\b(este|el) (artículo|contenido|texto)\b.{0,60}\bno constituye (un )?(asesoramiento|consejo|recomendación) (de|en materia de) inversi|" +
        @"\b(cet|le présent) (article|contenu)\b.{0,60}\bne constitue pas (un )?conseil (en|d')\s?investissement|" +
        @"\b(quotes|prices|market data) (are )?delayed (by )?(at least )?\d+ minutes\b|" +
        // the same in Japanese, Chinese and Korean ("株価は20分以上遅れて表示しています", "股價資料延遲20分鐘",
        // "시세는 20분 지연"; "本文僅供參考，不構成投資建議"), with Taiwan's and China's stock warnings
        // that investing brings gains and losses ("投資理財有賺有賠，請審慎評估風險", "投资有风险，入市需谨慎")
        @"株価(情報)?は\d+分(以上)?遅れ|股(價|价)(資料|資訊|数据|數據|信息)?延(遲|迟)\d+分(鐘|钟)|시세(는|정보는)? ?\d+분 지연|" +
        @"本文.{0,20}不構成(任何)?投資建議|本文.{0,20}不构成(任何)?投资建议|投資理財有賺有賠|投资有风险，?入市(需|须)谨慎|" +
        // and the note that experts' tips are their own ("Recommendations, suggestions, views and
        // opinions given by the experts are their own. These do not represent the views of …")
        @"\b(recommendations|views|opinions)\b.{0,60}\bby the experts are their own\b|" +
        // a broker's risk notice beside a quote ("Risikohinweis: Anlagen in Wertpapieren sind mit Risiken verbunden.")
        @"\brisikohinweis\s*:.{0,40}\b(wertpapier|risiken|verlust)|" +
        // and a quote box's identifiers of the security on a line of their own ("WKN: NVT001 ISIN: DE000NVT0018")
        @"^(wkn|isin|valor|cusip|sedol)\s*:\s*[a-z0-9]{6,12}(\s+(wkn|isin|valor|cusip|sedol|symbol|ticker)\s*:\s*[a-z0-9.]{1,12})*\s*$",
        IgnoringCase)]
    private static partial Regex MarketDeskNotePattern();

    internal static readonly GatedPattern MarketDeskNote = new(MarketDeskNotePattern(), "advice", "anlageberatung", "inversi", "investissement", "delayed",
        "遅れ", "延遲", "延迟", "지연", "投資建議", "投资建议", "有賺有賠", "投资有风险", "their own", "consulenza", "editorial", "risikohinweis", "wkn", "isin", "valor", "cusip", "sedol");

    // What stands in for an embedded post until the reader lets it load ("Externer Inhalt … Mit
    // einem Klick auf „Inhalt laden“ stimmen Sie zu …", "To view this content, please accept cookies").
    [GeneratedRegex(
        @"^(empfohlener )?externer inhalt\b|\b(?:mit einem klick auf\b.{0,60}\b(stimmen sie|willigen sie)\b|um externe inhalte anzuzeigen\b|" +
        // and in French: "Ce contenu est bloqué car vous n'avez pas accepté les cookies", "Ce contenu est fourni par Facebook"
        @"ce contenu est (bloqué car vous n.avez pas accepté|fourni par)\b|" +
        @"to (view|see|display) this (content|embed|tweet|post|video),? (you (need|have) to |please )?(accept|enable|allow)\b)|" +
        // and the question over it, as the BBC asks it: "Allow X content?", "Allow Instagram content?"
        @"^allow [\p{L}\p{N} ]{1,20} content\?$",
        IgnoringCase)]
    private static partial Regex EmbedPlaceholderPattern();

    internal static readonly GatedPattern EmbedPlaceholder = new(EmbedPlaceholderPattern(), "externer inhalt", "mit einem klick", "externe inhalte", "ce contenu est", "to view this", "to see this", "to display this", "allow ");

    [GeneratedRegex(@"^(photo|image|picture|credit|crédits?( photos?)?|foto|фото|bild|imagen|imagem|immagine|fotoğraf|写真|画像|사진)s?\s*:$", IgnoringCase)]
    internal static partial Regex CreditLabel();

    // A WordPress shortcode the site failed to render: "[button link=...]Send us ...[/button]".
    [GeneratedRegex(@"^\[(?<tag>\w+)[^\]]*\].*\[/\k<tag>\]$", MatchingCase)]
    internal static partial Regex Shortcode();

    // An e-mail address in running text, its domain named (the end of a sentence is no part of it).
    [GeneratedRegex(@"(?<mailbox>[\w.+-]+)@(?<domain>[\w-]+(\.[\w-]+)*\.\p{L}{2,})", MatchingCase)]
    internal static partial Regex EmailAddress();

    // An e-mail address or a social handle on a line of its own.
    [GeneratedRegex(@"^(\S+@\S+\.\w+|(\w+\s*:\s*)?@\w+)$", MatchingCase)]
    internal static partial Regex ContactLine();

    // "By" and a capitalised name: "By 2030, ..." and "by the river" start sentences, not bylines.
    // Or "By" alone, the name on a line of its own or a link the filter took (a byline split by the template).
    // In Hebrew, which has no capitals, the byline's words and any letter after them.
    [GeneratedRegex(@"^\s*((?i:" + PageMetadata.BylineWords + @")(\s+\p{Lu}|\s*$)|(" + PageMetadata.CaselessBylineWords + @")\s+\p{Lo})", MatchingCase)]
    internal static partial Regex BylineStart();

    [GeneratedRegex(@"\b(19|20)\d{2}\b", MatchingCase)]
    internal static partial Regex Year();

    // Time stamps pages put above or below the text, and the lines of who reported, edited or
    // reviewed the story; the stamps in the languages of the furniture lines: "Publié le 3 mars
    // 2021 à 10h12", "Aktualisiert am 03.03.2021", "更新日：2021年3月3日", Korean "입력 2021.03.03 10:12".
    // The credits wire stories end with are EdgeCredit's: stamps and credits are two patterns
    // rather than one, as the furniture lines are, because the one alternation of both compiled
    // to a method too large for the JIT to optimise and took several times as long per line.
    [GeneratedRegex(
        @"^((last )?(updated|published|posted|modified)\b.{0,80}|(additional )?(reporting|writing|editing) by .*|edited by\b.{0,60}|" +
        // who checked a health story, over or under it ("Medically reviewed by Jenna Holloway, MD — Written by …")
        @"(medically|clinically) reviewed by\b.{0,160}|fact[- ]checked by\b.{0,160}|" +
        @"stand\s*:.{0,60}|(publié|mis à jour|modifié|veröffentlicht|aktualisiert|publicado|actualizado|atualizado|pubblicato|aggiornato|gepubliceerd|bijgewerkt|güncell?eme|yayınlanma|ενημερώθηκε|δημοσιεύθηκε|" +
        // and in the Nordic languages ("Publiceret 11. marts 2025 kl. 22.47", "Oppdatert …", "Julkaistu …")
        @"publiceret|opdateret|publisert|oppdatert|publicerad|uppdaterad|julkaistu|päivitetty)\b.{0,80}|" +
        // and in the Slavic, Baltic and other languages of the news templates ("Objavljeno:",
        // "Опубликовано:", "Aktualizováno:", "Vloženo:", "Paskelbta:", "Avaldatud:", "Publicat:", "Frissítve:")
        @"(objavljeno|објављено|ažurirano|ажурирано|izmenjeno|измењено|zveřejněno|aktualizováno|vloženo|přidáno|publikované|aktualizované|vložené|pridané|opublikowano|zaktualizowano|опубликовано|обновлено|опубліковано|оновлено|публикувано|обновено|paskelbta|atnaujinta|avaldatud|uuendatud|publicat|actualizat|közzétéve|frissítve)\s*:.{0,80}|" +
        // a line of the byline's and the dates' labels ("Аутор: … Објављено: … Време читања: 4 мин.")
        @"(author|autor|аутор|автор)\s*:.{0,120}|" +
        // a press release's label and release line ("PRESS RELEASE", "For immediate release: Friday 14 November 2025")
        // a correspondent's signature in capitals, as Colombian dailies set it under the story ("LAURA
        // PEDRAZA CORRESPONSAL DE EL TIEMPO BUCARAMANGA")
        @"(?-i:[\p{Lu}'.\s-]{5,60}\s(CORRESPONSAL|ENVIAD[OA] ESPECIAL)\b[\p{Lu}\d\s,.()'/-]{0,120})|" +
        @"(for immediate release|press release|news release|pressemitteilung|communiqué de presse|comunicado de prensa|nota de imprensa|comunicato stampa|persbericht)\b.{0,80}|" +
        // a numeric date opening a short line without a sentence's end ("16.10.2025 | 13:25 Updated: 14:02")
        @"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b[^.!?]{0,60}|" +
        // who asked an interview's questions ("Propos recueillis par …", "Das Gespräch führte …")
        @"(interview(ed)? by|interview conducted by|propos recueillis par|das (gespräch|interview) führten?|entrevista (de|realizada por)|intervista (a cura )?di)\b.{0,80}|" +
        @"(更新|公開|配信)(日時?)?\s*[:：].{0,60}|(입력|수정|기사입력|최종수정)\s*[:：]?\s*\d.{0,60})$",
        IgnoringCase)]
    internal static partial Regex EdgeStamp();

    // The credits wire stories end with, on a line of their own, often after a time stamp: the
    // wires, the desks' codes, a count. The sources and the East Asian credits are patterns of
    // their own, each small enough for the JIT to optimise.
    [GeneratedRegex(
        // a line naming only the wire services the story came from: "(dpa)", "AFP/Reuters", "– EFE"
        @"^(\W*(" + WireServices + @")(\s*[/,;&]\s*(" + WireServices + @"))*\W*|" +
        // the desk's codes for who wrote and who edited the story, with the wires it drew on, as German,
        // Polish and Portuguese agencies and broadcasters sign their copy ("jw/ehl (epd, dpa)", "mzi/ mhr/", "FPC // MCL"), or in brackets as Indonesian portals do ("(wsw/fem)")
        @"\(?\p{L}{2,4}(\s*//?\s*\p{L}{2,5})+\s*/?\)?(\s*\((" + WireServices + @")(\s*[/,;&]\s*(" + WireServices + @"))*\))?|" +
        // a count alone (a post's likes or claps, "1.4K"), or a page number
        @"\W*\d[\d.,]*\s*[km]?\W*)$",
        IgnoringCase)]
    internal static partial Regex EdgeCredit();

    // Where the story came from, on a line of its own: "Source: Reuters", "Πηγή: ΑΠΕ", "Источник: АиФ".
    [GeneratedRegex(
        @"^(\W*(sources?|πηγή|πηγές|источники?|джерело|źródło|źródła|dzięki uprzejmości|quelle|fuente|fonte|bron|kaynak|forrás|zdroj|kilde|källa|lähde|sursa|izvor|出典|出所|출처|المصدر)\s*[:：].{0,80}|" +
        // (and the sources a German magazine names under its story, "Verwendete Quellen: …", or a Polish
        // portal's label for the story's source, "Źródło artykułu:")
        @"verwendete quellen?\s*:.{0,120}|źródło artykułu\s*:?.{0,80}|" +
        // (the label alone too, where the site sets the source's name in a field of its own: Drupal's
        // inline "Forrás" over "MTI"; not "Sources", which heads the story's part on who said what)
        @"\W*(source|πηγή|источник|джерело|źródło|quelle|fuente|fonte|bron|kaynak|forrás|zdroj|kilde|källa|lähde|sursa|izvor)\W*)$",
        IgnoringCase)]
    internal static partial Regex SourceCredit();

    // Who wrote, edited and photographed the story, as Chinese, Japanese and Korean sites credit them
    // under it ("（责任编辑：王鹏）", "记者 | 周敏", "박서윤 기자").
    [GeneratedRegex(
        // who wrote and photographed it: "（文/图：综合管理部 周婷）", "（取材・文／みどり台タウン通信 佐伯）";
        // the thanks to the reader who tipped the site off: "感谢IT之家网友 … 的线索投递！"
        @"^(感谢.{1,30}网友.{1,60}的线索投递[！!]?|" +
        // the Japanese reporter's name in brackets under the story, "（田中美咲）", or a date in the
        // era's years, "令和7年3月12日", and the European Commission's reference, "IP/25/1187"
        @"[（(]\p{IsCJKUnifiedIdeographs}{2,5}[）)]|(令和|平成|昭和)(元|\d{1,2})年\d{1,2}月\d{1,2}日|(ip|memo|statement|speech|qanda|mex|ac)/\d{2}/\d{2,5}|" +
        @"[（(]?\s*(取材|文|图|圖|図|写真|撮影)(・(取材|文|写真|撮影))*\s*[/／].{1,40}|" +
        @".{0,40}(责任编辑|責任編輯|编辑|編輯|来源|來源|作者)\s*[:：].{0,60}|" +
        // (and the title the story had where it was first published, over a portal's copy: "原标题：…")
        @"(原标题|原標題)\s*[:：].{1,100}|" +
        // the reporters' and photographers' names ("记者 | 周敏 实习生 | 许嘉怡"), not a question the reporter asks ("记者：未来一周，…？")
        @"((记者|記者|实习生|實習生|通讯员|通訊員|摄影|攝影)\s*[:：|｜]\s*[^\s，。？！,.?!]{1,12}\s*)+|" +
        // and the Korean reporter's sign-off under the story, with the address for tips ("박서윤 기자 seoyun.park@…")
        @"[가-힣]{2,4}\s?(기자|특파원|객원기자)(\s*[\w.+-]+@[\w-]+(\.[\w-]+)+)?|" +
        // and a Korean broadcast's: the reporter's sign-off ("KBS 뉴스 김서윤입니다.") and who filmed,
        // cut and drew it ("촬영기자:배정우/영상편집:윤지아/그래픽:최예린")
        @"([\p{L}\d]+\s?)?뉴스\s?[가-힣]{2,4}입니다\.?|((촬영기자|영상취재|영상편집|그래픽|촬영|편집)\s*[:：]\s*[^/]{1,12}\s*/?\s*)+)$",
        IgnoringCase)]
    internal static partial Regex EastAsianCredit();

    /// <summary>A time stamp or a credit on a line of its own.</summary>
    internal static bool IsEdgeNote(string text) =>
        EdgeStamp().IsMatch(text) || EdgeCredit().IsMatch(text) || SourceCredit().IsMatch(text) || EastAsianCredit().IsMatch(text);

    // The wire services whose names end stories, in the evaluation sets' languages and the others'.
    private const string WireServices =
        "afp|ap|reuters|dpa|epd|kna|efe|ansa|apa|sda|ats|anp|belga|pap|tass|итар-тасс|тасс|риа новости|интерфакс|xinhua|新华社|新華社|中新社|" +
        "kyodo|共同通信|時事通信|yonhap|연합뉴스|aa|dha|iha|απε|απε-μπε|ana-mpa|ians|pti|upi|bloomberg|agencias|agências|agenzie|agences|agenturen|" +
        // and Europe's, Asia's and Latin America's other national agencies, by the names that sign their copy
        "mti|čtk|ctk|tasr|lusa|ntb|tt|stt|ritzau|bta|hina|tanjug|agerpres|ukrinform|belta|bernama|antara|irna|ani|notimex|télam|prensa latina";

    // The site's or the desk's contacts: a phone number with a fax number or an e-mail address
    // beside it ("电话：021-5292… 传真：021-6267… 邮箱：…", "Tel. 22 555 10 00, fax 22 555 10 01"; "faks"
    // in Polish, the Nordic languages, Turkish, Croatian and Indonesian).
    // At the text's edges only: a directory's or an event's contacts in the middle are its content.
    [GeneratedRegex(
        @"(电话|tel\.?|telefon|телефон|тел\.|τηλ\.?|phone)\s*[:：]?\s*[\d(+].*(传真|fax|faks|факс|φαξ|邮箱|e-?mail)|" +
        @"(传真|fax|faks|факс|φαξ)\s*[:：]?\s*[\d(+].*(电话|tel\.?|telefon|телефон|тел\.|τηλ\.?|phone)",
        IgnoringCase)]
    private static partial Regex ContactDetailsPattern();

    // Both alternatives name the phone ("telefon" and "tel." by "tel"): the pattern's own start set
    // mixes ASCII with Chinese, Cyrillic and Greek letters (CharacterSet).
    internal static readonly GatedPattern ContactDetails = new(ContactDetailsPattern(), "电话", "tel", "phone", "телефон", "тел.", "τηλ");

    // Notes under the text: contributors, newsletter pitches, where to follow the author.
    [GeneratedRegex(
        @"\bcontributed to this (report|story|article)|\bnewsletter\b.*\b(sign up|subscrib\w*|inbox)\b|\b(sign up|subscrib\w*|inbox)\b.*\bnewsletter\b|" +
        // the same pitch in the languages of the newspaper groups' platforms ("Unser …-Newsletter
        // informiert Sie regelmäßig … Melden Sie sich hier an.")
        @"\bnewsletter\b.{0,160}\b(melden sie sich|anmelden|abonnieren|inscrivez-vous|abonnez-vous|suscríbete|iscriviti|inscreva-se|meld je aan)\b|" +
        // and the pointer to more of the site's news that closes a regional story ("Noch mehr aktuelle
        // Nachrichten aus dem Landkreis … finden Sie auf …", "Veja mais notícias da região no g1 PR.")
        @"^(noch )?mehr (aktuelle )?nachrichten\b.{0,80}\bfinden sie (auf|bei|unter)\b|^veja mais notícias\b|^(see|read|find) more (local )?(news|stories)\b.{0,60}\b(at|on)\b|" +
        @"\bfollow (him|her|them|me|us)\b.*(twitter|facebook|instagram|@\w+)|" +
        // a wire story's contacts ("To contact the reporter on this story: … at …"): the label ends in a colon
        @"\bto contact the (reporters?|writers?|editors?)\b[^.:]{0,40}\b(on|for|about|of) (this|the) (story|article|report)\s*:|" +
        // the note Indian portals set under a wire copy ("(Except for the headline, this story has not
        // been edited by NDTV staff and is published from a syndicated feed.)", "… the rest of the
        // content is auto-generated from a syndicated feed.")
        @"\bhas not been edited by\b[^.]{0,60}\bstaff and is (published|auto-generated|generated) from a syndicated (news )?feed\b|" +
        @"\bthe rest of the content is (auto-)?generated from a syndicated (news )?feed\b|" +
        // a broadcaster's note on the programme the story was first shown in ("This report was first
        // broadcast on …", "Ce reportage a été diffusé dans l'édition locale du 19/20 …", "Der Beitrag
        // wurde in … ausgestrahlt")
        @"\bthis (story|report|interview|segment|feature|piece) (was )?(first |originally )?(broadcast|aired)\b|" +
        @"\b(ce|cet) (reportage|sujet|entretien|extrait|article) a été (diffusé|présenté)\b|\b(dieser|der) (beitrag|bericht) wurde\b.{0,60}\b(gesendet|ausgestrahlt)\b|" +
        @"\b(este|el) (reportaje|vídeo|video|programa) se emitió\b|\bquesto (servizio|video) è (andato in onda|stato trasmesso)\b|\b(esta|a) reportagem foi (emitida|exibida|transmitida)\b",
        IgnoringCase)]
    internal static partial Regex EdgeMention();

    // A blog engine's note under a post: when it was filed and where, and how to follow and answer it
    // ("This entry was posted on … and is filed under … You can follow any responses to this entry
    // through the RSS 2.0 feed. You can leave a response, or trackback from your own site.").
    [GeneratedRegex(
        @"\byou can follow any responses to this (entry|post)\b|\b(both )?comments and pings are (currently )?closed\b|" +
        @"\byou can (skip to the end and )?leave a (response|comment),? or trackback\b|\bresponses are currently closed\b|" +
        // and as Russian and Ukrainian themes translate it ("Новость была оставлена 16 января 2012 15:59 в категории
        // Экономика. Вы можете читать ответы и комментарии к этой новости через RSS 2.0.")
        @"\b(вы )?можете (читать|следить за|отслеживать)\b.{0,60}\bчерез rss\b|\b(ви )?можете (стежити за|читати|відстежувати)\b.{0,60}\bчерез rss\b",
        IgnoringCase)]
    private static partial Regex BlogEntryNotePattern();

    internal static readonly GatedPattern BlogEntryNote = new(BlogEntryNotePattern(), "responses", "pings", "trackback", "rss");

    // The site's copyright or reuse notice, which old layouts put in the same cell as the text,
    // above or below it: "© 2006 The Tribune", "Copyright 2004 ...", "All rights reserved", "No
    // part of this site may be reproduced ...". A "©" inside a word ("SPECweb©2005") is a name.
    // The words apart from the signs: the words stand in one group behind one word boundary
    // (a boundary of its own before each of two dozen words took more than twice as long), and
    // apart from the signs and the phrases of scripts that need no boundary, since one pattern for
    // all of them starts its attempt at nearly every letter of a text: 5.3 µs a paragraph of the
    // evaluation sets' texts, against 2.5 for the two.
    internal static bool IsCopyrightNotice(string text) => HasCopyrightWords(text) || CopyrightSigns.IsMatch(text);

    /// <summary>
    /// How many marks of a notice the text holds: its phrases, and its signs outside them
    /// ("Copyright © 2006" is one mark, "© 2006 … All rights reserved" two).
    /// </summary>
    internal static int CopyrightMarks(string text)
    {
        var phrases = new List<Range>();
        foreach (var phrase in CopyrightWords.EnumerateMatches(text))
        {
            phrases.Add(new Range(phrase.Index, phrase.Index + phrase.Length));
        }
        // The other languages' phrases count where they are not part of one found already, as one
        // pattern of both would have read them.
        foreach (var phrase in CopyrightWordsElsewhere.EnumerateMatches(text))
        {
            if (!InsideAny(phrase.Index, phrases))
            {
                phrases.Add(new Range(phrase.Index, phrase.Index + phrase.Length));
            }
        }
        var marks = phrases.Count;
        foreach (var sign in CopyrightSigns.EnumerateMatches(text))
        {
            if (!InsideAny(sign.Index, phrases))
            {
                marks++;
            }
        }
        return marks;
    }

    private static bool InsideAny(int index, List<Range> spans)
    {
        foreach (var span in spans)
        {
            if (index >= span.Start.Value && index < span.End.Value)
            {
                return true;
            }
        }
        return false;
    }

    // The notice's words, each at the start of a word: "copyright 2004", "all rights reserved", "may
    // not be reproduced", and the same in other languages.
    [GeneratedRegex(
        @"\b(?:copyright\s*(©|\(c\)|@)?\s*(19|20)\d{2}|all rights reserved\b|" +
        // a Creative Commons licence by its short name and version, the same in every language
        // ("… CC BY 4.0 лицензия улын", "Creative Commons BY 4.0"): a republished story's notice
        @"(creative commons (cc[ -])?|cc[ -])by([ -](nc|nd|sa))*[ -]\d\.\d\b|" +
        // a licence of Creative Commons named in words ("Licença Creative Commons Atribuição 4.0",
        // "licencia Creative Commons Reconocimiento")
        @"(licen[cç]a|licencia|licence|license|lizenz|licenza|licencja|licentie) creative commons\b|creative commons (attribution|atribuição|atribución|reconocimiento|namensnennung|attribuzione|uznanie)\b|" +
        @"(may|must) not be (reproduced|republished|copied|published|redistributed)\b|\bnot to be (reproduced|republished|copied|redistributed)\b|(you may|free to) republish\b|republish this (story|article)\b|no (part|material)\b.{0,80}\b(reproduced|copied|used)\b|" +
        // and the same in the other languages of the evaluation sets and of the furniture lines: "all
        // rights reserved", "reprinting without permission is forbidden", "when using the materials a
        // link is required", "use of the materials only with the editors' permission", and the
        // disclaimer beside it: "the authors' opinion does not necessarily reflect the editors'"
        @"все права (защищены|охраняются)|при (любом )?(использовании|перепечатке|цитировании).{0,80}\bссылка\b.{0,40}\bобязательна|" +
        @"(использование|перепечатка|воспроизведение|копирование) (материалов|информации)\b.{0,80}\b(с|без) (письменного |предварительного )?(разрешения|согласия)|" +
        @"мнение (авторов|автора)\b.{0,60}\bне (обязательно |всегда )?(отражает|совпадает)|" +
        @"wszelkie prawa zastrzeżone\b|tous droits réservés\b|alle rechte vorbehalten\b|todos los derechos reservados\b|todos os direitos reservados\b|" +
        // "the redistribution of all or part of the contents is (expressly) forbidden" in Spanish,
        // Portuguese and Italian: the notice names what it protects
        @"prohibida (la|su) (reproducción|redistribución|redifusión)\b.{0,80}\b(contenidos?|materiales?|textos?|informaciones?)\b|" +
        @"proibida a (reprodução|redistribuição)\b.{0,80}\b(conteúdos?|materia(l|is)|textos?)\b|vietata la (riproduzione|redistribuzione)\b.{0,80}\b(contenuti|materiali|testi)\b|" +
        @"tutti i diritti riservati\b|alle rechten voorbehouden\b|tüm hakları saklıdır\b|" +
        @"żaden (utwór|materiał|tekst)\b.{0,80}\bnie może być\b|bez (pisemnej|uprzedniej) zgody\b|zezwala na (bezpłatny )?przedruk\b|με (την )?επιφύλαξη (παντός|κάθε) δικαιώματος|απαγορεύεται η (αναδημοσίευση|αναπαραγωγή)" +
        @")",
        IgnoringCase)]
    private static partial Regex CopyrightWordsPattern();

    // One word of each alternative above (Cyrillic "прав" stands for the Russian "all rights reserved";
    // Turkish "saklıdır" by its letters before the dotless ı, which case-insensitive search and the
    // pattern fold differently).
    private static readonly GatedPattern CopyrightWords = new(CopyrightWordsPattern(),
        "copyright", "rights reserved", "cc by", "cc-by", "creative commons", "not be ", "not to be ", "republish", "no part", "no material",
        "prohibida", "proibida", "vietata", "przedruk",
        "прав", "обязательна", "разрешени", "согласи", "мнение",
        "zastrzeżone", "réservés", "vorbehalten", "reservados", "riservati", "voorbehouden", "sakl",
        "nie może być", "zgody", "επιφύλαξη", "απαγορεύεται");

    // "All rights reserved" in the other languages of Europe and beyond that the news templates hold,
    // and "a link is required when the materials are used" in Ukrainian, Kazakh and Armenian: a pattern
    // of their own, as one of all the notice's words compiled to a method too large for the JIT to
    // optimise; inside a group behind one word boundary, as a phrase starts a word (each alternative
    // outside it would be tried at every character of every text the site-notice test counts marks in).
    [GeneratedRegex(
        @"\b(?:" +
        @"všechna práva vyhrazena|všetky práva vyhradené|minden jog fenntartva|toate drepturile (sunt )?rezervate|sva prava (su )?(zadržana|pridržana)|vse pravice pridržane|" +
        @"visas tiesības aizsargātas|visos teisės saugomos|kõik õigused kaitstud|kaikki oikeudet pidätetään|alla rättigheter förbehållna|alle rettigheder forbeholdes|alle rettigheter reservert|" +
        @"tots els drets reservats|todos os dereitos reservados|eskubide guztiak (erreserbatuta|gordeta)|cedwir pob hawl|öll réttindi áskilin|të gjitha të drejtat (e )?rezervuara|" +
        @"всички права (са )?запазени|сите права (се )?задржани|сва права (су )?задржана|усе правы абаронены|всі права захищені|" +
        @"при (використанні|передруку|цитуванні).{0,80}посилання.{0,40}обов.язкове|барлық құқықтар қорғалған|гиперсілтеме.{0,40}міндетті|" +
        @"բոլոր իրավունքները պաշտպանված են|հղումը.{0,40}պարտադիր է|bütün hüquqlar qorunur|barcha huquqlar himoyalangan|hak cipta dilindungi( undang-undang)?|bản quyền thuộc về|כל הזכויות שמורות|" +
        @"सर्वाधिकार सुरक्षित|सर्व हक्क राखीव|সর্বস্বত্ব সংরক্ষিত|haki zote zimehifadhiwa" +
        @")",
        IgnoringCase)]
    private static partial Regex CopyrightWordsElsewherePattern();

    // One word of each alternative of the other languages ("прав" for the Slavic "all rights reserved").
    private static readonly GatedPattern CopyrightWordsElsewhere = new(CopyrightWordsElsewherePattern(),
        "прав",
        "vyhrazena", "vyhradené", "fenntartva", "drepturile", "prava", "pravice", "aizsargātas", "saugomos", "kaitstud",
        "pidätetään", "förbehållna", "forbeholdes", "reservert", "reservats", "dereitos", "eskubide", "cedwir pob hawl",
        "áskilin", "të drejtat", "обов", "құқықтар", "міндетті", "իրավունքները", "պարտադիր", "hüquqlar", "huquqlar",
        "hak cipta", "bản quyền", "הזכויות", "सर्वाधिकार", "हक्क राखीव", "সর্বস্বত্ব", "haki zote");

    /// <summary>Whether the text holds a phrase of a copyright or reuse notice, in any language.</summary>
    internal static bool HasCopyrightWords(string text) => CopyrightWords.IsMatch(text) || CopyrightWordsElsewhere.IsMatch(text);

    // The notice's signs ("©", "(c) 2006") and its phrases in scripts that run their words together
    // or stand outside the word boundary's reach.
    [GeneratedRegex(
        @"(?<!\w)©|\(c\)\s*(19|20)\d{2}|" +
        // Thai runs its words together: no boundary stands before the phrase
        @"สงวนลิขสิทธิ์|" +
        @"無断(転載|複製)|무단 ?(전재|복제)|جميع الحقوق محفوظة|" +
        @"版权所有|版權所有|版权(均)?(属于|归)|版權(均)?(屬於|歸)|(不得|严禁|禁止|嚴禁)(转载|轉載|复制|複製)|" +
        // and Chinese sites' disclaimer beside it: "the article is the author's view only and does not represent this site"
        @"(免责|版权|免責|版權)(声明|聲明)|仅代表作者|僅代表作者|不代表本(网|網|站)",
        IgnoringCase)]
    private static partial Regex CopyrightSignsPattern();

    // One piece of each alternative above: the pattern's own search for where a match may start
    // looks for "(" and a dozen characters outside ASCII together, which the native build searches
    // slowly (CharacterSet), and "(" is common.
    private static readonly GatedPattern CopyrightSigns = new(CopyrightSignsPattern(),
        "©", "(c)", "สงวน", "無断", "무단", "جميع", "版权", "版權", "不得", "严禁", "禁止", "嚴禁", "免责", "免責", "代表");

    // A note to readers whose browser shows the page without its scripts or styles, or without
    // the player of its video: "enable JavaScript", "Get the latest Flash Player", "Your browser
    // does not support the video tag", "This site uses frames, but your browser does not support
    // them" over a frameset's page for browsers without frames, and in Chinese, where no word boundary parts "JavaScript"
    // from the characters around it ("您的JavaScript关闭或你的Adobe Flash播放器过时").
    [GeneratedRegex(
        @"\b(?:javascript\b.{0,60}\b(enabled?|disabled|turned off)\b|(enabled?|turn on)\b.{0,40}\bjavascript\b|this (slideshow|gallery|video|player|page|site|map|content) requires javascript\b|javascript is required (to|for) (view|see|watch|play|use|display)|" +
        @"(outdated|older) (web )?browser\b|upgrade your browser\b|unable to load the (style ?sheet|styles)\b|" +
        @"(get|download|install|upgrade to) the latest (version of )?(adobe )?flash( player)?\b.{0,20}\b(to (view|see|watch|play)|for viewing)\b|(adobe )?flash player\b.{0,40}\b(is )?required (to|for) (view|see|watch|play)|" +
        @"your browser does not support (the )?(video|audio|iframe|html5 video|frames|them)\b|this (site|page) uses frames\b.{0,40}\bbrowser\b)|" +
        // and the reader a PDF needs ("PDFファイルを御覧になるためには、Adobe Acrobat Readerが必要です", "To view PDF files you need Adobe Reader")
        @"pdf.{0,30}(御覧|ご覧|閲覧|表示).{0,30}(adobe|acrobat)|\b(to (view|read|open)|you (will )?need)\b.{0,30}\bpdf\b.{0,40}\b(adobe|acrobat) reader\b|\b(adobe|acrobat) reader\b.{0,20}\b(is )?(required|needed)\b.{0,20}\bpdf\b|" +
        // and in Japanese ("動画を再生するには、JavaScriptを有効にしてください。")
        @"javascript\s*(を|が)?\s*(有効|オン)に|" +
        @"javascript\s*(已经?|被)?(关闭|關閉|禁用|停用)|flash\s*(播放器|player)\s*(已经?)?(过时|過時|版本过低|版本過低)|(获取|獲取|下载|下載)最新的?\s*flash",
        IgnoringCase)]
    private static partial Regex BrowserNoticePattern();

    internal static readonly GatedPattern BrowserNotice = new(BrowserNoticePattern(), "javascript", "browser", "flash", "unable to load the", "adobe", "acrobat");

    // Where the story ends and the notes under it begin: the heading over a company's standing
    // paragraph under a press release ("About Quillfield", "Über das Unternehmen", "Over Noordkust
    // Energie", "À propos de …"), and the end mark of a WeChat official account's article ("END").
    // (Not a press release's "ENDS" or "###": cleaneval's reference keeps the notes to editors
    // under them, and fiction parts its scenes with "###".)
    // "About the study" and the like head the story's own last section: only a name (a capital
    // after the word), the company or "us" follow the word here. And the heading over the list
    // of the story's sources under a fact check or a wiki's news article ("Sources", "Fontes",
    // "Bronnen", "Quellen"): citations to check the text by, not text to read. And the heading
    // over the questions and answers that sites add under a story for search engines
    // ("Frequently asked questions", "Preguntas frecuentes"; what its JSON-LD marks up as FAQPage).
    [GeneratedRegex(
        @"^\W*(sources|fontes|fuentes|fonti|bronnen|quellen|źródła|источники|джерела|kaynaklar|πηγές|lähteet|källor|kilder|zdroje|források|surse|izvori|" +
        @"faqs?|frequently asked questions|preguntas frecuentes|perguntas frequentes|häufig gestellte fragen|questions fréquentes|foire aux questions|domande frequenti|" +
        @"veelgestelde vragen|часто задаваемые вопросы|sıkça sorulan sorular|pertanyaan yang sering diajukan|najczęściej zadawane pytania|अक्सर पूछे जाने वाले (प्रश्न|सवाल)|" +
        // (and the record of a Polish public body's page, "Informacje o publikacji dokumentu")
        // (and the next column loaded under this one, "Sıradaki Yazı")
        @"informacje o publikacji dokumentu|sıradaki (yazı|haber)|end|(about|über|over|à propos d[e']|acerca de|sobre|informazioni su)\s*(?!(the|this|these|that|our)\b)((?-i:\p{Lu})[^.!?:]{0,60}|" +
        @"((the|das|die|der|la|le|el|a|o|het|l')\s*)?(company|unternehmen|firma|entreprise|société|empresa|azienda|bedrijf|group|gruppe|groupe|grupo|gruppo)|us|uns|nous|nosotros|nós|ons|noi))\W*$",
        IgnoringCase)]
    internal static partial Regex StoryEnd();

    // The heading over the legal notice that closes a company's release on every wire, in the
    // securities laws' own English whatever the release's language ("Forward-Looking Statements",
    // "Safe Harbor Statement", "Cautionary Note Regarding Forward-Looking Statements"): what the
    // company may not promise, not the news. It is written at length, so unlike the headings
    // above it may be followed by as much text as the story, and still ends it.
    [GeneratedRegex(@"^\W*(forward[- ]looking (statements?|information)|(cautionary|safe harbou?r) (statement|note|language)s?( (regarding|concerning|about|on) forward[- ]looking (statements?|information))?)\W*$", IgnoringCase)]
    internal static partial Regex ForwardLookingHeading();

    // The prompt to report a typo by selecting it: "Заметили ошибку? Выделите её и нажмите Ctrl+Enter";
    // or by a link: "Spotted an error? Let us know", "Приметили сте грешку у тексту? Пријавите нам",
    // "Une erreur ? Signalez-la à notre rédaction via ce formulaire".
    // Anchored, so that it is tried once, at the start: the shortcut is searched from there.
    [GeneratedRegex(
        @"^(?:[\s\S]*?\bctrl\s*\+\s*enter\b|\W*((did you )?(notice|spot|find|found|see)\w* (a|an) (typo|error|mistake)|(приметили|примијетили) сте грешку|(primetili|primijetili) ste (grešku|pogrešku)|" +
        @"заметили (ошибку|опечатку)|нашли (ошибку|опечатку)|zauważyłeś błąd|našli jste chybu|všimli ste si chybu|" +
        @"(encontraste|viste|detectaste|has (encontrado|visto)) (un|algún) error|(encontrou|viu) (um|algum) erro|hai (trovato|notato|visto) un errore|" +
        @"(vous avez|avez-vous) (repéré|trouvé|vu|remarqué) une (erreur|faute|coquille)|une (erreur|faute|coquille)\s*\?\s*signalez(-la|-le|-nous)?|(einen )?fehler (gefunden|entdeckt)|bir hata (mı )?(gördünüz|buldunuz|fark ettiniz))\b.{0,80}$)",
        IgnoringCase)]
    private static partial Regex TypoReportPromptPattern();

    internal static readonly GatedPattern TypoReportPrompt = new(TypoReportPromptPattern(), "ctrl", "typo", "erro", "mistake", "erreur", "faute", "coquille", "fehler", "hata", "грешку", "grešku", "ошибку", "опечатку", "błąd", "chybu");

    // The request for the readers' own photos and videos of what the story reports, at the start of
    // its paragraph or after a short question ("Стали свидетелем …? Присылайте фото и видео в наш
    // бот", "Widzisz burzę w swojej okolicy? Wyślij nam zdjęcie lub film", "Send us your photos").
    // Anchored: a story that quotes such a request, inside a sentence, keeps it.
    [GeneratedRegex(
        @"^\W*([^.!?]{0,100}\?\s*)?(send us your (photos?|pictures?|videos?|footage)|присылайте( нам)?( ваши| свои)? (фото|видео|снимки)|(wyślij|przyślij|prześlij)(cie)? nam (swoje )?(zdjęci|film|wideo)|" +
        @"schicken sie uns (ihre )?(fotos|bilder|videos)|(envíanos|mándanos) (tus )?(fotos|videos|vídeos)|(envie|mande)(-nos)? (suas )?(fotos|vídeos)|envoyez-nous vos (photos|vidéos)|(inviateci|mandateci) (le vostre )?(foto|video)|" +
        // or for their news through the newsroom's messenger ("Хотите сообщить новость? Пишите в наш WhatsApp — …")
        @"(write to us|message us|text us) on (whatsapp|telegram|signal)|пишите (нам )?в (наш )?(whatsapp|telegram|вотсап|ватсап|телеграм))",
        IgnoringCase)]
    private static partial Regex SubmissionPromptPattern();

    // Gated by words of the request's object where its verb is a common word ("envie", "mande" in French
    // text); the request through a messenger by its verb, where the networks' names are in many a story.
    internal static readonly GatedPattern SubmissionPrompt = new(SubmissionPromptPattern(), "send us", "присылайте", "zdjęci", "film", "wideo", "schicken sie", "envíanos", "mándanos", "fotos", "vídeos", "envoyez", "inviateci", "mandateci", "write to us", "message us", "text us", "пишите");

    // DataLife Engine's notice to every visitor not logged in, under each article of the Russian
    // sites it runs ("Уважаемый посетитель, Вы зашли на сайт как незарегистрированный пользователь.
    // Мы рекомендуем Вам зарегистрироваться либо войти на сайт под своим именем."), and its English.
    [GeneratedRegex(
        @"^\W*((уважаемый посетитель,\s*)?вы зашли на сайт как незарегистрированный пользователь|(dear visitor,\s*)?you (have )?(entered|visited|went to) the (site|website) as (an? )?unregistered user)\b",
        IgnoringCase)]
    private static partial Regex GuestNoticePattern();

    internal static readonly GatedPattern GuestNotice = new(GuestNoticePattern(), "незарегистрированный", "unregistered");

    // The rules for readers' comments above or below the thread: "Comments are moderated", "ATENÇÃO:
    // comentários … não serão aprovados pelo moderador", "Kommentare werden moderiert". The
    // comments come first, and what is done to them is moderation, not a moderator: "The moderator
    // asked the candidates to keep their comments short" is a story's sentence.
    [GeneratedRegex(
        @"^.{0,60}\b(comments?|comentários?|comentarios?|commentaires?|kommentare?|commenti|commento|reacties|yorumlar|komentarz\w*|комментари\w*)\b.{0,160}" +
        @"(\bmoderated\b|\b(pre-?)?moderation\b|\bfiltered for (language|profanity|obscenity)\b|\bmoderad[oa]s\b|\bmoderação\b|\bmoderación\b|\b(pelo|por el|par le|vom|przez) (moderador|modérateur|moderator|moderatora)\b|" +
        @"\bmodéré[es]*\b|\bmodération\b|\bmoderiert\b|\bmoderati\b|\bmoderazione\b|\bmoderowane\b|\bmoderacji\b|\bgemodereerd\b|\bmoderatie\b|\b(пре)?модер(ир|ац)\w*)",
        IgnoringCase)]
    private static partial Regex CommentsPolicyPattern();

    internal static readonly GatedPattern CommentsPolicy = new(CommentsPolicyPattern(), "comment", "coment", "komment", "reacties", "yorumlar", "komentarz", "комментари");

    // The prompt of a paywall where the free part of a story stops: "To read the rest of this
    // article, log in", "Subscribe to continue reading", "Already a subscriber?", "This article is
    // for subscribers only", and the same in the languages of neighbouring sites ("Cet article est
    // réservé aux abonnés", "Para seguir leyendo", "Weiterlesen mit …"). The story's own sentences
    // about subscriptions name no article being read.
    [GeneratedRegex(
        @"\balready an? (subscriber|member)\s*\?|\balready have an account\s*\?|\bto read the (rest|remainder|full (text|version)) of (this|the) (article|story)\b|" +
        @"\b(subscribe|log ?in|sign ?in|register)( now| here| today)?\b.{0,30}\bto (continue reading|keep reading|read the (rest|full (article|story)))\b|" +
        @"\bto (continue|keep) reading\b.{0,40}\b(subscribe|log ?in|sign ?in|register)\b|" +
        @"\b(this|the) (article|story|content) is (only )?(available|reserved|exclusive)( only)? (to|for) (our )?(paying |digital )?(subscribers|members)\b|" +
        @"\b(article|contenu) (est )?réservé aux abonnés\b|\bexclusivo para (suscriptores|assinantes)\b|" +
        @"\b(pour lire la suite|para seguir leyendo|per continuare a leggere)\b.{0,40}\b(article|artículo|articolo|abonn|suscr|abbon|inscri|regístr|connect|identif|accedi)|\briservato agli abbonati\b|\bweiterlesen mit\b|\balleen voor abonnees\b|" +
        // the wall that asks for a free account rather than a subscription ("You can save this article by
        // registering for free", "Lees gratis verder met een account", "Maak gratis een account aan")
        @"\b(save|read) this (article|story) by (registering|signing up)\b|\blees gratis verder\b|\bmaak gratis een account aan\b|" +
        // and the paid part's notice in French and Japanese ("Il vous reste 58% de cet article à lire. La
        // suite est réservée aux abonnés.", "この記事は有料記事です。残り1186文字有料会員になると続きをお読みいただけます。";
        // the French passes the gate by "lire" and "abonn", so no word with an accent joins the slow set)
        // the plea for subscriptions set in the text ("If you're enjoying this article, consider supporting
        // our award-winning journalism by subscribing.")
        @"\bif you(’|')?re enjoying this article\b.{0,40}\bconsider supporting\b|" +
        // and a newsletter's signup set in the text as a paragraph of it ("Never miss a story — sign up for
        // PEOPLE's free daily newsletter to stay up-to-date …")
        // the invitation to write in, by its word limit ("Write a letter to the editor of up to 200 words, or submit
        // an op-ed", "… submit a response of up to 300 words by email to be considered for publication in our letters section")
        @"\b(letters? to the editor|op-eds?)\b.{0,60}\bup to \d{2,4} words\b|\b(letters?|responses?)\b.{0,60}\bup to \d{2,4} words\b.{0,120}\b(editor|publication|letters (section|page))\b|" +
        // and a reader-funded site's appeal at the text's end ("You've read 7 articles in the last month", "… we have a small
        // favour to ask", "please consider supporting us with a regular contribution"), and a metered site's count of
        // the free articles left ("You have 1 free article remaining this month")
        @"^you(’|')ve read \d+ articles? in the last\b|^you have (\d+|one|no) (more )?free (articles?|stories|story) (remaining|left)\b|" +
        @"\bwe have a small favou?r to ask\b|\bplease consider supporting us\b|" +
        @"^never miss a (story|thing|beat)\b.{0,20}\bsign up\b|^suscríbete\b.{0,80}\b(newsletter|boletín)\b|" +
        @"\bla suite (de cet article )?est réservée aux abonnés\b|\bil vous reste\b.{0,20}\bde (cet |l['’])article à lire\b|^déjà abonné\s*\?|有料会員になると続きを|この記事は(有料(記事|会員限定)|(有料)?会員(限定|専用)(記事)?)です|有料記事\s*残り\d[\d,]*文字|^残り\d[\d,]*文字\s*[（(]全文\d[\d,]*文字[）)]$|" +
        // and the gift a subscriber may make of the paid story ("有料会員の方は記事をギフトできます。")
        @"有料会員の方は(この)?記事をギフトできます",
        IgnoringCase)]
    private static partial Regex PaywallPromptPattern();

    internal static readonly GatedPattern PaywallPrompt = new(PaywallPromptPattern(), "read", "subscri", "suscri", "member", "abonn", "abbonat", "assinant", "lire", "leyendo", "leggere", "weiterlesen", "this article", "this story", "gratis", "account", "有料", "never miss", "newsletter", "bolet", "words", "favo", "consider supporting", "free", "会員", "残り");

    // A subscription's offer as its box states it: a first price (a trial, a low price, a few
    // months) and the price after it ("1 € al mese per 3 mesi, poi 5,99 € al mese", "30 Tage
    // kostenlos testen, danach 9,99 € pro Monat", "$1 for the first 4 weeks then $4.75/week"), the
    // price after it with the promise that one may cancel ("Después $5.990 por mes. Cancelá cuando
    // quieras"), or a call to subscribe for a price for the first months ("Subscribe for just £1 for
    // your first 3 months"). A story on what a service costs ("$6.99 per month", "$4.95/month")
    // gives prices without the offer's turn from the first price to the next.
    private const string Price = @"(?:\d+(?:[.,]\d{1,3})*\s?(?:€|\$|£|kr\b|kroner?\b|krone\b|zł|chf\b)|(?:€|\$|£|chf)\s?\d+(?:[.,]\d{1,3})*)";
    private const string ThenWord = @"(?:then|poi|después|luego|danach|dann|deretter|daarna|potem|puis|ensuite|depois|därefter)\b";

    [GeneratedRegex(
        @"(?s)(?:\b(?:first|ersten?|primer|premier|primo|pierwszy|første|eerste|prøv|probeer|testen|try|trial|kostenlos|gratis|free|gratuit\w*)\b|" +
        @"\b[01](?:[.,]\d{1,2})?\s?(?:€|kr\b|krone\b|zł)|(?:€|\$|£)\s?[01](?:[.,]\d{1,2})?\b|\b\d+\s*(?:mesi|meses|months|monate|wochen|weeks|måneder|maanden|miesiące|mois)\b)" +
        @".{0,80}" + ThenWord + @".{0,20}" + Price + "|" +
        @"\b" + ThenWord + @".{0,20}" + Price + @".{0,60}\b(?:cancel\w*|kündbar|disdici|résiliable|sans engagement|ingen bindingstid|opzegbaar)|" +
        @"\b(?:subscribe|suscrib\w*|abonn\w*|abbonati|assine)\b.{0,30}\b(?:for|por|pour|per|für|a)\s+(?:just |only |solo |seulement |nur )?" + Price + @".{0,30}\b(?:first|primer|premier|ersten|primo)\b",
        IgnoringCase)]
    private static partial Regex SubscriptionOfferPattern();

    internal static readonly GatedPattern SubscriptionOffer = new(SubscriptionOfferPattern(), "€", "$", "£", "kr", "zł", "chf");

    // A price as a shop's offer states it ("169,99 €", "$219.99", "£3,120"), for the box of offers
    // beside a review (LinkBoxes).
    [GeneratedRegex(Price, IgnoringCase)]
    internal static partial Regex OfferPrice();

    // The note under an article's audio player that a machine reads it out: "This article is read
    // by an artificial voice", "Audio generated by AI", "Dieser Text wird von einer künstlichen
    // Stimme vorgelesen", "Cet article est lu par une voix de synthèse". A story about synthetic
    // voices names no voice reading "this" text, and a story about an audiobook read so names another text.
    [GeneratedRegex(
        @"\bthis (article|story|text|audio)\b.{0,40}\b(read|narrated|voiced|spoken) (aloud |out )?by (an? )?(artificial|automated|synthetic|synthesi[sz]ed|computer-generated|ai-generated|ai|machine) voice\b|" +
        @"\bthis audio (is |was )?(generated|produced|created) (by|with|using) (ai|artificial intelligence|text-to-speech)\b|^\W*audio (is )?(generated|produced|created) (by|with|using) (ai|artificial intelligence|text-to-speech)\W*$|" +
        @"\b(dieser|diesen) (text|artikel|beitrag)\b.{0,30}\bvon einer (künstlichen|synthetischen|computergenerierten|ki-generierten) stimme (vorgelesen|gesprochen|eingesprochen)\b|" +
        @"\bcet article\b.{0,30}\blu par une voix (de synthèse|artificielle|synthétique)\b|\beste (artículo|texto)\b.{0,30}\b(leído|narrado) por una voz (artificial|sintética)\b|" +
        @"\beste (artigo|texto)\b.{0,30}\b(lido|narrado) por uma voz (artificial|sintética)\b|\bquesto articolo\b.{0,30}\bletto da una voce (artificiale|sintetica)\b|" +
        // or says that its audio is made so ("Escucha esta nota · 4 min Audio generado con voz sintética")
        @"\baudio (generated|generado|gerado|generato|généré)\b.{0,20}\b(voice|voz|voce|voix) (artificial|synthetic|sintética|sintetica|artificiale|de synthèse)\b",
        IgnoringCase)]
    private static partial Regex SyntheticVoiceNotePattern();

    internal static readonly GatedPattern SyntheticVoiceNote = new(SyntheticVoiceNotePattern(), "voice", "audio", "stimme", "voix", "voz", "voce");

    // The note a broadcaster sets over or under the transcript of a programme it publishes as
    // text: that it was made in a hurry or by speech recognition and may hold errors ("This
    // transcript was created on a rush deadline and may be updated", "Transcripts are generated
    // using a combination of speech recognition software and human transcribers"), or that the
    // text is part of the report above it ("Ce texte correspond à une partie de la retranscription
    // du reportage ci-dessus"); and the player's "Loading transcript…". A story about transcripts
    // names no "this" transcript made so, and goes on past its sentence.
    [GeneratedRegex(
        @"^(note:\s*)?this transcript (was|has been|is) (created|generated|produced|prepared|made)\b.{0,40}\b(deadline|automatic|machine|speech recognition|may (be updated|contain|not be)|not (be )?in (its )?final form)|" +
        @"^transcripts? (is|are) (generated|created|produced|machine-generated|computer-generated)\b.{0,60}\b(speech recognition|software|machine|automatic)|" +
        @"^ce texte correspond (à|a) (une partie de )?la (re)?transcription\b|^(loading|chargement de la) (re)?transcri(pt|ption)\W*$",
        IgnoringCase)]
    private static partial Regex TranscriptNotePattern();

    internal static readonly GatedPattern TranscriptNote = new(TranscriptNotePattern(), "transcri");

    // The page cited for the reader's bibliography, in a box under the text: a line that ends in
    // when and where it was retrieved ("Citation: Stuffy classrooms … (2026, December 3) retrieved
    // 6 December 2026 from https://…", an APA reference's "Retrieved March 10, 2025, from https://…",
    // "abgerufen am 3. Dezember 2026 unter https://…"). A story's own sentence about a retrieved
    // record goes on past any address.
    [GeneratedRegex(
        @"\b(retrieved (on )?.{0,40}?from|abgerufen am .{0,30}?(unter|von|auf)|consulté le .{0,30}?(sur|à l'adresse)) <?https?://\S+$",
        IgnoringCase)]
    private static partial Regex PageCitationPattern();

    internal static readonly GatedPattern PageCitation = new(PageCitationPattern(), "retrieved", "abgerufen", "consulté");

    // The note that a live blog has ended ("This blog is now closed.", "Dieser Liveblog ist beendet.
    // Wie es weitergeht, lesen Sie …", "Ce direct est terminé"), and its label alone ("Liveblog beendet").
    [GeneratedRegex(
        @"^(this (live ?blog|blog|live (coverage|page|feed))( is| has)( now)? (closed|ended|finished|concluded)\b|we('re| are) (now )?(pausing|closing|ending) (this|our) live (blog|coverage)\b|" +
        @"dieser (live-?blog|live-?ticker|newsblog|ticker) ist( jetzt| nun)? beendet\b|(live-?blog|live-?ticker) beendet\W*$|ce (direct|live) est( désormais| maintenant)? terminé\b|este directo (ha )?(finalizado|terminado)\b)",
        IgnoringCase)]
    private static partial Regex LiveBlogEndPattern();

    internal static readonly GatedPattern LiveBlogEnd = new(LiveBlogEndPattern(), "blog", "live coverage", "live page", "live feed", "ticker", "ce direct", "ce live", "este directo");

    // The note that the story is from the print edition, under or over it ("A version of this article
    // appears in print on …", "Published in the print edition of the March 3 issue", "Cet article est
    // issu de notre numéro 14 …", "Dieser Artikel erschien in der Ausgabe 11/2025"). A note of where
    // a story was first published online ("Originally published on Live Science") is not one: the
    // zyte and cleaneval references keep it, and so does the extractor.
    [GeneratedRegex(
        @"^(a version of this (article|story) (appears|appeared|was published) in print\b|this (article|story) (appears|appeared|was published) in (the )?(print edition|[^.]{0,40} (print )?(issue|edition) of)\b|published in the print edition\b|" +
        @"cet article est (issu|extrait|paru) (de|dans) (notre|le|la) (numéro|magazine|revue|édition|hors-série)\b|dieser (artikel|beitrag|text) erschien (zuerst |erstmals )?(in der|im) [^.]{0,40}(ausgabe|heft)\b)",
        IgnoringCase)]
    private static partial Regex PrintEditionNotePattern();

    internal static readonly GatedPattern PrintEditionNote = new(PrintEditionNotePattern(), "print", "issue", "edition", "issu de", "issu dans", "extrait", "paru", "erschien");

    // A publisher's standing note on how its reviews and sources are checked, set in every story
    // ("Our expert reviewers spend hours testing and comparing products and services so you can
    // choose the best for you", "… uses only high-quality sources, including peer-reviewed studies,
    // to support the facts within our articles").
    [GeneratedRegex(
        @"^(our expert reviewers spend hours testing and comparing\b|.{0,60}\buses only high-quality sources\b.{0,60}\bto support the facts\b)",
        IgnoringCase)]
    private static partial Regex ReviewProcessNotePattern();

    internal static readonly GatedPattern ReviewProcessNote = new(ReviewProcessNotePattern(), "expert reviewers", "high-quality sources");

    // A health site's note that its text is no doctor's advice ("This article is for informational
    // purposes only and is not a substitute for professional medical advice", "Wichtiger Hinweis:
    // Dieser Artikel … ersetzt keine ärztliche Beratung", "Este contenido no sustituye la consulta
    // con un profesional sanitario", "Материал носит информационный характер", "Treści z serwisu
    // mają charakter informacyjny"): the text names itself as its subject. A story that reports a
    // ministry's warning that an app "does not replace a doctor" names the app.
    [GeneratedRegex(
        @"^(important( note)?:\s*)?(this|the) (article|content|information|page|material)( on this (site|page))? (is|are) (provided )?(for (general )?information(al)? (purposes )?only|not (intended (as|to be) )?a substitute for)\b.{0,80}\b(medical|professional|doctor)|" +
        @"^(wichtiger hinweis:\s*)?(dieser|der) (artikel|beitrag|text|inhalt)\b.{0,80}\bersetzt (keine|nicht die|nicht eine) (ärztliche|medizinische|fachärztliche)|" +
        @"^(este|el) (contenido|artículo|texto)\b.{0,40}\bno (sustituye|reemplaza)\b.{0,40}\b(consulta|consejo|opinión|diagnóstico)|" +
        @"^(cet|l') (article|contenu)\b.{0,60}\bne (remplace|se substitue) (pas|en aucun cas)\b.{0,40}\b(consultation|avis|diagnostic)|" +
        @"^(материал|информация|статья)( на сайте)? носит (исключительно )?(информационный|ознакомительный|справочный) характер|" +
        @"^(treści|informacje|materiał|artykuł)\b.{0,40}\b(mają|ma) charakter (wyłącznie )?informacyjny|" +
        @"^((dikkat|uyarı|not)\s*:\s*)?bu (yazı|içerik|makale|haber)\b.{0,60}\bbilgilendirme amaçlı(dır)?\b.{0,60}\btavsiye",
        IgnoringCase)]
    private static partial Regex MedicalDisclaimerPattern();

    // Each alternative holds its verb or its noun for what the note says: the words of every paragraph's
    // first word ("the", "der", "el") would let nearly all through.
    internal static readonly GatedPattern MedicalDisclaimer = new(MedicalDisclaimerPattern(), "information", "substitute", "ersetzt", "sustituye", "reemplaza", "remplace", "substitue", "характер", "charakter", "bilgilendirme");

    // A cookie notice that the site rendered inside the article's container.
    // In English and the other languages of the furniture lines ("nous et nos partenaires utilisons des
    // cookies", "Wir verwenden Cookies … Ihre Zustimmung").
    // Tried once a line, and only on a line that says "cookie": the words alone are everywhere.
    [GeneratedRegex(@"^(?=.*?\bcookies?\b).*?(?:\bcookies?\b.*\b(website|site|browser|browsing|privacy|consent|accept|" + CookieWordsInOtherLanguages + @")|" +
        @"\b(website|site|browser|browsing|privacy|consent|accept|" + CookieWordsInOtherLanguages + @")\b.*\bcookies?\b)",
        IgnoringCase | RegexOptions.Multiline)]
    private static partial Regex CookieNoticePattern();

    internal static readonly GatedPattern CookieNotice = new(CookieNoticePattern(), "cookie");

    private const string CookieWordsInOtherLanguages = "partenaires|navigation|consentement|webseite|zustimmung|einwilligung|sitio|navegación|consentimiento|sito|navigazione|consenso|" +
        // and in the Slavic languages ("Мы используем файлы cookie … Продолжая пользоваться сайтом, вы соглашаетесь …",
        // "Korzystamy z plików cookie … na naszej stronie … zgodę")
        "сайт|согла|конфиденциальн|stron|witryn|zgod|souhlas|stránk";

    // ---- Images ----

    // Hosts and paths of analytics beacons that arrive as one-pixel images.
    internal static readonly string[] TrackerMarks =
    [
        "doubleclick.net", "google-analytics.com", "googletagmanager.com", "facebook.com/tr", "scorecardresearch.com",
        "quantserve.com", "pixel.", "/pixel", "beacon", "/b/ss/", "chartbeat", "omtrdc.net", "parsely.com/plogger",
        "gemius.pl/",
    ];

    // The file name of a spacer: a transparent or one-colour GIF or PNG that old layouts (and some
    // lazy-loading placeholders) stretch to hold a gap open: "spacer.gif", "blank.gif",
    // "transparent.png", "clear.gif", "shim.gif", "1x1.gif", "s.gif", "spacer_10.gif". It shows
    // nothing, whatever its width and height attributes say.
    [GeneratedRegex(@"(^|/)(spacer|blank|transparent|trans|clear|clearpixel|shim|pix|pixel|1x1|px|empty|dot|space|s)([-_]?\d+)?\.(gif|png)$", IgnoringCase)]
    internal static partial Regex SpacerImageFile();
}
