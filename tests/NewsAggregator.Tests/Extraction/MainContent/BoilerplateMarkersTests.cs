using AngleSharp.Html.Parser;
using NewsAggregator.Extraction;

namespace NewsAggregator.Tests.Extraction;

/// <summary>What a class value says of its element, for the words named in languages other than English.</summary>
public class BoilerplateMarkersTests
{
    [Theory]
    [InlineData("noticias-relacionadas", "Named")] // related stories, in Spanish
    [InlineData("articoli-correlati", "Named")]
    [InlineData("bloc-partage", "Named")] // a share bar, in French
    [InlineData("publicidad", "Named")]
    [InlineData("werbung-rechts", "Named")]
    [InlineData("reklama-top", "Named")]
    [InlineData("fil-ariane", "Named")] // breadcrumbs, in French
    [InlineData("kontakt", "Named")] // the site's contacts, in Polish, German, Czech, Dutch, the Nordic languages
    [InlineData("redaktion-kontakt", "Named")]
    [InlineData("reacties", "Comments")] // readers' comments, in Dutch
    [InlineData("yorum-alani", "Comments")] // and in Turkish
    [InlineData("diskuse", "Comments")] // the discussion under a story, in Czech
    [InlineData("diskuzia-clanok", "Comments")] // in Slovak
    [InlineData("dyskusja", "Comments")] // in Polish
    [InlineData("articulo-header", "None")] // the article's own header: its content word outweighs the weak "header"
    [InlineData("artikel-header", "None")]
    [InlineData("cuerpo-noticia hidden-print", "None")]
    [InlineData("tresc-artykulu banner", "None")]
    [InlineData("corporate-header", "Named")] // "corpo" names a body only when it is not "corporate"
    [InlineData("paylas-butonlari", "Named")] // share buttons, in Turkish
    [InlineData("ilgili-haber-kutu", "Named")] // a related story's box
    [InlineData("haber-etiketler", "Named")] // the story's tags
    [InlineData("muhabir-kutu d-flex", "Named")] // the reporter's box
    [InlineData("haber-yazar", "Named")] // the story's author
    [InlineData("arthro__lezanta", "Named")] // a caption, in Greek written in Latin letters
    [InlineData("diafimisi-top", "Named")] // an ad slot
    [InlineData("modulo-afiliado", "Named")] // a shop's box for a product, in Spanish
    [InlineData("otzyvy", "Comments")] // readers' reviews, in transliterated Russian
    [InlineData("feedback-list", "Comments")]
    [InlineData("didomi-notice", "Named")] // a consent platform's banner, by the platform's name
    [InlineData("paywall-box", "Named")] // the box that asks for a subscription
    [InlineData("paywall", "None")] // the text behind the paywall
    [InlineData("support-box support-box--inline", "Named")] // the box that asks readers for money
    [InlineData("support-us-banner", "Named")]
    [InlineData("student-support", "None")] // a section on its subject
    [InlineData("field--name-field-pie-de-foto field__item", "Named")] // a caption, in Spanish
    [InlineData("foto-legenda", "Named")] // in Portuguese
    [InlineData("bildunterschrift", "Named")] // in German
    [InlineData("didascalia", "Named")] // in Italian
    [InlineData("art-foto-desc", "Named")] // a photo's description
    [InlineData("image_description", "None")] // a name a site gave its article's wrapper
    [InlineData("komentari", "Comments")] // readers' comments, in Serbian, Croatian and Slovene
    [InlineData("lista-komentara", "Comments")]
    [InlineData("ccm-conversation-wrapper", "Comments")] // a thread as Concrete CMS names it
    [InlineData("vf-conversations", "Comments")] // and Viafoura
    [InlineData("forum", "Comments")] // readers' replies under a story, as SPIP names them
    [InlineData("forum-fil", "Comments")]
    [InlineData("pings", "Comments")] // the trackbacks from other blogs under a post (Dotclear)
    [InlineData("ping-number", "Comments")]
    [InlineData("profile_forum", "None")] // a part of another name is not the word
    [InlineData("skip-link", "Named")] // a skip link ("Skip to content")
    [InlineData("skiplink", "Named")]
    [InlineData("skip-to-content", "Named")]
    [InlineData("skipnav", "Named")]
    [InlineData("style_SkipStroke_1 shape-with-text", "None")] // iWeb's text boxes: a word that starts with the skip link's
    [InlineData("shopping-list", "None")]
    [InlineData("set-code-show prettyprint", "None")] // a code block for Google's prettifier, not a copy for the printer
    [InlineData("print-only", "Named")]
    [InlineData("caption-top table", "None")] // a table whose caption goes above it (Bootstrap), not a caption
    [InlineData("caption-bottom", "None")]
    [InlineData("image-caption", "Named")]
    [InlineData("potpis-slike", "Named")] // a picture's caption, in Serbian and Croatian
    [InlineData("opis-fotografije", "Named")]
    [InlineData("izvor-fotografije", "Named")] // its source
    [InlineData("bilten-u-tekstu", "Named")] // the newsletter's box
    [InlineData("o-autoru", "Named")] // the box about the author
    [InlineData("article-info muted", "Named")] // Joomla's list of category, dates, author and hits
    [InlineData("mw-editsection", "Named")] // a wiki's link to edit the section beside its heading
    [InlineData("changelog", "Named")] // the story's stamped list of its own updates
    [InlineData("story-change-log", "Named")]
    [InlineData("binh-luan__noi-dung", "Comments")] // readers' comments, in Vietnamese written without accents
    [InlineData("y-kien-ban-doc", "Comments")] // readers' views
    [InlineData("y-kien", "None")] // a newspaper's opinion section
    [InlineData("hozzaszolasok", "Comments")] // in Hungarian
    [InlineData("tin-lien-quan__muc", "Named")] // related stories, in Vietnamese
    [InlineData("chia-se__muc fb", "Named")] // share
    [InlineData("doan-van tac-gia-bai", "Named")] // the author's name under the text
    [InlineData("chu-thich-anh", "Named")] // a picture's caption
    [InlineData("kapcsolodocikkek", "Named")] // related articles, in Hungarian
    [InlineData("megosztas", "Named")] // share
    [InlineData("szerzoiadatlap", "Named")] // the author's box
    [InlineData("kepalairas", "Named")] // a picture's caption
    [InlineData("kepforras", "Named")] // its source
    [InlineData("tamogatas", "Named")] // the appeal for readers' support
    [InlineData("berita_terkait", "Named")] // related news, in Indonesian
    [InlineData("bagikan", "Named")] // share
    [InlineData("keterangan_foto", "Named")] // a picture's caption
    [InlineData("distribuie distribuie-jos", "Named")] // share, in Romanian
    [InlineData("sdilet sdilet--dole", "Named")] // share, in Czech
    [InlineData("souvisejici-clanky", "Named")] // related articles
    [InlineData("powiazane_wpis", "Named")] // related, in Polish
    [InlineData("artykul_zdjecie_opis", "Named")] // a picture's description
    [InlineData("artykul_metryczka", "Named")] // the line of author, date and counts
    [InlineData("jaga jaga_all", "Named")] // share, in Estonian
    [InlineData("nuotrAprasas", "Named")] // a picture's description, in Lithuanian
    [InlineData("strNuotrauka", "None")] // the picture itself
    [InlineData("parama", "Named")] // the appeal for support
    [InlineData("MathJax CtxtMenu_Attached_0", "None")] // a formula whose context menu MathJax attached, no menu
    [InlineData("partilhar", "Named")] // share, in Portuguese as Portugal writes it
    [InlineData("autor", "None")] // the byline's own span: its line is dropped as a byline, which it must stay to be
    [InlineData("newdigg", "Named")] // a vote box under the article (DedeCMS's 顶一下/踩一下)
    [InlineData("diggbox digg_good", "Named")]
    [InlineData("c-paywall__box", "Named")] // the box that asks for a subscription, named as BEM does
    [InlineData("c-paywall", "None")] // the paid text behind it
    [InlineData("match-lineup-card", "Named")] // a match's line-ups beside its report
    [InlineData("ssrcss-sjqavx-LineupsSection", "Named")]
    [InlineData("onlineupdates", "None")] // no line-up: an "online updates" box
    [InlineData("ficha_jogo", "Named")] // the match sheet, in Portuguese and Spanish
    [InlineData("ficha-tecnica", "Named")]
    [InlineData("score-board", "Named")] // the score board and a baseball game's line score
    [InlineData("kick__article__bonus-stat kick__article__bonus-stat--player", "Named")] // the match's best player and his figures
    [InlineData("ue-c-betting-odds", "Named")] // the bookmakers' odds
    [InlineData("widget-apuestas", "Named")]
    [InlineData("widget_apostas", "Named")]
    [InlineData("match-odds", "Named")]
    [InlineData("goddsend", "None")] // "odds" only as a word of its own
    [InlineData("js-readmore-body is-closed", "None")] // the rest of the text that a "read more" button opens
    [InlineData("p-readmore js-readmore", "Named")] // the button's box, a link to more
    [InlineData("mejs-offscreen", "Named")] // text for screen readers only (MediaElement's "Audio Player")
    [InlineData("qrcode-box clearfix", "Named")] // a QR code to scan, to follow the site's account
    [InlineData("HourlyStrip--wrap--2xQ1 weather-hourly", "UnlessProse")] // a weather site's module: furniture where it holds no prose
    [InlineData("LocalForecastModule--module--3vC", "UnlessProse")]
    [InlineData("RadarEmbed--card--3bVz", "UnlessProse")]
    [InlineData("audio-player", "UnlessProse")] // an audio player set among the paragraphs, its title and length: furniture where it holds no prose
    [InlineData("audio-embed tsm-embed", "UnlessProse")]
    [InlineData("audio-in-text", "None")] // a name that also names the text is the text's
    public void Class_words_in_other_languages(string classes, string expected)
    {
        var document = new HtmlParser().ParseDocument($"<div class='{classes}'>x</div>");

        Assert.Equal(Enum.Parse<Furniture>(expected), BoilerplateMarkers.Judge(document.QuerySelector("div")!));
    }

