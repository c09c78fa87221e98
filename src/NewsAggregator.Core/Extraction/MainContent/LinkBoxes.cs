using System.Buffers;
using System.Text.RegularExpressions;

namespace NewsAggregator.Extraction;

/// <summary>
/// Boxes of links and labels nested inside the article's container: a sidebar table in an old
/// layout's article cell, a "Debate coverage" or "Special report" box of headlines, a poll, a
/// box of section links under the text. Nothing names them furniture, and the container still
/// wins as a whole, but measured on their own they hold more furniture than prose, and the line
/// filter, which judges one paragraph at a time, keeps their headings and labels (only the link
/// lines look like furniture to it). So each element below the chosen one that groups blocks is
/// measured as a box of its own, much as Readability cleans its chosen article "conditionally".
/// </summary>
internal static partial class LinkBoxes
{
    // A box this small is an inline label or link (a ticker symbol in a sentence), not a box of furniture.
    private const int MinimumChars = 30;
    // At least this share of a box's text is link text,
    private const double LinkShare = 0.3;
    // and at most this share of it reads as prose.
    private const double ProseShare = 0.4;

    /// <summary>
    /// The outermost boxes of furniture below <paramref name="roots"/> (the chosen element and
    /// the siblings that continue it): elements that group blocks, whose measure is negative,
    /// that are links in good part and prose in small part.
    /// </summary>
    public static List<int> Within(PageOutline outline, TextMass mass, IReadOnlyList<int> roots)
    {
        var boxes = new List<int>();
        foreach (var root in roots)
        {
            // Most texts hold no field and no vote, no shop's link and no frame: one look at the whole
            // spares one in each box.
            var (fields, offers, frames) = Holds(outline.Element(root));
            for (var position = root + 1; position < outline.SubtreeEnd(root);)
            {
                var element = outline.Element(position);
                if (mass.Holds(position) &&
                    ((IsBox(element.LocalName) &&
                      (IsFurniture(mass[position]) || IsFormToFill(element, mass[position], mass[root]) ||
                       IsFollowPrompt(element, mass[position]) || IsCallToAction(element, mass[position]) ||
                       IsStoryCard(element, mass[position]))) ||
                     // Fields say what a box is whatever its tag: a <section> of the story has none.
                     (fields && IsFieldBox(element.LocalName) && (IsSignupBox(element, mass[position]) || IsPollBox(element, mass[position]))) ||
                     (offers && IsFieldBox(element.LocalName) && IsShopBox(element, mass[position])) ||
                     (frames && IsFieldBox(element.LocalName) && IsFramesCaption(element, mass[position]))))
                {
                    boxes.Add(position);
                    position = outline.SubtreeEnd(position);
                    continue;
                }
                position++;
            }
        }
        return boxes;
    }

    /// <summary>
    /// Whether the text holds anywhere what <see cref="FieldsOrVotes"/>, <see cref="SponsoredLinks"/>
    /// and <see cref="Frames"/> select, in one walk over its elements that reads a tag and an
    /// attribute or two of each: three selector queries over a text that holds none of them (most
    /// texts) walked it three times and matched every element against seven selectors, a tenth of
    /// a millisecond a page.
    /// </summary>
    private static (bool Fields, bool Offers, bool Frames) Holds(AngleSharp.Dom.IElement text)
    {
        bool fields = false, offers = false, frames = false;
        // Children by index, as DomWalk takes them: AngleSharp finds an element's next sibling by
        // searching its parent's children, which a text of thousands of siblings makes quadratic.
        // Only whether each is there counts, so the order of the walk does not.
        var pending = new Stack<AngleSharp.Dom.INode>();
        pending.Push(text);
        while (!(fields && offers && frames) && pending.TryPop(out var node))
        {
            var children = node.ChildNodes;
            for (var i = 0; i < children.Length; i++)
            {
                if (children[i] is not AngleSharp.Dom.IElement element)
                {
                    continue;
                }
                switch (element.LocalName)
                {
                    case "input":
                        fields = true;
                        break;
                    case "iframe":
                        frames |= element.HasAttribute("src");
                        break;
                    case "a":
                        fields |= element.GetAttribute("href") is { } href && (href.Contains("vote", StringComparison.Ordinal) ||
                            href.Contains("poll", StringComparison.Ordinal) || href.Contains("Vote", StringComparison.Ordinal) || href.Contains("Poll", StringComparison.Ordinal));
                        offers |= element.GetAttribute("rel") is { } rel && HasWord(rel, "sponsored");
                        break;
                }
                pending.Push(element);
            }
        }
        return (fields, offers, frames);
    }

