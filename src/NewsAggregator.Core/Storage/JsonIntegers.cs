using System.Globalization;
using System.Text;

namespace NewsAggregator.Storage;

/// <summary>
/// Whole numbers as a JSON array's text (<c>[3,17,42]</c>): how a list of ids or keys reaches SQL
/// as one parameter, spread back into rows there by <c>json_each</c>.
/// </summary>
internal static class JsonIntegers
{
    public static string Of(IEnumerable<long> values)
    {
        var json = new StringBuilder("[");
        foreach (var value in values)
        {
            json.Append(json.Length == 1 ? "" : ",").Append(value.ToString(CultureInfo.InvariantCulture));
        }
        return json.Append(']').ToString();
    }
}
