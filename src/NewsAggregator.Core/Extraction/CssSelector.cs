using AngleSharp.Dom;

namespace NewsAggregator.Extraction;

/// <summary>CSS selectors from configuration (sources.json, the command line), checked before any page needs them.</summary>
public static class CssSelector
{
    /// <summary>Whether <paramref name="selector"/> is CSS that AngleSharp's query methods accept.</summary>
    public static bool IsValid(string? selector)
    {
        if (string.IsNullOrWhiteSpace(selector))
        {
            return false;
        }
        try
        {
            PageParser.Parse("").QuerySelector(selector);
            return true;
        }
        catch (DomException)
        {
            return false;
        }
    }
}
