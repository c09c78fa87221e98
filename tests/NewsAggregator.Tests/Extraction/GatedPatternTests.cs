using System.Text.RegularExpressions;
using NewsAggregator.Extraction;

namespace NewsAggregator.Tests.Extraction;

public partial class GatedPatternTests
{
    [GeneratedRegex(@"\b(enable|turn on) javascript\b|\bкомментарии модерируются\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScriptsOrModeration();

    private static readonly GatedPattern Gated = new(ScriptsOrModeration(), "javascript", "комментари");

    [Theory]
    [InlineData("Please enable JavaScript to see the comments.", true)]
    [InlineData("PLEASE TURN ON JAVASCRIPT", true)]
    [InlineData("КОММЕНТАРИИ МОДЕРИРУЮТСЯ.", true)]
    // A word is there, the pattern still decides.
    [InlineData("JavaScript was first shipped in 1995.", false)]
    [InlineData("Комментарии закрыты.", false)]
    [InlineData("A paragraph of the story.", false)]
    [InlineData("", false)]
    public void Matches_where_its_pattern_does(string text, bool expected)
    {
        Assert.Equal(expected, Gated.IsMatch(text));
    }

#if DEBUG
    [Fact]
    public void A_match_its_words_would_turn_away_fails_loudly_in_debug_builds()
    {
        // "javascript" alone leaves out the Russian alternative.
        var missingWord = new GatedPattern(ScriptsOrModeration(), "javascript");

        var error = Assert.Throws<InvalidOperationException>(() => missingWord.IsMatch("Комментарии модерируются"));
        Assert.Contains("Комментарии модерируются", error.Message);
    }
#endif

    [GeneratedRegex(@"\bcookies? (policy|settings)\b|\bпользовательское соглашение\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PolicyLinks();

    private static readonly GatedPatternSet ScriptsAndPolicies = new(Gated, new GatedPattern(PolicyLinks(), "cookie", "соглашение"));

    [Theory]
    [InlineData("Please enable JavaScript to see the comments.", true)] // the first pattern's
    [InlineData("Read our cookie policy.", true)] // the second's
    [InlineData("Пользовательское соглашение", true)] // by a word outside ASCII
    [InlineData("Cookie jars were sold out.", false)] // a word is there, the patterns still decide
    [InlineData("A paragraph of the story, about neither.", false)]
    [InlineData("", false)]
    public void A_set_matches_where_one_of_its_patterns_does(string text, bool expected)
    {
        Assert.Equal(expected, ScriptsAndPolicies.IsMatch(text));
    }

#if DEBUG
    [Fact]
    public void A_match_the_sets_words_would_turn_away_fails_loudly_in_debug_builds()
    {
        var missingWord = new GatedPatternSet(new GatedPattern(ScriptsOrModeration(), "javascript"));

        var error = Assert.Throws<InvalidOperationException>(() => missingWord.IsMatch("Комментарии модерируются"));
        Assert.Contains("Комментарии модерируются", error.Message);
    }
#endif

    // Each gated line pattern of the vocabulary, one notice per alternative: a word missing from a
    // pattern's list turns its notice away (and throws in the debug build the tests run).
    public static TheoryData<string, string> Notices => new()
    {
        { nameof(FurnitureVocabulary.BrowserNotice), "Please enable JavaScript to view this page." },
        { nameof(FurnitureVocabulary.BrowserNotice), "You are using an outdated browser." },
        { nameof(FurnitureVocabulary.BrowserNotice), "Unable to load the stylesheet." },
        { nameof(FurnitureVocabulary.BrowserNotice), "Get the latest Flash Player to view this video." },
        { nameof(FurnitureVocabulary.BrowserNotice), "您的JavaScript关闭" },
        { nameof(FurnitureVocabulary.BrowserNotice), "获取最新的Flash" },
        { nameof(FurnitureVocabulary.CookieNotice), "We use cookies to improve your experience of our website." },
        { nameof(FurnitureVocabulary.TypoReportPrompt), "Заметили ошибку? Выделите её и нажмите Ctrl+Enter" },
        { nameof(FurnitureVocabulary.TypoReportPrompt), "Spotted a typo? Let us know." },
        { nameof(FurnitureVocabulary.TypoReportPrompt), "Primijetili ste pogrešku? Javite nam." },
        { nameof(FurnitureVocabulary.TypoReportPrompt), "Приметили сте грешку у тексту? Пријавите нам." },
        { nameof(FurnitureVocabulary.TypoReportPrompt), "Zauważyłeś błąd? Napisz do nas." },
        { nameof(FurnitureVocabulary.TypoReportPrompt), "Našli jste chybu? Napište nám." },
        { nameof(FurnitureVocabulary.CommentsPolicy), "Comments are moderated before they appear." },
        { nameof(FurnitureVocabulary.CommentsPolicy), "ATENÇÃO: comentários ofensivos não serão aprovados pelo moderador." },
        { nameof(FurnitureVocabulary.CommentsPolicy), "Kommentare werden moderiert." },
        { nameof(FurnitureVocabulary.CommentsPolicy), "Reacties worden gemodereerd." },
        { nameof(FurnitureVocabulary.CommentsPolicy), "Yorumlar moderasyon sonrası yayınlanır, moderation." },
        { nameof(FurnitureVocabulary.CommentsPolicy), "Komentarze są moderowane." },
        { nameof(FurnitureVocabulary.CommentsPolicy), "Комментарии проходят премодерацию." },
        { nameof(FurnitureVocabulary.PaywallPrompt), "Already a subscriber? Log in." },
        { nameof(FurnitureVocabulary.PaywallPrompt), "This article is available to members only." },
        { nameof(FurnitureVocabulary.PaywallPrompt), "Subscribe now to continue reading." },
        { nameof(FurnitureVocabulary.PaywallPrompt), "Cet article est réservé aux abonnés." },
        { nameof(FurnitureVocabulary.PaywallPrompt), "Contenido exclusivo para suscriptores." },
        { nameof(FurnitureVocabulary.PaywallPrompt), "Conteúdo exclusivo para assinantes." },
        { nameof(FurnitureVocabulary.PaywallPrompt), "Pour lire la suite de cet article, abonnez-vous." },
        { nameof(FurnitureVocabulary.PaywallPrompt), "Para seguir leyendo este artículo, suscríbete." },
        { nameof(FurnitureVocabulary.PaywallPrompt), "Per continuare a leggere l'articolo, abbonati." },
        { nameof(FurnitureVocabulary.PaywallPrompt), "Articolo riservato agli abbonati." },
        { nameof(FurnitureVocabulary.PaywallPrompt), "Weiterlesen mit Plus." },
        { nameof(FurnitureVocabulary.SyntheticVoiceNote), "This article is read by an artificial voice." },
        { nameof(FurnitureVocabulary.SyntheticVoiceNote), "Audio generated by AI" },
        { nameof(FurnitureVocabulary.SyntheticVoiceNote), "Dieser Artikel wird von einer künstlichen Stimme vorgelesen." },
        { nameof(FurnitureVocabulary.SyntheticVoiceNote), "Cet article est lu par une voix de synthèse." },
        { nameof(FurnitureVocabulary.SyntheticVoiceNote), "Este artículo es leído por una voz artificial." },
        { nameof(FurnitureVocabulary.SyntheticVoiceNote), "Questo articolo è letto da una voce artificiale." },
        { nameof(FurnitureVocabulary.AffiliateNotice), "This post contains affiliate links." },
        { nameof(FurnitureVocabulary.AffiliateNotice), "We may earn a commission when you buy." },
        { nameof(FurnitureVocabulary.AffiliateNotice), "We might get a share of sales." },
        { nameof(FurnitureVocabulary.AffiliateNotice), "Este artículo contiene enlaces de afiliados." },
        { nameof(FurnitureVocabulary.AffiliateNotice), "Dieser Artikel enthält Partnerlinks." },
        { nameof(FurnitureVocabulary.EmbedPlaceholder), "Externer Inhalt" },
        { nameof(FurnitureVocabulary.EmbedPlaceholder), "Mit einem Klick auf „Inhalt laden“ stimmen Sie zu." },
        { nameof(FurnitureVocabulary.EmbedPlaceholder), "To view this content, please accept cookies." },
        { nameof(FurnitureVocabulary.EmbedPlaceholder), "To see this tweet, you need to enable cookies." },
        { nameof(FurnitureVocabulary.EmbedPlaceholder), "To display this video, allow cookies." },
        { nameof(FurnitureVocabulary.MarketDeskNote), "This article is for informational purposes only and does not constitute investment advice." },
        { nameof(FurnitureVocabulary.MarketDeskNote), "The information on this page should not be construed as financial advice." },
        { nameof(FurnitureVocabulary.MarketDeskNote), "Dieser Artikel stellt keine Anlageberatung dar." },
        { nameof(FurnitureVocabulary.MarketDeskNote), "Este artículo no constituye asesoramiento de inversión." },
        { nameof(FurnitureVocabulary.MarketDeskNote), "Cet article ne constitue pas un conseil en investissement." },
        { nameof(FurnitureVocabulary.MarketDeskNote), "Quotes delayed at least 15 minutes." },
        { nameof(FurnitureVocabulary.MarketDeskNote), "株価は20分以上遅れて表示しています。" },
        { nameof(FurnitureVocabulary.MarketDeskNote), "股價資料延遲20分鐘，僅供參考。" },
        { nameof(FurnitureVocabulary.MarketDeskNote), "股价数据延迟15分钟" },
        { nameof(FurnitureVocabulary.MarketDeskNote), "시세는 20분 지연 제공됩니다." },
        { nameof(FurnitureVocabulary.MarketDeskNote), "本文僅供參考，不構成投資建議。" },
        { nameof(FurnitureVocabulary.MarketDeskNote), "本文仅供参考，不构成任何投资建议。" },
        { nameof(FurnitureVocabulary.MarketDeskNote), "投資理財有賺有賠，請審慎評估風險。" },
        { nameof(FurnitureVocabulary.MarketDeskNote), "投资有风险，入市需谨慎。" },
        { nameof(FurnitureVocabulary.MarketDeskNote), "Views and opinions given by the experts are their own." },
        { nameof(FurnitureVocabulary.MarketDeskNote), "Risikohinweis: Anlagen in Wertpapieren sind mit Risiken verbunden." },
        { nameof(FurnitureVocabulary.MarketDeskNote), "WKN: NVT001 ISIN: DE000NVT0018" },
        { nameof(FurnitureVocabulary.MarketDeskNote), "ISIN: US0378331005" },
        { nameof(FurnitureVocabulary.MarketDeskNote), "Valor: 1203204" },
        { nameof(FurnitureVocabulary.MarketDeskNote), "CUSIP: 037833100" },
        { nameof(FurnitureVocabulary.MarketDeskNote), "SEDOL: B0YBKJ7" },
        { nameof(FurnitureVocabulary.PaywallPrompt), "この記事は有料会員限定です" },
        { nameof(FurnitureVocabulary.PaywallPrompt), "If you're enjoying this article, consider supporting our journalism." },
        { nameof(FurnitureVocabulary.PaywallPrompt), "Never miss a story — sign up for the free daily newsletter." },
        { nameof(FurnitureVocabulary.PaywallPrompt), "有料会員の方は記事をギフトできます。" },
        { nameof(FurnitureVocabulary.PaywallPrompt), "Suscríbete aquí para recibir directo en tu correo nuestro newsletter sobre noticias del día." },
        { nameof(FurnitureVocabulary.PaywallPrompt), "Suscríbete gratis a nuestro boletín de la mañana." },
        { nameof(FurnitureVocabulary.AffiliateNotice), "Le Banc d'Essai peut percevoir une commission lorsque vous achetez via ces liens." },
        { nameof(FurnitureVocabulary.AffiliateNotice), "Beim Kauf über diese Links erhalten wir eine Provision." },
        { nameof(FurnitureVocabulary.AffiliateNotice), "广告声明：文内含有的对外跳转链接，用于传递更多信息，结果仅供参考。" },
    };

    [Theory]
    [MemberData(nameof(Notices))]
    public void Each_notice_of_the_vocabulary_passes_its_gate(string pattern, string notice)
    {
        var gated = pattern switch
        {
            nameof(FurnitureVocabulary.BrowserNotice) => FurnitureVocabulary.BrowserNotice,
            nameof(FurnitureVocabulary.CookieNotice) => FurnitureVocabulary.CookieNotice,
            nameof(FurnitureVocabulary.TypoReportPrompt) => FurnitureVocabulary.TypoReportPrompt,
            nameof(FurnitureVocabulary.CommentsPolicy) => FurnitureVocabulary.CommentsPolicy,
            nameof(FurnitureVocabulary.PaywallPrompt) => FurnitureVocabulary.PaywallPrompt,
            nameof(FurnitureVocabulary.SyntheticVoiceNote) => FurnitureVocabulary.SyntheticVoiceNote,
            nameof(FurnitureVocabulary.AffiliateNotice) => FurnitureVocabulary.AffiliateNotice,
            nameof(FurnitureVocabulary.EmbedPlaceholder) => FurnitureVocabulary.EmbedPlaceholder,
            nameof(FurnitureVocabulary.MarketDeskNote) => FurnitureVocabulary.MarketDeskNote,
            _ => throw new ArgumentOutOfRangeException(nameof(pattern)),
        };

        Assert.True(gated.IsMatch(notice));
    }

    // The site's copyright notice, one per alternative of its words.
    [Theory]
    [InlineData("Copyright 2004 The Tribune")]
    [InlineData("ALL RIGHTS RESERVED.")]
    [InlineData("Статья CC BY 4.0 лицензия улын поттэмын.")] // a Creative Commons licence by its short name and version
    [InlineData("Republished under CC-BY-SA 3.0.")]
    [InlineData("ߊ߬ ߓߘߊ߫ Creative Commons BY 4.0 ߟߊߘߊ߲ ߞߊ߲߬.")]
    [InlineData("Este conteúdo está licenciado sob a Licença Creative Commons Atribuição 4.0 Internacional.")] // a Creative Commons licence named in words
    [InlineData("Publicado bajo licencia Creative Commons Reconocimiento.")]
    [InlineData("EFE 2026. Está expresamente prohibida la redistribución y la redifusión de todo o parte de los contenidos de los servicios de Efe.")]
    [InlineData("É proibida a reprodução total ou parcial deste conteúdo sem autorização.")]
    [InlineData("È vietata la riproduzione, anche parziale, dei contenuti pubblicati.")]
    [InlineData("This material may not be reproduced without permission.")]
    [InlineData("Not to be redistributed.")]
    [InlineData("You may republish this story under Creative Commons.")]
    [InlineData("No part of this site may be copied.")]
    [InlineData("Все права защищены.")]
    [InlineData("При использовании материалов ссылка на сайт обязательна.")]
    [InlineData("Перепечатка материалов без письменного разрешения запрещена.")]
    [InlineData("Мнение авторов не обязательно отражает позицию редакции.")]
    [InlineData("Wszelkie prawa zastrzeżone.")]
    [InlineData("Tous droits réservés.")]
    [InlineData("Alle Rechte vorbehalten.")]
    [InlineData("Todos los derechos reservados.")]
    [InlineData("Tutti i diritti riservati.")]
    [InlineData("Alle rechten voorbehouden.")]
    [InlineData("Tüm hakları saklıdır.")]
    [InlineData("Żaden materiał z serwisu nie może być kopiowany.")]
    [InlineData("Kopiowanie bez pisemnej zgody wydawcy zabronione.")]
    [InlineData("Με επιφύλαξη παντός δικαιώματος.")]
    [InlineData("Απαγορεύεται η αναδημοσίευση.")]
    [InlineData("Všechna práva vyhrazena.")]
    [InlineData("Všetky práva vyhradené.")]
    [InlineData("Minden jog fenntartva.")]
    [InlineData("Toate drepturile rezervate.")]
    [InlineData("Sva prava zadržana.")]
    [InlineData("Vse pravice pridržane.")]
    [InlineData("Visas tiesības aizsargātas.")]
    [InlineData("Visos teisės saugomos.")]
    [InlineData("Kõik õigused kaitstud.")]
    [InlineData("Kaikki oikeudet pidätetään.")]
    [InlineData("Alla rättigheter förbehållna.")]
    [InlineData("Alle rettigheder forbeholdes.")]
    [InlineData("Alle rettigheter reservert.")]
    [InlineData("Tots els drets reservats.")]
    [InlineData("Todos os dereitos reservados.")]
    [InlineData("Eskubide guztiak erreserbatuta.")]
    [InlineData("Cedwir pob hawl.")]
    [InlineData("Öll réttindi áskilin.")]
    [InlineData("Të gjitha të drejtat e rezervuara.")]
    [InlineData("Всички права запазени.")]
    [InlineData("Сите права се задржани.")]
    [InlineData("Сва права задржана.")]
    [InlineData("Усе правы абаронены.")]
    [InlineData("Всі права захищені.")]
    [InlineData("При використанні матеріалів посилання на сайт обов'язкове.")]
    [InlineData("Барлық құқықтар қорғалған.")]
    [InlineData("Гиперсілтеме қою міндетті.")]
    [InlineData("Բոլոր իրավունքները պաշտպանված են։")]
    [InlineData("Հղումը կայքին պարտադիր է։")]
    [InlineData("Bütün hüquqlar qorunur.")]
    [InlineData("Barcha huquqlar himoyalangan.")]
    [InlineData("Hak cipta dilindungi undang-undang.")]
    [InlineData("Bản quyền thuộc về Báo Mới.")]
    [InlineData("כל הזכויות שמורות")]
    [InlineData("सर्वाधिकार सुरक्षित")]
    [InlineData("सर्व हक्क राखीव")]
    [InlineData("সর্বস্বত্ব সংরক্ষিত")]
    [InlineData("Haki zote zimehifadhiwa.")]
    public void Each_copyright_phrase_passes_its_gate(string notice)
    {
        Assert.True(FurnitureVocabulary.HasCopyrightWords(notice));
        Assert.Equal(1, FurnitureVocabulary.CopyrightMarks(notice));
    }
}
