using NewsAggregator.Extraction;

namespace NewsAggregator.Tests.Extraction;

/// <summary>The cascade on small pages, each fixture beside the exact text expected of it.</summary>
public class ArticleBodyTests
{
    [Theory]
    [InlineData("jsonld-body-behind-paywall")] // markup shows a teaser: the structured body is more complete
    [InlineData("jsonld-teaser-loses-to-markup")] // structured body is a truncated teaser: the markup wins
    [InlineData("split-body-beside-teasers")] // an ad splits the body; headline-and-blurb teasers beside it stay out
    [InlineData("link-list-and-quoted-tweet-in-body")] // "More:" headline list dropped, quoted tweet kept
    [InlineData("teaser-cards-with-headers")] // teaser cards whose headlines sit in <header>: their blurbs stay out, and so does the article's own header
    public void Text_is_exactly_the_article(string page)
    {
        var html = ExtractionFixtures.Text("Body", page + ".html");

        var article = new ArticleExtractor().Extract(html, new Uri("https://valleycourier.example/news/" + page));

        Assert.Equal(ExtractionFixtures.Expected("Body", page + ".expected.txt"), article.Text);
        Assert.Equal("Reservoirs hit record low as drought tightens", article.Title);
    }

    [Fact]
    public void Paragraphs_interleaved_with_link_heavy_boxes_are_all_kept()
    {
        // Each product box costs more than a paragraph earns, so the best single element is one
        // paragraph; the post around it adds mostly prose and is taken in. Each product box, a
        // name, a price and a row of store links, holds more furniture than prose and goes whole.
        var html = ExtractionFixtures.Text("Body", "deals-between-paragraphs.html");

        var article = new ArticleExtractor().Extract(html, null);

        Assert.Equal(ExtractionFixtures.Expected("Body", "deals-between-paragraphs.expected.txt"), article.Text);
    }

