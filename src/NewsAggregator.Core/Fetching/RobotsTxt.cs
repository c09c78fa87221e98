using System.Text;
using NewsAggregator.Urls;

namespace NewsAggregator.Fetching;

/// <summary>Whether robots.txt lets us fetch a URL, and why: loggable, testable, shown to users.</summary>
public sealed record RobotsDecision(bool Allowed, string Reason)
{
    public static RobotsDecision Allow(string reason) => new(true, reason);
    public static RobotsDecision Disallow(string reason) => new(false, reason);
}

/// <summary>
/// A parsed robots.txt (RFC 9309): the group for our product token if there is one, else the
/// <c>*</c> group; the longest matching Allow/Disallow path wins, Allow on a tie; <c>*</c> matches
/// any characters and a final <c>$</c> anchors the end.
/// </summary>
public sealed class RobotsTxt
{
    // RFC 9309 2.5: crawlers must parse at least 500 KiB; what follows may be ignored.
    public const int ParsedBytes = 500 * 1024;

    private readonly List<Group> _groups;
    // Set by ForAgent: the groups held are already those of this token, under this agent's name.
    private readonly string? _selectedFor;
    private readonly string _selectedAgent = "*";

    private RobotsTxt(List<Group> groups) => _groups = groups;

    private RobotsTxt(List<Group> groups, string selectedFor, string selectedAgent)
        : this(groups) => (_selectedFor, _selectedAgent) = (selectedFor, selectedAgent);

    /// <summary>Allow and Disallow lines held, of every group.</summary>
    internal int RuleCount => _groups.Sum(g => g.Rules.Count);

    /// <summary>Allows everything: what a missing (4xx) robots.txt means.</summary>
    public static RobotsTxt AllowAll { get; } = new([]);

