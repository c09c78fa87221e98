using System.Text.Json;
using System.Text.RegularExpressions;
using NewsAggregator.Extraction;
using NewsAggregator.Fetching;

namespace NewsAggregator.Sources;

/// <summary>
/// Reads and validates sources.json. Every problem is reported with the file, the source
/// (its id, or its index when the id itself is the problem) and the field, so a user can
/// go straight to the line to fix.
/// </summary>
public static partial class SourcesFile
{
    private static readonly string[] KnownFields =
        ["id", "name", "type", "url", "enabled", "linkSelector", "intervalMinutes", "maxArticles", "ignoreRobots", "contentSelector", "removeSelectors", "category",
         "userAgent", "headers"];

    private static readonly string[] KnownTopLevelFields = ["sources"];

    /// <summary>What an id may be, as said after the id in a message.</summary>
    public const string IdRule = "must be 1-100 ASCII letters (a-z, A-Z), digits, '-', '_' or '.', starting with a letter or digit";

    public static bool IsValidId(string id) => IdPattern().IsMatch(id);

    public static IReadOnlyList<Source> Load(string path) => Parse(ReadText(path), path);

    /// <summary>
    /// Every problem of the file at <paramref name="path"/>, for <c>sources validate</c>: the first
    /// of each source (a source is read field by field and stops at its first mistake), each
    /// duplicate id and unknown top-level field; only one when the file is not JSON or has no
    /// <c>sources</c> array. Empty when the worker would start with the file.
    /// </summary>
    public static IReadOnlyList<string> Check(string path)
    {
        try
        {
            return Read(ReadText(path), path).Problems;
        }
        catch (SourcesFileException e)
        {
            return [e.Message];
        }
    }

    public static IReadOnlyList<Source> Parse(string json, string fileName)
    {
        var (sources, problems) = Read(json, fileName);
        // The first problem is the one the file's order puts first: the user fixes from the top.
        return problems.Count == 0 ? sources : throw new SourcesFileException(problems[0]);
    }

