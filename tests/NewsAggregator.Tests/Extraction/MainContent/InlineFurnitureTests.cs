using NewsAggregator.Extraction;

namespace NewsAggregator.Tests.Extraction;

/// <summary>Lines inside the article's own container that are furniture, and look-alikes that are not.</summary>
public class InlineFurnitureTests
{
    private const string First = "The harbour authority approved the plan for a new ferry terminal on Tuesday, after two years of consultation with residents and shipping companies.";
    private const string Last = "Construction is due to start next spring and the terminal should open to passengers in the summer of the following year, the authority said.";

    [Theory]
    [InlineData("<p>Advertisement</p>")]
    [InlineData("<p>Anzeige</p>")]
    [InlineData("<p>REKLAMA</p>")]
    [InlineData("<p>Жарнама</p>")] // Kazakh
    [InlineData("<p>Text size + -</p>")]
    [InlineData("<p>字号：T|T</p>")]
    [InlineData("<p>Поделиться:</p>")]
    [InlineData("<p>相关阅读：港铁新年加强服务</p>")] // "related reading:"
    [InlineData("<p>Zobacz też</p>")] // "see also"
    [InlineData("<p>Keep Reading</p>")] // over a newsletter's teasers
    [InlineData("<p>* * * Back to the top * * *</p>")] // a label between ornaments
    [InlineData("<p>【ADVERTISEMENT】</p>")]
    [InlineData("<p>Загружается, подождите...</p>")] // "loading, please wait"
    [InlineData("<p>[推荐] [收藏] [打印] [关闭]</p>")] // tools each in brackets
    [InlineData("<p>[ Комментариев 0 ] [ версия для печати ]</p>")]
    [InlineData("<p>Σύνδεσμοι διαφημιζομένων</p>")] // "Ads by Google", in Greek
    [InlineData("<p>Προβολή</p>")] // a Greek ad slot's label ("promotion")
    [InlineData("<p>zobacz wszystkie &gt;&gt;</p>")] // "see all >>" under a box of links
    [InlineData("<p>Смотреть все</p>")]
    [InlineData("<p>Другие материалы:</p>")] // "other stories" over a box of teasers
    [InlineData("<p>Ещё по теме</p>")] // "more on the subject"
    [InlineData("<p>Inne artykuły</p>")]
    [InlineData("<p>Σχετικά άρθρα</p>")]
    [InlineData("<p>More stories</p>")]
    [InlineData("<p>Если Вы заметили орфографическую ошибку, выделите её мышью и нажмите Ctrl+Enter</p>")] // report a typo
    [InlineData("<p>Read more: <a href='/x'>Port workers vote to strike over pay</a></p>")]
    [InlineData("<p>You may also like</p>")]
    [InlineData("<p><em>Photo by Mario Heller/Unsplash</em></p>")]
    [InlineData("<dl><dt>Фото:</dt><dd>личный архив автора</dd></dl>")]
    [InlineData("<p>[사진=MBC, SBS]</p>")]
    [InlineData("<p>[button link=\"/submit\" type=\"big\"]Send us your story[/button]</p>")]
    [InlineData("<p>[button link=”https://harbour-times.example/readers/submit-your-own-story/” type=”big” newwindow=”yes”] Send us YOUR story[/button]</p>")] // its attributes make it longer than a label, and the site's typography curled its quotes
    [InlineData("<p>This slideshow requires JavaScript.</p>")]
    [InlineData("<p>reporter@harbour.example</p>")]
    [InlineData("<p>You have been successfully subscribed!</p>")]
    [InlineData("<ul><li><a href='/a'>Ferry fares to rise in spring</a></li><li><a href='/b'>New pier opens at the marina</a></li></ul>")]
    [InlineData("<p>Related post: <a href='/c'>Ferry fares to rise in spring</a> and more</p>")]
    [InlineData("<p>Filed under: Transport | Harbour</p>")]
    [InlineData("<p>Member-only story</p>")]
    [InlineData("<p><span>6 min read</span><span>Aug 19</span></p>")] // the reading time run into the date
    [InlineData("<p>Follow Harbour Times on Google News for the latest stories.</p>")]
    [InlineData("<p>Harbour Times'ı Google News'te takip ederek en son haberlerden anında haberdar olun.</p>")]
    [InlineData("<p>📬</p>")] // a callout's emoji alone
    [InlineData("<p>Topics</p>")]
    [InlineData("<p>関連キーワード 祭り 観光</p>")] // related keywords
    [InlineData("<p>Este artículo contiene enlaces de afiliados. Si compras a través de ellos, Harbour Times puede recibir una comisión, sin coste adicional para ti.</p>")]
    [InlineData("<p>Externer Inhalt: An dieser Stelle finden Sie einen Beitrag von X. Mit einem Klick auf „Inhalt laden“ stimmen Sie zu, dass Daten an den Anbieter übermittelt werden.</p>")] // what stands in for an embedded post
    [InlineData("<p>Abbonati per continuare a leggere</p>")]
    [InlineData("<p>Ακολουθήστε μας στο Google News και μάθετε πρώτοι όλες τις ειδήσεις</p>")]
    [InlineData("<p>Avec votre accord, nous et nos partenaires utilisons des cookies pour mesurer l'audience et vous proposer des publicités.</p>")]
    [InlineData("<div class='kg-callout-card'><div class='kg-callout-emoji'>📬</div><div class='kg-callout-text'><b>Keine Nachricht aus dem Hafen verpassen:</b> Unser Newsletter erscheint jeden Freitag und ist kostenlos. <a href='#/portal/signup'>Jetzt abonnieren</a></div></div>")] // a call to subscribe, ending in its link
    [InlineData("<p>The harbour's week in five minutes, every Friday morning in your inbox. <a href='https://harbour.example/newsletters/weekly'>Get the briefing »</a></p>")]
    [InlineData("<p>Related Roundup: <a href='/ferries'>Ferries</a></p>")]
    [InlineData("<p>Related Subjects</p>")] // the label of a box of topics, its links gone
    [InlineData("<p>Tell us what YOU think...</p>")]
    [InlineData("<p>If you buy something through this post, the Harbour Times may get a share of the sale.</p>")]
    [InlineData("<p>This website uses cookies to count visitors anonymously. View our privacy policy.</p>")]
    [InlineData("<p>A note to our readers<br>This site uses cookies to count visitors anonymously.</p>")] // the notice on a later line
    [InlineData("<p>Нашли опечатку?<br>Выделите её и нажмите Ctrl+Enter</p>")] // the shortcut on a later line
    [InlineData("<p>You currently do not have JavaScript enabled in your web browser. Some features of this site will not work.</p>")]
    [InlineData("<p>您的JavaScript关闭或你的Adobe Flash播放器过时。 获取最新的Flash播放器。</p>")] // "JavaScript is off or Flash is outdated", no word boundary in Chinese
    [InlineData("<p>Get the latest Flash Player to see this video.</p>")]
    [InlineData("<p>Your browser does not support the video tag.</p>")]
    [InlineData("<p>Are you a subscriber with archive access?<br>To read the rest of this article, log in here:</p>")] // a paywall's prompt where the free part stops
    [InlineData("<p>(Already a member? Click here.)</p>")]
    [InlineData("<p>To read the rest of this story, purchase the issue here.</p>")]
    [InlineData("<p>Please log in to continue reading this story.</p>")]
    [InlineData("<p>Cet article est réservé aux abonnés.</p>")]
    [InlineData("<p>Para seguir leyendo, suscríbete a nuestra edición digital.</p>")]
    [InlineData("<p><a href='#top'>Back to Top</a></p>")]
    [InlineData("<p>Return to top of page</p>")]
    [InlineData("<p>Return to citation in text: [1] [2]</p>")]
    [InlineData("<p>Return to article</p>")]
    [InlineData("<p><a href='/print/ferry'>Printer-friendly version</a></p>")]
    [InlineData("<p>E-mail this story to a friend</p>")]
    [InlineData("<p><a href='/img/terminal.jpg'>Larger picture</a></p>")]
    [InlineData("<p>Click to enlarge</p>")]
    [InlineData("<p>Add to cart</p>")]
    [InlineData("<p>*Comments are subject to moderation before they appear.</p>")] // the thread's rules
    [InlineData("<p>ATENÇÃO: comentários ofensivos não serão aprovados pelo moderador.</p>")]
    [InlineData("<p>Kommentare werden vor der Freischaltung moderiert.</p>")]
    [InlineData("<p>5 min read</p>")]
    [InlineData("<p>Listen to this article</p>")]
    [InlineData("<p>Оцените статью:</p>")] // "rate the article"
    [InlineData("<p>Прочтений: 593</p>")] // how often the page was read
    [InlineData("<p>Views: 1,204</p>")]
    [InlineData("<p>Bu haber toplam <b>2318</b> kez okundu.</p>")] // a Turkish site's count of reads, as a sentence
    [InlineData("<div class='views'>عدد القراءات: <span>1847</span></div>")] // "number of reads", Arabic
    [InlineData("<p>Přečteno: 1 287×</p>")] // "read 1 287 times", Czech
    [InlineData("<div class='berrors'>Уважаемый посетитель, Вы зашли на сайт как незарегистрированный пользователь.<br>Мы рекомендуем Вам <a href='/index.php?do=register'>зарегистрироваться</a> либо войти на сайт под своим именем.</div>")] // DataLife Engine's notice to a visitor not logged in
    [InlineData("<div class='boxoff'><strong>------分隔线----------------------------</strong></div>")] // the rule DedeCMS draws under the text ("divider")
    [InlineData("<p>Зарегистрируйтесь или войдите, чтобы оставить комментарий (сейчас комментариев: 0)</p>")] // the way in to the comments
    [InlineData("<p>Log in or register to post a comment</p>")]
    [InlineData("<p>Нашли опечатку? Выделите её и нажмите ссылку</p>")] // report a typo, with a link rather than Ctrl+Enter
    [InlineData("<p>📲 Baixe o app do Vale Agora e receba as notícias da região no seu celular</p>")] // the site's app
    [InlineData("<p>Download the Harbour Times app for breaking news on your phone</p>")]
    [InlineData("<p>Harbour workers at the new quay. (File photo by Jane Doe/Harbour Images)</p>")] // a caption whose credit closes it in brackets
    [InlineData("<p>Crowds in the lanes on Saturday night (Photo: M.-O. Heitz)</p>")] // a caption with no full stop before the credit in its brackets
    [InlineData("<p>Более полумиллиона рублей пойдут на ремонт причала. Фото:harbour.ru</p>")] // a credit that is a site's address
    [InlineData("<p>Sundlaugin í Hólavík hefur verið lokuð yfir veturinn. Ljósmynd/Hákon Pálsson</p>")] // an Icelandic caption's credit, "Photo/…"
    [InlineData("<p>Լուսանկարը՝ Նաիրի Պրես</p>")] // an Armenian credit, "The photo: …"
    [InlineData("<p>Голосование по маршрутной сети заняло меньше трёх минут, обсуждение перед ним — почти три часа. Фото: Дмитрий Сорокин / «Новоречинск Сегодня»</p>")] // a caption longer than a label, its credit last
    [InlineData("<p>이정훈 딥솔트 대표가 26일 서울 강남구 코엑스에서 열린 기자간담회에서 보청기용 AI 음성 칩을 소개하고 있다. /사진=딥솔트 제공</p>")] // a Korean caption's source, after a slash
    [InlineData("<p>ר׳ משה־לייב גרינבוים בײַ זײַן שרײַבטיש הינטער דער שול. פֿאָטאָ: שׂרה לעווין</p>")] // Yiddish "photo:"
    [InlineData("<p>ראש העירייה בטקס פתיחת הנמל החדש. צילום: דנה לוי</p>")] // Hebrew "photo:"
    [InlineData("<p>Mgbasa ozi</p>")] // an ad label in Igbo
    [InlineData("<p>Story continues below advertisement</p>")] // the text goes on under the ad or the video
    [InlineData("<p>Weiter nach der Anzeige</p>")]
    [InlineData("<p>La suite après cette publicité</p>")]
    [InlineData("<p>Dalsza część artykułu pod materiałem wideo</p>")]
    [InlineData("<p>Dalszy ciąg materiału pod wideo</p>")] // and as Onet's sites write it
    [InlineData("<p>Продолжение ниже</p>")]
    [InlineData("<p>Анна Верещагина · 14 марта 2025, 18:40 · 5 минут чтения</p>")] // byline, date and reading time in one line
    [InlineData("<p>5 Min. Lesezeit</p>")] // the reading time in other languages
    [InlineData("<p>4 min de lecture</p>")]
    [InlineData("<p>Мы используем файлы cookie и сервис Яндекс.Метрика, чтобы сайт работал удобнее. Продолжая пользоваться сайтом, вы соглашаетесь с политикой конфиденциальности.</p>")] // a cookie notice in Russian
    [InlineData("<p>Korzystamy z plików cookie, aby ułatwić korzystanie z naszej strony.</p>")] // and in Polish
    [InlineData("<p>Auglýsing</p>")] // ad labels in Icelandic, Marathi, Armenian, Welsh
    [InlineData("<p>जाहिरात</p>")]
    [InlineData("<p>Գովազդ</p>")]
    [InlineData("<p>Hysbyseb</p>")]
    [InlineData("<p>ចែករំលែក</p>")] // "share", in Khmer and Mongolian
    [InlineData("<p>Хуваалцах</p>")]
    [InlineData("<p>Did you like this article?</p>")] // the question over a reaction widget's buttons
    [InlineData("<p>Бул жаңылык сизге жактыбы?</p>")]
    [InlineData("<p>Понравилась статья?</p>")]
    [InlineData("<p>ពាណិជ្ជកម្ម</p>")] // in Khmer, Odia, Afrikaans, isiZulu
    [InlineData("<p>ବିଜ୍ଞାପନ</p>")]
    [InlineData("<p>Advertensie</p>")]
    [InlineData("<p>- Isikhangiso -</p>")]
    [InlineData("<p>Comments are filtered for language and registration is required. The Times makes no guarantee of comments' factual accuracy.</p>")] // the thread's rules
    [InlineData("<p>Dieser Text wird von einer künstlichen Stimme vorgelesen. <a href='/faq/audio'>Mehr erfahren</a></p>")] // the note under an audio player that a machine reads the text
    [InlineData("<p>This article is narrated by an AI voice.</p>")]
    [InlineData("<p>Cet article est lu par une voix de synthèse.</p>")]
    [InlineData("<p>Audio generated by AI</p>")]
    [InlineData("<p>Save for later</p>")]
    [InlineData("<p>Copy link</p>")]
    [InlineData("<p>Page 1 of 2</p>")]
    // the same furniture in other languages than the evaluation sets'
    [InlineData("<p>Contenu sponsorisé</p>")]
    [InlineData("<p>Partager sur Facebook</p>")]
    [InlineData("<p>À lire aussi</p>")]
    [InlineData("<p>Taille du texte A A</p>")]
    [InlineData("<p>Aller au contenu principal</p>")]
    [InlineData("<p>Mehr zum Thema</p>")]
    [InlineData("<p>Artikel teilen</p>")]
    [InlineData("<p>Zurück nach oben</p>")]
    [InlineData("<p>Lesezeit: 4 Min.</p>")]
    [InlineData("<p>Artikel anhören</p>")]
    [InlineData("<p>Link kopieren</p>")]
    [InlineData("<p>Seite 1 von 2</p>")]
    [InlineData("<p>Zur Startseite</p>")]
    [InlineData("<p>Schlagworte: Hafen, Fähre, Stadtrat</p>")]
    [InlineData("<p>Temps de lecture : 3 min</p>")]
    [InlineData("<p>Noticias relacionadas</p>")]
    [InlineData("<p>Cargando...</p>")]
    [InlineData("<p>Leia também</p>")]
    [InlineData("<p>Conteúdo patrocinado</p>")]
    [InlineData("<p>Articoli correlati</p>")]
    [InlineData("<p>Lees ook</p>")]
    [InlineData("<p>İlgili Haberler</p>")]
    [InlineData("<p>関連記事</p>")]
    [InlineData("<p>관련기사</p>")]
    [InlineData("<p>اقرأ أيضا</p>")]
    [InlineData("<p>Crédit photo : AFP</p>")]
    [InlineData("<p><b>Related stories:</b></p><p><b><a href='/a'>Ferry fares to rise in spring</a></b><br>Operators blame the price of fuel for the first rise in four years.<br>Harbour Times, March 2</p><p><b><a href='/b'>New pier opens at the marina</a></b><br>The pier takes boats of up to twenty metres, and the marina plans a second one.<br>Harbour Times, March 1</p>")]
    [InlineData("<blockquote class='pull-quote'><p>“The terminal should open to passengers in the summer of the following year”</p><cite>Harbour authority</cite></blockquote>")] // a pull quote repeating the text, with its speaker
    [InlineData("<figure class='wp-block-pullquote'><blockquote><p>Two years of consultation with residents and shipping companies.</p><cite>— Port director</cite></blockquote></figure>")]
    [InlineData("<pull-quote><blockquote>“The terminal should open to passengers in the summer of the following year”</blockquote><cite>Harbour authority</cite></pull-quote>")] // the speaker's name beside the quote, not inside it
    [InlineData("<div class='s_blockquote'><div class='s_blockquote_content'><p>“The terminal should open to passengers in the summer of the following year.”</p></div><div class='s_blockquote_infos'><span>Harbour authority</span></div></div>")] // a pull quote set in <div>s named for a quote (Odoo's)
    [InlineData("<div class='pullquote'>“Two years of consultation with residents and shipping companies”</div><div class='quotesig'>Port director</div>")] // its speaker in a box of its own named for the quote, after it
    [InlineData("<p>Annonse</p>")] // ad labels in Norwegian, Finnish, Croatian, Hebrew, Persian
    [InlineData("<p>Mainos</p>")]
    [InlineData("<p>Oglas</p>")]
    [InlineData("<p>פרסומת</p>")]
    [InlineData("<p>تبلیغات</p>")]
    [InlineData("<p>Jaa</p>")] // "share" in Finnish
    [InlineData("<div class='player'><p>2:47</p></div>")] // a video player's duration
    [InlineData("<p>Video unavailable</p>")]
    [InlineData("<p>PANOORIN:</p>")] // "watch:" over a video in Tagalog
    [InlineData("<p>Simak Video \"Harbour works seen from the air\"</p>")] // and in Indonesian
    [InlineData("<p>Wideo: Tak wygląda port w sobotę</p>")]
    [InlineData("<p>انتهای پیام/</p>")] // a Persian agency's end of message
    [InlineData("<p>விளம்பரம்</p>")] // an ad label in Tamil
    [InlineData("<p>Artikel anhören 4:12 Min.</p>")] // the audio player's label and length
    [InlineData("<p>Подели:</p>")] // "share:" in Serbian
    [InlineData("<p>点击上方蓝字 关注我们</p>")] // a WeChat account's prompt to follow it
    [InlineData("<p>长按识别二维码关注青溪发布</p>")]
    [InlineData("<p>往期推荐</p>")] // "past posts"
    [InlineData("<p>Снимка: Община Калиново</p>")] // a credit in Bulgarian
    [InlineData("<p>图为城东街道一处已完成加装的电梯。（摄影：陈立）</p>")] // a caption that ends with its photographer's name
    [InlineData("<p>城东街道一处已完成加装的电梯。图：视觉中国</p>")] // and with the picture's source after its full stop
    [InlineData("<p>6月11日，河南郑州，市民在街头打伞遮阳。（图/天行气象网 周蔓 摄）</p>")] // and with its source after a slash, in brackets
    [InlineData("<p>清晨的西街，面线糊店门口已坐满食客。陈思源 摄</p>")] // and with the photographer's name before "摄" after its full stop
    [InlineData("<p>暮色中的泉州古城。视觉中国 供图</p>")] // or the agency's before "供图"
    [InlineData("<p>The charging station will be built at the western depot. Foto: Stadt Kalinovo</p>")] // a caption whose last words are its credit
    [InlineData("<p>VIDÉO. Une journée de récolte sur les marais (2 min 40)</p>")] // a video's title over its player
    [InlineData("<p><i>This story is developing and will be updated.</i></p>")]
    [InlineData("<p><b>Read also:</b><br><b><a href='/a/1'>Ferry operators blame the price of fuel for the rise in fares</a></b><br><b><a href='/a/2'>New pier opens at the marina after two years of works</a></b><br><b><a href='/a/3'>Will the lighthouse keeper's cottage go to the council?</a></b></p>")] // headlines one a line under their label, as long as a paragraph and ending in a question: no line of them is a sentence's length
    [InlineData("<p>Short URL: http://harbour.example/?p=41440</p>")] // the post's short address
    [InlineData("<p>Spotted an error? Let us know</p>")] // the prompt to report a mistake
    [InlineData("<p>Приметили сте грешку у тексту? Пријавите нам</p>")]
    [InlineData("<p>¿Encontraste un error en esta nota? <a href='/erratas'>Repórtalo aquí</a></p>")] // and in Spanish
    [InlineData("<p>Encontrou um erro? Avise a redação.</p>")] // Portuguese
    [InlineData("<p>Hai trovato un errore? Segnalacelo</p>")] // Italian
    [InlineData("<p>Vous avez repéré une erreur ? Signalez-la</p>")] // French
    [InlineData("<p>Fehler gefunden? Schreiben Sie uns.</p>")] // German
    [InlineData("<p>வீடியோ: மழையில் நனையும் நெல் மூட்டைகள்</p>")] // "video:" in Tamil
    [InlineData("<div class='box-b7'><p>Don't miss the latest news!</p><p>Follow our official channels on WhatsApp and Telegram for news every day.</p><div><a href='https://whatsapp.com/channel/0029VaHarbour'>WhatsApp</a> <a href='https://t.me/harbourtimes'>Telegram</a></div></div>")] // a prompt to follow the site's channels
    [InlineData("<div class='siga'><p>Siga o <strong>Harbour Times</strong> no <a href='https://whatsapp.com/channel/0029VaHarbour'>canal do WhatsApp</a> e receba as notícias em primeira mão.</p></div>")] // one channel's link under a request to follow
    [InlineData("<div class='receba'><span>📲</span> <span>Receba as notícias do <strong>Harbour Times</strong> no seu WhatsApp. <a href='/canal'>Entre no nosso canal</a>.</span></div>")] // "get our news on WhatsApp", Portuguese
    [InlineData("<p>Na ndiqni në Facebook dhe Instagram për lajmet më të fundit nga kryeqyteti.</p>")] // "follow us on Facebook and Instagram", Albanian
    [InlineData("<p>Следете го Harbour Times на Facebook и Telegram.</p>")] // Macedonian
    [InlineData("<p>Seko «Harbour Times» Facebook un Instagram!</p>")] // Latvian
    [InlineData("<p>តាមដានព័ត៌មានថ្មីៗពី Harbour Times តាមរយៈ Telegram និង Facebook</p>")] // Khmer, the request run into the next word
    [InlineData("<p>ସବୁଠୁ ତାଜା ଖବର ପାଇଁ Harbour Times WhatsApp ଚ୍ୟାନେଲ ଫଲୋ କରନ୍ତୁ</p>")] // Odia, the request last
    [InlineData("<p>Harbour Times'ı Instagram ve X'te takip edin!</p>")] // Turkish
    [InlineData("<p>Landela i-Harbour Times ku-WhatsApp ukuze uthole izindaba zakamuva ngokushesha.</p>")] // isiZulu
    [InlineData("<p>I-follow ang Harbour Times sa Facebook ug YouTube alang sa pinakabag-ong balita.</p>")] // Cebuano (and Tagalog's "I-follow")
    [InlineData("<p>Sundan kami sa Facebook at X para sa pinakabagong balita.</p>")] // Tagalog
    [InlineData("<p>📢 Беҙҙең Telegram-каналға яҙылығыҙ: @harbour_times — яңылыҡтар иң тәүҙә бында!</p>")] // a promotion that opens with a pictograph and names the channel's handle, in any language (Bashkir)
    [InlineData("<p>ਵੀਡੀਓ ਵੇਖੋ: ਬੰਦਰਗਾਹ ਉੱਤੇ ਨਵਾਂ ਟਰਮੀਨਲ ਕਿਵੇਂ ਬਣੇਗਾ</p>")] // "watch the video:" and its title, Punjabi
    [InlineData("<p>वीडियो देखें: बंदरगाह पर नया टर्मिनल</p>")]
    [InlineData("<p>WATCH | Residents describe the night the harbour flooded</p>")] // "watch:" over a video's title
    [InlineData("<p>شاهد: لحظة رفع لاعبي الشروق كأس الدوري</p>")]
    [InlineData("<p>Audio: la directora de la obra, en Las Mañanas de RNE 08:12</p>")] // "audio:" over a clip's title, as "video:" over a video's
    [InlineData("<p>Argomenti</p>")] // a tags label alone, its tags links gone
    [InlineData("<p><span class='blind'>동영상영역 시작</span></p>")] // text for screen readers only, as Korean sites name it
    [InlineData("<div><p><b>How was today's edition?</b></p><p>Log in to take part in polls.</p><ul><li><a href='/polls/4c2e7f81/vote?choice=1'>Loved it</a></li><li><a href='/polls/4c2e7f81/vote?choice=2'>It was fine</a></li></ul></div>")] // a poll whose answers are links that vote
    [InlineData("<section><h3>Newsletters we read</h3><p>Other local newsletters our readers like. Subscribe with one click.</p><ul><li><span>Corliss Courant</span> <span>What's happening in Corliss, twice a week.</span> <label><input type='checkbox' name='rec[]'> Subscribe</label></li><li><span>The River Table</span> <span>New restaurants along the river.</span> <label><input type='checkbox' name='rec[]'> Subscribe</label></li></ul></section>")] // a <section> of boxes to tick, other newsletters to subscribe to
    [InlineData("<p>-----------------------------</p>")] // a rule drawn in characters
    [InlineData("<p>. . . . . . . . . . . . . . .</p>")]
    [InlineData("<p><a href='/more'></a>.</p>")] // what a link without text left behind
    [InlineData("<p>| |</p>")]
    [InlineData("<div class='not-prose my-8 flex'><span class='text-[10px] uppercase'>ምልክታ</span><div id='ad-inarticle-1' class='h-[250px]'></div></div>")] // an ad slot's label in any language, beside the empty slot a script fills
    [InlineData("<div><ins class='adsbygoogle' data-ad-slot='1234'></ins><p>Beeksisa</p></div>")]
    [InlineData("<div class='bbCodeBlock-expandLink js-expandLink'><a role='button' tabindex='0'>Zau zawkin en rawh...</a></div>")] // a control's label (role=button) in any language: a forum quote's "Click to expand..."
    [InlineData("<div class='brxe-audio'><div class='bricks-audio-title'>Düssen Artikel vörlesen laten (5:12)</div><audio controls preload='none' src='/vorlesen.mp3'>Your browser cannot play this.</audio></div>")] // a player's title beside it, in any language
    [InlineData("<div class='bn-annuntziu'><small>Publitzidade</small><div id='div-gpt-ad-mesu' style='min-height:250px'><script>googletag.cmd.push(function(){googletag.display('div-gpt-ad-mesu');});</script></div></div>")] // the slot holds only the script that fills it
    [InlineData("<p>Объявление на двери бани на улице Кирова. Фото автора</p>")] // a caption's "photo by the author", Russian
    [InlineData("<p>The shuttle waits behind the post office before its 6:52 a.m. run. Photo by Joanna Pruett / The Harbour Times</p>")] // the photographer and the outlet after "Photo by"
    [InlineData("<p>00:00 / 12:34</p>")] // an audio player's position and length
    [InlineData("<p>Abarimyi bashikana ibitumbwe vyabo ku ruganda rushasha rwa Rugomero. (Ifoto: Inkuru Nshasha / J.B. Bizimana)</p>")] // a caption's credit in Kirundi
    [InlineData("<p>Подписывайтесь на нас в Дзене!</p>")] // a request to follow the site on Yandex's Dzen
    [InlineData("<p>Market data provided by Harbour Data Services. Quotes delayed at least 15 minutes unless otherwise indicated.</p>")] // a markets desk's notes under the story
    [InlineData("<p>This article is for informational purposes only and does not constitute investment advice. The Harbour Times and its journalists hold no positions in the companies named.</p>")]
    [InlineData("<p>株価は20分以上遅れて表示しています。投資判断の参考としてのみご利用ください。</p>")] // and in Japanese, Chinese and Korean
    [InlineData("<p>投資理財有賺有賠，請審慎評估風險。本文僅供參考，不構成投資建議。</p>")]
    [InlineData("<p>股價資料延遲20分鐘，僅供參考。</p>")]
    [InlineData("<p>(Disclaimer: Recommendations, suggestions, views and opinions given by the experts are their own. These do not represent the views of The Harbour Times)</p>")] // experts' tips are their own
    [InlineData("<p>有料会員の方は記事をギフトできます。ギフトされた記事は会員登録なしで全文をお読みいただけます。</p>")] // the paid story's gift
    [InlineData("<p>Norvatek jetzt ab 0 € handeln. Risikohinweis: Anlagen in Wertpapieren sind mit Risiken verbunden.</p>")] // a broker's risk notice beside a quote
    [InlineData("<p>WKN: NVT001 ISIN: DE000NVT0018</p>")] // the quoted security's identifiers
    [InlineData("<p>Oceń jakość naszego artykułu:</p>")] // the request to rate the story
    [InlineData("<p>Add The Harbour Times as a preferred source on Google</p>")] // and to make the site a preferred source in Google's results
    [InlineData("<p>Haberlerimizi Google'da takip edin. Gelişmelerden anında haberdar olun. Google'da tercih edilen kaynak olarak ekleyin.</p>")]
    [InlineData("<p>视频加载中，请稍候...</p>")] // a video's player loading
    [InlineData("<p>doi: https://doi.org/10.1038/d41586-025-00431-x</p>")] // a study's DOI alone on a line
    [InlineData("<p>If you're enjoying this article, consider supporting our award-winning journalism by subscribing. By purchasing a subscription you are helping to ensure the future of impactful stories.</p>")] // a plea for subscriptions in the text
    [InlineData("<h3>Mentioned in this article</h3>")] // the label over the quotes of the companies a story names
    [InlineData("<p>In diesem Artikel</p>")]
    [InlineData("<div class='strPerziuros'>Peržiūros: 1 184</div>")] // a count of views, in Lithuanian
    [InlineData("<p>Категория: Транспорт | Просмотров: 412 | Добавил: admin</p>")] // the filing line of a site builder's entry
    [InlineData("<div class='block block-type-donation'><p>Free for all, thanks to you</p><p>Our journalism has no paywall. With 5, 10 or 20 francs a month you keep local news alive.</p></div>")] // the box that asks for a donation
    [InlineData("<div class='value'><a class='modal_image' href='/upload/muygh-1200.jpg'><img src='/upload/muygh-big.jpg' alt=''></a><div class='small text-muted'>ЦӀилигъарин цӀийи муьгъ. Шикил: Рамиз Исмаилов</div></div>")] // a picture's caption, alone with it in a box, in any language (Lezgian)
    [InlineData("<p><img src='/upload/hackathon-day-two.jpg' alt='The hall'><br>\n<em>Nichi-me nu happyoukai nu yoosu</em></p>")] // Markdown's caption: an emphasised line under the picture in its paragraph (Zenn, Okinawan)
    [InlineData("<p>The covered bridge has been closed to heavy loads since October. (Zeiding-Foto: Daniel Weaver)</p>")] // a credit whose word for photo is a compound's last part
    [InlineData("<p style='text-align: center;'><img src='/attachment/101524.jpg' width='600'></p><p style='text-align: center;'><font color='#808080'><span>Vangz Yiengzcingh caeuq gyoengq lwgnyez youq ndaw ranzdingz eu fwen. (Ingj: Vangz Meizlingz)</span></font></p>")] // a short centred paragraph under a paragraph of a picture alone, among paragraphs that are not centred (Zhuang)
    [InlineData("<div class='news-view__translations'>Bul maqalanı basqa tilde oqıw: <a href='/uz/news/41' hreflang='uz'>Oʻzbekcha</a> · <a href='/ru/news/41' hreflang='ru'>Русский</a></div>")] // the story in other languages, links that name their language (Karakalpak)
    [InlineData("<div class='upsell'><h3>Rep: l'informazione che conta, senza limiti</h3><p>Approfondimenti e inchieste. 1 € al mese per 3 mesi, poi 5,99 € al mese. Disdici quando vuoi.</p></div>")] // a subscription's offer, a first price and the next, with the box's heading
    [InlineData("<div><p>30 Tage kostenlos testen, danach 9,99 € pro Monat</p></div>")] // a trial and the price after it
    [InlineData("<div><p>Suscribite por $99 el primer mes</p><p>Después $5.990 por mes. Cancelá cuando quieras.</p></div>")] // a call to subscribe for the first month; the price after it with the promise to cancel
    [InlineData("<div><p>You have 2 free articles left this month. Subscribe for just £1 for your first 3 months and enjoy unlimited access.</p></div>")]
    [InlineData("<div class='offer'><p>Digital Access</p><p>$1 for the first 4 weeks then $4.75/week</p></div>")]
    [InlineData("<p>Pierwszy miesiąc za 1 zł, potem 19,90 zł/mies.</p>")]
    [InlineData("<p>Story continues below</p><p>Article content</p>")] // the labels a platform sets between the text's parts around its ad slots
    [InlineData("<p>You can save this article by registering for free here. Or sign-in if you have an account.</p><p>Already have an account? Sign in</p>")] // a wall that asks for a free account
    [InlineData("<p>Lees gratis verder met een account</p>")]
    [InlineData("<p>Il vous reste 58.42% de cet article à lire. La suite est réservée aux abonnés.</p>")] // the paid part's notice (French)
    [InlineData("<p>この記事は有料記事です。残り1186文字有料会員になると続きをお読みいただけます。</p>")] // (Japanese)
    [InlineData("<p>5 min</p>")] // the reading time alone
    [InlineData("<p>約4分</p>")]
    [InlineData("<p>Imagen | Teselia Energy</p>")] // a picture's credit after a bar
    [InlineData("<p>Um externe Inhalte anzuzeigen, ist Ihre Zustimmung zur Datenweitergabe nötig.</p>")] // what stands in for an embed until the reader agrees (German)
    [InlineData("<p>Ce contenu est bloqué car vous n’avez pas accepté les cookies et autres traceurs.</p>")] // (French)
    [InlineData("<p>Get the biggest stories from across the valley straight to your phone by joining our WhatsApp community <a href='https://chat.whatsapp.com/Hb7fQ2valley'>HERE</a>.</p>")] // a pitch for the site's channel on a messaging app, in a paragraph of its own, linking to it
    [InlineData("<p>Il Harbour Times è anche su Whatsapp. È sufficiente <a href='https://whatsapp.com/channel/0029VaHarbour'>cliccare qui</a> per iscriversi al canale.</p>")]
    [InlineData("<p>05:12 Subscribers can listen to this article</p>")] // an audio player's length and who may listen
    [InlineData("<p><strong>Why you can trust Harbour Times</strong></p>")] // the heading of a review site's box on how it tests
    [InlineData("<p>Swipe to scroll horizontally</p>")] // the hint over a wide table on a phone
    [InlineData("<p><b>VIDEO RECOMENDADO</b></p>")] // "recommended video" over a player
    [InlineData("<p>Le Harbour Times peut percevoir une commission lorsque vous achetez via ces liens. Les prix sont mis à jour régulièrement.</p>")] // an affiliate disclosure in French
    [InlineData("<p>广告声明：文内含有的对外跳转链接（包括不限于超链接、二维码、口令等形式），用于传递更多信息，节省甄选时间，结果仅供参考。</p>")] // and IT之家's, in Chinese
    [InlineData("<div class='duet--article--gallery' aria-roledescription='carousel'><h3>Ferry terminal photos</h3><figure><img src='/p/1.jpg'><figcaption>The terminal's roof seen from the quay.</figcaption></figure></div>")] // a gallery that ARIA calls a carousel, its class a namespace's ("duet--article--gallery", whose BEM reading leaves "duet")
    [InlineData("<p>0:000:48</p>")] // an audio clip's position and length side by side
    [InlineData("<p>Follow @harbourtimes on X for our latest stories</p>")] // a request to follow the site's account
    [InlineData("<p>Got a news tip? Email us at tips@harbourtimes.example</p>")] // and for tips
    [InlineData("<p>Есть новость? Пишите нам</p>")]
    [InlineData("<p>Video</p>")] // a player's label alone
    [InlineData("<p>--oOo--</p>")] // a release's end mark (Mexico's government sets it under every release)
    [InlineData("<p>PDFファイルを御覧になるためには、Adobe Acrobat Readerが必要です。</p>")] // the reader a PDF needs, under a government's release
    [InlineData("<p><em>This article does not contain investment advice or recommendations. Every investment and trading move involves risk.</em></p>")] // a crypto desk's note
    [InlineData("<p><em>Le informazioni contenute in questo articolo hanno finalità esclusivamente informative e non costituiscono consulenza finanziaria.</em></p>")]
    [InlineData("<p>Share your view. Write a letter to the editor of up to 200 words, or submit an op-ed.</p>")] // the invitation to write in, by its word limit
    [InlineData("<p>Do you have an opinion on the issues raised in this article? If you would like to submit a response of up to 300 words by email to be considered for publication in our letters section, please click here.</p>")]
    [InlineData("<p>You’ve read 7 articles in the last month</p><p>… we have a small favour to ask. Millions of readers come to the Harbour Times every month for journalism that is free to read.</p><p>If you can, please consider supporting us with a regular contribution.</p>")] // a reader-funded site's appeal
    [InlineData("<p>Assets in this article</p>")] // the label over a story's coins or quotes
    [InlineData("<p>You have 1 free article remaining this month. Subscribe to the Harbour Times for unlimited access.</p>")] // a metered site's count of free articles
    [InlineData("<p><b>Стали свидетелем последствий непогоды?</b> Присылайте фото и видео в наш бот @volzhkurier_bot — самые интересные кадры мы опубликуем.</p>")] // the request for readers' photos
    [InlineData("<p>Widzisz burzę w swojej okolicy? Wyślij nam zdjęcie lub film przez formularz Twoja Pogoda. Najciekawsze materiały opublikujemy.</p>")]
    [InlineData("<p>Send us your photos of the storm: the best will be in tomorrow's paper.</p>")]
    [InlineData("<p>Как вам материал?</p>")] // the question over a reaction widget
    [InlineData("<p><em>Dieser Artikel wird laufend aktualisiert. Aktuelle Warnungen für Ihren Wohnort finden Sie in unserer App.</em></p>")] // the promise to update the story
    [InlineData("<p><em>Ang balitang ito ay ia-update habang may bagong impormasyon mula sa PAGASA.</em></p>")]
    [InlineData("<p>This story will be updated.</p>")]
    [InlineData("<p>La suite de cet article est réservée aux abonnés</p><p>Il vous reste 58 % de l'article à lire.</p>")] // a paywall's notices in French
    [InlineData("<p>Déjà abonné ? Se connecter</p>")]
    [InlineData("<p>有料記事残り497文字（全文1034文字）</p>")] // a Japanese paid story's count of what is left
    [InlineData("<p>Indice dei contenuti</p>")] // the label over a table of contents
    [InlineData("<p>Table of contents</p>")]
    [InlineData("<p>continua a leggere dopo la pubblicità</p>")] // the note that the text goes on below an ad
    [InlineData("<p>4,90 € par mois pendant 6 mois, puis 9,90 € par mois</p>")] // a subscription's offer, by the month in French
    [InlineData("<p>Escucha esta nota · 4 min Audio generado con voz sintética</p>")] // the note that a machine reads the story out
    [InlineData("<p>Note: This transcript was created on a rush deadline and may be updated. The audio version is the authoritative record.</p>")] // a broadcaster's note on its transcript
    [InlineData("<p>Transcripts are generated using a combination of speech recognition software and human transcribers, and may contain errors.</p>")]
    [InlineData("<p>Ce texte correspond à une partie de la retranscription du reportage ci-dessus. Cliquez sur la vidéo pour le regarder en intégralité.</p>")]
    [InlineData("<p>Loading transcript…</p>")]
    [InlineData("<p>Allow X content?</p>")] // the question over an embedded post that waits for consent
    [InlineData("<p>Bildnachweis: Titelbild und Fotos im Text: Jana Terhorst</p>")] // the credits of a page's pictures, in German
    [InlineData("<p>Carrow Fields juniors on the closed track (JPG, 4.8MB) <a href='/media/track-juniors.jpg' download>Download</a></p>")] // a file to download, its type and size in brackets
    [InlineData("<p>Wichtiger Hinweis: Dieser Artikel enthält nur allgemeine Hinweise und ersetzt keine ärztliche Beratung.</p>")] // a health site's note that its text is no doctor's advice
    [InlineData("<p>This article is for informational purposes only and is not a substitute for professional medical advice.</p>")]
    [InlineData("<p>Este contenido no sustituye la consulta con un profesional sanitario.</p>")]
    [InlineData("<p>Материал носит информационный характер и не является руководством к самостоятельному лечению.</p>")]
    [InlineData("<p>※本ページはプロモーションが含まれています</p>")] // the Japanese note over a promotional page
    [InlineData("<p>スポンサーリンク</p>")] // a Japanese ad slot's label
    [InlineData("<p>【▲ タカミネ彗星の軌道と地球の軌道（画像クレジット：IMON）】</p>")] // a Japanese caption set as a paragraph in brackets, its credit last
    [InlineData("<p>Bildquelle Titelbild: Bundeswehr/Tobias Arendt</p>")]
    [InlineData("<p>Dieses Thema im Programm:</p>")] // the programme a broadcaster's story went out in
    [InlineData("<p>放送日時：11月5日（火）午後6時10分</p>")]
    [InlineData("<p>動画を再生するには、JavaScriptを有効にしてください。</p>")] // the note that the video needs JavaScript, in Japanese
    [InlineData("<p>Bild 4/12</p>")] // a slideshow's count over a picture set in the text
    [InlineData("<p>Image 3 of 8</p>")]
    [InlineData("<p>Bu İçerikle İlgili Tepkiniz Nedir?</p><p>Tepki verebilmek için giriş yapmalısınız.</p>")] // a reaction widget's question, and the login it asks for
    [InlineData("<p>What's your reaction?</p>")]
    [InlineData("<p>Bu Makaleyi Alıntıla</p><p>Altınsoy, D. (2025, March 09). Ergenler Neden Sabah Uyanamıyor? Merak Atlası. Retrieved March 10, 2025. from https://merakatlasi.example/makale/2147</p>")] // a box citing the page, with its label
    [InlineData("<p>Citation: Stuffy classrooms linked to slower math answers (2026, December 3) retrieved 6 December 2026 from https://helixdigest.example/news/2026-12-stuffy-classrooms.html</p>")]
    [InlineData("<p>Dikkat: Bu yazı bilgilendirme amaçlıdır ve tıbbi tavsiye niteliği taşımaz. Ciddi bir sorun yaşıyorsanız bir hekime danışmanız önerilir.</p>")] // a health note in Turkish
    [InlineData("<p>Хотите сообщить новость? Пишите в наш WhatsApp — 8 900 000-00-24. Присылайте фото и видео, самые интересные опубликуем.</p>")] // a request for news through the newsroom's messenger
    [InlineData("<p>この記事は会員限定です</p><p>残り624文字（全文1351文字）</p>")] // a Japanese paywall's prompt and its count of what is left
    [InlineData("<p>Une erreur ? Signalez-la à notre rédaction via <a href='/contact'>ce formulaire</a>. Consultez notre <a href='/politique'>politique de correction</a>.</p>")] // the prompt to report an error
    [InlineData("<p>Cet article vous a-t-il été utile ?</p><p>92 % des lecteurs ont trouvé cet article utile (214 votes)</p>")] // a "was this helpful" widget and its count
    [InlineData("<p>（全3回の第2回／第1回から読む）</p>")] // a Japanese series' note on which part this is
    [InlineData("<p>Liveblog beendet</p><p>Dieser Liveblog ist beendet. Wie es weitergeht, lesen Sie in unserem Bericht vom Freitag.</p>")] // the note that a live blog has ended
    [InlineData("<p>This blog is now closed.</p>")]
    [InlineData("<p>Published in the print edition of the March 17, 2025, issue, with the headline “Benchmarks.”</p>")] // the note that the story is from the print edition
    [InlineData("<p>Cet article est issu de notre numéro 14, « Tenir l’hiver », en librairie (196 pages, 19 euros).</p>")]
    [InlineData("<p>Our expert reviewers spend hours testing and comparing products and services so you can choose the best for you. Find out more about how we test.</p>")] // a publisher's standing note on how it reviews
    [InlineData("<p>The Harbour Paw uses only high-quality sources, including peer-reviewed studies, to support the facts within our articles.</p>")]
    public void Furniture_inside_the_body_is_dropped(string furniture)
    {
        Assert.Equal(First + "\n\n" + Last, Extract($"<p>{First}</p>{furniture}<p>{Last}</p>"));
    }

