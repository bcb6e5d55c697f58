using System.Globalization;
using System.Text.Json;

namespace RunRate.Capture.Billing;

/// <summary>
/// A JSON value and its path, so that every "missing" or "wrong type" names the exact field
/// (<c>data.object.items.data[0].price.currency</c>). Stripe adds fields over time: anything not
/// asked for is ignored, and JSON <c>null</c> counts as absent.
/// </summary>
internal readonly record struct StripeJson(JsonElement Element, string Path)
{
    public StripeJson Required(string name) =>
        Optional(name) ?? throw new StripeEventFormatException(Child(name), "is required");

    public StripeJson? Optional(string name)
    {
        if (Element.ValueKind != JsonValueKind.Object)
        {
            throw new StripeEventFormatException(Path.Length == 0 ? "body" : Path, "expected a JSON object");
        }

        return Element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? new StripeJson(value, Child(name))
            : null;
    }

    public string String() => Element.ValueKind == JsonValueKind.String && Element.GetString() is { Length: > 0 } text
        ? text
        : throw new StripeEventFormatException(Path, "expected a non-empty string");

    public long Integer() => Element.ValueKind == JsonValueKind.Number && Element.TryGetInt64(out var value)
        ? value
        : throw new StripeEventFormatException(Path, "expected a whole number");

    public DateTimeOffset Timestamp()
    {
        var seconds = Integer();
        return seconds is >= 0 and <= 253402300799
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : throw new StripeEventFormatException(Path, $"expected Unix seconds, found {seconds}");
    }

    /// <summary>A decimal given as a string, as Stripe's <c>*_decimal</c> fields are (<c>"1234.5"</c>).</summary>
    public decimal DecimalText()
    {
        var text = String();
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new StripeEventFormatException(Path, $"expected a decimal number such as \"1234.5\", found '{text}'");
    }

    /// <summary>An id given either as a string or as an expanded object with an <c>id</c>.</summary>
    public string Id() => Element.ValueKind == JsonValueKind.Object ? Required("id").String() : String();

    public IEnumerable<StripeJson> Items()
    {
        if (Element.ValueKind != JsonValueKind.Array)
        {
            throw new StripeEventFormatException(Path, "expected a JSON array");
        }

        var index = 0;
        foreach (var item in Element.EnumerateArray())
        {
            yield return new StripeJson(item, string.Create(CultureInfo.InvariantCulture, $"{Path}[{index++}]"));
        }
    }

    /// <summary>A Stripe metadata object (text to text); absent means empty.</summary>
    public static IReadOnlyDictionary<string, string> Metadata(StripeJson? metadata)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (metadata is not { } node)
        {
            return result;
        }

        if (node.Element.ValueKind != JsonValueKind.Object)
        {
            throw new StripeEventFormatException(node.Path, "expected a JSON object of text values");
        }

        foreach (var property in node.Element.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String && property.Value.GetString() is { Length: > 0 } value)
            {
                result[property.Name] = value;
            }
        }

        return result;
    }

    private string Child(string name) => Path.Length == 0 ? name : Path + "." + name;
}