    /// <summary>Whether a space-separated attribute value holds the word, as CSS's <c>[rel~=word]</c> asks.</summary>
    private static bool HasWord(string value, string word)
    {
        var span = value.AsSpan();
        foreach (var range in span.SplitAny(HtmlWhitespace))
        {
            if (span[range].SequenceEqual(word))
            {
                return true;
            }
        }
        return false;
    }

    private static readonly SearchValues<char> HtmlWhitespace = SearchValues.Create(" \t\n\f\r");

    /// <summary>
    /// Elements that group blocks into a box. A paragraph or a list item is the line filter's to
    /// judge, and so is a list: a list of links is furniture line by line, and the label that
    /// introduces it ("More:") goes with it there.
    /// </summary>
    private static bool IsBox(string localName) =>
        localName is "div" or "table" or "td" or "dl" or "form" or "center";

    // A box judged by its fields (a signup's address, a poll's choices) may also be a section or an aside.
    private static bool IsFieldBox(string localName) => IsBox(localName) || localName is "section" or "aside";

    /// <summary>
    /// A form to fill in below the article's text ("E-mail this to:", "Your name:", a comment box,
    /// a poll or a "rate this article" survey of radio buttons): its text is the labels of its
    /// fields. A form that holds the text itself (ASP.NET pages sit whole in one) holds a good
    /// part of the container's prose and stays, unless it has a field for every few lines of its
    /// text: beside a short teaser the labels and notes of an "e-mail this" form can outweigh the
    /// text, but a page inside a form has a search box or a login for paragraphs of article.
    /// </summary>
    private static bool IsFormToFill(AngleSharp.Dom.IElement element, TextMass.Measure measure, TextMass.Measure root)
    {
        if (element.LocalName == "table")
        {
            // A form laid out in a table's rows (<table><form><tr>…): the parser moves the <form>
            // out of the table, so its fields sit in the rows, under no form. Only a field for
            // every few lines of text makes such a table a form: a layout table may hold a search box.
            // A table with more text than the largest such form could have is not searched for
            // fields (an old layout's tables nest deep, and each would be searched to its end).
            return measure.Chars <= FormCharsPerField * MaximumFieldsInRows && HasFieldForEveryFewLines(element, measure, MinimumFieldsInRows);
        }
        if (element.LocalName != "form")
        {
            return false;
        }
        // Fields are counted only when the form's share of the prose does not settle it.
        return measure.Prose < FormProseShare * root.Prose
            ? element.QuerySelector(FormFields) is not null
            : HasFieldForEveryFewLines(element, measure, 1);
    }

    /// <summary>At least <paramref name="minimum"/> fields, and one for every <see cref="FormCharsPerField"/> characters of text.</summary>
    private static bool HasFieldForEveryFewLines(AngleSharp.Dom.IElement element, TextMass.Measure measure, int minimum) =>
        element.QuerySelectorAll(FormFields).Length is var fields && fields >= minimum && measure.Chars <= FormCharsPerField * fields;

    /// <summary>
    /// A prompt to follow the site on a messaging app or a platform ("Ikuti saluran rasmi kami di
    /// WhatsApp dan Telegram", "Clique aqui para seguir o canal no WhatsApp"): a short box whose
    /// links all go to the site's channels there (<see cref="FurnitureVocabulary.FollowAddress"/>),
    /// two or more of them, or one that is most of its text or under a request to follow or join
    /// ("Siga o … no canal do WhatsApp e receba as notícias") or naming the app and the channel it
    /// links to. A paragraph of the story that links a channel in passing has other words than the
    /// link, and other links.
    /// </summary>
    private static bool IsFollowPrompt(AngleSharp.Dom.IElement element, TextMass.Measure measure)
    {
        if (measure.Chars >= FollowPromptChars || measure.Chars == 0)
        {
            return false;
        }
        var links = element.QuerySelectorAll("a[href]");
        if (links.Length == 0)
        {
            return false;
        }
        foreach (var link in links)
        {
            if (!FurnitureVocabulary.FollowAddress().IsMatch(link.GetAttribute("href")!))
            {
                return false;
            }
        }
        if (links.Length >= 2 || measure.LinkChars * 2 >= measure.Chars)
        {
            return true;
        }
        var text = element.TextContent;
        return (measure.Chars < FollowRequestChars && FurnitureVocabulary.FollowRequest().IsMatch(text)) || PitchesMessagingChannel(element, text);
    }