    [Theory]
    [InlineData("<br>Posted by Jane at 10:32 PM | <a href='/p/1'>Permalink</a> | <a href='/p/1#c'>Comments (3)</a>", "")] // a blog post's line of tools under its text, in its paragraph
    [InlineData("<br><a href='/p/1'>read on &gt;&gt;</a>", "")]
    [InlineData("<br>Print News | <a href='/m/1'>Mail News</a> | Category: <a href='/c/7'>Transport</a>", "")] // tools with the post's filing label beside them
    [InlineData("<br><a href='/shop/ferry-guide'>Add to my wishlist</a>", "")] // a shop's tool under an item's description
    [InlineData("<br><a href='/ads/7'>View this ad</a> | <a href='/ads/7/reply'>Reply to this advert</a>", "")] // a classified's tools
    [InlineData("<br>FULL STORY<br>Harbour Times, March 2", "\nHarbour Times, March 2")] // a tool line between two lines: one break stays between them
    [InlineData("<br>Category: Transport", "\nCategory: Transport")] // a label alone is as often a listing's data: it stays
    [InlineData("<br>E-mail", "\nE-mail")] // a bare "E-mail" is as often the label of an address
    [InlineData("<br>= = = = = = = =<br>Harbour Times, March 2", "\nHarbour Times, March 2")] // a rule drawn in characters between two lines
    public void Lines_of_page_tools_inside_a_paragraph_are_dropped(string lines, string kept)
    {
        // Old blogs and news pages write a post as one paragraph split by <br>; the text of the
        // post stays, its lines of tools go, from the text and the HTML alike.
        var article = new ArticleExtractor().Extract($"<html><head><title>Harbour plan approved | Harbour Times</title></head><body><article><p>{First}{lines}</p><p>{Last}</p></article></body></html>", null);

        Assert.Equal(First + kept + "\n\n" + Last, article.Text);
        Assert.Equal(article.Text, ArticleText.FromHtmlFragment(article.Html));
    }

