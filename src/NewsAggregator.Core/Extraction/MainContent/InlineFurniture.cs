using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using static NewsAggregator.Extraction.FurnitureVocabulary;

namespace NewsAggregator.Extraction;

/// <summary>
/// Furniture that sits inside the article's own container and so survives the choice of
/// container: link lists, "Advertisement" labels, credits, the headline repeated, bylines and
/// datelines at the edges of the text, contact lines.
/// </summary>
internal static class InlineFurniture
{
    // Lines this short can be labels; a longer block is prose whatever words it starts with.
    private const int LabelLength = 120;
    // A line of page tools inside a paragraph is as short as a label.
    public const int ToolLineLength = LabelLength;
    // A block this long that ends a sentence is prose even inside a link.
    private const int LinkedProseChars = 150;
    // Short lines above the headline are the site's or the section's, not the article's.
    private const int AboveHeadlineLength = 200;
    // A heading over readers' comments is short, or a prompt with the site's rules after it.
    private const int CommentsHeadingLength = 200;
    // A notice to readers (a copyright line, a note about their browser) is a few lines at most.
    private const int NoticeLength = 400;
    // A prompt, a site's note or a caption that the short-line patterns know is a sentence or two.
    private const int ShortNoteLength = 300;

    // The notices asked of every paragraph shorter than that, behind one search for all their words.
    private static readonly GatedPatternSet ShortNotices = new(
        CookieNotice, TypoReportPrompt, SubmissionPrompt, GuestNotice, CommentsPolicy, SyntheticVoiceNote, TranscriptNote, PageCitation,
        LiveBlogEnd, PrintEditionNote, ReviewProcessNote, MedicalDisclaimer, AffiliateNotice, EmbedPlaceholder, MarketDeskNote);
    // A copyright line ends the text when what follows it is less than a quarter of the text kept before it.
    private const int TrailAfterNoticeShare = 4;
    // A heading that ends the story ("About Quillfield") does so when what follows it is less than half the text kept before it.
    private const int TrailAfterEndShare = 2;
    // Bylines and datelines sit in the first or last few blocks of the text.
    private const int EdgeBlocks = 3;
    // A call to subscribe is a sentence or two and the link.
    private const int CallToActionLength = 300;
    // What may follow a call to action's words: "Sign up!", "Get the briefing »".
    private static readonly char[] CallToActionEnd = ['.', '!', '→', '»', '>', ' '];