    [Theory]
    [InlineData("<h2 class='header-anchor-post'>x</h2>", "None")] // a subheading in the text: a heading is a header by nature
    [InlineData("<h3 class='section-header'>x</h3>", "None")]
    [InlineData("<div class='header-anchor-post'>x</div>", "Named")] // the same word on a box names the site's header
    [InlineData("<h2 class='header-share'>x</h2>", "Named")] // a strong word still names furniture on a heading
    [InlineData("<header class='box-header'><h2>x</h2></header>", "None")] // a <header> around a subheading alone is a heading too
    [InlineData("<header class='box-header'><h2><a href='/x'>x</a></h2></header>", "Named")] // a teaser's linked headline is not
    [InlineData("<header class='box-header'><h2>x</h2><p>y</p></header>", "Named")] // nor a head that holds more than its heading
    [InlineData("<div class='notion-selectable notion-header-block'><div><h2>x</h2></div></div>", "None")] // a "header block" is a heading among the text's blocks (Notion)
    [InlineData("<div class='notion-selectable notion-sub_header-block'><div><h3>x</h3></div></div>", "None")]
    [InlineData("<div class='boxHeader'><h2>x</h2></div>", "Named")] // a box's header is still the box's label
    [InlineData("<div id='cc-m-1' class='j-module n j-header '><h2>x</h2></div>", "None")] // Jimdo's subheading module among its text modules
    [InlineData("<div id='sppb-addon-wrapper-17' class='sppb-addon-wrapper  addon-root-header'><div class='clearfix'><div class='sppb-addon sppb-addon-header sppb-text-left'><h2 class='sppb-addon-title'>x</h2></div></div></div>", "None")] // SP Page Builder's heading addon among its text addons
    [InlineData("<div class='sppb-addon sppb-addon-header'><h2>x</h2></div>", "None")]
    [InlineData("<div class='frame-header'><h2 class='element-header'>x</h2></div>", "None")] // TYPO3 Bootstrap Package's heading of a content element, above its "ce-bodytext"
    [InlineData("<div class='elementor-element elementor-widget elementor-widget-heading'><div class='elementor-widget-container'><h2 class='elementor-heading-title'>x</h2></div></div>", "None")] // Elementor's heading widget: a name that asks for prose asks none of a subheading
    [InlineData("<div class='elementor-widget-container'><p>x</p></div>", "None")] // the inner wrapper of every widget says nothing of it; its parent does
    [InlineData("<div class='elementor-widget elementor-widget-posts'><div class='elementor-widget-container'><h3><a href='/x'>x</a></h3></div></div>", "UnlessProse")] // a widget whose heading links elsewhere is still a widget
    [InlineData("<div class='elementor-widget elementor-widget-image'><div class='elementor-widget-container'><h2>x</h2><p>y</p></div></div>", "UnlessProse")] // and so is one that holds more than a heading
    [InlineData("<h2 class='kt-adv-heading31877_6c2a90-d4 wp-block-kadence-advancedheading'>x</h2>", "None")] // Kadence's advanced heading: "adv" on a heading names no ad
    [InlineData("<h3 class='av-special-heading-tag' itemprop='headline'>x</h3>", "None")] // Enfold's subheading: the tag it names is its own h1-h6, no list of tags
    [InlineData("<div class='heading-tag'>x</div>", "Named")] // the same name on a box is a tag's
    [InlineData("<h2 class='anchor anchorWithStickyNavbar_LWe7' id='what-is-new'>x</h2>", "None")] // Docusaurus's subheading, named for the sticky bar its anchor keeps clear of
    [InlineData("<h3 class='anchor anchorWithHideOnScrollNavbar_WYt5'>x</h3>", "None")]
    [InlineData("<h3 class='subheading' id='nav_updates_stehen_bereit'>x</h3>", "None")] // heise's subheading, its id an anchor for the page's contents
    [InlineData("<div id='nav_main'>x</div>", "Named")] // the same word on a box names a navigation bar
    [InlineData("<div class='navbar navbar--fixed-top'>x</div>", "Named")] // the bar itself
    [InlineData("<h3 class='post-tags'>x</h3>", "Named")] // a heading named for the story's tags still is
    [InlineData("<div class='kt-adv-slot'>x</div>", "UnlessProse")] // on a box it may
    [InlineData("<h2 id='les-taux-de-credit-cle-de-la-reprise'>Les taux de crédit, clé de la reprise</h2>", "None")] // an id that is the heading's own text made an anchor: its "credit" names no credit
    [InlineData("<h2 id='photo-credit'>Les taux de crédit</h2>", "Named")] // an id that is no anchor of its text is a name
    [InlineData("<h3 class='gallery-title'>x</h3>", "UnlessProse")] // a gallery's heading goes with the gallery
    public void A_heading_is_no_header_by_its_class(string html, string expected)
    {
        Assert.Equal(Enum.Parse<Furniture>(expected), JudgeFirst(html));
    }