    [Theory]
    [InlineData("<p>By Jane Doe</p>")] // byline above the text
    [InlineData("<p>By</p>")] // the byline's word alone, its name a link that went as furniture
    [InlineData("<table class='contentpaneopen'><tr><td><span class='small'>Written by Dana Rosenthal</span></td></tr></table>")] // Joomla's byline
    [InlineData("<p>Geschrieben von Dana Rosenthal</p>")] // and as its language packs write it
    [InlineData("<p><span class='small'>נכתב על ידי דנה רוזנטל</span></p>")] // in Hebrew, which has no capitals to tell a name by
    [InlineData("<p class='datum'>Vloženo: 2. 7. 2009 | Autor: Odbor investic | Přečteno: 1 287×</p>")] // "posted:", Czech, with the author and the count of reads
    [InlineData("<p>Published 30 July 2018, 20:13</p>")] // dateline above the text
    [InlineData("<h3>Published 30 July 2018</h3>")] // set as a heading above the text, it is no section's
    [InlineData("<p>Аутор: Бојана Јовановић Објављено: 17.03.2025. у 11:42 Измењено: 17.03.2025. у 15:08 Време читања: 4 мин.</p>")] // the byline's and the dates' labels in one line
    [InlineData("<p>Objavljeno: jučer u 11:42</p>")] // "published: yesterday at 11:42", in Croatian
    [InlineData("<p>Avaldatud: eile kell 11.42</p>")] // and in Estonian
    [InlineData("<p><time datetime='2025-11-13T08:20:00-06:00'>13 de noviembre de 2025 · 08:20 hrs</time> · Actualizada 11:05 hrs · 4 min de lectura</p>")] // a date the markup names as one, with its labels: no words of a stamp needed
    [InlineData("<p>Harbour plan approved</p>")] // the headline repeated
    [InlineData("<p>令和7年3月12日</p>")] // a date in the Japanese era's years
    [InlineData("<p>感谢IT之家网友 风起长安 的线索投递！</p>")] // the thanks to the reader who tipped the site off
    [InlineData("<p><b>PRESS RELEASE</b></p><p>For immediate release: Friday 14 November 2025</p>")] // a press release's label and release line
    [InlineData("<div>Transport</div><div>Harbour plan approved</div>")] // the section's label over the headline set in a div, as older pages do
    [InlineData("<h1>Harbour authority gives the ferry terminal the go-ahead</h1>")] // the page's own headline, worded unlike its title
    [InlineData("<section aria-label='Claim reviewed'><span>Claimed by:</span> <a href='/p/facebook'>Facebook posts</a><blockquote><span>Claim:</span><p>“The harbour will be sold to a cruise line.”</p></blockquote><div>Rating: <strong>False</strong></div></section><header><h1>Harbour plan approved</h1><p>By Jane Doe</p></header>")] // a fact check's claim and rating above the headline, which the article's <header> holds
    public void Bylines_datelines_and_the_headline_at_the_top_are_dropped(string furniture)
    {
        Assert.Equal(First + "\n\n" + Last, Extract($"{furniture}<p>{First}</p><p>{Last}</p>"));
    }