    /// <summary>
    /// The text pitches the site's channel on a messaging app that the element links to
    /// (<see cref="FurnitureVocabulary.MessagingChannelPitch"/>): through a link that says "here", or
    /// in words that say "our". A story's sentence that names a channel and links it says whose it is.
    /// </summary>
    internal static bool PitchesMessagingChannel(AngleSharp.Dom.IElement element, string text)
    {
        if (!FurnitureVocabulary.MessagingChannelPitch().IsMatch(text))
        {
            return false;
        }
        var ours = FurnitureVocabulary.SitePossessive().IsMatch(text);
        foreach (var link in element.QuerySelectorAll("a[href]"))
        {
            if (FurnitureVocabulary.FollowAddress().IsMatch(link.GetAttribute("href")!) && (ours || FurnitureVocabulary.PointsHere().IsMatch(link.TextContent)))
            {
                return true;
            }
        }
        return false;
    }

    // A request to follow with one link is a line; a sentence of the story that opens with
    // "Follow" and links a channel runs longer.
    private const int FollowRequestChars = 120;

    // A prompt to follow is a line or two and its buttons.
    private const int FollowPromptChars = 300;

    /// <summary>
    /// A box that asks for the reader's e-mail address with a line or two of pitch ("Get the
    /// coast's main stories every morning. Sign up for our free newsletter", in whatever language
    /// and however the box is named): a newsletter's signup. The field says what the box is; the
    /// pitch is no longer than a prompt to follow, so a story with a form beside it is no such box.
    /// </summary>
    private static bool IsSignupBox(AngleSharp.Dom.IElement element, TextMass.Measure measure) =>
        measure.Chars is > 0 and < FollowPromptChars && element.QuerySelector("input[type=email]") is not null;

    /// <summary>
    /// A shop's box of offers for the product a review is about ("Today's best deals", "Aktuelle
    /// Angebote", "au meilleur prix": a shop, a price, "View deal"), however it is named: a short box
    /// with a price whose links to the shops are marked sponsored (rel="sponsored", as search engines
    /// ask of paid and affiliate links), two or more of them, or one that stands as a button of its
    /// own ("Find a deal"). A story's sentence that links a shop in passing ("$99 at Amazon") has the
    /// link among its words.
    /// </summary>
    private static bool IsShopBox(AngleSharp.Dom.IElement element, TextMass.Measure measure)
    {
        // The shops' buttons may have gone already as tools ("View at Amazon"): their links are counted in the markup.
        if (measure.Chars is 0 or >= ShopBoxChars)
        {
            return false;
        }
        var links = element.QuerySelectorAll(SponsoredLinks);
        return (links.Length >= 2 || (links.Length == 1 && StandsAlone(links[0], element))) &&
            FurnitureVocabulary.OfferPrice().IsMatch(element.TextContent);
    }

    /// <summary>
    /// The link is a line of its own in the box: the whole of its parent's text, or set between
    /// the box's blocks with no words of the box's own beside it.
    /// </summary>
    private static bool StandsAlone(AngleSharp.Dom.IElement link, AngleSharp.Dom.IElement box)
    {
        if (link.ParentElement is not { } parent)
        {
            return false;
        }
        if (parent != box)
        {
            return parent.TextContent.AsSpan().Trim().SequenceEqual(link.TextContent.AsSpan().Trim());
        }
        return !IsWords(link.PreviousSibling) && !IsWords(link.NextSibling);
    }

    private static bool IsWords(AngleSharp.Dom.INode? node) =>
        node is AngleSharp.Dom.IText text && !string.IsNullOrWhiteSpace(text.Data);

