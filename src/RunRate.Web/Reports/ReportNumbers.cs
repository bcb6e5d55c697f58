using System.Globalization;
using RunRate.Reporting.Common;

namespace RunRate.Web.Reports;

/// <summary>
/// Numeric report parameters parsed from text, shared by the API's query strings and the CLI's options
/// so that both refuse the same input with the same words. Failures are <see cref="ReportInputException"/>
/// naming the parameter (the API answers 400; the CLI prints it under the option's name).
/// </summary>
internal static class ReportNumbers
{
    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; empty gives <paramref name="fallback"/>.</summary>
    public static int Whole(string? text, string field, int min, int max, int fallback, string what)
    {
        var value = text?.Trim() ?? "";
        if (value.Length == 0)
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new ReportInputException(field, string.Create(CultureInfo.InvariantCulture, $"expected a whole number from {min} to {max} ({what}), found '{Shorten(value)}'"));
    }

    /// <summary>A decimal above 0 and at most <paramref name="max"/> ('.' as the point); empty gives <paramref name="fallback"/>.</summary>
    public static decimal Positive(string? text, string field, decimal max, decimal fallback, string what)
    {
        var value = text?.Trim() ?? "";
        if (value.Length == 0)
        {
            return fallback;
        }

        return decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) && number > 0 && number <= max
            ? number
            : throw new ReportInputException(field, string.Create(CultureInfo.InvariantCulture, $"expected a number above 0 and at most {max} ({what}), found '{Shorten(value)}'"));
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 37), "...");
}