    [Theory]
    [InlineData("<p>Transport</p><h1>Harbour authority gives the go-ahead</h1><p>By Jane Doe</p><p>Updated: 30 July 2018</p>")]
    [InlineData("<h1>Harbour authority gives the go-ahead</h1><p>Share on Facebook</p><p>Tweet</p><p>Print</p><p>Source: Reuters</p>")]
    [InlineData("<h1>Harbour authority gives the go-ahead</h1><p>Share on Facebook</p><p>Tweet</p><p>Print</p><p>16.10.2025 | 13:25</p>")] // a numeric date opening a short line
    public void A_note_under_blocks_that_go_is_still_at_the_texts_top(string top)
    {
        // The section label, headline, byline and share tools above it are not text: the note
        // is the first block kept, however many went before it.
        const string Middle = "Ferry operators welcomed the plan, though residents worry about the extra traffic on the harbour road in summer.";

        Assert.Equal(string.Join("\n\n", First, Middle, Middle, Last), Extract($"{top}<p>{First}</p><p>{Middle}</p><p>{Middle}</p><p>{Last}</p>"));
    }

    [Theory]
    [InlineData("<p>Updated at 1:23 p.m.</p>")]
    [InlineData("<p>Reporting by Jane Doe; Editing by John Roe</p>")]
    [InlineData("<p>Jane Doe contributed to this report.</p>")]
    [InlineData("<p>Source: Reuters</p>")]
    [InlineData("<p>Πηγή: ΑΠΕ-ΜΠΕ</p>")]
    [InlineData("<p>Источник: АиФ</p>")]
    [InlineData("<p>Dzięki uprzejmości: PAP - Nauka w Polsce</p>")] // courtesy of
    [InlineData("<p>[作者：李妍]</p>")] // a Chinese byline
    [InlineData("<p>Все права защищены. При любом использовании материалов сайта гиперссылка на Harbour Times обязательна.</p>")]
    [InlineData("<p>Materiał chroniony prawem autorskim - wszelkie prawa zastrzeżone.</p>")]
    [InlineData("<p>Με την επιφύλαξη παντός δικαιώματος.</p>")]
    [InlineData("<p>(內容由新浪北京提供。未經授權，不得轉載。)</p>")]
    [InlineData("<p>免责声明：本文仅代表作者个人观点，与本网站无关。</p>")] // "the author's view only, nothing to do with this site"
    [InlineData("<p>（责任编辑：王鹏）</p>")] // Chinese sites' editor credit
    [InlineData("<p style='text-align:right'>（文/图：综合管理部 周婷）</p>")] // who wrote and photographed it ("text/pictures:")
    [InlineData("<div style='text-align:right'>（取材・文／みどり台タウン通信　佐伯）</div>")] // the same in Japanese ("reporting and text /")
    [InlineData("<p>圖／聯合報提供</p>")] // a picture's source ("picture / courtesy of …"), traditional Chinese
    [InlineData("<p>记者 | 周敏 实习生 | 许嘉怡</p>")] // the reporters' names
    [InlineData("<p>박서윤 기자 seoyun.park@daoneconomy.co.kr</p>")] // the Korean reporter's sign-off, with the address for tips
    [InlineData("<p>김민준 특파원</p>")]
    [InlineData("<p>KBS 뉴스 김서윤입니다.</p>")] // a Korean broadcast's sign-off
    [InlineData("<p>촬영기자:배정우/영상편집:윤지아/그래픽:최예린</p>")] // and who filmed, cut and drew it
    [InlineData("<p>jw/ehl (epd, dpa)</p>")] // the desk's codes for writer and editor, with the wires drawn on
    [InlineData("<p>mzi/ mhr/</p>")]
    [InlineData("<p>FPC // MCL</p>")]
    [InlineData("<p><i>Ce reportage a été diffusé dans l'édition locale du 19/20 de France 3 le lundi 11 mars 2024.</i></p>")] // a broadcaster's note on the programme the story was first shown in
    [InlineData("<p>This report was first broadcast on Morning Edition on 4 March.</p>")]
    [InlineData("<p><i>Unser Hafen-Newsletter informiert Sie regelmäßig über alle wichtigen Geschichten aus Ihrer Region. Melden Sie sich <a href='/newsletter'>hier</a> an.</i></p>")] // a newsletter's pitch in German
    [InlineData("<p><i>Noch mehr aktuelle Nachrichten aus dem Landkreis finden Sie auf harbour-times.de/landkreis.</i></p>")] // the pointer to more of the site's news
    [InlineData("<p>Veja mais notícias da região no Harbour Times.</p>")]
    [InlineData("<p>2012年01月11日 08:21:55 | 責任編輯: 夏欣 | 來源： 湖北日報</p>")]
    [InlineData("<p>Email Jane Doe at jdoe@harbour.example or follow her on Twitter @janedoe.</p>")]
    [InlineData("<p>Get the day's top headlines in your inbox every morning: sign up for our newsletter.</p>")]
    [InlineData("<p>电话：021-52921234 传真：021-62677454 邮箱：稿件处理 处理时间：9:00—18:00</p>")] // the desk's phone, fax and e-mail
    [InlineData("<p>Newsroom: tel. 22 555 10 00, fax 22 555 10 01</p>")]
    [InlineData("<p>Redakcja: tel. 81 446 28 00, faks 81 446 28 30</p>")] // "fax" in Polish
    [InlineData("<p>Редакция. Телефон: +7 495 555-10-00, факс: +7 495 555-10-01</p>")] // in Russian
    [InlineData("<p>ΤΗΛ. 210 555 1000, φαξ 210 555 1001</p>")] // and in Greek, in capitals
    // the same notes in other languages than the evaluation sets'
    [InlineData("<p>Publié le 3 mars 2021 à 10h12, mis à jour à 11h05</p>")]
    [InlineData("<p>Aktualisiert am Dienstag um 10:12 Uhr</p>")]
    [InlineData("<p>Stand: 10:12 Uhr</p>")]
    [InlineData("<p>1.4K</p>")] // a count of likes alone
    [InlineData("<p>Propos recueillis par Julien Marchetti</p>")] // who asked an interview's questions
    [InlineData("<p>(dpa)</p>")] // the wire services alone
    [InlineData("<p>AFP/Reuters</p>")]
    [InlineData("<p>– EFE</p>")] // no year: the dateline rule does not see it
    [InlineData("<p>Actualizado hace dos horas</p>")]
    [InlineData("<p>Bron: ANP</p>")]
    [InlineData("<p>更新日：2021年3月3日</p>")]
    [InlineData("<p>Reproduction interdite. Tous droits réservés.</p>")]
    [InlineData("<p>Alle Rechte vorbehalten. Vervielfältigung nur mit Genehmigung.</p>")]
    [InlineData("<p>記事の無断転載を禁じます。</p>")]
    [InlineData("<p>Использование материалов сайта возможно только с письменного разрешения редакции.</p>")] // reuse only with the editors' permission
    [InlineData("<p>Мнение авторов публикаций не обязательно отражает позицию редакции.</p>")] // the authors' opinion is not necessarily the editors'
    [InlineData("<p>Материалды көшіріп басқан жағдайда ortalyqhabar.kz сайтына гиперсілтеме міндетті.</p>")] // Kazakh: a link is required when the material is copied
    [InlineData("<p>Всі права захищені. При використанні матеріалів посилання на сайт обов'язкове.</p>")] // Ukrainian
    [InlineData("<p>Všechna práva vyhrazena. Kopírování bez souhlasu vydavatele je zakázáno.</p>")] // Czech
    [InlineData("<p>Minden jog fenntartva.</p>")] // Hungarian
    [InlineData("<p>Նաիրի Պրես նյութերի մասնակի կամ ամբողջական օգտագործման դեպքում ակտիվ հղումը nairipress.am-ին պարտադիր է։</p>")] // Armenian: a link is required when the materials are used
    [InlineData("<p>Kõik õigused kaitstud.</p>")] // Estonian
    [InlineData("<p>Hak cipta dilindungi undang-undang.</p>")] // Indonesian
    [InlineData("<p>כל הזכויות שמורות לאתר החדשות</p>")] // Hebrew
    [InlineData("<p>सर्वाधिकार सुरक्षित। बिना अनुमति के प्रकाशन वर्जित है।</p>")] // Hindi
    [InlineData("<p>© 2005 Harbour Times. All rights reserved. No part of this site may be reproduced without our written permission.</p>")]
    [InlineData("<p>All material on this site is copyright 2004-2006 Harbour Times and may not be republished without permission.</p>")]
    [InlineData("<p>Written by Jane Doe<br>Copyright: Harbour Times<br>Not to be reproduced without permission of Harbour Times</p>")] // the writer and the rights, no year
    [InlineData("<p>The Harbour Times is a nonprofit, reader-funded newsroom. You may republish this story free of charge under a Creative Commons license; please credit the Harbour Times.</p>")] // a nonprofit newsroom's terms
    [InlineData("<p>To contact the reporter on this story: Jane Doe in Harbourtown at jdoe@harbour.example</p>")] // a wire story's contacts
    [InlineData("<p>To contact the editor responsible for this story: John Roe at jroe@harbour.example</p>")]
    [InlineData("<p><i>(Except for the headline, this story has not been edited by Harbour24 staff and is published from a syndicated feed.)</i></p>")] // a portal's note under a wire copy
    [InlineData("<p>(Only the headline and picture of this report may have been reworked by the Harbour Standard staff; the rest of the content is auto-generated from a syndicated feed.)</p>")]
    [InlineData("<p><small>This entry was posted on Monday, May 31st, 2004 at 8:40 pm and is filed under <a href='/c/1'>Uncategorized</a>. You can follow any responses to this entry through the <a href='/p/1/feed'>RSS 2.0</a> feed. You can leave a response, or <a href='/p/1/trackback'>trackback</a> from your own site.</small></p>")] // a blog engine's note under the post
    [InlineData("<p><small>Новость была оставлена 16 января 2012 15:59 в категории <a href='/c/10'>Экономика</a>. Вы можете читать ответы и комментарии к этой новости через <a href='/feed'>RSS 2.0</a>. Свой комментарий Вы можете написать в форме ниже.</small></p>")] // the blog engine's note as a Russian theme translates it
    [InlineData("<p>Posted by Jane Doe on Jan 17 2012. Filed under <a href='/c/2'>Top Stories</a>. You can follow any responses to this entry through the RSS 2.0. Both comments and pings are currently closed.</p>")]
    [InlineData("<p><i>Та статья нырысь «Алнаш ёрос» газетлэн сайтаз 2026 арын 28 ноябре поттэмын вал. Статья CC BY 4.0 лицензия улын, ӧжыт воштонъёсын поттэмын.</i></p>")] // a republished story's licence by its short name and version, in any language (Udmurt)
    [InlineData("<p>Zaj xov xwm no tau luam tawm thawj zaug los ntawm Central Valley Harvest Report thiab rov luam tawm raws li daim ntawv tso cai Creative Commons CC BY-NC-SA 4.0.</p>")] // Hmong, the licence's full name
    [InlineData("<p>ߞߌ߬ߓߊ߬ߙߎ ߣߌ߲߬ ߝߟߐ߫ ߓߐ߬ ߘߊ߫ ߡߌ߬ߟߏ߫ ߞߊ߲ ߙߊ߬ߘߌ߬ߦߏ ߟߊ߫. ߊ߬ ߓߘߊ߫ ߟߊߥߟߌ߫ ߦߊ߲߬ ߟߊ߫ Creative Commons BY 4.0 ߟߊߘߊ߲ ߞߊ߲߬.</p>")] // N'Ko
    [InlineData("<p>EFE 2026. Está expresamente prohibida la redistribución y la redifusión de todo o parte de los contenidos de los servicios de Efe, sin previo y expreso consentimiento de la Agencia EFE S.A.</p>")] // a wire service's notice in Spanish, no © and no year before its words
    [InlineData("<div class='creative-commons'>Este conteúdo está licenciado sob a Licença Creative Commons Atribuição 4.0 Internacional. A republicação é gratuita, desde que citados o autor e a agência.</div>")] // the licence named in words
    [InlineData("<div class='field'><div class='field__label'>Forrás</div><div class='field__item'>MTI</div></div>")] // a source's label alone over the wire's name in a field of its own
    [InlineData("<p>Verwendete Quelle: Podcast „Zwischen den Takes“</p>")] // the sources a German magazine names under its story
    [InlineData("<p>Medically reviewed by Jenna Holloway, MD, MPH — Written by Daniel Okafor on August 14, 2024</p>")] // who checked a health story
    [InlineData("<p>Fundacja PAP zezwala na bezpłatny przedruk artykułów z Serwisu pod warunkiem mailowego poinformowania nas o fakcie korzystania z artykułów.</p>")] // a Polish agency's terms for reprints
    [InlineData("<p>Źródło artykułu: Mistrzowie Parkietu</p>")] // a Polish portal's label for the story's source
    [InlineData("<p>Edited by Oliver Brandt.</p>")] // who edited the story
    [InlineData("<p>（田中美咲）</p>")] // the Japanese reporter's name in brackets under the story
    [InlineData("<p>IP/25/1187</p>")] // the European Commission's reference for its release
    [InlineData("<p>原标题：“刻痕——林秋白版画回顾展”开幕 260余件作品回望一位乡村版画家的六十年</p>")] // the title the story had where it was first published
    [InlineData("<p>(wsw/fem)</p>")] // the desk's codes in brackets, as Indonesian portals sign their stories
    [InlineData("<p>mcc/rmlgv</p>")] // the desk's codes for writer and editor, five letters after the slash
    [InlineData("<p><b>LAURA PEDRAZA<br>CORRESPONSAL DE HARBOUR TIMES<br>PUERTO NUEVO (CARIBE)</b></p>")] // a correspondent's signature in capitals, as Colombian dailies set it
    public void Notes_under_the_text_are_dropped(string furniture)
    {
        Assert.Equal(First + "\n\n" + Last, Extract($"<p>{First}</p><p>{Last}</p>{furniture}"));
    }

