namespace NewsAggregator.Fetching;

/// <summary>What the caller expects to get back, so a wrong kind of document fails early and clearly.</summary>
public enum ExpectedContent
{
    /// <summary>Whatever the server sends.</summary>
    Any,
    /// <summary>An RSS, Atom or JSON feed: any textual type (servers label feeds every which way), no images or PDFs.</summary>
    Feed,
    /// <summary>An HTML page: an image, a PDF or an archive where a page was expected is an error.</summary>
    Page,
}

/// <summary>One GET, with everything that shapes how politely and how safely it is made.</summary>
public sealed record FetchRequest(Uri Url)
{
    /// <summary>Validators from the last time this URL was fetched: sent as If-None-Match / If-Modified-Since.</summary>
    public CacheValidators? Validators { get; init; }

    public ExpectedContent Expect { get; init; } = ExpectedContent.Any;

    /// <summary>Ask the host's robots.txt first and refuse what it disallows.</summary>
    public bool ObeyRobots { get; init; }

    /// <summary>Which network addresses this request may connect to.</summary>
    public NetworkTrust Trust { get; init; } = NetworkTrust.Anywhere;

    /// <summary>
    /// The source's own User-Agent and headers, sent on this request and every redirect it leads to.
    /// robots.txt is asked for without them: its rules are matched against the worker's own name.
    /// </summary>
    public RequestHeaders Headers { get; init; } = RequestHeaders.None;

    /// <summary>
    /// Awaited once the host has given the request its turn and before anything is sent: the
    /// caller's bound on work in flight (pages between fetching and storage). Waiting here is not
    /// the server's slowness, so it does not count against the response deadline.
    /// </summary>
    public Func<CancellationToken, ValueTask>? Admit { get; init; }
}
