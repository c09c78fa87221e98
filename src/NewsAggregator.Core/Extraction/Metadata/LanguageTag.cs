namespace NewsAggregator.Extraction;

/// <summary>BCP 47 language tags as pages write them ("EN_us", "en-gb", "zh-hant-tw") in their usual case: "en-US".</summary>
internal static class LanguageTag
{
    /// <summary>
    /// The longest tag kept, in whole subtags: the length RFC 5646 asks every implementation to
    /// accept (section 4.4.1), far beyond any real page's, while a page's lang="…" is otherwise as
    /// long as its author made it and would be stored so.
    /// </summary>
    private const int MaxLength = 35;

    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        // Content-Language may list several; the first is the main one.
        var first = value.Split(',', ';')[0].Trim().Replace('_', '-');
        var parts = first.Split('-', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts[0].Length is < 2 or > 3 || !parts[0].All(char.IsAsciiLetter))
        {
            return null;
        }
        var tag = new List<string> { parts[0].ToLowerInvariant() };
        var length = parts[0].Length;
        foreach (var part in parts.Skip(1))
        {
            if (!part.All(char.IsAsciiLetterOrDigit) || part.Length is < 2 or > 8 || length + 1 + part.Length > MaxLength)
            {
                break;
            }
            length += 1 + part.Length;
            tag.Add(part.Length switch
            {
                2 => part.ToUpperInvariant(),
                4 => char.ToUpperInvariant(part[0]) + part[1..].ToLowerInvariant(),
                _ => part.ToLowerInvariant(),
            });
        }
        return string.Join('-', tag);
    }
}