    [Theory]
    [InlineData("<div>Publiceret i går kl. 22.47</div><div>Opdateret i dag kl. 08.15</div>")] // Danish, the days named rather than dated
    [InlineData("<div>Oppdatert i dag kl. 08.15</div>")] // Norwegian
    [InlineData("<div>Uppdaterad i dag 08:15</div>")] // Swedish
    [InlineData("<div>Julkaistu 11.3. klo 22.47</div>")] // Finnish
    public void A_stamp_under_the_lead_is_dropped(string stamp)
    {
        const string Lead = "The ferry terminal will be built after all, and the first boats could sail from it in two years.";
        Assert.Equal(Lead + "\n\n" + First + "\n\n" + Last, Extract($"<p>{Lead}</p>{stamp}<p>{First}</p><p>{Last}</p>"));
    }

    [Theory]
    [InlineData("<p><b>Подписывайтесь на «Вести Гавани» в Дзене, чтобы первыми узнавать новости района.</b> А если вы уже плавали на новом пароме — расскажите в комментариях, как съездили.</p>", "")] // a request to follow in the first sentence, a request for comments after it
    [InlineData("<p>Follow the Harbour Times on WhatsApp for the day's news. And if you took the new ferry this week, tell us in the comments below how the crossing went for you.</p>", "")]
    [InlineData("<p>Follow the ferry company's WhatsApp channel and you would have known of the cancellations hours before the harbour's own board showed them, passengers said.</p>", "Follow the ferry company's WhatsApp channel and you would have known of the cancellations hours before the harbour's own board showed them, passengers said.")] // the story's last sentence opens with "follow", longer than a prompt
    [InlineData("<p>Blognı oquğanıñız içün sağ oluñız! Yañı maqalelerni qaçırmamaq içün Telegram kanalımızğa abone oluñız: @qirimsesi</p>", "")] // a closing pitch in any language: a network named, its handle last
    [InlineData("<p><strong>Seguici su Facebook</strong>: metti “Mi piace” alla pagina de La Voce del Porto per restare aggiornato su tutte le notizie del porto e della provincia.</p>", "")] // the request before its colon, a long sentence after it
    [InlineData("<p>Mayor Jane Doe, who posts as @janedoe on Instagram, said the first ferry would sail from the new terminal in May.</p>", "Mayor Jane Doe, who posts as @janedoe on Instagram, said the first ferry would sail from the new terminal in May.")] // a handle inside the story's sentence
    public void A_request_to_follow_the_site_that_opens_or_closes_the_last_block_goes(string last, string kept)
    {
        const string Middle = "The new terminal will have room for four ferries at once, twice as many as the old quay, and a covered hall for foot passengers.";
        var text = Extract($"<p>{First}</p><p>{Middle}</p><p>{Last}</p>{last}");

        Assert.Equal($"{First}\n\n{Middle}\n\n{Last}" + (kept.Length > 0 ? "\n\n" + kept : ""), text);
    }

    [Fact]
    public void A_subheading_after_a_pull_quote_is_no_speaker_though_its_box_is_named_for_a_quote()
    {
        // Enfold names every subheading's box "blockquote modern-quote", as it names a pull quote's.
        var text = Extract($"<p>{First}</p><div class='pullquote'>“The terminal should open to passengers in the summer of the following year”</div>" +
                           $"<div class='av-special-heading blockquote modern-quote'><h3>What happens next</h3></div><p>{Last}</p>");

        Assert.Equal(string.Join("\n\n", First, "What happens next", Last), text);
    }

    [Fact]
    public void A_credit_just_above_readers_comments_is_at_the_texts_edge()
    {
        // Four comments follow the heading: without the text ending at the heading, the credit
        // would stand far from the page's last blocks.
        const string Comment = "I have taken that ferry every week for twenty years, and the old quay was never big enough for the summer crowds.";
        var comments = string.Concat(Enumerable.Repeat($"<p>{Comment}</p>", 4));

        var text = Extract($"<p>{First}</p><p>{Last}</p><p>{First}</p><p>{Last}</p><p>Source: Harbour News Agency</p><h3>Comments</h3>{comments}");

        Assert.Equal(string.Join("\n\n", First, Last, First, Last), text);
    }

    [Theory]
    [InlineData("<h3>12 commentaires</h3>")]
    [InlineData("<h3>Leserkommentare</h3>")]
    [InlineData("<p>Deja un comentario</p>")]
    [InlineData("<h3>Comentários (4)</h3>")]
    [InlineData("<h3>Lascia un commento</h3>")]
    [InlineData("<h3>Reacties</h3>")]
    [InlineData("<h3>Yorumlar</h3>")]
    [InlineData("<h3>コメント</h3>")]
    [InlineData("<h3>댓글 4</h3>")]
    [InlineData("<h3>التعليقات</h3>")]
    [InlineData("<h3>Kommentarer (12)</h3>")] // Norwegian, Danish, Swedish
    [InlineData("<h3>Kommentit</h3>")] // Finnish
    [InlineData("<h3>Hozzászólások (42)</h3>")] // Hungarian
    [InlineData("<h3>Komentáře</h3>")] // Czech
    [InlineData("<p>Всего комментариев: 3</p>")] // Russian counts five and more, and "in all", in the genitive plural
    [InlineData("<h3>12 комментариев</h3>")]
    [InlineData("<h3>Коментарі (4)</h3>")] // Ukrainian
    [InlineData("<h2 id='comments'>Comments</h2>")] // the heading goes as furniture by its id, yet still says where the thread begins
    [InlineData("<h2 class='comments-title'>Kommentarer</h2>")]
    [InlineData("<h2>Отзывы читателей 10</h2>")] // readers' reviews
    [InlineData("<p><b>What You Should Know About Comments on Harbour.example</b></p>")] // the site's rules for comments head them too
    [InlineData("<h3>About comments</h3>")]
    [InlineData("<h3>Comment guidelines</h3>")]
    [InlineData("<h4>Commenting policy</h4>")]
    [InlineData("<ul class='msg msghead'><li class='tbname'>评论列表:</li></ul>")] // "comment list", over Z-BlogPHP's thread
    [InlineData("<div><form><select name='com_mode'><option>フラット表示</option></select></form>投稿された内容の著作権はコメントの投稿者に帰属します。</div>")] // the note XOOPS sets over its threads: the comments belong to their posters
    [InlineData("<p>The comments are owned by the poster. We aren't responsible for their content.</p>")] // and in English, as XOOPS and PHP-Nuke write it
    public void Readers_comments_under_their_heading_end_the_text(string heading)
    {
        // Readers' comments are prose: only the heading over them tells them from the article's paragraphs.
        const string Comment = "I have taken that ferry every week for twenty years, and the old quay was never big enough for the summer crowds.";
        var comments = string.Concat(Enumerable.Repeat($"<p>{Comment}</p>", 4));

        var text = Extract($"<p>{First}</p><p>{Last}</p><p>{First}</p><p>{Last}</p>{heading}{comments}");

        Assert.Equal(string.Join("\n\n", First, Last, First, Last), text);
    }