    [Theory]
    [InlineData("<newsletter-box><p>x</p></newsletter-box>", "Named")] // a web component's tag is a name its site chose, as a class is
    [InlineData("<ad-slot><span>x</span></ad-slot>", "Named")]
    [InlineData("<article-body><p>x</p></article-body>", "None")]
    public void A_custom_elements_tag_is_read_as_its_name(string html, string expected)
    {
        Assert.Equal(Enum.Parse<Furniture>(expected), JudgeFirst(html));
    }

    [Theory]
    [InlineData("<a id='auto-tag_meridian-pictures' href='/t/meridian-pictures/'>x</a>", "None")] // a name the story links, named a tag (PMC's sites)
    [InlineData("<span id='auto-tag_meridian-pictures'>x</span>", "Named")] // the same name on a box
    [InlineData("<a class='headerlink' href='#rates'>x</a>", "Named")] // a link's other weak words still count (a heading's permalink)
    [InlineData("<a class='share-link' href='/share'>x</a>", "Named")] // and its strong ones
    [InlineData("<a class='keyword' href='/licai/company/jianglan/'>x</a>", "None")] // a name the story links as a keyword (Chinese portals')
    [InlineData("<div class='keywords'>x</div>", "Named")] // a box of keywords still is one
    public void A_link_named_a_tag_is_the_words_of_its_sentence(string html, string expected)
    {
        Assert.Equal(Enum.Parse<Furniture>(expected), JudgeFirst(html));
    }