    [Theory]
    [InlineData("cms-wrappers-named-like-furniture")] // taxonomy classes, a BEM modifier, "entry-header", widget wrappers, a hidden label and "commentary" name no furniture
    [InlineData("cms-wrappers-named-in-spanish")] // class names in Spanish: "articulo-header" holds the lead ("articulo" outweighs "header"); "publicidad" and "noticias-relacionadas" boxes of prose go
    [InlineData("article-in-a-wrapper-named-furniture")] // the only wrapper is named like a sidebar and the comments outweigh it: a second look without names finds the article
    [InlineData("paragraph-inside-one-link")] // a paragraph of prose inside one link stays; the menu of links goes
    [InlineData("tagline-above-the-headline")] // the site's tagline above the headline in an old table layout goes
    [InlineData("tooltips-beside-a-short-article")] // the hover tooltips of a headline list outweigh a short article: they are furniture
    [InlineData("standfirst-outside-the-marked-body")] // the standfirst just outside itemprop=articleBody joins it
    [InlineData("microformats-post-above-its-responses")] // a post's text marked as microformats mark an entry's content (mf2 "e-content" in an "h-entry") is the publisher's mark, as itemprop=articleBody is: the responses under the entry, in boxes named for no comments, stay out
    [InlineData("hatom-post-above-its-responses")] // a WordPress post marked the older way (hAtom: "entry-content" in a "hentry"): its mentions from other sites, in boxes named for no comments, stay out
    [InlineData("lead-above-the-body-wrapper")] // a lead in its own block under the headline, two wrappers above the body's one paragraph: it comes first; the byline and date beside it stay out
    [InlineData("standfirst-set-as-a-subheading")] // a one-sentence standfirst in an <h3> between the headline and the wrapper of the body (chosen alone, a list of links beside it): it comes first, since a heading that ends a sentence is no label
    [InlineData("summary-in-bold-above-the-text")] // a summary in <strong> between the headline and the text's wrapper comes first; a picture's quote set over it, also between them, stays out
    [InlineData("summary-in-bold-with-linked-names")] // a summary in <strong> straight in the text's wrapper, after a box of links nested there, names two people with links to their pages: a few linked names leave a summary plain, and it comes first
    [InlineData("sole-article-beside-comments")] // the page's only <article> wins over a longer comment thread beside it, which does not join it as a sibling
    [InlineData("comments-outweigh-the-article")] // a comment thread holding most of the page's prose is still furniture, and the article's wrapper named like a banner is found on a second look
    [InlineData("article-in-nested-wrappers-named-like-banners")] // the article's wrapper named like a banner sits in an ad slot named like one too, under a short standfirst: sparing the outer slot leaves the inner wrapper out, so with the text still short a look without names follows
    [InlineData("short-post-above-a-long-thread")] // a blog post of two lines above a long comment thread and beside a named sidebar: a look without names still leaves the readers' comments out, so the short post stays the text
    [InlineData("list-of-names-beside-a-short-article")] // a ranking of officials beside a short article, each a name and a post with no sentence's punctuation: labels, worth nothing, however many
    [InlineData("old-layout-article-and-links-in-one-cell")] // an old table layout's article and the story links under it share one cell: the prose outweighs the links, and no long text counts as a teaser's blurb
    [InlineData("page-inside-one-link")] // a page whose whole text sits inside one link reads like no prose anywhere: its body, less the lines the filter drops, beats an empty text
    [InlineData("short-chinese-article-in-a-wrapper-named-furniture")] // a second look's text is taken when the first found none, however short (a Chinese article of sixty characters)
    [InlineData("comments-under-a-count-heading")] // readers' comments in plainly named boxes under a "4 Comments" heading: the article ends at the heading
    [InlineData("comments-under-a-heading-with-its-prompt")] // the heading shares its paragraph with the invitation under it ("KOMENTARZE<br>Zapraszamy też do dyskusji"): the article still ends there
    [InlineData("comments-under-a-linked-heading-at-their-anchor")] // the comments' heading is a link (to the thread's feed) standing at <a name="comments">, in boxes named for no comments: the article ends there
    [InlineData("article-in-a-named-wrapper-above-a-long-legal-notice")] // the article's wrapper is named like a promotion and the only other prose is the site's legal notice, longer than a short text: a notice is no article however long, so the second look finds the wrapper
    [InlineData("article-excerpt-inside-one-link")] // an excerpt page's text, three paragraphs, all inside the one link to the full story: a link around several sentences this long is prose, not a menu item or a headline
    [InlineData("article-in-a-wrapper-named-for-comments")] // the article, its headline in a block of its own, sits in a wrapper named "comments_page_wrapper": a wrapper that holds the headline is no comment thread (comments follow a headline), so the footer (the editors' notices, the registration and address, more prose than the article) is not the text
    [InlineData("short-brief-above-a-legal-notice")] // the site's legal terms under a two-line brief outweigh it: the notice is set aside and the brief is the text
    [InlineData("teasers-with-their-source-and-time")] // "Top stories" beside a short article, each a headline link with its source and time beside it ("Island News - 3 hours ago"), a picture and a blurb: a headline with a label beside it is still a teaser's headline, so the blurbs count for nothing
    [InlineData("teasers-ending-in-more")] // headline-and-blurb teasers that end in "more" (as others end in "...") outweigh a short article: they count for nothing
    [InlineData("comments-named-in-another-language")] // a comment thread named in Polish (opinie, komentarz) is furniture
    [InlineData("furniture-named-in-french")] // a French page's furniture lines in its article's container (dates, share, "À lire aussi", ad label, photo credit, rights) and readers' comments under "12 commentaires" go
    [InlineData("furniture-named-in-turkish")] // a Turkish page's boxes named in Turkish (paylas, ilgili, etiket, muhabir), the time stamp under the byline, the source line and the invitation to follow on Google News go
    [InlineData("text-split-around-a-paywall-prompt")] // the text before and after a "paywall-box" asking for a subscription stays, the box goes
    [InlineData("comments-named-reviews-in-russian")] // readers' comments in a section named "otzyvy" (reviews) under "Отзывы читателей" outweigh a short article: they go
    [InlineData("subheadings-named-like-a-header")] // the article's subheadings classed "header-anchor-post" (a heading is a header by nature) stay
    [InlineData("furniture-named-in-japanese")] // the same in Japanese: the update date, "シェア", "関連記事", the notice against reprinting, comments under "コメント"
    [InlineData("old-layout-after-an-unclosed-anchor")] // an <a name> never closed, which the parser reopens in every block after it, is no link: the text after it is prose, not link text
    [InlineData("notices-around-the-text")] // a note about the reader's browser above the text and the site's copyright notice under it, in the article's own cell, go
    [InlineData("paragraphs-in-font-wrappers")] // an old page's paragraphs each wrapped in a <font> beside the first: a <font> that holds blocks continues the article like a block
    [InlineData("sidebar-box-inside-the-article-cell")] // a nested table of headline links, their blurbs, a heading and a poll inside the article's cell: a box of more furniture than prose goes whole, labels and all
    [InlineData("annotated-list-of-sites")] // a list of sites, each link showing its address and a note under it, is the page's text: a link that shows an address is no teaser's headline, so its note is no blurb
    [InlineData("page-saved-from-a-word-processor")] // Word names each paragraph by its style in the document: "MsoCommentText" (a note, not readers' comments) and "MsoHeader" are no furniture
    [InlineData("copyright-line-ends-the-text")] // the site's copyright line under the article with only a few short lines after it (other stories' headlines) ends the text
    [InlineData("form-to-fill-under-the-text")] // a form to fill in under the text ("Send this story to someone", "Your name:" and their fields) goes: its text is the labels of its fields
    [InlineData("prose-and-headlines-in-one-paragraph")] // a short story's last sentences and a list of headlines under them in one <p>, parted by two <br>s: each paragraph is weighed on its own, so the sentences are prose and stay while the list goes; a quoted post's short lines, one of them around its link, stay, since only a line that is nearly all link is a list's in a paragraph of prose
    [InlineData("teasers-written-with-line-breaks")] // "See also" teasers each a linked headline, two <br>s and a blurb in one box: parted at the breaks, they read as headline-and-blurb pairs and count for nothing, so the short article beside them is the text
    [InlineData("hover-cards-beside-names")] // a councillor's name links to her page, and the card shown on hover (her photo, her name again, her latest stories) follows it in the markup: the card goes, the name stays; a link a word processor cut in two across a <span> ("overdue" and its comma) is the sentence's
    [InlineData("form-laid-out-in-a-table")] // a form written as <table><form><tr>…, which the parser takes apart (the <form> leaves the table, its fields stay in the rows): a table with a field for every few lines of its text is a form to fill all the same
    [InlineData("form-beside-a-short-teaser")] // an "e-mail this" form beside a review's short teaser outweighs the teaser, yet it has a field for every few lines of its text: its labels and note go
    [InlineData("poll-under-the-text")] // a "rate this article" survey under the text, radio buttons under each question: a form to fill, its questions and answers go, and the request above the form with them: the box around the form holds little else
    [InlineData("article-split-over-sibling-tables")] // an old layout's article in two boxed tables with a table of links between them: the boxes are sibling tables and both are the text, the links are not
    [InlineData("newsletter-signup-inside-the-story")] // a box between the story's paragraphs with two lines of pitch and a form asking for an e-mail address, named for nothing but its colours: a newsletter's signup, it goes
    [InlineData("fact-box-inside-the-story")] // an <aside role=complementary> inside the story named a fact box ("By the numbers") is the story's and stays; the related links' aside beside it and the page's column do not
    [InlineData("timeline-inside-the-story")] // an <aside> inside the story named its timeline, dates and what happened on them, is the story's and stays; an aside of links to earlier stories, though named a timeline too, is a list of links and goes
    [InlineData("footnotes-in-a-footer")] // the story's footnotes in the <footer class="footnotes"> a Markdown renderer sets them in, inside the post's body, are the story's and stay; the post's footer of tags and the site's footer do not; the notes' numbers in the text (a <sup> of a link within the page) and the arrows back from the notes go, or "in 1989" would read "in 1989.1"
    [InlineData("fact-box-closing-the-story")] // the story ends with its figures as a list ("£3.60: the fare before it, set in 2020"): an item with a year and no full stop among the last blocks is the list's line under its kept sibling, not a date line
    [InlineData("poll-between-the-paragraphs")] // a poll between the story's paragraphs, in a box named for nothing but "poll": its title, question, answers and count of votes go with the box, which holds a choice of radio buttons and little text around them
    [InlineData("correction-under-the-text")] // the publisher's correction under the text in a paragraph named "story-correction" is the story's own note and stays
    [InlineData("appeal-with-a-button-inside-the-story")] // a box between the paragraphs, named for nothing but its colour, pitching a donation and ending in a button ("Give now"): a call to action, it goes; a box of the story's own beside it, linking its source in words, stays
    [InlineData("editorial-sidebar-inside-the-story")] // a box named "sidebar" inside the story's own container, a few sentences of advice, is the story's sidebar and stays (less its share link); the page's sidebar column beside the story does not
    [InlineData("article-in-a-cell-named-like-furniture")] // an old layout's table cell is a unit of its own: the cell named "nav-border" holds the page's prose and so is no furniture
    [InlineData("article-cell-beside-a-column-of-notices")] // an old layout's row holds the article's cell and a column of short notices beside it (the weather, a classified, a lost cat): the row scores more than the cell, yet the column is no more of the text, so the cell is taken alone
    [InlineData("article-set-in-two-columns")] // an article set in two cells of one row, the narrower with a line of links under its paragraphs: what it adds is still mostly prose, so the row stays the text's box (its score alone is too small a share for it to join as a sibling)
    [InlineData("article-shown-by-its-script")] // the whole text hidden by visibility:hidden until the page's script shows it (WeChat's pages): it is the page's prose, so it is read; a dialog hidden the same way, and prose hidden by display:none, stay out
    [InlineData("footnote-marks-after-words")] // a note's mark that is a bare link within the page, set off as one ("*1", "[2]") right after a word (Hatena Blog's), goes as a <sup>'s does; the same mark opening the note is the note's label and stays
    [InlineData("story-card-between-the-paragraphs")] // another story's card between the paragraphs (its picture and its headline link to it, a line of blurb, no label in any language), named for nothing but a "teaser brick": it goes; the story's own box of figures under a heading that is no link stays
    [InlineData("chart-frames-between-the-paragraphs")] // a chart's frame in a box of its own with its title, description and source on short lines: the lines go with it; a video's frame beside a paragraph of the story, and a lead in a <span> beside a like button's frame, stay
    [InlineData("live-blog-posts-with-titles-in-their-headers")] // each post of a live blog titles itself in its <header>, beside its time and writer: the title is a line of the text, the rest is not
    [InlineData("page-builder-widgets-around-each-block")] // Elementor sets every block in a widget of two divs: a heading widget holds a subheading and no prose, a text widget may hold one short paragraph, and both are the story's; the posts widget beside them is not
    [InlineData("weather-modules-inside-a-storm-story")] // a weather site's modules between a story's paragraphs (an hourly strip, a radar map, "Your Local Forecast", named for weather, forecast or radar and holding no prose), a player's label for screen readers only ("mejs-offscreen") and a box to scan a QR code go; the story's own wrappers, named for weather too, hold its paragraphs and stay
    [InlineData("shop-boxes-beside-a-review")] // a review's boxes of offers, named for nothing ("x7q", "ds-card"): two shops with prices whose links are marked sponsored, and one price over a button of its own ("Find a deal"), go; the story's sentence that links a shop in passing, with a price and a sponsored link, stays
    [InlineData("quote-with-its-citation-in-a-footer")] // a quote's <footer> inside the <blockquote> names who said it: the quote's, not a footer of the page
    [InlineData("text-boxes-named-for-their-stroke")] // iWeb names every text box "style_SkipStroke_1": a skip link's word only as a skip link names it ("skip-link", "skipnav"), so the story's boxes are no furniture and its second half is found
    [InlineData("forum-replies-marked-as-comments")] // a forum topic's replies, each marked in microdata as schema.org's Comment (itemprop="comment"), outweigh the first post under the same classes: they are readers' comments and go, the first post is the text
    [InlineData("mail-signature-in-a-list-archive")] // a list archive's message in a <pre>: the signature under its "-- " line (the sender's name, address and motto) goes, the message stays with its line breaks
    [InlineData("comment-count-bar-at-the-comments-anchor")] // at the anchor Slash names "topcomment", a bar of the title, login and "3 comments" set off by "|" opens the thread: the comments under it go however long, with no class or id to name them
    [InlineData("code-block-with-highlighter-names-and-line-numbers")] // a code block for Google's prettifier ("prettyprint", no copy for the printer) whose highlighter names the code's parts "token keyword" and "token comment": names inside code are no furniture, and only its gutter of line numbers (a list of 1, 2, 3 …) goes
    [InlineData("quoted-message-in-a-groups-archive")] // a list archive's message in a <tt> (Yahoo! Groups), its lines broken with <br>: the earlier message it answers, under "--- In … wrote:" with every line opened by "> ", goes; the message stays
    [InlineData("story-in-a-framesets-noframes")] // a page of frames has no text of its own: its <noframes> page, which HTML parses as raw text, is the one a reader without frames reads, less the note that the site uses frames
    [InlineData("paywalled-parts-named-in-json-ld")] // paragraphs hidden with display:none that the JSON-LD names as the article's paywalled part (hasPart, isAccessibleForFree false, cssSelector) are the story a subscriber reads; the box named for the paywall that holds none of them is its prompt and goes
    [InlineData("formula-in-katex-markup")] // formulas as KaTeX sets them: the drawn copy is hidden from assistive technology (aria-hidden), so the text reads each formula once from its MathML, without the TeX annotation it was written in
    [InlineData("replies-set-as-articles-marked-as-comments")] // readers' replies each set as an <article> in a section named for no comments, and typed as schema.org's Comment: an <article> the markup calls a comment goes like any comment
    [InlineData("formula-in-mathjax-markup")] // formulas as MathJax 3 sets them: glyphs drawn by CSS in an aria-hidden copy, the MathML for assistive technology, and a class that names the context menu MathJax attached (no menu of the page's)
    [InlineData("story-continued-behind-a-cut")] // the rest of a post hidden behind "Read more", whose script is given the hidden part's id: read as opened, the link gone
    [InlineData("story-in-tab-panels")] // a story's part in ARIA tabs: every panel is text, the hidden ones too (a reader opens them with their tab), and the row of tabs is not
    [InlineData("next-story-loaded-below")] // the next story loaded below the first (as on scrolling), longer than it, in a sibling wrapper with its own <article>: the story headed by the page's title is the text, alone
    [InlineData("teasers-headline-over-blurb-under-the-story")] // other pages' teasers under the story, each a linked headline over a blurb of its own, go; the notes of the story's own list of outside sites stay (their link lines go, as any line that is only a link)
    [InlineData("short-post-opening-with-its-sources")] // a two-paragraph post whose first paragraph thanks readers and links its two sources, the links half its text: sentences written around their links are prose, so the paragraph stays (alone it weighed as a menu, and the second paragraph was taken without it); a "See also:" line around one headline still goes
    public void The_whole_article_is_found_whatever_its_wrappers(string page)
    {
        var html = ExtractionFixtures.Text("Body", page + ".html");

        var article = new ArticleExtractor().Extract(html, new Uri("https://hillford.example/news/" + page));

        Assert.Equal(ExtractionFixtures.Expected("Body", page + ".expected.txt"), article.Text);
    }
}
