using AngleSharp.Dom;

namespace NewsAggregator.Extraction;

/// <summary>
/// The attributes by which a page names what an element is, read in one pass over the
/// element's attributes: most elements have none or one, and a lookup of each name in turn
/// (each lower-cased and compared against every attribute) cost more than the pass. The element
/// judge asks all of them of every element, the metadata reader its itemprop and class.
/// </summary>
internal readonly record struct NameAttributes(
    string? Role, string? ItemProp, string? ItemType, string? Class, string? Id, string? LabelledBy,
    string? DataTestId, string? DataTestIdHyphenated, string? RoleDescription, string? Component)
{
    /// <summary>The name a component carries for its tests, in either spelling (data-testid first).</summary>
    public string? TestId => DataTestId ?? DataTestIdHyphenated;

    public static NameAttributes Of(IElement element)
    {
        var attributes = element.Attributes;
        if (attributes.Length == 0)
        {
            return default;
        }
        string? role = null, itemProp = null, itemType = null, classes = null, id = null, labelledBy = null;
        string? testId = null, testIdHyphenated = null, roleDescription = null, component = null;
        for (var i = 0; i < attributes.Length; i++)
        {
            var attribute = attributes[i]!;
            // The first of a name wins, as GetAttribute finds it.
            switch (attribute.Name)
            {
                case "role": role ??= attribute.Value; break;
                case "itemprop": itemProp ??= attribute.Value; break;
                case "itemtype": itemType ??= attribute.Value; break;
                case "class": classes ??= attribute.Value; break;
                case "id": id ??= attribute.Value; break;
                case "aria-labelledby": labelledBy ??= attribute.Value; break;
                case "data-testid": testId ??= attribute.Value; break;
                case "data-test-id": testIdHyphenated ??= attribute.Value; break;
                case "aria-roledescription": roleDescription ??= attribute.Value; break;
                case "data-component": component ??= attribute.Value; break;
            }
        }
        return new(role, itemProp, itemType, classes, id, labelledBy, testId, testIdHyphenated, roleDescription, component);
    }
}