    /// <summary>
    /// A frame embedded between the story's paragraphs (a chart from Datawrapper or Flourish, a map,
    /// a video player) in a box of its own with its title, description and source on short lines
    /// ("EV inventory outpaces the market", "Days' supply of new vehicles on U.S. dealer lots",
    /// "Source: Lotline Analytics. Chart: …"): the lines are the frame's caption, as a picture's
    /// are. A paragraph of the story set beside a frame runs longer than such a line.
    /// </summary>
    private static bool IsFramesCaption(AngleSharp.Dom.IElement element, TextMass.Measure measure)
    {
        if (measure.Chars is 0 or >= FramesCaptionChars || element.QuerySelector(Frames) is null)
        {
            return false;
        }
        return !HoldsLongLine(element);
    }

    /// <summary>
    /// The box holds a line as long as a paragraph of prose: a paragraph, or a run of text between
    /// its elements (a lead set in a &lt;span&gt; beside a like button's frame).
    /// </summary>
    private static bool HoldsLongLine(AngleSharp.Dom.IElement element)
    {
        foreach (var paragraph in element.QuerySelectorAll("p"))
        {
            if (paragraph.TextContent.AsSpan().Trim().Length >= BoxLineChars)
            {
                return true;
            }
        }
        return HasLongTextRun(element);
    }