    [Theory]
    [InlineData("<section data-testid='lineups' class='ssrcss-1x2y3z'><h2>x</h2></section>", "Named")] // a component's name for its tests, under hashed classes
    [InlineData("<div data-test-id='odds-widget' class='hyperion-css-1xq2v7n'>x</div>", "Named")]
    [InlineData("<div data-testid='article-body' class='hyperion-css-9q2xmk'>x</div>", "None")]
    public void A_components_name_for_its_tests_is_read_as_its_class_is(string html, string expected)
    {
        Assert.Equal(Enum.Parse<Furniture>(expected), JudgeFirst(html));
    }

    [Theory]
    [InlineData("<section class='mt-10' aria-labelledby='comments-h'><h2 id='comments-h'>x</h2><p>y</p></section>", "Comments")] // a region is named by its heading's id
    [InlineData("<section class='mt-10' aria-labelledby='related-title'><h2 id='related-title'>x</h2></section>", "Named")]
    [InlineData("<section class='mt-10' aria-labelledby='story-title'><h2 id='story-title'>x</h2></section>", "None")]
    public void A_region_is_named_by_the_heading_that_labels_it(string html, string expected)
    {
        Assert.Equal(Enum.Parse<Furniture>(expected), JudgeFirst(html));
    }

    [Theory]
    [InlineData("<span class='cmp-image__title' itemprop='caption'>The new assembly line</span>", "Named")] // schema.org's caption, whatever the class says
    [InlineData("<span itemprop='creditText'>Photo: Voranta</span>", "Named")]
    [InlineData("<span itemprop='copyrightHolder'>Voranta AG</span>", "Named")]
    [InlineData("<div itemprop='articleBody'><p>x</p></div>", "None")]
    [InlineData("<div id='post_2' itemprop='comment' itemscope itemtype='http://schema.org/Comment' class='topic-body'><p>x</p></div>", "Comments")] // a reply marked as schema.org's comment
    [InlineData("<li itemscope itemtype='https://schema.org/Comment' class='c-12'><p>x</p></li>", "Comments")] // an item of type Comment
    [InlineData("<div itemprop='text comment'><p>x</p></div>", "Comments")] // one of several properties
    [InlineData("<span itemprop='commentCount'>12</span>", "None")] // the count beside the byline is no comment
    [InlineData("<div itemscope itemtype='http://schema.org/DiscussionForumPosting'><p>x</p></div>", "None")] // the topic itself
    public void Captions_credits_and_comments_are_read_from_schema_org_properties(string html, string expected)
    {
        Assert.Equal(Enum.Parse<Furniture>(expected), JudgeFirst(html));
    }