    public static RobotsTxt Parse(byte[] body)
    {
        var bytes = body.AsSpan(0, Math.Min(body.Length, ParsedBytes));
        // GetString keeps a byte order mark as U+FEFF, which Trim leaves on the first key: the file's
        // first "User-agent" went unread and with it the group's rules (a Disallow: / obeyed by nobody).
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }
        return Parse(Encoding.UTF8.GetString(bytes));
    }

    public static RobotsTxt Parse(string text)
    {
        var groups = new List<Group>();
        Group? current = null;
        var lastWasAgent = false;
        // RFC 9309 2.2: a line ends at CR, LF or CRLF (CRLF leaves an empty line, which is skipped).
        foreach (var rawLine in text.Split(['\r', '\n']))
        {
            var line = rawLine;
            var hash = line.IndexOf('#');
            if (hash >= 0)
            {
                line = line[..hash];
            }
            var colon = line.IndexOf(':');
            if (colon < 0)
            {
                continue;
            }
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim().TrimStart('\uFEFF');
            switch (key)
            {
                case "user-agent" or "useragent" or "user agent":
                    if (!lastWasAgent || current is null)
                    {
                        current = new Group();
                        groups.Add(current);
                    }
                    current.Agents.Add(value.ToLowerInvariant());
                    lastWasAgent = true;
                    break;
                case "allow" or "disallow" or "dissallow" or "dissalow" or "disalow":
                    lastWasAgent = false;
                    // An empty Disallow allows everything: it adds no rule.
                    if (current is not null && value.Length > 0)
                    {
                        current.Rules.Add(new Rule(key == "allow", value));
                    }
                    break;
                default:
                    // Sitemap, Crawl-delay and the like neither end a group's agent list nor add rules.
                    break;
            }
        }
        return new RobotsTxt(groups);
    }

    /// <summary>The decision for <paramref name="url"/> and a crawler whose product token is <paramref name="productToken"/>.</summary>
    public RobotsDecision Decide(Uri url, string productToken)
    {
        var path = url.PathAndQuery is { Length: > 0 } p ? p : "/";
        if (url.AbsolutePath == "/robots.txt")
        {
            return RobotsDecision.Allow("robots.txt itself is always allowed");
        }
        var (agent, groups) = GroupsFor(productToken);
        var normalizedPath = PercentEscapes.Normalize(path);

        Rule? best = null;
        foreach (var rule in groups.SelectMany(g => g.Rules))
        {
            if (!Matches(rule.NormalizedPattern, normalizedPath))
            {
                continue;
            }
            // Lengths as normalised: "/%41" and "/A" are the same rule written two ways, and tie.
            if (best is null || rule.NormalizedPattern.Length > best.NormalizedPattern.Length
                || (rule.NormalizedPattern.Length == best.NormalizedPattern.Length && rule.Allow && !best.Allow))
            {
                best = rule;
            }
        }

        if (best is null)
        {
            return RobotsDecision.Allow($"no robots.txt rule for user-agent {agent} matches {path}");
        }
        var ruleText = $"\"{(best.Allow ? "Allow" : "Disallow")}: {best.Pattern}\" for user-agent {agent}";
        return best.Allow
            ? RobotsDecision.Allow($"allowed by robots.txt ({ruleText})")
            : RobotsDecision.Disallow($"disallowed by robots.txt ({ruleText})");
    }

    /// <summary>
    /// Only what <see cref="Decide"/> reads for <paramref name="productToken"/>: the token's groups,
    /// or the <c>*</c> groups where it has none. A site's robots.txt often gives a group to each of
    /// dozens of crawlers; a service asking thousands of hosts keeps each answer for a day, and
    /// the other crawlers' rules were most of what it held.
    /// </summary>
    public RobotsTxt ForAgent(string productToken)
    {
        var (agent, groups) = GroupsFor(productToken);
        return new(groups, productToken, agent);
    }

    private (string Agent, List<Group> Groups) GroupsFor(string productToken)
    {
        // An answer held by the cache was chosen once for the token: no choosing again at every request.
        if (_selectedFor is not null && string.Equals(_selectedFor, productToken, StringComparison.OrdinalIgnoreCase))
        {
            return (_selectedAgent, _groups);
        }
        var token = productToken.ToLowerInvariant();
        var named = _groups.Where(g => g.Agents.Any(a => MatchesAgent(a, token))).ToList();
        return named.Count > 0 ? (token, named) : ("*", _groups.Where(g => g.Agents.Contains("*")).ToList());
    }

    // "NewsAggregator/1.0" in a robots.txt still names our product token.
    private static bool MatchesAgent(string agent, string token) =>
        agent != "*" && (agent == token || agent.Split('/', ' ')[0] == token);

    /// <summary>
    /// Pattern match with <c>*</c> (any run of characters) and a trailing <c>$</c> (end of path),
    /// both sides' escapes normalised (<see cref="PercentEscapes.Normalize"/>).
    /// </summary>
    private static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        if (anchored)
        {
            pattern = pattern[..^1];
        }
        var pieces = pattern.Split('*');
        if (!path.StartsWith(pieces[0], StringComparison.Ordinal))
        {
            return false;
        }
        var position = pieces[0].Length;
        for (var i = 1; i < pieces.Length; i++)
        {
            var piece = pieces[i];
            if (i == pieces.Length - 1 && anchored)
            {
                // The last piece must end the path (and may start anywhere after the previous one).
                return path.Length - piece.Length >= position && path.EndsWith(piece, StringComparison.Ordinal);
            }
            var found = path.IndexOf(piece, position, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }
            position = found + piece.Length;
        }
        return !anchored || position == path.Length;
    }

    private sealed class Group
    {
        public readonly List<string> Agents = [];
        public readonly List<Rule> Rules = [];
    }

    /// <summary>An Allow or Disallow line; its pattern's escapes are normalised once, not at every decision.</summary>
    private sealed record Rule(bool Allow, string Pattern)
    {
        public string NormalizedPattern { get; } = PercentEscapes.Normalize(Pattern);
    }
}