    private static bool HasLongTextRun(AngleSharp.Dom.INode node)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is AngleSharp.Dom.IText text ? text.Data.AsSpan().Trim().Length >= BoxLineChars : HasLongTextRun(child))
            {
                return true;
            }
        }
        return false;
    }

    // An embedded page (a chart, a map, a player).
    private const string Frames = "iframe[src]";
    // A frame's title, a line of description and its source.
    private const int FramesCaptionChars = 300;
    // A line of a frame's caption; a paragraph of prose runs longer.
    private const int BoxLineChars = 120;

    // Links marked paid or affiliate.
    private const string SponsoredLinks = "a[rel~=sponsored]";
    // A few shops' offers and a line of disclosure; a review's own text runs longer.
    private const int ShopBoxChars = 600;

    /// <summary>
    /// A poll set between the story's paragraphs ("Wat vindt u?", its question, a choice of
    /// answers, "1.284 mensen stemden al"): a short box with a choice to make, two or more radio
    /// buttons, boxes to tick or links that vote. The form alone goes already (<see cref="IsFormToFill"/>); the box
    /// takes the poll's title, question and count of votes with it. A story never asks its reader
    /// to choose, and one with a poll inside its wrapper outweighs any poll.
    /// </summary>
    private static bool IsPollBox(AngleSharp.Dom.IElement element, TextMass.Measure measure)
    {
        if (measure.Chars is 0 or >= PollChars || Choices(element) < 2)
        {
            return false;
        }
        // Around its choices the poll has only a title, a question and a count: a paragraph of
        // the story that a page's broken markup put in one box with a rating form stays.
        var outside = measure.Chars;
        foreach (var form in element.QuerySelectorAll("form"))
        {
            outside -= form.TextContent.AsSpan().Trim().Length;
        }
        return outside < FollowPromptChars;
    }

    /// <summary>
    /// Another story's card set between the paragraphs (a teaser brick, "Related" with a picture,
    /// a headline and a line of blurb), however it is named: a short box whose links all go to
    /// one address, a picture that is a link to it and a heading that is that link and nothing
    /// else. A story's own subheading is never a link to another page, and its picture, when it
    /// is a link, opens the picture.
    /// </summary>
    private static bool IsStoryCard(AngleSharp.Dom.IElement element, TextMass.Measure measure)
    {
        if (measure.Chars is 0 or >= StoryCardChars || measure.LinkChars == 0)
        {
            return false;
        }
        string? address = null;
        bool picture = false, headline = false;
        // Walked, not queried: a selector would be parsed again for every small box of every page.
        foreach (var link in element.GetElementsByTagName("a"))
        {
            if (!HtmlVocabulary.IsLink(link))
            {
                continue;
            }
            var href = link.GetAttribute("href");
            if (address is not null && href != address)
            {
                return false;
            }
            address = href;
            picture |= link.GetElementsByTagName("img").Length > 0 || link.GetElementsByTagName("picture").Length > 0;
            headline |= link.ParentElement is { } parent && HtmlVocabulary.IsHeading(parent.LocalName) &&
                        parent.TextContent.AsSpan().Trim().SequenceEqual(link.TextContent.AsSpan().Trim());
        }
        return picture && headline;
    }

    // A card's badge, headline and line of blurb; a box of the story's own is longer.
    private const int StoryCardChars = 300;

    /// <summary>
    /// A box between the story's paragraphs that pitches something and ends in a button ("Local
    /// journalism costs money … consider giving £3 a month" and "Donate now"; an app, an event,
    /// a membership), in whatever language: a short box whose only link is one styled as a button.
    /// A story's own box of facts links to its sources as words, not buttons.
    /// </summary>
    private static bool IsCallToAction(AngleSharp.Dom.IElement element, TextMass.Measure measure)
    {
        if (element.LocalName != "div" || measure.Chars is 0 or >= CallToActionChars || measure.LinkChars is 0 or >= ButtonChars)
        {
            return false;
        }
        var links = element.QuerySelectorAll("a[href]");
        // The pitch is words around the button: a cell that holds a button alone is a row's tool.
        return links.Length == 1 && IsButton(links[0]) && links[0].TextContent.AsSpan().Trim().Length is > 0 and < ButtonChars &&
            measure.Chars - measure.LinkChars >= PitchChars && !IsRepeated(element);
    }

    // One of a listing's entries (a job, a golf course, each with its "Details" button): a box
    // like it, of the same name, stands beside it. A pitch stands alone among the paragraphs.
    private static bool IsRepeated(AngleSharp.Dom.IElement element) =>
        SameKind(element, element.PreviousElementSibling) || SameKind(element, element.NextElementSibling);

    private static bool SameKind(AngleSharp.Dom.IElement element, AngleSharp.Dom.IElement? sibling) =>
        sibling is not null && sibling.LocalName == element.LocalName && sibling.GetAttribute("class") == element.GetAttribute("class");

    // A link styled as a button: its role, or a class that says so ("wp-block-button__link", "btn btn-primary").
    private static bool IsButton(AngleSharp.Dom.IElement link) =>
        link.GetAttribute("role") == "button" ||
        (link.GetAttribute("class") is { } names && ButtonName().IsMatch(names));

    // "button" anywhere in a class ("wp-block-button__link"), "btn" as a class or a part of one ("btn-primary", "lf-support__btn").
    [GeneratedRegex(@"button|(?<![a-z0-9])btn(?![a-z0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ButtonName();

    // A pitch is a heading and a paragraph or two,
    private const int CallToActionChars = 500;
    // and its button's words a few,
    private const int ButtonChars = 40;
    // with a sentence of pitch at least.
    private const int PitchChars = 60;

    private const string ChoiceFields = "input[type=radio], input[type=checkbox]";
    // What a signup or a poll needs somewhere in the text: a field, or a link that may vote.
    private const string FieldsOrVotes = "input, a[href*=vote], a[href*=poll], a[href*=Vote], a[href*=Poll]";

    // The answers to choose from: radio buttons and boxes to tick, or links that cast a vote
    // (a newsletter's poll, "/polls/4c2e7f81/vote?choice=1").
    private static int Choices(AngleSharp.Dom.IElement element)
    {
        var choices = element.QuerySelectorAll(ChoiceFields).Length;
        foreach (var link in element.QuerySelectorAll("a[href]"))
        {
            if (VoteAddress().IsMatch(link.GetAttribute("href")!))
            {
                choices++;
            }
        }
        return choices;
    }

    [GeneratedRegex(@"/polls?/|[/?&](vote|poll)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VoteAddress();
    // A poll is a question and a few short answers.
    private const int PollChars = 600;

    private const string FormFields = "textarea, select, input[type=text], input[type=email], input[type=password], input[type=radio], input[type=checkbox], input:not([type])";

    // A form to fill in holds less than this share of its container's prose,
    private const double FormProseShare = 0.25;
    // or no more than this many characters of text for each of its fields.
    private const int FormCharsPerField = 150;
    // A table with fewer fields than this in its rows is no form (a search box and its button),
    private const int MinimumFieldsInRows = 3;
    // nor is a table with more text than this many fields' worth.
    private const int MaximumFieldsInRows = 24;

    private static bool IsFurniture(TextMass.Measure measure) =>
        measure.Score < 0 && measure.Chars >= MinimumChars &&
        measure.LinkChars >= LinkShare * measure.Chars && measure.Prose <= ProseShare * measure.Chars;
}