    /// <summary>The blocks a reader would call the article.</summary>
    /// <param name="pageUrl">Where the page was fetched: with its canonical URL, the site whose own addresses are its contacts.</param>
    public static List<TextBlock> Without(List<TextBlock> blocks, ExtractedArticle metadata, Uri? pageUrl = null)
    {
        var linkList = blocks.Select(IsLinkList).ToArray();
        var charsAfter = CharsAfter(blocks);
        var totalChars = blocks.Count == 0 ? 0 : charsAfter[0] + blocks[0].Text.Length;
        var pullQuotes = PullQuotes(blocks);
        var headline = HeadlineIndex(blocks, metadata);
        var kept = new List<TextBlock>(blocks.Count);
        var pageAddress = PageAddress(metadata.CanonicalUrl, pageUrl);
        List<TextBlock>? notices = null;
        // The small box named for the paywall whose prompt was found: the rest of it goes too.
        IElement? promptBox = null;
        var keptChars = 0;
        // Where the text ends: the last blocks before readers' comments are its edge, as the last
        // blocks of a page without comments are (a credit or a copyright line above the thread).
        var end = blocks.Count;
        for (var i = EdgeBlocks; i < blocks.Count; i++)
        {
            if (OpensComments(blocks[i]))
            {
                end = i;
                break;
            }
        }
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var text = block.Text;
            if (i < headline && text.Length < AboveHeadlineLength)
            {
                // Above the headline: the site's tagline, a kicker, a section label.
                continue;
            }
            if (kept.Count >= EdgeBlocks && SignatureIn(block) is { } mail)
            {
                // A mail's signature under its "-- " line (RFC 3676's separator), in a list archive's
                // preformatted copy of the message: the sender's name, address and motto, to the
                // end of the message.
                while (i + 1 < blocks.Count && MailBody(blocks[i + 1]) == mail)
                {
                    i++;
                }
                continue;
            }
            if (kept.Count >= EdgeBlocks && QuotesEarlierMessage(block) is { } quoting)
            {
                // The earlier message a reply quotes under its attribution ("On … Anna wrote:",
                // "--- In list@…, "anna" <…> wrote:"), its every line set off by "> ": the
                // message it answers, not this one, with the quote's next paragraphs.
                while (i + 1 < blocks.Count && MailBody(blocks[i + 1]) == quoting && IsQuotedLines(blocks[i + 1].Text, 0))
                {
                    i++;
                }
                continue;
            }
            // Before end no block opens comments (the scan above), so only later ones are asked again:
            // a heading past one that came before any text was kept.
            if ((i == end && kept.Count > 0) || (i > end && kept.Count >= EdgeBlocks && OpensComments(block)))
            {
                // After the article's first paragraphs: readers' comments follow to the end.
                break;
            }
            if (kept.Count >= EdgeBlocks && text.Length < LabelLength && ForwardLookingHeading().IsMatch(text))
            {
                // A release's legal notice on what the company may not promise, and all after it.
                break;
            }
            // Where the story may end: its first paragraphs kept, less than half as much after.
            if (kept.Count >= EdgeBlocks && charsAfter[i] * TrailAfterEndShare < keptChars)
            {
                if (text.Length < LabelLength && StoryEnd().IsMatch(text))
                {
                    // "About Quillfield" over the company's standing paragraph, its contacts and the
                    // downloads under a press release; "END" over a WeChat account's credits and
                    // prompts: what follows is the site's, not the story's.
                    DropNotesAboveTheEnd(kept, ref keptChars, metadata.Byline);
                    break;
                }
                if (metadata.FaqQuestion is { } faq && AsksQuestion(text, faq))
                {
                    // The first question of the FAQ the page marks up for search engines, under the
                    // story: the questions and answers go to the end, and the heading over them with
                    // them, whatever language it is in ("Pitakonan sing asring ditakoni").
                    TakeBack(kept, ref keptChars, blocks, blocks[i - 1].Kind == BlockKind.Heading ? i - 1 : -1, i);
                    break;
                }
            }
            if (kept.Count >= EdgeBlocks && TeaserRunEnd(blocks, i, linkList, pageAddress) is var lastTeaser && lastTeaser > i)
            {
                // Other pages' teasers under the story, each a linked headline over its blurb in a
                // paragraph of its own, three or more in a row ("Другие материалы" on an old portal):
                // the list goes whole, whatever label it has or lacks.
                i = lastTeaser;
                continue;
            }
            if (IntroducesTeasers(blocks, i))
            {
                // "Related stories:" over other pages' teasers, each a linked headline with its blurb
                // and date in one paragraph: the list goes with its label, to its last teaser.
                while (i + 1 < blocks.Count && blocks[i + 1].LinkedLeadLine)
                {
                    i++;
                }
                continue;
            }
            if (CreditLabel().IsMatch(text) && i + 1 < blocks.Count && blocks[i + 1].Text.Length < 100)
            {
                // "Photo:" on its own: the credit is the next block.
                i++;
                continue;
            }
            var atEdge = i < EdgeBlocks || i >= end - EdgeBlocks;
            // A copyright line matters where it would end the text or stand at its edge; the notice's
            // words (many languages' alternatives) are looked for only there.
            var mayBeNotice = text.Length < NoticeLength && block.Kind != BlockKind.Quote;
            var wouldEnd = mayBeNotice && kept.Count >= EdgeBlocks && charsAfter[i] * TrailAfterNoticeShare < keptChars;
            var copyright = (wouldEnd || (mayBeNotice && atEdge)) && IsCopyrightNotice(text);
            if (copyright && wouldEnd)
            {
                // The site's copyright line under the article's paragraphs, with only a little text
                // after it (headlines of other pages, a site's links): the text has ended.
                DropNotesAboveTheEnd(kept, ref keptChars, metadata.Byline);
                break;
            }
            // A note that names itself ("Updated:", "Source:", a byline) is at the text's start while
            // fewer blocks than that are kept: a headline, a byline or share tools dropped above a
            // time stamp do not push it into the text. A bare date is judged by its place alone.
            var nearEdge = atEdge || kept.Count < EdgeBlocks;
            if ((copyright && atEdge) || (text.Length < NoticeLength && BrowserNotice.IsMatch(text)))
            {
                (notices ??= []).Add(block);
                continue;
            }
            if (kept.Count >= EdgeBlocks && blocks.Count - i <= TrailingNoteBlocks)
            {
                if (IsAuthorNote(blocks, i, metadata.Byline))
                {
                    // The writer's name (and role) set over the note go with it.
                    TakeBack(kept, ref keptChars, blocks, blocks.FindLastIndex(i - 1, Math.Min(i, TrailingNoteBlocks), b => IsByline(b.Text, metadata.Byline)), i);
                    continue;
                }
                if (text.Length < SiteContactLength && text.Contains('@') && pageAddress is { } page && NamesSiteAddress(text, WithoutWww(page.IdnHost)) && !SendsToPublicBody(text, page.IdnHost))
                {
                    // The question that asks for the tip goes with it ("Har du tips i denne saken?").
                    var question = blocks[i - 1].Text;
                    TakeBack(kept, ref keptChars, blocks, question.Length < LabelLength && question.EndsWith('?') ? i - 1 : -1, i);
                    continue;
                }
            }
            if (promptBox is not null && block.Container is { } inside && promptBox.Contains(inside))
            {
                // The rest of the paywall's box: its offer, its buttons, its note for subscribers.
                continue;
            }
            if (text.Length < ShortNoteLength && PaywallPrompt.IsMatch(text))
            {
                // The paywall's prompt ("この記事は会員限定です"); in a small box named for the paywall,
                // the box goes whole, with whatever of it stood above the prompt.
                if (PaywallBox(block) is { } box)
                {
                    promptBox = box;
                    while (kept.Count > 0 && kept[^1].Container is { } above && box.Contains(above))
                    {
                        keptChars -= kept[^1].Text.Length;
                        kept.RemoveAt(kept.Count - 1);
                    }
                }
                continue;
            }
            if (text.Length < CallToActionLength && SubscriptionOffer.IsMatch(text))
            {
                // A subscription's offer, and the line its box heads it with ("Rep: l'informazione che
                // conta, senza limiti") when that was kept just before it, in the same box.
                TakeBack(kept, ref keptChars, blocks, HeadsTheSameBox(blocks, i) ? i - 1 : -1, i);
                continue;
            }
            if (linkList[i] || pullQuotes?[i] == true || IsPictographs(text) || LabelsEmptySlot(block, totalChars) || (IsMarksLine(text) && block.Container?.Closest("pre") is null) ||
                (text.Length < LabelLength && (IsFurnitureLine(text) || FurnitureMention().IsMatch(text) || BracketedTools().IsMatch(text) || ContactLine().IsMatch(text) || IsFollowLine(text))) ||
                // The last blocks may ask to follow the site in a first sentence and go on to ask for
                // comments ("Подписывайтесь на «Вести» в Дзене, чтобы первыми узнавать новости. А если …").
                (text.Length < CallToActionLength && kept.Count >= EdgeBlocks && i >= end - EdgeBlocks && ((text.Length >= LabelLength && OpensWithFollowRequest(text)) || PointsToHandle(text))) ||
                // A shortcode's attributes (a link, a style) make it longer than a label it shows, and a
                // caption that ends in its credit ("… почти три часа. Фото: Дмитрий Сорокин / «…»") is
                // often longer than a label too.
                (text.Length < ShortNoteLength && ((text.Length >= LabelLength && EndsInCaptionCredit(text)) || Shortcode().IsMatch(text) || PitchesMessagingChannel(block) || ShortNotices.IsMatch(text))) ||
                (metadata.Title is not null && (Headline.SameFolded(text, metadata.Title) || (kept.Count == 0 && Headline.FollowsKicker(text, metadata.Title)))) ||
                (i > 0 && text.Length < TableNoteLength && NotesTableAbove(blocks[i - 1], block) && TableNote().IsMatch(text)) ||
                // The site's name alone, signing off the story or standing over it ("— Лаьмнийн Аз").
                (metadata.SiteName is not null && text.Length < LabelLength && Headline.SameFolded(text.TrimStart('—', '–', '-', ' '), metadata.SiteName)) ||
                (i < EdgeBlocks && block.Container?.LocalName == "h1") ||
                (block.Kind != BlockKind.Quote && ((nearEdge && (IsByline(text, metadata.Byline) || IsStamp(text) || IsTimeLine(block, metadata.Byline))) || (atEdge && ((IsDateline(text) && !FollowsItsListItem(block, kept) && !IntroducedByKept(block, kept) && !HeadsASection(block, kept, i + 1 < end)) || IsEdgeMention(text))))) ||
                IntroducesLinks(block, i + 1 < blocks.Count && linkList[i + 1]) ||
                EndsInSubscription(block) || OffersTranslation(block) || (CaptionsPictureAbove(block) && MayBeCaption(block, totalChars)))
            {
                continue;
            }
            kept.Add(block);
            keptChars += text.Length;
        }
        // A copyright line or a note about the reader's browser goes from beside the text; when
        // it is all the text there is, it stays, as a sign of what the page held (a page whose
        // scripts write everything else), rather than nothing.
        return kept.Count == 0 && notices is not null ? notices : kept;
    }

    /// <summary>
    /// The box around a paywall's prompt, named for the paywall ("paywall", "c-paywall__box") within
    /// a few levels of it and holding no more than a prompt's text: its offer, its buttons, its note
    /// for subscribers. A "paywall" element that holds the story behind it holds far more.
    /// </summary>
    private static IElement? PaywallBox(TextBlock block)
    {
        // The outermost such element: the prompt's own paragraph may be named for the box too ("paywall__lock").
        IElement? found = null;
        var box = block.Container;
        for (var depth = 0; box is not null && depth < PaywallBoxDepth; depth++, box = box.ParentElement)
        {
            if (PaywalledParts.IsNamedForPaywall(box) && box.TextContent.Length <= PaywallBoxChars)
            {
                found = box;
            }
        }
        return found;
    }

    // The prompt's paragraph, its wrapper, the box.
    private const int PaywallBoxDepth = 3;
    // A prompt, an offer, a button or two and a note; markup's white space counts too.
    private const int PaywallBoxChars = 800;

    /// <summary>
    /// The block stands just under a table, outside it: where a table's source and notes go
    /// ("Source: Homestead Mortgage Exchange", "Fonte: bilancio consolidato", "注：…数据来源：各银行公告"),
    /// as its caption would.
    /// </summary>
    private static bool NotesTableAbove(TextBlock above, TextBlock block) =>
        above.Container?.Closest("table") is { } table && block.Container is { } container && !table.Contains(container);

    // A table's source or note is a line or two.
    private const int TableNoteLength = 200;

    // A quote this short may match by chance ("No", "Thank you"); a pull quote is a sentence or its better half.
    private const int PullQuoteMinChars = 20;
    // A box named for a quote holds its words this close: the words' paragraph, its wrapper, the box.
    private const int QuoteBoxDepth = 3;

    // What stands around a quote's words and not in the sentence it repeats: quotation marks, the end of a sentence.
    private const string QuoteEdges = " \"'“”„‟«»‹›‘’‚「」『』.,;:!?…–—-";

    /// <summary>
    /// By block: the pull quotes, a blockquote that repeats words of the text to catch the
    /// reader's eye, with the speaker's name under them inside the quote (<c>&lt;cite&gt;</c>); null
    /// when the blocks hold no quote. The words are the text's already, so the quote would be them
    /// twice. A quote is a pull quote when its longest block, less its quotation marks and final
    /// stop, stands inside a paragraph of the text, and its other blocks are short lines (the
    /// name, the role). A quoted letter or statement the text does not repeat stays, and so do two
    /// quotes of one passage (two posts of a blog's archive quoting the same source).
    /// </summary>
    private static bool[]? PullQuotes(List<TextBlock> blocks)
    {
        bool[]? pull = null;
        for (var start = 0; start < blocks.Count;)
        {
            var quote = QuoteOf(blocks[start]);
            var end = start + 1;
            if (quote is null)
            {
                start = end;
                continue;
            }
            while (end < blocks.Count && QuoteOf(blocks[end]) == quote)
            {
                end++;
            }
            var words = start;
            for (var i = start + 1; i < end; i++)
            {
                if (blocks[i].Text.Length > blocks[words].Text.Length)
                {
                    words = i;
                }
            }
            if (IsRepeated(blocks, start, end, blocks[words].Text.AsSpan().Trim(QuoteEdges)) && LinesBesides(blocks, start, end, words))
            {
                // The speaker's name set right after the quote, beside it in the quote's box
                // (<pull-quote><blockquote>…</blockquote><cite>…</cite></pull-quote>, or a box of its
                // own named for the quote, "quotesig"), goes with it.
                if (end < blocks.Count && quote.NextElementSibling is { } speaker && (speaker.LocalName is "cite" or "figcaption" || (speaker == QuoteOf(blocks[end]) && blocks[end].Kind != BlockKind.Heading)) &&
                    blocks[end].Text.Length < LabelLength && blocks[end].Text == speaker.TextContent.Trim())
                {
                    end++;
                }
                pull ??= new bool[blocks.Count];
                Array.Fill(pull, true, start, end - start);
            }
            start = end;
        }
        return pull;

        static bool IsRepeated(List<TextBlock> blocks, int start, int end, ReadOnlySpan<char> words)
        {
            if (words.Length < PullQuoteMinChars)
            {
                return false;
            }
            for (var i = 0; i < blocks.Count; i++)
            {
                if ((i < start || i >= end) && blocks[i].Kind != BlockKind.Quote && blocks[i].Text.Length > words.Length && blocks[i].Text.AsSpan().Contains(words, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
            return false;
        }

        // The quote a block belongs to: its <blockquote>, or a box named for a quote close around it
        // (Odoo's "s_blockquote", a "pull-quote" of <div>s), which sets a quote as well.
        static IElement? QuoteOf(TextBlock block)
        {
            if (block.Kind == BlockKind.Quote)
            {
                return block.Container?.Closest("blockquote");
            }
            var box = block.Container;
            for (var depth = 0; box is not null && depth < QuoteBoxDepth; depth++, box = box.ParentElement)
            {
                if (box.GetAttribute("class") is { } names && names.Contains("quote", StringComparison.OrdinalIgnoreCase))
                {
                    return box;
                }
            }
            return null;
        }

        static bool LinesBesides(List<TextBlock> blocks, int start, int end, int words)
        {
            for (var i = start; i < end; i++)
            {
                if (i != words && blocks[i].Text.Length >= LabelLength)
                {
                    return false;
                }
            }
            return true;
        }
    }

    /// <summary>
    /// The heading over readers' comments, or the prompt to leave one ("13 Comments", "Leave a
    /// comment"): not a link to them (a count beside the byline, a blog's "Comments (3)" under each
    /// post), unless it stands at the anchor the page's "Comments" links jump to (a heading that
    /// links to the thread's feed). Readers' comments follow it to the end. The block right after
    /// such a heading that went as furniture by its class or id opens them too.
    /// </summary>
    private static bool OpensComments(TextBlock block) =>
        block.FollowsCommentsHeading ||
        (block.Text.Length < CommentsHeadingLength && (block.LinkDensity < 0.5 || block.OpensComments) &&
         (CommentsHeading().IsMatch(FirstLine(block.Text)) || (block.OpensComments && CountsComments(FirstLine(block.Text)))));

    /// <summary>
    /// The preformatted message whose signature the block opens: its first line is the separator
    /// mail sets over a signature ("-- ", whose space pages often lose), in a <c>&lt;pre&gt;</c>
    /// that holds no code (where "--" alone may be a line of a program).
    /// </summary>
    private static IElement? SignatureIn(TextBlock block) =>
        FirstLine(block.Text).Trim() is "--" ? MailBody(block) : null;

    /// <summary>
    /// The message whose quote of an earlier one the block is: a line that attributes it
    /// (<see cref="FurnitureVocabulary.QuoteAttribution"/>) over lines that all open with "&gt;",
    /// in a message's preformatted copy.
    /// </summary>
    private static IElement? QuotesEarlierMessage(TextBlock block)
    {
        var text = block.Text;
        var lineEnd = text.IndexOf('\n');
        return lineEnd > 0 && IsQuotedLines(text, lineEnd + 1) && QuoteAttribution().IsMatch(text.AsSpan(0, lineEnd)) ? MailBody(block) : null;
    }

    /// <summary>Every line from <paramref name="start"/> on opens with "&gt;", as mail quotes an earlier message.</summary>
    private static bool IsQuotedLines(string text, int start)
    {
        if (start >= text.Length)
        {
            return false;
        }
        foreach (var line in text.AsSpan(start).EnumerateLines())
        {
            if (!line.TrimStart().StartsWith('>'))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// The preformatted copy of a mail that holds the block, as list archives show a message: a
    /// <c>&lt;pre&gt;</c> (Mailman's pipermail) or a <c>&lt;tt&gt;</c> (Yahoo! Groups, whose lines
    /// are broken with <c>&lt;br&gt;</c>: an inline element, so the block's own element is the
    /// cell or box it fills) that holds no code (where "--" alone or "&gt;" may open a line of a program).
    /// </summary>
    private static IElement? MailBody(TextBlock block)
    {
        if (block.Container is not { } container)
        {
            return null;
        }
        var body = container.Closest("pre, tt");
        // Lines in a <tt> have the box around it for their block: the row or cell that holds it alone.
        var inner = container;
        for (var depth = 0; body is null && depth < MailBoxDepth && inner.ChildElementCount == 1; depth++)
        {
            inner = inner.FirstElementChild!;
            if (inner.LocalName is "tt" or "pre")
            {
                body = inner;
            }
        }
        return body is not null && body.Closest("code") is null && body.QuerySelector("code") is null ? body : null;
    }

    // A row, its cell and the <tt> in it.
    private const int MailBoxDepth = 3;

    /// <summary>
    /// A bar of parts set off by "|" of which one heads readers' comments, as Slash opens its
    /// threads at the comments anchor: "Kissy Yut … | Log In/Create an Account | Top | 24 comments
    /// | Search Discussion". Only at that anchor: elsewhere such a bar is a story's tools ("Print |
    /// Email | 3 comments"). (PHP-Nuke's bar shares a table with the thread's controls, which
    /// LinkBoxes takes whole as a form to fill, so the bar never comes here.)
    /// </summary>
    private static bool CountsComments(ReadOnlySpan<char> line)
    {
        foreach (var part in line.Split('|'))
        {
            if (CommentsHeading().IsMatch(line[part].Trim()))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A heading's text that heads readers' comments ("Kommentarer", "12 Comments").</summary>
    internal static bool IsCommentsHeading(string text) =>
        text.Length < CommentsHeadingLength && CommentsHeading().IsMatch(text.Trim());

    /// <summary>
    /// A line of a paragraph written with &lt;br&gt; that holds only page tools ("Posted by Jane at
    /// 10:32 PM | Permalink", "Comments (3)", "read on >>"), maybe with a filing label beside them:
    /// <see cref="BlockRenderer"/> leaves it out of the block, text and HTML alike, when the
    /// paragraph has other lines to keep. A line that is a paragraph of its own is judged by
    /// <see cref="Without"/>, with the context of the blocks around it.
    /// </summary>
    public static bool IsToolLine(ReadOnlySpan<char> line)
    {
        if (line.Length >= ToolLineLength)
        {
            return false;
        }
        if (IsMarksLine(line))
        {
            // A rule drawn in characters between the lines, or what a removed link left.
            return true;
        }
        var tools = 0;
        foreach (var range in line.Split('|'))
        {
            var part = line[range].Trim();
            if (part.IsEmpty)
            {
                continue;
            }
            if (ToolLine().IsMatch(part))
            {
                tools++;
            }
            else if (!ToolLabel().IsMatch(part))
            {
                return false;
            }
        }
        return tools > 0;
    }

    /// <summary>The characters of the blocks after <paramref name="i"/>: asked only at a copyright line.</summary>
    /// <summary>By block: the characters of the blocks after it.</summary>
    private static int[] CharsAfter(List<TextBlock> blocks)
    {
        var after = new int[blocks.Count];
        for (var i = blocks.Count - 2; i >= 0; i--)
        {
            after[i] = after[i + 1] + blocks[i + 1].Text.Length;
        }
        return after;
    }

    /// <summary>
    /// Where the headline (an h1, or the title in a block of its own, a heading or on older pages
    /// a div) stands among the first blocks; -1 when it is not there.
    /// </summary>
    private static int HeadlineIndex(List<TextBlock> blocks, ExtractedArticle metadata)
    {
        for (var i = 0; i < Math.Min(EdgeBlocks, blocks.Count); i++)
        {
            if (blocks[i].Container?.LocalName == "h1" || (metadata.Title is not null && (Headline.SameFolded(blocks[i].Text, metadata.Title) || Headline.FollowsKicker(blocks[i].Text, metadata.Title))))
            {
                return i;
            }
        }
        // The headline not rendered (in the article's <header>, which never is): the first block
        // after it in the page, when a few stand before it (a fact check's claim and rating, a
        // kicker set above the header). Only short blocks go from above a headline, so the page's
        // h1s are looked for only when one of the blocks that could stand above it is short.
        if (metadata.Title is not null && blocks.Count > 0 && blocks[0].Container?.Owner is { } document &&
            blocks.Take(AboveHeadlineBlocks - 1).Any(b => b.Text.Length < AboveHeadlineLength))
        {
            // Only an h1 that one of those blocks follows can head them: the walk ends past them.
            var above = new HashSet<IElement>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < Math.Min(AboveHeadlineBlocks, blocks.Count); i++)
            {
                if (blocks[i].Container is { } container)
                {
                    above.Add(container);
                }
            }
            foreach (var h1 in DomWalk.ElementsNamed(document, "h1", above))
            {
                if (!Headline.SameFolded(h1.TextContent.Trim(), metadata.Title))
                {
                    continue;
                }
                for (var i = 0; i < Math.Min(AboveHeadlineBlocks, blocks.Count); i++)
                {
                    if (blocks[i].Container is { } container && h1.CompareDocumentPosition(container).HasFlag(DocumentPositions.Following))
                    {
                        return i;
                    }
                }
                break;
            }
        }
        return -1;
    }

    // Blocks that may stand above an unrendered headline: a kicker, a claim and its rating.
    private const int AboveHeadlineBlocks = 6;

    /// <summary>
    /// A block that is mostly link text points elsewhere: a menu, a related-story list. A
    /// linked subheading is the exception (gift guides and explainers link their product and
    /// section headings), unless it is an item of a list, which makes it a list of headlines.
    /// </summary>
    private static bool IsLinkList(TextBlock block) =>
        block.LinkDensity > 0.5 && (block.Kind != BlockKind.Heading || block.Container?.Closest("li") is not null) && !IsLinkedProse(block.Text);

    /// <summary>
    /// Long text that ends a sentence is prose even when it sits in a link (an unclosed &lt;a&gt;
    /// of an old template, a paragraph that links its source throughout): menus and headline
    /// lists are neither that long per block nor sentences, and a teaser's blurb is cut off with "...".
    /// Headlines set one a line under a label ("PRZECZYTAJ TAKŻE:" and three links, the last a
    /// question) may run as long, but no line of them is a sentence's length.
    /// </summary>
    private static bool IsLinkedProse(string text) =>
        text.Length >= LinkedProseChars && !TextMass.EndsWithEllipsis(text) && EndsSentence(text) && !IsShortLines(text);

    /// <summary>The text is several lines, each as short as a label.</summary>
    private static bool IsShortLines(string text)
    {
        if (!text.Contains('\n'))
        {
            return false;
        }
        foreach (var range in text.AsSpan().Split('\n'))
        {
            if (range.End.Value - range.Start.Value >= LabelLength)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// A furniture line ("Related stories:", "See also") over two or more blocks that each open
    /// with a linked line and go on: a list of teasers written with &lt;br&gt;, which no single
    /// block of gives away as a link list (the blurbs outweigh the headlines' links).
    /// </summary>
    private static bool IntroducesTeasers(List<TextBlock> blocks, int i) =>
        i + 2 < blocks.Count && blocks[i + 1].LinkedLeadLine && blocks[i + 2].LinkedLeadLine &&
        blocks[i].Text.Length < LabelLength && IsFurnitureLine(blocks[i].Text);

    // Teasers in a row that make a list of them rather than a story's paragraphs that link out.
    private const int TeaserRunPairs = 3;
    // A teaser's headline is a line ("Дела для НКО" and longer); its blurb a few.
    private const int TeaserHeadlineMinLength = 8;
    private const int TeaserHeadlineLength = 200;
    private const int BlurbMinLength = 40;
    private const int BlurbMaxLength = 600;

    /// <summary>
    /// The last block of a run of teasers starting at <paramref name="i"/>: a linked headline, then
    /// its blurb with no link of its own, perhaps with lines of marks between them (an old table
    /// layout's separators), <see cref="TeaserRunPairs"/> times or more; -1 when there is none.
    /// The headlines link to other pages of the site (<paramref name="page"/>'s, or by a relative
    /// address): a list of other sites, each with a note on it, is a page's own text, and so are
    /// questions that link to their answers on the page (an FAQ).
    /// </summary>
    private static int TeaserRunEnd(List<TextBlock> blocks, int i, bool[] linkList, Uri? page)
    {
        List<TextBlock>? headlines = null;
        var last = -1;
        for (var j = SkipMarks(blocks, i); j < blocks.Count; j = SkipMarks(blocks, last + 1))
        {
            var headline = blocks[j];
            if (!linkList[j] || headline.Text.Length is < TeaserHeadlineMinLength or > TeaserHeadlineLength || headline.Text.Contains('\n'))
            {
                break;
            }
            var b = SkipMarks(blocks, j + 1);
            if (b >= blocks.Count || blocks[b].Kind != BlockKind.Paragraph || blocks[b].LinkChars > 0 ||
                blocks[b].Text.Length is < BlurbMinLength or > BlurbMaxLength)
            {
                break;
            }
            (headlines ??= []).Add(headline);
            last = b;
        }
        return headlines?.Count >= TeaserRunPairs && headlines.TrueForAll(headline => LinksWithinSite(headline, page)) ? last : -1;

        static int SkipMarks(List<TextBlock> blocks, int j)
        {
            while (j < blocks.Count && IsMarksLine(blocks[j].Text))
            {
                j++;
            }
            return j;
        }
    }

    /// <summary>
    /// The link that makes the block's text (its container may hold many) points to another page
    /// of <paramref name="page"/>'s site (<see cref="Feeds.SiteIdentity"/>); a relative address
    /// without a fragment does, whatever the site.
    /// </summary>
    private static bool LinksWithinSite(TextBlock block, Uri? page)
    {
        var container = block.Container;
        var link = container is { LocalName: "a" } ? container :
            container?.QuerySelectorAll("a[href]").FirstOrDefault(a => a.TextContent.Trim() is { Length: > 0 } shown && block.Text.Contains(shown, StringComparison.Ordinal));
        var href = link?.GetAttribute("href")?.Trim();
        if (string.IsNullOrEmpty(href) || href.Contains('#') || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var protocolRelative = href.StartsWith("//", StringComparison.Ordinal);
        // "/path" is relative here, though .NET on Unix reads it as an absolute file name.
        if (!protocolRelative && (href.StartsWith('/') || !Uri.TryCreate(href, UriKind.Absolute, out _)))
        {
            return true;
        }
        return page is not null && Uri.TryCreate(protocolRelative ? page.Scheme + ":" + href : href, UriKind.Absolute, out var target) &&
            target.HostNameType == UriHostNameType.Dns && target.AbsolutePath != page.AbsolutePath && Feeds.SiteIdentity.SameSite(page, target);
    }

    /// <summary>
    /// The block before <paramref name="i"/> is a short line that ends no sentence, set in the same
    /// box as it (their elements are siblings): the heading of that box.
    /// </summary>
    private static bool HeadsTheSameBox(List<TextBlock> blocks, int i) =>
        i > 0 && blocks[i - 1].Text.Length < LabelLength && !EndsSentence(blocks[i - 1].Text) &&
        blocks[i - 1].Container?.ParentElement is { } box && box == blocks[i].Container?.ParentElement;

    /// <summary>
    /// A paragraph that pitches the site's channel on a messaging app and links to it ("… by joining
    /// our WhatsApp community HERE"), in the story's own paragraphs as a platform drops it there.
    /// </summary>
    private static bool PitchesMessagingChannel(TextBlock block) =>
        block.LinkChars > 0 && block.Container is { } container && LinkBoxes.PitchesMessagingChannel(container, block.Text);

    /// <summary>"More:" or "Related coverage" over a list of links goes with the list.</summary>
    private static bool IntroducesLinks(TextBlock block, bool linksFollow) =>
        linksFollow && block.Text.Length < 50 && (block.Kind == BlockKind.Heading || block.Text.EndsWith(':'));

    /// <summary>
    /// A short block that ends in a link to subscribe ("… Unser Newsletter erscheint jeden
    /// Freitag. Jetzt abonnieren", "Get our briefing every morning. Sign up"): a publisher's call
    /// to action, however the box around it is named. The link must be the block's last words
    /// and point at a signup or newsletter page; a sentence that only mentions a newsletter stays.
    /// </summary>
    private static bool EndsInSubscription(TextBlock block)
    {
        if (block.Text.Length >= CallToActionLength || block.LinkChars == 0 || block.Container is null)
        {
            return false;
        }
        var links = block.Container.QuerySelectorAll("a[href]");
        var last = links.Length == 0 ? null : links[links.Length - 1];
        if (last is null || !SubscriptionAddress().IsMatch(last.GetAttribute("href")!))
        {
            return false;
        }
        var label = last.TextContent.Trim().TrimEnd(CallToActionEnd);
        return label.Length is > 0 and <= 40 && block.Text.TrimEnd().TrimEnd(CallToActionEnd).EndsWith(label, StringComparison.Ordinal);
    }

    /// <summary>
    /// A short block with a link that names the language of the page it points to
    /// (<c>hreflang</c>): the story in another language ("Read in English", "Bul maqalanı basqa
    /// tilde oqıw: Oʻzbekcha · Русский"), in any language, since the attribute is there for the
    /// reader's browser and search engines alone. A link within the story's sentences has no
    /// reason to carry it.
    /// </summary>
    private static bool OffersTranslation(TextBlock block) =>
        block.Text.Length < TranslationOfferLength && block.LinkChars > 0 && block.Container is { } container &&
        container.GetElementsByTagName("a").Any(link => link.HasAttribute("hreflang"));

    private const int TranslationOfferLength = 200;

    // A question as the page shows it may carry a number or a mark before it ("3. ", "Q: ", "▸ ").
    private const int QuestionMarkLength = 6;

    /// <summary>The block shows the FAQ's question: the same words, give or take a short mark before them.</summary>
    private static bool AsksQuestion(string text, string question) =>
        text.Length <= question.Length + QuestionMarkLength && text.EndsWith(question, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Where a notice or a heading ends the text on the way (the site's copyright line, "About …"),
    /// the notes kept just above it were judged before the text's end was known, as blocks amid
    /// it: a source, a credit or the editor's name ending the story ("（本文来源：寻味旅途网
    /// 作者：陈思源）", "责任编辑：林晓") goes as it does above readers' comments.
    /// </summary>
    private static void DropNotesAboveTheEnd(List<TextBlock> kept, ref int keptChars, string? byline)
    {
        for (var taken = 0; taken < EdgeBlocks && kept.Count > EdgeBlocks; taken++)
        {
            var last = kept[^1];
            if (last.Kind == BlockKind.Quote || !(IsStamp(last.Text) || IsByline(last.Text, byline) || IsEdgeMention(last.Text)))
            {
                return;
            }
            keptChars -= last.Text.Length;
            kept.RemoveAt(kept.Count - 1);
        }
    }

    /// <summary>
    /// Takes back from <paramref name="kept"/> the blocks from <paramref name="from"/> up to
    /// <paramref name="before"/> that it holds (the lines set over a note that goes); none when
    /// <paramref name="from"/> is -1.
    /// </summary>
    private static void TakeBack(List<TextBlock> kept, ref int keptChars, List<TextBlock> blocks, int from, int before)
    {
        for (var over = before - 1; from >= 0 && over >= from; over--)
        {
            if (kept.Count > 0 && ReferenceEquals(kept[^1], blocks[over]))
            {
                keptChars -= blocks[over].Text.Length;
                kept.RemoveAt(kept.Count - 1);
            }
        }
    }

    // The site's invitation to write to it is a sentence or two.
    private const int SiteContactLength = 300;

    /// <summary>The page's address on the web: its canonical URL, else where it was fetched; null for neither or an address with no host name.</summary>
    private static Uri? PageAddress(string? canonicalUrl, Uri? pageUrl)
    {
        var url = Uri.TryCreate(canonicalUrl, UriKind.Absolute, out var canonical) ? canonical : pageUrl;
        return url is { HostNameType: UriHostNameType.Dns } ? url : null;
    }

    private static string WithoutWww(string host) => host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;

    /// <summary>
    /// The block gives an e-mail address at the site's own domain (tips@, news@, a reporter's): the
    /// newsroom asking for tips or letters under the text ("Kontakt oss på tips@nordvestnytt.no",
    /// "Contact reporter … at hwhitlock@tricountyrecord.com"). The story's own contacts (the police
    /// asking for witnesses, a council's office) are at other domains and stay. A small site's
    /// newsroom may take its mail at a webmail provider under the site's own name
    /// ("mawuamudzi@gmail.com" under mawuamudzi.jimdofree.com): a mailbox named as the site's first
    /// label is the site's too, when that name is long enough to be nobody else's.
    /// </summary>
    private static bool NamesSiteAddress(string text, string site)
    {
        var name = site.AsSpan(0, site.IndexOf('.') is var dot and > 0 ? dot : site.Length);
        foreach (Match address in EmailAddress().Matches(text))
        {
            var domain = address.Groups["domain"].Value;
            if (domain.Equals(site, StringComparison.OrdinalIgnoreCase) ||
                site.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase) ||
                domain.EndsWith("." + site, StringComparison.OrdinalIgnoreCase) ||
                (name.Length >= SiteMailboxLength && address.Groups["mailbox"].ValueSpan.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The block is a sentence of a public body's or a university's own release (the site's
    /// domain under ".gov", "gov.uk", ".gouv.fr", ".gob.mx", ".go.jp", ".edu", ".ac.uk"), which
    /// tells its readers where to write ("Questions can also be directed to the Water Division at
    /// … or water@…."): such a site is no newsroom asking for tips. A line of its contact's fields
    /// ("Media enquiries: Communications Team, …, press@…") goes as the release's furniture.
    /// </summary>
    private static bool SendsToPublicBody(string text, string host) =>
        EndsSentence(text) && !text.Contains(':') && IsPublicBody(host);

    private static bool IsPublicBody(string host)
    {
        var labels = host.Split('.');
        return labels.Any(label => label is "gov" or "gouv" or "gob" or "govt" or "edu" or "mil") ||
            (labels.Length >= 3 && labels[^2] is "go" or "ac");
    }

    // "news@", "tips@", "info@" name no site; a mailbox as long as this that is the site's name does.
    private const int SiteMailboxLength = 6;

    // A note about the writer is a few sentences.
    private const int AuthorNoteLength = 400;
    // Notes under the text (about the writer, the site's contact) stand among its last blocks.
    private const int TrailingNoteBlocks = 6;

    /// <summary>
    /// A note about the writer under the text ("Sigrid Hovland dekker samferdsel …", "Rafael
    /// Ibsen-Moreau covers transportation …"): a short block that opens with the byline's full name
    /// and goes on in lower case, a sentence about them rather than a line naming them; or one set
    /// right under a line that is the byline's full name alone, as an author box lays it out (the
    /// name, then "Reportera de la sección Local. Cubre servicios públicos …").
    /// </summary>
    private static bool IsAuthorNote(List<TextBlock> blocks, int i, string? byline)
    {
        var text = blocks[i].Text;
        if (byline is null || !byline.Contains(' ', StringComparison.Ordinal) || text.Length >= AuthorNoteLength)
        {
            return false;
        }
        return (i > 0 && Headline.SameFolded(blocks[i - 1].Text, byline)) ||
               (text.Length > byline.Length + 1 && text.StartsWith(byline, StringComparison.OrdinalIgnoreCase) &&
                text[byline.Length] == ' ' && char.IsLower(text[byline.Length + 1]) && !HeadsSectionBelow(blocks, i, byline));
    }

    /// <summary>
    /// A line further down names the byline, as a heading names a section ("About Xochitonal
    /// Solar", "Yóok'lal Kaab Ya'ax Ch'e'en"): the byline is the company whose release this is and
    /// whose standing paragraph follows, so a paragraph above that heading that opens with its name
    /// is the release's news, not a note about a writer.
    /// </summary>
    private static bool HeadsSectionBelow(List<TextBlock> blocks, int i, string byline)
    {
        for (var later = i + 1; later < blocks.Count; later++)
        {
            var text = blocks[later].Text;
            if (text.Length < LabelLength && text.Length > byline.Length && text.Contains(byline, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsByline(string text, string? byline) =>
        text.Length < 80 && ((BylineStart().IsMatch(text) && !EndsSentence(text)) || (byline is not null && Headline.SameFolded(text, byline)));


    // An ad's label is a word or two ("Advertisement", "Anzeige", "ምልክታ").
    private const int SlotLabelLength = 30;
    // A player's title is a label's length ("Listen to this article (5:12)", an episode's name).
    private const int PlayerTitleLength = LabelLength;

    // A caption set under its picture is a sentence or two; a paragraph of the story runs longer.
    private const int CaptionLength = 250;

    // A caption is a line beside a picture, not a quote set over one (a reader's review beside
    // their photo), nor the bulk of the text (a photo story's only paragraph under its picture).
    private static bool MayBeCaption(TextBlock block, int totalChars) =>
        block.Kind != BlockKind.Quote && block.Text.Length * 2 < totalChars && block.Container?.Closest("blockquote") is null;

    // An image this small in either direction is a bullet or a spacer of an old layout, no picture.
    private const int BulletPixels = 20;

    /// <summary>A picture and nothing else: an image, or a link or frame around one, with no text.</summary>
    private static bool ShowsOnlyPicture(IElement element)
    {
        while (true)
        {
            if (element.LocalName is "img" or "picture")
            {
                return !(ShownImage.Pixels(element, "width") <= BulletPixels || ShownImage.Pixels(element, "height") <= BulletPixels);
            }
            if (element.ChildElementCount != 1 || !string.IsNullOrWhiteSpace(element.TextContent) || element.LocalName is "audio" or "video" or "iframe")
            {
                return false;
            }
            element = element.FirstElementChild!;
        }
    }

    /// <summary>
    /// A short centred paragraph right under a paragraph that shows only a picture: its caption,
    /// as editors of Chinese and old sites set them (<c>&lt;p style="text-align:center"&gt;</c>).
    /// </summary>
    private static bool CaptionsPictureAbove(TextBlock block)
    {
        if (block.Text.Length > CaptionLength || block.Container is not { } container || container.PreviousElementSibling is not { } above ||
            !ShowsOnlyPicture(above) || !Centred(container) || container.ParentElement is not { } parent)
        {
            return false;
        }
        // Where the text's paragraphs are centred too (a blog post set in the middle), centring sets nothing apart.
        int centred = 0, paragraphs = 0;
        foreach (var sibling in parent.Children)
        {
            if (sibling != container && !string.IsNullOrWhiteSpace(sibling.TextContent))
            {
                paragraphs++;
                centred += Centred(sibling) ? 1 : 0;
            }
        }
        return centred * 2 < paragraphs;

        // By the old attribute or by the style, however spaced ("text-align: center").
        static bool Centred(IElement element) =>
            (element.GetAttribute("align") is { } align && align.Equals("center", StringComparison.OrdinalIgnoreCase)) ||
            (element.GetAttribute("style") is { } style && style.Replace(" ", "", StringComparison.Ordinal).Contains("text-align:center", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// A short line in an element of its own, alone in a small box with an empty one that the
    /// page's scripts fill (<c>&lt;div id="ad-inarticle-1"&gt;&lt;/div&gt;</c>,
    /// <c>&lt;ins class="adsbygoogle"&gt;</c>) or with a player: the label of an ad slot, a
    /// widget or an audio or video player, in whatever language the site writes it, known by its
    /// place rather than its words. The box holds
    /// nothing but the two, and no text of its own (a heading's empty anchor is no slot). A line
    /// of a player's title's length alone in such a box with a picture is the picture's caption,
    /// a figure built without <c>&lt;figure&gt;</c> (a longer line beside a picture is as often the
    /// lead or a paragraph of the text set beside it: daniel's Greek and Russian pages) ("ЦӀилигъарин цӀийи муьгъ.
    /// Шикил: Рамиз Исмаилов" under a link to the full-size image), unless the line is most of the
    /// <paramref name="totalChars"/> the blocks hold, or a quote's.
    /// </summary>
    private static bool LabelsEmptySlot(TextBlock block, int totalChars)
    {
        // The line's own paragraph sits in the box, or the box is the block that holds the line's element.
        if (block.Text.Length > PlayerTitleLength || block.Container is not { } container ||
            (container.ChildElementCount == 0 ? container.ParentElement : container) is not { ChildElementCount: >= 2 } box || HtmlVocabulary.IsHeading(box.LocalName))
        {
            return false;
        }
        // The two may stand on lines of their own: Markdown writes a picture's caption as an
        // emphasised line under it in the picture's paragraph (<p><img><br><em>…</em></p>).
        IElement? first = null, second = null;
        foreach (var node in box.ChildNodes)
        {
            if (node is IText text && !string.IsNullOrWhiteSpace(text.Data))
            {
                return false;
            }
            if (node is not IElement element)
            {
                continue;
            }
            if (element.LocalName == "br")
            {
                // Only as the break between the picture's line and the caption's.
                if (first is null || second is not null)
                {
                    return false;
                }
                continue;
            }
            if (first is null)
            {
                first = element;
            }
            else if (second is null)
            {
                second = element;
            }
            else
            {
                return false;
            }
        }
        if (first is null || second is null)
        {
            return false;
        }
        // A table's cell with a picture and a line is a listing's entry (a member, a product), not a figure.
        var mayBeCaption = box.LocalName is not ("td" or "th") && MayBeCaption(block, totalChars);
        return (Labels(second, block.Text, mayBeCaption) && Holds(first, block.Text)) || (Labels(first, block.Text, mayBeCaption) && Holds(second, block.Text));

        // A player is such a slot too, with a longer line: the line beside an <audio> or <video>
        // in a box of their own is its title ("Düssen Artikel vörlesen laten (5:12)"), and what
        // the element holds is the fallback of browsers without one.
        static bool Labels(IElement slot, string line, bool mayBeCaption) =>
            slot.LocalName is "audio" or "video" || (mayBeCaption && ShowsOnlyPicture(slot)) ||
            (line.Length <= SlotLabelLength && (slot.LocalName is "div" or "ins" or "aside" or "section" || slot.LocalName.Contains('-', StringComparison.Ordinal)) &&
             ShowsNothing(slot));

        // Empty, or holding only the script that fills it (an ad server's
        // <div id="div-gpt-ad-…"><script>googletag.display(…)</script></div>).
        static bool ShowsNothing(IElement element)
        {
            foreach (var node in element.ChildNodes)
            {
                if (node is IElement child ? child.LocalName != "script" : node is IText text && !string.IsNullOrWhiteSpace(text.Data))
                {
                    return false;
                }
            }
            return true;
        }

        static bool Holds(IElement element, string text) => element.TextContent.Trim() == text;
    }

    /// <summary>
    /// A block of pictographs alone is no text to read: an emoji set over a callout ("📬"), an
    /// icon font's glyph. A row of stars, dashes or underscores between sections ("* * *", "___")
    /// is the writer's punctuation and stays.
    /// </summary>
    private static bool IsPictographs(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsAscii || Rune.IsLetterOrDigit(rune))
            {
                return false;
            }
        }
        return true;
    }

    // A time stamp, a source or editor's credit, a wire service, a count: a note that says what it is.
    private static bool IsStamp(string text) => text.Length < 200 && IsEdgeNote(text);

    // What a stamp's labels beside its date may add: "· Updated 11:05 · 4 min read" in any language.
    private const int TimeLineLabelChars = 60;

    /// <summary>
    /// A line made of a date the page marks as one (<c>&lt;time&gt;</c>) and a few labels beside it,
    /// with no sentence: "<time>13 de noviembre de 2025 · 08:20</time> · Actualizada 11:05 · 4 min
    /// de lectura". The markup says what the words are, so no list of month names and labels in
    /// every language is needed. A sentence that dates something ("The council met on
    /// <time>Tuesday</time> …") ends as one, or says more around the date than a stamp's labels do;
    /// a heading that dates its section (a live blog's entry, "The night of <time>4 March</time>") is the text's.
    /// The line may hold the dates of publication and update, each marked, and the byline the page
    /// names ("Par Julien Marchetti Publié le <time>12/06/25 à 09h00</time> Mis à jour le <time>…</time>
    /// 23 commentaires"): what is left around them is labels.
    /// </summary>
    private static bool IsTimeLine(TextBlock block, string? byline)
    {
        var text = block.Text;
        if (text.Length >= LabelLength || block.Kind == BlockKind.Heading || EndsSentence(text) || block.Container?.QuerySelector("time") is not { } time)
        {
            return false;
        }
        var date = time.TextContent.Trim();
        if (date.Length < 6 || !text.Contains(date, StringComparison.Ordinal))
        {
            return false;
        }
        var labels = text.Length - date.Length;
        if (labels < TimeLineLabelChars)
        {
            return true;
        }
        foreach (var other in block.Container!.QuerySelectorAll("time"))
        {
            var more = other.TextContent.Trim();
            if (other != time && more.Length >= 6 && text.Contains(more, StringComparison.Ordinal))
            {
                labels -= more.Length;
            }
        }
        if (byline is not null && byline.Length < labels && text.Contains(byline, StringComparison.OrdinalIgnoreCase))
        {
            labels -= byline.Length;
        }
        return labels < TimeLineLabelChars;
    }

    /// <summary>
    /// A line that asks the reader to follow the site on a network it names ("Na ndiqni në
    /// Facebook dhe Instagram për lajmet më të fundit", "Seko … Facebook un Instagram!"), in any
    /// language whose request word <see cref="FurnitureVocabulary.FollowRequest"/> knows, or in any
    /// language at all when it opens with a pictograph and gives the account's handle.
    /// </summary>
    private static bool IsFollowLine(ReadOnlySpan<char> text) =>
        FurnitureVocabulary.SocialNetwork().IsMatch(text) &&
        ((OpensWithPictograph(text) && text.Contains('@')) || FurnitureVocabulary.FollowRequest().IsMatch(text));

    /// <summary>
    /// The block names a network and ends with an account's handle: the site's closing pitch to
    /// follow it there, in any language ("Blognı oquğanıñız içün sağ oluñız! … Telegram
    /// kanalımızğa abone oluñız: @qirimsesi"). A story's sentence that quotes a handle goes on
    /// after it.
    /// </summary>
    private static bool PointsToHandle(string text) =>
        text.Contains('@') && TrailingHandle().IsMatch(text) && FurnitureVocabulary.SocialNetwork().IsMatch(text);

    /// <summary>
    /// The block's first sentence, a prompt's length, or the words before its colon, is a request
    /// to follow the site ("Seguici su Facebook: metti “Mi piace” alla pagina … per restare
    /// aggiornato …").
    /// </summary>
    private static bool OpensWithFollowRequest(string text)
    {
        var end = SentenceEndingsOrColon.IndexOfAny(text.AsSpan(0, Math.Min(text.Length, LabelLength)));
        return end > 0 && IsFollowLine(text.AsSpan(0, end + 1));
    }

    /// <summary>
    /// The line's first character is a pictograph ("📢", "👉", "🔔"). With a network and an account's
    /// handle it is a site's promotion in any language ("📢 Беҙҙең Telegram-каналға яҙылығыҙ:
    /// @tashtau_xabar"); a briefing's item may open with one ("📈 Facebook's shares rose …"), but
    /// names no handle.
    /// </summary>
    private static bool OpensWithPictograph(ReadOnlySpan<char> text) =>
        Rune.DecodeFromUtf16(text.TrimStart(), out var first, out _) == OperationStatus.Done &&
        Rune.GetUnicodeCategory(first) == UnicodeCategory.OtherSymbol && !first.IsAscii;

    // Lines that are notes only where they stand: a "follow us" mention, the desk's contacts. (At
    // the edge a stamp is already asked for, nearEdge holding wherever atEdge does.)
    private static bool IsEdgeMention(string text) =>
        (text.Length < 200 && (EdgeMention().IsMatch(text) || ContactDetails.IsMatch(text))) || (text.Length < NoticeLength && BlogEntryNote.IsMatch(text));

    // A sentence's end (TextMass.SentenceEnds), or a closing quote after one.
    private static readonly SearchValues<char> SentenceEndsOrQuotes = SearchValues.Create(TextMass.SentenceEnds + "\"”»");
    // Without the quotes: a first sentence runs past the guillemets of a name inside it ("… на «Вести» в Дзене.").
    private static readonly CharacterSet SentenceEndingsOrColon = new(TextMass.SentenceEnds + ":");

    private static bool EndsSentence(string text) => SentenceEndsOrQuotes.Contains(text[^1]);

    /// <summary>
    /// The block is an item of the list whose item was the last block kept: a line of a list the
    /// text holds ("34 %: the record low, set in 2011" in a fact box), not a date line, which a
    /// template may also set in a list's item but beside a byline and share tools, not text.
    /// </summary>
    private static bool FollowsItsListItem(TextBlock block, List<TextBlock> kept) =>
        kept.Count > 0 && block.Container?.Closest("li")?.ParentElement is { } list &&
        kept[^1].Container?.Closest("li")?.ParentElement == list;

    /// <summary>
    /// The block is a list's item under the last block kept, which ends in a colon: a line the text
    /// introduces ("… only units from three production runs are affected:" over "Serial numbers
    /// beginning LP1-2311 (manufactured November 2023)"), not a date line.
    /// </summary>
    private static bool IntroducedByKept(TextBlock block, List<TextBlock> kept) =>
        kept.Count > 0 && kept[^1].Text.EndsWith(':') && block.Container?.Closest("li") is not null;

    /// <summary>
    /// The block is a subheading under a paragraph of the text kept, with text under it: the
    /// heading of a section that names its year ("Il calendario agonistico 2025", "What changes
    /// in 2025"), not a date line, which stands above the text or under its end.
    /// </summary>
    private static bool HeadsASection(TextBlock block, List<TextBlock> kept, bool followed) =>
        followed && block.Kind == BlockKind.Heading && kept.Exists(b => b.Kind == BlockKind.Paragraph && b.Text.Length >= LabelLength);

    /// <summary>"Published 30 July 2018, 20:13": short, with a year, and not a sentence.</summary>
    private static bool IsDateline(string text) =>
        text.Length < 80 && Year().IsMatch(text) && !EndsSentence(text) &&
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 10;

    // A heading may share its block with the prompt under it ("Comments<br>Join the discussion on our forum").
    private static ReadOnlySpan<char> FirstLine(string text) =>
        text.IndexOf('\n') is var end and >= 0 ? text.AsSpan(0, end) : text;
}