    private static string ReadText(string path)
    {
        // Reading a folder fails with "access denied" on Unix, which sends people after permissions.
        if (Directory.Exists(path))
        {
            throw new SourcesFileException($"{path}: is a folder, not a sources file; give the path of sources.json");
        }
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SourcesFileException($"{path}: cannot read the sources file: {e.Message}");
        }
    }

    private static (List<Source> Sources, List<string> Problems) Read(string json, string fileName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions
            {
                AllowTrailingCommas = Lenient.AllowTrailingCommas,
                CommentHandling = Lenient.CommentHandling,
            });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, column {e.BytePositionInLine + 1}" : "";
            return ([], [$"{fileName}: invalid JSON{where}: {FirstSentence(e.Message)}"]);
        }

        using (document)
        {
            // The parsed document keeps a repeated key (and reads the last): only then is the text scanned for where.
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.EnumerateObject().Count(p => p.NameEquals("sources")) > 1
                && RepeatedSourcesKey(json) is { } repeated)
            {
                return ([], [$"{fileName}: top-level field \"sources\" at line {repeated.Line}, column {repeated.Column}: given twice; " +
                             "keep one \"sources\" array"]);
            }
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("sources", out var list)
                || list.ValueKind != JsonValueKind.Array)
            {
                return ([], [$"{fileName}: expected an object with a \"sources\" array"]);
            }
            var problems = new List<string>();
            // A misspelt top-level key ("source", "defaults") would otherwise be ignored without a word.
            foreach (var property in root.EnumerateObject())
            {
                if (!KnownTopLevelFields.Contains(property.Name, StringComparer.Ordinal))
                {
                    problems.Add(
                        $"{fileName}: top-level field \"{property.Name}\": unknown field (known: {string.Join(", ", KnownTopLevelFields)})");
                }
            }

            var sources = new List<Source>();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                try
                {
                    var source = ParseSource(item, index, fileName);
                    if (seen.TryGetValue(source.Id, out var first))
                    {
                        problems.Add($"{fileName}: source #{index} field \"id\": duplicate id \"{source.Id}\" (first used by source #{first})");
                    }
                    else
                    {
                        seen[source.Id] = index;
                        sources.Add(source);
                    }
                }
                catch (SourcesFileException e)
                {
                    problems.Add(e.Message);
                }
                index++;
            }
            return (sources, problems);
        }
    }

    /// <summary>What the file may hold besides strict JSON: trailing commas and comments.</summary>
    private static readonly JsonReaderOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>
    /// Where a second top-level "sources" key starts, if there is one. JsonDocument keeps both and
    /// reads the last, while <c>sources add</c> wrote into the first: an added source vanished.
    /// </summary>
    private static (int Line, int Column)? RepeatedSourcesKey(string json)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, Lenient);
        var seen = false;
        while (reader.Read())
        {
            // Depth 1: a key of the top-level object (escaped spellings included), not of a source.
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("sources"u8))
            {
                if (seen)
                {
                    // Counted in bytes, as the JSON parser's own line and column are.
                    var before = bytes.AsSpan(0, (int)reader.TokenStartIndex);
                    return (before.Count((byte)'\n') + 1, before.Length - before.LastIndexOf((byte)'\n'));
                }
                seen = true;
            }
        }
        return null;
    }

    private static Source ParseSource(JsonElement item, int index, string fileName)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new SourcesFileException($"{fileName}: source #{index}: expected an object");
        }

        var id = RequiredString(item, "id", $"source #{index}", fileName);
        if (!IsValidId(id))
        {
            throw new SourcesFileException($"{fileName}: source #{index} field \"id\": \"{id}\" {IdRule}");
        }
        var who = $"source \"{id}\" (#{index})";

        foreach (var property in item.EnumerateObject())
        {
            if (!KnownFields.Contains(property.Name, StringComparer.Ordinal))
            {
                throw new SourcesFileException(
                    $"{fileName}: {who} field \"{property.Name}\": unknown field (known: {string.Join(", ", KnownFields)})");
            }
        }

        var name = RequiredString(item, "name", who, fileName);
        var typeText = RequiredString(item, "type", who, fileName);
        var type = typeText switch
        {
            "rss" => SourceType.Rss,
            "html" => SourceType.Html,
            "page" => SourceType.Page,
            _ => throw new SourcesFileException(
                $"{fileName}: {who} field \"type\": unknown type \"{typeText}\" (expected rss, html or page)"),
        };

        var urlText = RequiredString(item, "url", who, fileName);
        if (!Dedup.CanonicalUrl.TryParseAbsolute(urlText, out var url)
            || url.Scheme is not ("http" or "https" or "file")
            || (url.Scheme != "file" && string.IsNullOrEmpty(url.Host)))
        {
            throw new SourcesFileException(
                $"{fileName}: {who} field \"url\": \"{urlText}\" is not an absolute http, https or file URL");
        }

        var enabled = OptionalBool(item, "enabled", true, who, fileName);
        var ignoreRobots = OptionalBool(item, "ignoreRobots", false, who, fileName);

        var linkSelector = OptionalSelector(item, "linkSelector", who, fileName);
        var contentSelector = OptionalSelector(item, "contentSelector", who, fileName);
        var removeSelectors = new List<string>();
        if (item.TryGetProperty("removeSelectors", out var removeElement))
        {
            if (removeElement.ValueKind != JsonValueKind.Array)
            {
                throw new SourcesFileException($"{fileName}: {who} field \"removeSelectors\": expected an array of CSS selectors");
            }
            foreach (var selector in removeElement.EnumerateArray())
            {
                removeSelectors.Add(Selector(selector, $"removeSelectors[{removeSelectors.Count}]", who, fileName));
            }
        }

        var interval = Source.DefaultInterval;
        if (item.TryGetProperty("intervalMinutes", out var intervalElement))
        {
            interval = TimeSpan.FromMinutes(PositiveInt(intervalElement, "intervalMinutes", who, fileName, max: 7 * 24 * 60));
        }

        var maxArticles = Source.DefaultMaxArticles;
        if (item.TryGetProperty("maxArticles", out var maxElement))
        {
            maxArticles = PositiveInt(maxElement, "maxArticles", who, fileName, max: 10_000);
        }

        var category = OptionalCategory(item, who, fileName);
        var requestHeaders = OptionalRequestHeaders(item, who, fileName);

        return new Source
        {
            Id = id,
            Name = name,
            Type = type,
            Url = url,
            Enabled = enabled,
            LinkSelector = linkSelector,
            ExtractionRules = contentSelector is null && removeSelectors.Count == 0
                ? ExtractionRules.None
                : new ExtractionRules { ContentSelector = contentSelector, RemoveSelectors = removeSelectors },
            Interval = interval,
            MaxArticles = maxArticles,
            IgnoreRobots = ignoreRobots,
            Category = category,
            RequestHeaders = requestHeaders,
        };
    }

    private static RequestHeaders OptionalRequestHeaders(JsonElement item, string who, string fileName)
    {
        string? userAgent = null;
        if (item.TryGetProperty("userAgent", out var userAgentElement))
        {
            userAgent = userAgentElement.ValueKind == JsonValueKind.String ? userAgentElement.GetString()!.Trim() : "";
            if (RequestHeaders.UserAgentProblem(userAgent) is { } problem)
            {
                throw new SourcesFileException($"{fileName}: {who} field \"userAgent\": {problem}");
            }
        }

        var fields = new List<KeyValuePair<string, string>>();
        if (item.TryGetProperty("headers", out var headersElement))
        {
            if (headersElement.ValueKind != JsonValueKind.Object)
            {
                throw new SourcesFileException(
                    $"{fileName}: {who} field \"headers\": expected an object of header names and values, e.g. {{ \"Referer\": \"https://example.org/\" }}");
            }
            foreach (var header in headersElement.EnumerateObject())
            {
                if (RequestHeaders.NameProblem(header.Name) is { } nameProblem)
                {
                    throw new SourcesFileException($"{fileName}: {who} field \"headers\": {nameProblem}");
                }
                if (fields.Any(f => f.Key.Equals(header.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    throw new SourcesFileException(
                        $"{fileName}: {who} field \"headers\": \"{header.Name}\" is given twice (header names ignore letter case)");
                }
                if (header.Value.ValueKind != JsonValueKind.String)
                {
                    throw new SourcesFileException($"{fileName}: {who} field \"headers\": the value of \"{header.Name}\" must be a string");
                }
                var value = header.Value.GetString()!;
                if (RequestHeaders.ValueProblem(value) is { } valueProblem)
                {
                    throw new SourcesFileException($"{fileName}: {who} field \"headers\": the value of \"{header.Name}\" {valueProblem}");
                }
                fields.Add(new(header.Name, value));
            }
        }
        return userAgent is null && fields.Count == 0 ? RequestHeaders.None : new RequestHeaders { UserAgent = userAgent, Fields = fields };
    }

    private static string? OptionalCategory(JsonElement item, string who, string fileName)
    {
        if (!item.TryGetProperty("category", out var value))
        {
            return null;
        }
        var category = value.ValueKind == JsonValueKind.String ? value.GetString()! : null;
        // An empty segment ("News//Europe", "/News") would become a folder without a name on export.
        if (category is null || !SourceCategory.IsValid(category))
        {
            throw new SourcesFileException(
                $"{fileName}: {who} field \"category\": expected folder names joined by '/', e.g. \"News/Europe\" (no empty names, at most {SourceCategory.MaxLength} characters)");
        }
        return category;
    }

    private static string? OptionalSelector(JsonElement item, string field, string who, string fileName) =>
        item.TryGetProperty(field, out var value) ? Selector(value, field, who, fileName) : null;

    private static string Selector(JsonElement value, string field, string who, string fileName)
    {
        var selector = value.ValueKind == JsonValueKind.String ? value.GetString()?.Trim() : null;
        if (string.IsNullOrEmpty(selector))
        {
            throw new SourcesFileException($"{fileName}: {who} field \"{field}\": expected a non-empty CSS selector");
        }
        if (!CssSelector.IsValid(selector))
        {
            throw new SourcesFileException($"{fileName}: {who} field \"{field}\": \"{selector}\" is not a valid CSS selector");
        }
        return selector;
    }

    private static bool OptionalBool(JsonElement item, string field, bool absent, string who, string fileName)
    {
        if (!item.TryGetProperty(field, out var value))
        {
            return absent;
        }
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new SourcesFileException($"{fileName}: {who} field \"{field}\": expected true or false"),
        };
    }

    private static string RequiredString(JsonElement item, string field, string who, string fileName)
    {
        if (!item.TryGetProperty(field, out var value))
        {
            throw new SourcesFileException($"{fileName}: {who} field \"{field}\": missing");
        }
        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw new SourcesFileException($"{fileName}: {who} field \"{field}\": expected a non-empty string");
        }
        return value.GetString()!.Trim();
    }

    private static int PositiveInt(JsonElement value, string field, string who, string fileName, int max)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < 1 || number > max)
        {
            throw new SourcesFileException($"{fileName}: {who} field \"{field}\": expected a whole number from 1 to {max}");
        }
        return number;
    }

    /// <summary>The first sentence of a parser's message: the rest says where (given separately) or how to change the parser.</summary>
    internal static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut < 0 ? message.TrimEnd('.') : message[..cut];
    }

    // \z, not $: $ also matches before a final newline, and "a\n" passed for an id.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\z")]
    private static partial Regex IdPattern();
}