    [Theory]
    [InlineData("<p><span class='dateline'>LISBON, Portugal — </span>An investigational drug lowered blood pressure in patients, researchers said.</p>", "None")] // the place the story is filed from, opening its first sentence
    [InlineData("<p><strong class='Textstyled__Dateline-sc-1'>Wendelsbrück.</strong> Am Ende ging es um 1,40 Meter, sagt der Nachbar.</p>", "None")]
    [InlineData("<div><div class='photo'><img src='a.jpg'></div><!--startindex--><strong class='Dateline'>United Kingdom -- </strong>A mother of six said she is cancer-free.</div>", "None")] // after a picture's box and a comment
    [InlineData("<p><span class='dateline'>March 3, 2025 — </span>An investigational drug lowered blood pressure in patients, researchers said.</p>", "Named")] // a date is the page's stamp
    [InlineData("<p>Researchers said on Monday, <span class='dateline'>in Lisbon</span>, that an investigational drug lowered blood pressure.</p>", "Named")] // not at the start of its text
    [InlineData("<p><span class='dateline'>LISBON, Portugal</span></p>", "Named")] // a dateline alone
    public void A_dateline_that_opens_its_sentence_is_the_storys(string html, string expected)
    {
        var element = new HtmlParser().ParseDocument(html).QuerySelector("[class*='dateline' i]")!;

        Assert.Equal(Enum.Parse<Furniture>(expected), BoilerplateMarkers.Judge(element));
    }

    private static Furniture JudgeFirst(string html) =>
        BoilerplateMarkers.Judge(new HtmlParser().ParseDocument(html).Body!.FirstElementChild!);
}
