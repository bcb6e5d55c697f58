using System.Globalization;
using RunRate.Engine.Primitives;

namespace RunRate.Cli.Common;

/// <summary>Display formatting: money rounded to cents half away from zero, ratios as percentages, "—" for figures that do not exist.</summary>
internal static class Format
{
    public const string None = "—";

    public static string Money(Exact value) => value.Round().ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string Money(Exact? value) => value is { } v ? Money(v) : None;

    public static string SignedMoney(Exact value) => (value.Sign > 0 ? "+" : "") + Money(value);

    public static string Percent(Exact? value) =>
        value is { } v ? (v * 100).Round(1).ToString("0.0", CultureInfo.InvariantCulture) + "%" : None;

    public static string Ratio(Exact? value) => value is { } v ? v.Round(2).ToString("0.00", CultureInfo.InvariantCulture) : None;

    public static string Count(long value) => value.ToString("#,##0", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? None;

    /// <summary>A short form for chart labels (1.2M, 350k).</summary>
    public static string Compact(Exact value)
    {
        var amount = value.Round();
        var abs = Math.Abs(amount);
        return abs switch
        {
            >= 1_000_000_000m => (amount / 1_000_000_000m).ToString("0.##", CultureInfo.InvariantCulture) + "B",
            >= 1_000_000m => (amount / 1_000_000m).ToString("0.##", CultureInfo.InvariantCulture) + "M",
            >= 1_000m => (amount / 1_000m).ToString("0.#", CultureInfo.InvariantCulture) + "k",
            _ => amount.ToString("0", CultureInfo.InvariantCulture),
        };
    }
}