    [Theory]
    [InlineData("<h2>Kommentar</h2>")] // German: the label of an opinion piece, not readers' comments
    [InlineData("<h2>Comentario</h2>")]
    [InlineData("<h2>About comments on the new budget</h2>")] // a subheading of the story, not the rules of a thread
    public void A_singular_that_heads_an_opinion_piece_is_no_comments_heading(string heading)
    {
        var text = Extract($"<p>{First}</p><p>{Last}</p><p>{First}</p>{heading}<p>{Last}</p>");

        Assert.Equal(string.Join("\n\n", First, Last, First, ArticleText.FromHtmlFragment(heading), Last), text);
    }

    [Theory]
    [InlineData("<h3>About Quillfield</h3><p>Quillfield makes maintenance software for transit fleets. Founded in 2014, it is based in Harlow Bay.</p><p>Media contact: press@quillfield.example</p>")] // a press release's company boilerplate and contact
    [InlineData("<p><strong>Über das Unternehmen</strong></p><p>Die Voranta Werke AG fertigt seit 1961 Heizungs- und Klimasysteme.</p>")]
    [InlineData("<h2>Over Noordkust Energie</h2><p>Noordkust Energie is een onafhankelijk energiebedrijf in Groningen.</p>")]
    [InlineData("<p>END</p><p>来源：青溪日报融媒体中心</p><p>编辑：王一帆 校对：刘畅</p>")] // a WeChat article's end mark over its credits
    [InlineData("<p>-end-</p><p>More information is on the harbour authority's website.</p>")] // a release's end mark
    [InlineData("<h2>Sources</h2><ul><li>Harbour authority, board minutes, March 4</li><li>Phone interview, harbour master, March 5</li></ul>")] // the list of a fact check's sources
    [InlineData("<h2>Fontes<span class='mw-editsection'>[<a href='/w/index.php?action=edit&amp;section=4'>editar</a>]</span></h2><ul><li>Jornal do Porto, 4 de março</li></ul>")] // and of a wiki's news article, beside its edit link
    [InlineData("<p><b>Bronnen</b></p><p>Verslag van de havenraad, 4 maart</p>")]
    [InlineData("<h2>Frequently asked questions</h2><details><summary>When does the terminal open?</summary><p>In May.</p></details><details><summary>Will fares rise?</summary><p>Not this year.</p></details>")] // the questions and answers added under a story for search engines
    [InlineData("<h2>Preguntas frecuentes</h2><h3>¿Cuándo abre la terminal?</h3><p>En mayo.</p>")]
    [InlineData("<p><strong>Forward-Looking Statements</strong></p><p>This release contains forward-looking statements within the meaning of the securities laws, including statements about the terminal's opening, its costs and the number of ferries it will serve, which involve risks and uncertainties. Actual results may differ materially from those expressed or implied, because of the weather, the prices of steel and fuel, the decisions of regulators and the other factors described in the company's annual report. The company undertakes no obligation to update these statements.</p>")] // a release's legal notice, longer than half the story
    [InlineData("<h3>Cautionary Note Regarding Forward-Looking Statements</h3><p>Statements about the future are not promises.</p>")]
    [InlineData("<p><strong>Sıradaki Yazı</strong></p><h2>Faiz kararı sonrası piyasalar</h2><p>Merkez Bankası'nın geçen haftaki kararı piyasada beklendiği gibi karşılanmadı.</p>")] // the next column loaded under this one
    [InlineData("<h2>Informacje o publikacji dokumentu</h2><p>Pierwsza publikacja:</p><p>08.04.2025 14:20 Joanna Malinowska</p><p>Ostatnia modyfikacja:</p>")] // the record of a Polish public body's page
    public void A_heading_that_ends_the_story_takes_what_follows_with_it(string tail)
    {
        const string Middle = "The new terminal will have room for four ferries at once, twice as many as the old quay, and a waiting hall with space for six hundred passengers.";

        var text = Extract($"<p>{First}</p><p>{Middle}</p><p>{Middle}</p><p>{Last}</p>{tail}");

        Assert.Equal(string.Join("\n\n", First, Middle, Middle, Last), text);
    }

    [Theory]
    [InlineData( // a heading in a language no word list holds, over questions in <details>
        """{"@context":"https://schema.org","@type":"FAQPage","mainEntity":[{"@type":"Question","name":"Kapan terminal anyar dibukak?","acceptedAnswer":{"@type":"Answer","text":"Ing sasi Mei."}}]}""",
        "<h2>Pitakonan sing asring ditakoni</h2><details><summary>Kapan terminal anyar dibukak?</summary><p>Ing sasi Mei.</p></details><details><summary>Apa regane tiket mundhak?</summary><p>Ora ing taun iki.</p></details>")]
    [InlineData( // the FAQ in a graph beside the article, its questions numbered on the page, no heading over them
        """{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Harbour plan approved"},{"@type":["WebPage","FAQPage"],"mainEntity":{"@type":"Question","name":"När  öppnar terminalen?"}}]}""",
        "<h3>1. När öppnar terminalen?</h3><p>I maj.</p><h3>2. Blir biljetterna dyrare?</h3><p>Inte i år.</p>")]
    public void The_questions_a_page_marks_up_as_its_FAQ_end_the_story_with_the_heading_over_them(string faq, string tail)
    {
        const string Middle = "The new terminal will have room for four ferries at once, twice as many as the old quay, and a waiting hall with space for six hundred passengers.";

        var text = ExtractWithHead($"<script type='application/ld+json'>{faq}</script>", $"<p>{First}</p><p>{Middle}</p><p>{Middle}</p><p>{Last}</p>{tail}");

        Assert.Equal(string.Join("\n\n", First, Middle, Middle, Last), text);
    }

    [Theory]
    [InlineData("<h2>When does the terminal open?</h2><p>In May, a year late.</p>")] // the FAQ's question heading the story's own section, with most of the text after it
    [InlineData("<p>Residents asked: when does the terminal open? Nobody at the meeting could say.</p>")] // the question inside a longer line
    public void The_FAQs_question_is_the_storys_own_where_the_story_goes_on_after_it(string section)
    {
        const string Faq = """{"@context":"https://schema.org","@type":"FAQPage","mainEntity":[{"@type":"Question","name":"When does the terminal open?"}]}""";
        const string Middle = "The new terminal will have room for four ferries at once, twice as many as the old quay, and a waiting hall with space for six hundred passengers.";
        var body = $"<p>{First}</p><p>{Middle}</p><p>{Last}</p>{section}<p>{Middle}</p><p>{Middle}</p><p>{Middle}</p><p>{Last}</p>";

        var text = ExtractWithHead($"<script type='application/ld+json'>{Faq}</script>", body);

        Assert.Equal(ArticleText.FromHtmlFragment(body), text);
    }

    [Fact]
    public void Notes_above_a_copyright_line_that_ends_the_text_are_at_its_edge()
    {
        // The line that ends the text is found on the way; the source and the editor's name kept
        // above it are the text's last blocks, as they would be above readers' comments.
        const string Middle = "The new terminal will have room for four ferries at once, twice as many as the old quay, and a waiting hall with space for six hundred passengers.";
        var text = Extract($"<p>{First}</p><p>{Middle}</p><p>{Middle}</p><p>{Middle}</p><p>{Last}</p>" +
            "<p>（本文来源：海港时报 作者：陈思源）</p><p>责任编辑：林晓</p><p>© 2025 Harbour Times. All rights reserved.</p>" +
            "<p>Town council meets on Monday about the car park</p><p>Ferry fares to rise in spring</p><p>New pier opens at the marina</p>");

        Assert.Equal(string.Join("\n\n", First, Middle, Middle, Middle, Last), text);
    }

    [Fact]
    public void A_copyright_line_ends_the_text_when_little_follows_it_whatever_went_before_it()
    {
        // The teasers under "Related stories:" stand before the copyright line, not after it: what
        // follows the line is one short headline, under a quarter of the text above it.
        const string Middle = "The new terminal will have room for four ferries at once, twice as many as the old quay, and a waiting hall with space for six hundred passengers.";
        const string Teasers = "<p><b>Related stories:</b></p>" +
            "<p><b><a href='/a'>Ferry fares to rise in spring</a></b><br>Operators blame the price of fuel for the first rise in four years, and say the new terminal's fees are not the reason for it.<br>Harbour Times, March 2</p>" +
            "<p><b><a href='/b'>New pier opens at the marina</a></b><br>The pier takes boats of up to twenty metres, and the marina plans a second one further along the breakwater next year.<br>Harbour Times, March 1</p>" +
            "<p><b><a href='/c'>Lighthouse keeper's cottage up for sale</a></b><br>The council hopes a buyer will open the cottage to visitors on summer weekends, as the last owner did.<br>Harbour Times, February 28</p>";

        var text = Extract($"<p>{First}</p><p>{Middle}</p><p>{Middle}</p><p>{Last}</p>{Teasers}" +
            "<p>© 2005 Harbour Times. All rights reserved.</p><p>Town council meets on Monday about the car park</p>");

        Assert.Equal(string.Join("\n\n", First, Middle, Middle, Last), text);
    }

