using System.Globalization;
using RunRate.Engine.Primitives;

namespace RunRate.Ingest.Csv;

/// <summary>
/// Strict parsing of ledger values. Each method returns an error message (what was expected, what
/// was found) or null, so callers can collect every problem of a row instead of stopping at one.
/// </summary>
internal static class FieldParser
{
    private const int MaxSignificantDigits = 28;

    public static string? Date(string text, out DateOnly value)
    {
        value = default;
        if (text.Length == 0)
        {
            return "is required (YYYY-MM-DD)";
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
            ? null
            : $"expected a calendar date YYYY-MM-DD, found '{Shorten(text)}'";
    }

    public static string? Decimal(string text, out decimal value)
    {
        value = 0m;
        if (text.Length == 0)
        {
            return "is required (a decimal number such as 1200.50)";
        }

        var digits = 0;
        var seenDigit = false;
        var seenPoint = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '-' && i == 0)
            {
                continue;
            }

            if (c == '.' && !seenPoint)
            {
                seenPoint = true;
                continue;
            }

            if (!char.IsAsciiDigit(c))
            {
                return $"expected a decimal number with '.' and no thousands separator, found '{Shorten(text)}'";
            }

            seenDigit = true;
            if (c != '0' || digits > 0 || seenPoint)
            {
                digits++;
            }
        }

        if (!seenDigit)
        {
            return $"expected a decimal number, found '{Shorten(text)}'";
        }

        if (digits > MaxSignificantDigits)
        {
            return $"has more than {MaxSignificantDigits} significant digits and cannot be kept exactly: '{Shorten(text)}'";
        }

        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            ? null
            : $"is out of range: '{Shorten(text)}'";
    }

    public static string? Currency(string text, out CurrencyCode value)
    {
        value = default;
        if (text.Length == 0)
        {
            return "is required (an ISO 4217 code such as USD)";
        }

        return CurrencyCode.TryParse(text, out value) && Iso4217.IsKnown(value.Value)
            ? null
            : $"expected an ISO 4217 currency code such as USD or EUR, found '{Shorten(text)}'";
    }

    public static string? Interval(string text, out int value)
    {
        value = 0;
        if (text.Length == 0)
        {
            return "is required for recurring lines (whole months 1..120: 1 monthly, 3 quarterly, 12 annual)";
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value is >= 1 and <= 120
            ? null
            : $"expected whole months from 1 to 120, found '{Shorten(text)}'";
    }

    public static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}
