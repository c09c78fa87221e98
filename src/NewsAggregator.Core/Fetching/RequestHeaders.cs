namespace NewsAggregator.Fetching;

/// <summary>
/// What one source's requests carry beyond the fetcher's own headers (sources.json <c>userAgent</c>
/// and <c>headers</c>), for the few publishers that serve a feed only to a browser-like client or
/// with a referrer or a consent cookie. The rules for what may be set live here, beside the
/// requests they shape, so that sources.json is checked by the same rules the fetcher relies on.
/// </summary>
public sealed record RequestHeaders
{
    public const int MaxUserAgentLength = 500;
    public const int MaxValueLength = 8192;

    private const string HopByHop = "it governs one connection (hop by hop), which the fetcher manages";
    private const string NoBody = "it frames a request body, and these requests are GETs without one";
    private const string Conditional = "the fetcher sends its own validators for conditional requests";

    public static readonly RequestHeaders None = new();

    // Headers the fetcher or the connection owns: a source setting them would break the exchange or
    // undo what the fetcher relies on, so each is refused with the reason a user needs to move on.
    private static readonly Dictionary<string, string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Host"] = "the fetcher sets it from the URL",
        ["Connection"] = HopByHop,
        ["Keep-Alive"] = HopByHop,
        ["Proxy-Connection"] = HopByHop,
        ["Proxy-Authorization"] = HopByHop,
        ["TE"] = HopByHop,
        ["Trailer"] = HopByHop,
        ["Transfer-Encoding"] = HopByHop,
        ["Upgrade"] = HopByHop,
        ["Expect"] = NoBody,
        ["Accept-Encoding"] = "the fetcher asks for the compressions it can undo and decompresses the response itself",
        ["Range"] = "a range would cut the document short",
        ["User-Agent"] = "use the source's \"userAgent\" field",
    };

    /// <summary>Replaces <see cref="FetchOptions.UserAgent"/> on the source's requests; robots.txt requests keep the global one.</summary>
    public string? UserAgent { get; init; }

    /// <summary>Header name and value pairs, each name once (names compare without regard to case).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; init; } = [];

    /// <summary>
    /// The source's own URL: <see cref="Fields"/> go only to requests on its site (see
    /// <see cref="ReachesFields"/>); null sends them wherever the request goes.
    /// </summary>
    public Uri? Home { get; init; }

    /// <summary>These headers for the requests of the source at <paramref name="home"/>.</summary>
    public RequestHeaders ScopedTo(Uri home) => IsEmpty ? this : this with { Home = home };

    public bool IsEmpty => UserAgent is null && Fields.Count == 0;

    /// <summary>Why <paramref name="name"/> cannot be a source's header, or null when it can.</summary>
    public static string? NameProblem(string name)
    {
        if (name.Length == 0 || !name.All(IsTokenCharacter))
        {
            return $"\"{name}\" is not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only, no spaces or colons)";
        }
        if (Reserved.TryGetValue(name, out var reason))
        {
            return $"\"{name}\" cannot be set: {reason}";
        }
        // Families rather than names: every Content-* describes a body, every If-* makes the request conditional.
        if (name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
        {
            return $"\"{name}\" cannot be set: {NoBody}";
        }
        if (name.StartsWith("If-", StringComparison.OrdinalIgnoreCase))
        {
            return $"\"{name}\" cannot be set: {Conditional}";
        }
        return null;
    }

    /// <summary>Why <paramref name="value"/> cannot be sent as a header value, or null when it can.</summary>
    public static string? ValueProblem(string value)
    {
        if (value.Contains('\r', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal))
        {
            // A line break would end the header and start another of the file's choosing.
            return "contains a line break (CR or LF)";
        }
        if (value.Any(c => c != '\t' && char.IsControl(c)))
        {
            return "contains a control character";
        }
        if (value.Any(c => c > '\u007e'))
        {
            return "contains a character outside ASCII; write it as the site expects it encoded (percent-encoding, for instance)";
        }
        return value.Length > MaxValueLength
            ? $"is longer than {MaxValueLength} characters"
            : null;
    }

    /// <summary>Why <paramref name="userAgent"/> cannot be a source's User-Agent, or null when it can.</summary>
    public static string? UserAgentProblem(string userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "expected a non-empty User-Agent, e.g. \"Mozilla/5.0 (compatible; MyNews/1.0)\"";
        }
        if (userAgent.Length > MaxUserAgentLength)
        {
            return $"the value is longer than {MaxUserAgentLength} characters";
        }
        return ValueProblem(userAgent) is { } problem ? "the value " + problem : null;
    }

    // RFC 9110 5.6.2 tchar.
    private static bool IsTokenCharacter(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';

    /// <summary>
    /// Sets the headers on <paramref name="message"/>. The client's defaults (User-Agent, Accept)
    /// are added only where the message has none, so a source's own value takes their place.
    /// </summary>
    internal void ApplyTo(HttpRequestMessage message)
    {
        if (UserAgent is { } userAgent)
        {
            message.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        }
        if (!ReachesFields(message.RequestUri!))
        {
            return;
        }
        foreach (var (name, value) in Fields)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }
    }

    /// <summary>
    /// Whether a request to <paramref name="url"/> carries <see cref="Fields"/>: only on the source's
    /// own site (its host, or another host of its registrable domain: feeds.example.com and
    /// www.example.com), and never over plain HTTP when the source is HTTPS. A cookie or a token
    /// given for a publisher must not go to every site its feed links to or its pages redirect to,
    /// as browsers scope cookies and curl drops credentials on a redirect to another host. The
    /// User-Agent is no secret and goes everywhere.
    /// </summary>
    internal bool ReachesFields(Uri url)
    {
        if (Home is not { } home)
        {
            return true;
        }
        if (home.Scheme == Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttps)
        {
            return false;
        }
        var homeHost = home.IdnHost.TrimEnd('.');
        var host = url.IdnHost.TrimEnd('.');
        if (string.Equals(homeHost, host, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        return !Urls.UrlHost.IsAddress(home) && !Urls.UrlHost.IsAddress(url)
            && string.Equals(Feeds.SiteIdentity.RegistrableDomain(homeHost), Feeds.SiteIdentity.RegistrableDomain(host), StringComparison.OrdinalIgnoreCase);
    }
}