    [Theory]
    [InlineData("<h2>What happens next</h2>")] // a subheading
    [InlineData("<header class='frame-header'><h2 class='element-header'>What happens next</h2></header><p>The works start in May.</p>")] // a subheading in a <header> of its own (TYPO3's content elements)
    [InlineData("<header><h3>What happens next</h3></header><p>The works start in May.</p>")]
    [InlineData("<p>By 2030, the port expects to handle twice as many passengers.</p>")] // "By" starting a sentence, with a year
    [InlineData("<p>Adobe Reader users were urged to update after a flaw let a PDF run code on their computers.</p>")] // the reader named in a sentence of the story, no notice of what a PDF needs
    [InlineData("<p>Only boats from three yards are affected:</p><ul><li>Hulls numbered HT-2311 (built November 2023)</li><li>Hulls numbered HT-2312 (built December 2023)</li></ul>")] // a list the text introduces with a colon, short lines with a year near the text's top: its items, not date lines
    [InlineData("<h3><a href='/guide'>Our guide to the new terminal</a></h3>")] // a linked subheading outside a list
    [InlineData("<p>【新华社】记者从市政府获悉，新的轮渡码头将于明年春天动工，预计两年后建成。</p>")] // a bracketed agency tag before the sentence it opens
    [InlineData("<p>记者：新码头建成后，票价会不会上涨？</p>")] // an interview's question, not the reporter's credit
    [InlineData("<h2>About the study</h2><p>The researchers counted passengers on every crossing for two summers.</p>")] // the story's own last section, under "About"
    [InlineData("<h2>Frequently asked questions about the ferry are answered by the operator's new hotline, open from May.</h2>")] // the words in a longer line
    [InlineData("<p>Press releases from the harbour authority had promised the terminal for last summer, residents pointed out at the meeting.</p>")] // press releases in a sentence of the story
    [InlineData("<h2>Sources of the delay</h2><p>The contractor blames the wet winter and a shortage of steel.</p>")] // a section about sources, not the list of them
    [InlineData("<h3>Sources</h3><p>Officials who asked not to be named said the terminal would open late.</p><p>The operator's own figures show the first ferries are already fully booked, and the harbour's budget for the year assumes they will sail from the new quay in May.</p><p>Whether they do depends on the steel.</p>")] // the story's own section under the word, longer than the text above it is half
    [InlineData("<p>The weekend market will end at four, an hour earlier than last year. Photo galleries of the opening are on the harbour's website.</p>")] // "Photo" inside a sentence of the story
    [InlineData("<p>(Graphic: Ferry passengers by year - here)</p>")] // a wire story's pointer to its graphic, in parentheses, is the story's own
    [InlineData("<p>Bookings for the first crossings open on Monday by phone and by e-mail; the operator expects the first week to sell out.</p>")] // the words without the numbers
    [InlineData("<p>The court ruled in 2004 that copying the timetable was no copyright infringement, since nobody owns facts.</p>")] // copyright as the subject
    [InlineData("<p><a href='/report'>The authority's report</a><br>It runs to four hundred pages and took two years to write.</p><p><a href='/map'>The terminal's site plan</a><br>It shows the new berths and the car park.</p>")] // paragraphs that open with a link, under no label: the article's own
    [InlineData("<p><a href='/story'>बंदरगाह प्राधिकरण ने मंगलवार को नए फ़ेरी टर्मिनल की योजना को मंज़ूरी दी, जिस पर निवासियों और जहाज़रानी कंपनियों के साथ दो साल तक चर्चा हुई थी। निर्माण अगले वसंत में शुरू होगा।</a></p>")] // prose inside one link, ending in a Devanagari full stop
    [InlineData("<p><a href='/story'>وافقت سلطة الميناء يوم الثلاثاء على خطة إنشاء محطة جديدة للعبّارات بعد عامين من المشاورات مع السكان وشركات الشحن، فمتى سيبدأ البناء وكم سيكلف المشروع في النهاية؟</a></p>")] // and in an Arabic question mark
    [InlineData("<p>The council's <a href='/newsletter/march'>March newsletter</a> reported the decision a week before the vote, which angered the residents' association.</p>")] // a newsletter named in a sentence, the link not its last words
    [InlineData("<p>To contact the reporter on this story, residents rang the newsroom until late at night.</p>")] // the words in a sentence, with no label's colon
    [InlineData("<p>* * *</p>")] // the writer's break between sections
    [InlineData("<p>This transcript was read out in court, and the defence asked for the recording itself to be played to the jury.</p>")] // a transcript the story reports on, no note on the page's own
    [InlineData("<p>Transcripts are generated for every hearing, the court said, but only some are published.</p>")]
    [InlineData("<p>Allow the council's content to be shared, the mayor said?</p>")]
    [InlineData("<p>The council's full report (PDF, 2.3MB) runs to four hundred pages and was published on Monday.</p>")] // a file named in a sentence of the story
    [InlineData("<p>The ministry warned that the app does not replace a doctor's advice and should not be used to diagnose children.</p>")] // a warning the story reports, about something else than the text
    [InlineData("<p>Der Verband kritisiert, dass der Artikel im Gesetz keine ärztliche Beratung vorschreibt.</p>")]
    [InlineData("<h2>What changes in 2025</h2>")] // a subheading that names its year, under a paragraph of the text and over more: a section's, not a date line
    [InlineData("<p>Views: residents split over the new terminal</p>")] // "Views" heading a section, no count
    [InlineData("<p>Residents can download the council's new app to report potholes, the mayor said.</p>")] // an app in the story
    [InlineData("<p>The council said the water is filtered for lead before it reaches the harbour's taps, and that comments from residents are welcome.</p>")] // filtered, but not the comments for language
    [InlineData("<p>Audio generated by AI is now used by scammers who call pensioners, the police warned.</p>")] // a story about such audio
    [InlineData("<p>The text of the novel is read by an artificial voice in the new audiobook, which upset the author's family.</p>")] // a story about a synthetic voice, not the note under this text's player
    [InlineData("<h3>The night of <time datetime='2025-03-04'>Tuesday, 4 March</time></h3>")] // a heading that dates its section
    [InlineData("<p>The council approved the plan on <time datetime='2025-11-13'>13 November</time>, after two years of consultation</p>")] // a sentence that dates something, its full stop missing
    [InlineData("<p>___</p>")] // parts a wire story from its contributors' note
    [InlineData("<pre>if (late) {\n  wait();\n}\n----------</pre>")] // marks in code are the code's
    [InlineData("<p>Stand to Reason</p>")] // "Stand" without the colon of a German time stamp
    [InlineData("<p>Los niños necesitan libros nuevos para seguir leyendo durante el verano, dijo la bibliotecaria.</p>")] // reading on, no paywall
    [InlineData("<p>The new timetable planner requires JavaScript, which older phones lack, the operator admitted.</p>")] // a story about a site that needs scripts
    [InlineData("<p>Users should download the latest version of Adobe Flash Player, which fixes the flaw, the company said.</p>")] // a security story's advice, not a prompt to view the page's video
    [InlineData("<p>The harbour's old film of the launch plays in a Flash player that no browser runs any more, so the museum is copying it.</p>")] // Flash in the story, no prompt to get it
    [InlineData("<p>Johnson, already a member of the harbour board for ten years, will chair the new committee.</p>")] // a member in the story, not the prompt's question
    [InlineData("<p>Members of the rowing club may read the rest of the minutes at the boathouse, the secretary said.</p>")] // reading the rest of something else, no paywall
    [InlineData("<p>The moderator asked the candidates to keep their comments short, and most of them did.</p>")] // a moderator, not moderation
    [InlineData("<p>The inspectors found an error in the design of the second pier, which the contractor has since corrected.</p>")] // an error the story reports
    [InlineData("<blockquote class='twitter-tweet'><p>Finally, a proper terminal!</p>— Harbour Fan (@harbourfan) <a href='#'>July 30, 2018</a></blockquote>")]
    [InlineData("<blockquote><p>“We will not be building a terminal for cruise ships, whatever the owners of the marina may hope.”</p><cite>Harbour authority</cite></blockquote>")] // a quote the text does not repeat
    [InlineData("<blockquote><p>“Ferry terminal”</p></blockquote>")] // words too few to be a pull quote by chance of their match
    [InlineData("<div class='quote-of-the-day'><p>“Whoever builds a harbour builds a town.”</p></div>")] // a box named for a quote that repeats nothing of the text
    [InlineData("<div class='text-block'><p>The ferry company posted the new timetable on its <a href='https://t.me/harbourferries'>Telegram channel</a> on Monday, hours before the first sailings were cancelled.</p></div>")] // a channel linked in passing by a paragraph of the story
    [InlineData("<div class='text-block'><p>Follow the ferry company's <a href='https://whatsapp.com/channel/0029VaFerries'>WhatsApp channel</a> and you would have known of the cancellations hours before the harbour's own board showed them, passengers said.</p></div>")] // "follow" opening a sentence of the story that is longer than a prompt: two lines of pitch at most
    [InlineData("<p>Residents who follow the council on Facebook learned of the closure first.</p>")] // following a network in a sentence of the story: no request opens the line
    [InlineData("<p>📈 Facebook's shares rose 4 % after the results, the most in a year.</p>")] // a briefing's item that opens with a pictograph, no handle
    [InlineData("<p>The regulator ruled that the influencers' tips do not constitute investment advice, so no licence was needed.</p>")] // a story about advice, not the desk's note about this text
    [InlineData("<p>The ferry left at six in the morning. The photo: a crowd on the quay waving it off, taken by a passenger who later sold it to the council for its annual report on the harbour and the new terminal.</p>")] // "photo:" in a long sentence, no credit
    [InlineData("<p>Reporters asked the minister about the 10 min reading test the schools introduced this spring.</p>")] // a reading test, not a reading time
    [InlineData("<p>The story continues below the harbour wall, where the old ferry was found in 1962.</p>")] // a story continuing, no ad
    [InlineData("<p>Residents watch as the ferry leaves: some wave, some film it on their phones.</p>")] // "watch" in a sentence, not opening a video's title
    [InlineData("<h2><a id='the-vote'></a>The vote</h2>")] // a heading with an empty anchor to link to
    [InlineData("<div><p>The vote</p><div class='chart'><p>Yes 412, no 388</p></div></div>")] // a short line beside a box that holds text
    [InlineData("<div><p>The harbour master filmed the old ferry's last crossing from the bridge, and the council has put his video of the quay at dawn on its website.</p><video controls src='/last-crossing.mp4'></video></div>")] // a paragraph of the story beside a video, longer than a player's title
    [InlineData("<div>Mayor re-elected<div id='results-map'></div></div>")] // a line that is the box's own text, no element of its own
    [InlineData("<p>Maria Mutola won the 800 metres in 1:58.90, the best time in the world this year. Photo by Jeanie Dunn.</p>")] // a report's paragraph that names its photographer: no outlet after the name
    [InlineData("<p>The playlist runs from 00:00 to 12:34 on Sundays, the station said.</p>")] // times in a sentence
    [InlineData("<p>The council's report, <a href='/en/reports/ferries' lang='en'>published in English</a> last week, found the ferries late on one crossing in four, and the operator has disputed its figures ever since.</p>")] // a link to a text in another language in a sentence of the story, longer than a switcher, no hreflang
    [InlineData("<blockquote><p><img src='/reviews/anna.jpg'></p><p style='text-align: center;'>“Very talented people! Super fun and entertaining, and we won a prize!”</p></blockquote>")] // a reader's review set under their photo, inside a quote
    [InlineData("<table><tr><td><p><img src='/members/day.gif'></p><p>Day Art Studio</p></td><td><p><img src='/members/dean.gif'></p><p>Dean's Café</p></td></tr></table>")] // a listing's entry in a table's cell: a member's logo and name
    [InlineData("<p>The harbour's photo archive will be released under a Creative Commons licence next year, the museum said.</p>")] // a licence the story reports, no short name and version
    [InlineData("<p><a href='#top'><img src='/img/icon.gif' height='25' width='25' alt=''></a>&nbsp;<b>Referenced projects</b><br></p>")] // a heading beside an icon, its break after it: no picture's line and caption's line
    [InlineData("<p>Written by Mark Twain in 1876, the novel is still read in every school.</p>")] // a sentence that opens with a byline's words
    [InlineData("<p>Bu haber toplam üç kez düzeltildi.</p>")] // "this story was corrected three times in all": no count of reads
    [InlineData("<p>Five years later, nearly every home in town can buy a gigabit connection for $79 a month, and the network has 812 paying subscribers.</p>")] // a price a month in the story, subscribers too: no offer's turn from a first price to the next
    [InlineData("<p>If you just want the streaming service, you can sign up for a free 7-day trial. Afterwards you'll pay $6.99 per month.</p>")] // a review's prices
    [InlineData("<p>Green Saver Plan: $4.95/month, and $0.07/minute for all state-to-state calls</p>")] // a plan the story lists, its price written as a tag
    [InlineData("<p>Parents set up a WhatsApp group for the school run, and the council now posts its closures there first, the head teacher said.</p>")] // a messaging app's group in the story, no link to it
    [InlineData("<p>The study, published in Nature (doi: 10.1038/s41586-025-08412-7), tracked the glacier for twelve years.</p>")] // a DOI inside a sentence
    [InlineData("<p>Google will let readers pick a preferred source for its Top Stories from next month.</p>")] // Google's setting in the news, no request to add the site
    [InlineData("<p>ISIN: the code every broker asks for, printed on each statement, is twelve characters long and names the fund.</p>")] // a security's identifier named in a sentence
    [InlineData("<p>The council's plea, “Send us your photos of potholes”, brought in more than 400 pictures within a week.</p>")] // a request for photos the story reports, inside its sentence
    [InlineData("<p>Dieser Artikel wird laufend aktualisiert, klagte der Verlag im Prozess, und verlangte Geld für jede neue Fassung.</p>")] // a story about updates: a sentence that goes on
    [InlineData("<p>The logs were retrieved on Monday from https://archive.harbour.example/logs, officials said, and showed the ferry left late.</p>")] // a retrieval the story reports, a sentence going on past the address
    [InlineData("<p>Police say the boat's owner will be asked to write to them on WhatsApp, which the harbour master called unusual.</p>")] // a messenger in the story's sentence, no request to the reader
    [InlineData("<p>This article was originally published by Harbour Science. Read the original article.</p>")] // where the story was first published online: the zyte and cleaneval references keep it
    public void Look_alikes_that_belong_to_the_article_are_kept(string content)
    {
        var text = Extract($"<p>{First}</p>{content}<p>{Last}</p>");

        Assert.Equal(ArticleText.FromHtmlFragment(content), text.Split("\n\n")[1..^1].Aggregate((a, b) => a + "\n\n" + b));
    }

    [Theory]
    [InlineData("<p>Ruth Penrose</p><p>Reporter</p><p>Ruth Penrose covers the harbour and the town council for the Harbour Times. She has lived in the town since 2009.</p>")] // the note opens with the name
    [InlineData("<div class='card'><p>Ruth Penrose</p><p>Local desk. Covers the harbour, the ferries and the town council. Studied at the University of Hillford.</p></div>")] // the note under the name alone, as an author box sets it
    public void A_note_about_the_writer_under_the_text_goes_with_the_name_and_role_over_it(string note)
    {
        const string Middle = "The new terminal will have room for four ferries at once, twice as many as the old quay, and a covered hall for foot passengers.";
        var page = "<html><head><title>Harbour plan approved | Harbour Times</title><meta name='author' content='Ruth Penrose'></head><body><article>" +
            $"<p>{First}</p><p>{Middle}</p><p>{Last}</p>{note}</article></body></html>";

        var article = new ArticleExtractor().Extract(page, null);

        Assert.Equal("Ruth Penrose", article.Byline);
        Assert.Equal($"{First}\n\n{Middle}\n\n{Last}", article.Text);
    }

    [Fact]
    public void A_releases_paragraph_that_opens_with_the_company_it_is_by_is_news_above_the_companys_section()
    {
        // The release gives its company as its author; its last paragraph opens with the company's
        // name, and the heading of the company's standing section below names it too (in a
        // language no list of "About" headings holds).
        const string Middle = "The cooperative will give 24 million pesos to 42 villages this year to build new hives and to train keepers who sell abroad.";
        const string News = "Kaab Cooperative will publish its results for the first quarter on 15 May.";
        var page = "<html><head><title>Honey sales double | Wire</title><meta name='author' content='Kaab Cooperative'></head><body><article>" +
            $"<p>{First}</p><p>{Middle}</p><p>{Last}</p><p>{News}</p><p><b>Yóok'lal Kaab Cooperative</b></p>" +
            "<p>Kaab Cooperative was founded in 1998 in Yaxcabá and sells honey and wax in 14 countries.</p></article></body></html>";

        var article = new ArticleExtractor().Extract(page, null);

        Assert.StartsWith($"{First}\n\n{Middle}\n\n{Last}\n\n{News}", article.Text);
    }

    [Theory]
    [InlineData("<p>Do you know more about the terminal?</p><p>Contact reporter Ruth Penrose at rpenrose@harbourtimes.example or send us a tip through our website.</p>", "")] // the newsroom's own address, with the question asking for the tip
    [InlineData("<p>Kontakt oss på tips@news.harbourtimes.example eller send SMS til 2280.</p>", "")] // a subdomain of the site's
    [InlineData("<p>Do you have a story from your area? Write to us on WhatsApp or at harbourtimes@gmail.com.</p>", "")] // a webmail mailbox under the site's name
    [InlineData("<p>Tickets for the opening are sold by the festival's organisers at harbourfest@gmail.com.</p>", "Tickets for the opening are sold by the festival's organisers at harbourfest@gmail.com.")] // another name's mailbox at a webmail provider
    [InlineData("<p>Anyone who saw the collision in the harbour is asked to contact the harbour police at witnesses@harbourpolice.example.</p>", "Anyone who saw the collision in the harbour is asked to contact the harbour police at witnesses@harbourpolice.example.")] // the story's own contact, at another domain
    [InlineData("<p>More information is available at www.harbourtown.gov/ferry. Questions can also be directed to the Harbour Office at 555-0188 or harbour@harbourtown.gov.</p>", "More information is available at www.harbourtown.gov/ferry. Questions can also be directed to the Harbour Office at 555-0188 or harbour@harbourtown.gov.", "www.harbourtown.gov")] // a town's own release tells its readers where to write
    [InlineData("<p>Media enquiries: Communications Team, 01632 960418, press@harbourtown.gov</p>", "", "www.harbourtown.gov")] // a line of its contact's fields goes as the release's furniture
    public void The_sites_own_contact_under_the_text_goes(string contact, string kept, string site = "www.harbourtimes.example")
    {
        const string Middle = "The new terminal will have room for four ferries at once, twice as many as the old quay, and a covered hall for foot passengers.";
        var page = $"<html><head><title>Harbour plan approved | Harbour Times</title></head><body><article><p>{First}</p><p>{Middle}</p><p>{Last}</p>{contact}</article></body></html>";

        var article = new ArticleExtractor().Extract(page, new Uri($"https://{site}/news/harbour-plan"));

        Assert.Equal($"{First}\n\n{Middle}\n\n{Last}" + (kept.Length > 0 ? "\n\n" + kept : ""), article.Text);
    }

