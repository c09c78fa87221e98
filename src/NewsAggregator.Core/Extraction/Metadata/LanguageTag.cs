namespace NewsAggregator.Extraction;

/// <summary>BCP 47 language tags as pages write them ("EN_us", "en-gb", "zh-hant-tw") in their usual case: "en-US".</summary>
internal static class LanguageTag
{
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
        foreach (var part in parts.Skip(1))
        {
            if (!part.All(char.IsAsciiLetterOrDigit) || part.Length is < 2 or > 8)
            {
                break;
            }
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