    [Fact]
    public void A_paywalls_small_box_goes_whole_with_its_prompt()
    {
        // The box's offer and note are sentences of their own that no pattern knows; its prompt names it.
        var page = $"<html><head><title>Bathhouse reopens</title></head><body><article><div class='article-body'><p>{First}</p><p>{Last}</p></div>" +
            "<div class='paywall' id='paywall'><p class='paywall__lock'>この記事は会員限定です</p>" +
            "<p class='paywall__lead'>北嶺新聞デジタルの無料会員に登録すると、会員限定記事を月5本までお読みいただけます。</p>" +
            "<p class='paywall__note'>※北嶺新聞を購読中の方は、追加料金なしで「購読者プラン」をご利用いただけます。</p></div></article></body></html>";

        Assert.Equal($"{First}\n\n{Last}", new ArticleExtractor().Extract(page, null).Text);
    }

    [Fact]
    public void A_paywall_element_holding_the_story_keeps_it_after_the_prompt()
    {
        // A bare "paywall" may name the story behind it: too much text for a prompt's box.
        const string Middle = "The new terminal will have room for four ferries at once, twice as many as the old quay, and a covered hall for foot passengers.";
        const string More = "Residents who objected to the noise of the works will be offered new windows, paid for by the authority, before construction starts.";
        var page = $"<html><head><title>Harbour plan approved</title></head><body><article><p>{First}</p><div class='paywall'>" +
            $"<p>{Middle}</p><p>Subscribe to continue reading this article.</p><p>{More}</p><p>{More} {Middle}</p><p>{Middle} {More}</p><p>{Last}</p></div></article></body></html>";

        Assert.Equal($"{First}\n\n{Middle}\n\n{More}\n\n{More} {Middle}\n\n{Middle} {More}\n\n{Last}", new ArticleExtractor().Extract(page, null).Text);
    }

    [Theory]
    [InlineData("<p>Harbour Times</p>")] // the site's name signing off the story
    [InlineData("<p><em>— Harbour Times</em></p>")]
    public void The_sites_name_alone_goes(string signOff)
    {
        var page = "<html><head><title>Harbour plan approved</title><meta property='og:site_name' content='Harbour Times'></head><body>" +
            $"<article><p>{First}</p><p>{Last}</p>{signOff}</article></body></html>";

        Assert.Equal($"{First}\n\n{Last}", new ArticleExtractor().Extract(page, null).Text);
    }

    [Fact]
    public void The_title_again_goes_though_its_quotes_are_curled()
    {
        // The CMS curls the quotes of what it shows and leaves the title it writes for others straight.
        var page = "<html><head><title>Harbour's plan approved | Harbour Times</title><meta property='og:title' content=\"Harbour's plan approved\"></head><body>" +
            $"<article><p>Harbour’s plan approved</p><p>{First}</p><p>{Last}</p></article></body></html>";

        Assert.Equal($"{First}\n\n{Last}", new ArticleExtractor().Extract(page, null).Text);
    }

    [Fact]
    public void A_photo_storys_paragraph_under_its_picture_stays_when_it_is_most_of_the_text()
    {
        // Alone in a box with the picture, and short, as a caption is; but it is the story.
        const string Story = "Chocolate copies of the Bund and the Terracotta Army go on show today in Pudong's new park.";
        const string Hours = "The park opens at ten.";

        var text = Extract($"<div id='article_info'><p align='center'><img src='/2011/12/16/park.jpg'></p><p>{Story}</p></div><p>{Hours}</p>");

        Assert.Equal($"{Story}\n\n{Hours}", text);
    }

    [Fact]
    public void Where_every_paragraph_is_centred_a_short_one_under_a_picture_is_the_storys()
    {
        const string Line = "For this opening, the theatre prepared three items of its traditional show.";
        var centred = (string text) => $"<p style='text-align: center;'>{text}</p>";

        var text = Extract(centred(First) + "<p style='text-align: center;'><img src='/2018/10/show.jpeg'></p>" + centred(Line) + centred(Last));

        Assert.Equal($"{First}\n\n{Line}\n\n{Last}", text);
    }

    [Fact]
    public void A_notice_that_is_all_the_text_stays()
    {
        // A page whose scripts write everything else: the notice says what the page held.
        const string Notice = "© 2011 Harbour Television. All rights reserved. No part of this site may be reproduced, stored or sent on in any form without our written permission.";
        Assert.Equal(Notice, Extract($"<p>{Notice}</p>"));
    }

    [Theory]
    [InlineData("Shares of Larkspur Pharmaceuticals <a href='/quotes/LKSP' class='css-1ph0nqk-ChicletLink' data-testid='chiclet'><span>LKSP</span> <span class='is-down'>-31.42%<span class='visually-hidden'>decrease; red down pointing triangle</span></span></a> lost nearly a third of their value on Thursday.", "Shares of Larkspur Pharmaceuticals lost nearly a third of their value on Thursday.")] // a stock's quote chip inside the sentence
    [InlineData("Harbrook Homes Inc. <a class='qt-chip trend trend--down' href='/stock/hbrk'><span class='qt-chip__symbol'>HBRK</span>, <bg-quote class='qt-chip__change' field='percentchange'>-3.12%</bg-quote></a> dropped 3.1% after the company reported fewer new orders.", "Harbrook Homes Inc. dropped 3.1% after the company reported fewer new orders.")]
    [InlineData("電子部品中堅の北斗電工<a class='quoteChip_q1v8x0dz' href='/nkd/company/?scode=6958'><span>6958</span><span>3,032円</span><span>-1.04%</span></a>は14日、2025年3月期の連結純利益が前期比28%増の412億円になりそうだと発表した。", "電子部品中堅の北斗電工は14日、2025年3月期の連結純利益が前期比28%増の412億円になりそうだと発表した。")]
    [InlineData("<span class='QuoteInBody-quoteNameContainer'><a href='/quotes/CRVD/'>Corvid Networks</a><span class='QuoteInBody-inlineButton'><span>+14.07%</span><button aria-label='Add to watchlist'>+</button></span></span> shares jumped about 14% in extended trading on Wednesday.", "Corvid Networks shares jumped about 14% in extended trading on Wednesday.")] // the chip that wraps the company's name keeps the name
    [InlineData("The fund's manager, <span class='quote'>\"up 45% on the year\"</span>, was cautious about the months ahead.", "The fund's manager, \"up 45% on the year\", was cautious about the months ahead.")] // a quotation with a figure in it, no quote chip
    [InlineData("Its <span class='ticker-symbol'>HRB</span> shares rose on the day the results were published in the morning.", "Its HRB shares rose on the day the results were published in the morning.")] // a symbol alone, no change
    [InlineData("Nelle ultime settimane il bitcoin <span class='CoinChip_chip__Qm1x8' data-testid='coin-chip'><span class='CoinChip_symbol__aB3d9'>BTC</span><span class='CoinChip_price__Zx8k2'>61.482,10 €</span><span class='CoinChip_change__P0o1L'>+1,84%</span></span> è tornato sopra quota 60.000 euro.", "Nelle ultime settimane il bitcoin è tornato sopra quota 60.000 euro.")] // a coin's price chip
    public void A_stocks_quote_beside_a_company_in_a_sentence_goes(string paragraph, string kept)
    {
        Assert.Equal(First + "\n\n" + kept + "\n\n" + Last, Extract($"<p>{First}</p><p>{paragraph}</p><p>{Last}</p>"));
    }

    [Theory]
    [InlineData("<p>Source: Homestead Mortgage Exchange</p>")] // a table's source under it
    [InlineData("<p>Fonte: bilancio consolidato Ardena Energia</p>")]
    [InlineData("<p>注：均为调整后整存整取定期存款挂牌利率，数据来源：各银行公告</p>")] // its note
    [InlineData("<p>制表：驰影汽车</p>")] // who made it
    public void A_tables_source_under_it_goes(string note)
    {
        const string table = "<table><tr><th>Loan</th><th>Rate</th></tr><tr><td>30-year fixed</td><td>6.12%</td></tr><tr><td>15-year fixed</td><td>5.48%</td></tr></table>";
        const string before = "<p>Mortgage rates fell for a third week in a row, the exchange's weekly survey of lenders found.</p><p>The average rate on a 30-year loan is now at its lowest since the spring, and refinancing has picked up.</p>";
        const string after = "<p>Lenders expect rates to hold near these levels until the central bank meets again in December, the exchange said in its weekly report.</p><p>Applications for new loans rose by a tenth over the week, the most since January.</p><p>Buyers are returning to the market as prices level off in most of the region's towns.</p>";

        AssertGoesFromTheMiddle(before + table, note, after);
    }

    [Fact]
    public void A_source_named_in_the_text_away_from_a_table_stays()
    {
        const string source = "Source: the council's own survey of 1,200 households, published in May, which the authority quoted at length.";

        Assert.Contains(source, Extract($"<p>{First}</p><p>The survey found most residents in favour of the plan, though fewer than half had read it.</p><p>{source}</p><p>The authority will publish its response to the survey in the autumn, before the works begin.</p><p>{Last}</p>"));
    }

    [Fact]
    public void The_headline_and_kicker_the_title_names_go_from_the_texts_top()
    {
        var text = new ArticleExtractor().Extract($"<html><head><title>Velmar Chemie: Spezialchemiekonzern senkt erneut Prognose</title></head><body><article><p>Velmar Chemie</p><h2>Spezialchemiekonzern senkt erneut Prognose</h2><p>{First}</p><p>{Last}</p></article></body></html>", null).Text;

        Assert.Equal(First + "\n\n" + Last, text);
    }

    [Theory]
    [InlineData( // a signup
        "<p>The ferry company said the new timetable would add two crossings on weekdays from June.</p><p>Residents had asked for an earlier morning sailing for years, the council's transport officer said.</p>",
        "<p>Never miss a story — sign up for the Harbour Times's free daily newsletter to stay up-to-date on the best of what we have to offer.</p>",
        "<p>The company will also replace the older of its two boats by the end of next year.</p><p>Fares will not change before the autumn, when the council reviews its subsidy.</p>")]
    [InlineData( // the pitch in Spanish, too long for a line the prompts' pattern reads
        "<p>El consejo aprobó la nueva tarifa con cinco votos a favor y dos en contra, tras tres meses de negociaciones.</p><p>Los estudiantes conservarán la tarifa preferencial, aunque también tendrá un ajuste menor.</p>",
        "<p>Suscríbete aquí para recibir directo en tu correo nuestro newsletter sobre noticias del día, opinión, planes para el fin de semana y muchas opciones más.</p>",
        "<p>El gobierno estatal informó que mantendrá el subsidio que destina al sistema.</p><p>La tarjeta de prepago podrá recargarse en tiendas de conveniencia a partir de agosto.</p>")]
    public void A_newsletters_signup_set_as_a_paragraph_in_the_middle_of_the_text_goes(string before, string signup, string after) =>
        AssertGoesFromTheMiddle(before, signup, after);

    [Fact]
    public void A_line_of_the_byline_and_two_marked_dates_at_the_top_goes()
    {
        // The dates are marked <time>, the name is the page's author: what is left is labels
        // ("Par", "Publié le", "Mis à jour le", "23 commentaires"), too many beside one date alone.
        const string line = "<div class='a-aut'><span>Par <a href='/auteur/julien-marchetti'>Julien Marchetti</a></span> <span>Publié le <time datetime='2025-06-12T09:00:00+02:00'>12/06/25 à 09h00</time></span> <span>Mis à jour le <time datetime='2025-06-12T11:25:00+02:00'>12/06/25 à 11h25</time></span> <a href='#commentaires'>23 commentaires</a></div>";

        Assert.Equal(First + "\n\n" + Last, ExtractWithHead("<meta name='author' content='Julien Marchetti'>", $"{line}<p>{First}</p><p>{Last}</p>"));
    }

    /// <summary>The furniture between paragraphs of the text, far from its edges, goes and leaves the text as it was.</summary>
    private static void AssertGoesFromTheMiddle(string before, string furniture, string after) =>
        Assert.Equal(Extract($"<p>{First}</p>{before}{after}<p>{Last}</p>"), Extract($"<p>{First}</p>{before}{furniture}{after}<p>{Last}</p>"));

    [Fact]
    public void A_box_of_the_stories_quotes_goes()
    {
        var box = "<div class='ue-c-article__quotes' data-component='cotizaciones'><p>Cotizaciones</p><table><tr><th>Valor</th><th>Último</th><th>Var.</th></tr><tr><td>Solvanta</td><td>18,420</td><td>+4,37%</td></tr></table></div>";

        Assert.Equal(First + "\n\n" + Last, Extract($"<p>{First}</p><p>{Last}</p>{box}"));
    }

    private static string ExtractWithHead(string head, string body) =>
        new ArticleExtractor().Extract($"<html><head><title>Harbour plan approved | Harbour Times</title>{head}</head><body><article>{body}</article></body></html>", null).Text;

    private static string Extract(string body) =>
        new ArticleExtractor().Extract($"<html><head><title>Harbour plan approved | Harbour Times</title></head><body><article>{body}</article></body></html>", null).Text;
}
