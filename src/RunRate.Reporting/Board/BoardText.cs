using System.Globalization;
using RunRate.Engine.Primitives;
using RunRate.Reporting.Common;

namespace RunRate.Reporting.Board;

/// <summary>How the HTML report and the charts spell figures: money to the cent, ratios as percentages, "—" for none.</summary>
public static class BoardText
{
    public const string None = "—";

    public static string Money(Exact? value) => value is { } v ? v.Round().ToString("#,##0.00", CultureInfo.InvariantCulture) : None;

    public static string Percent(Exact? value) =>
        value is { } v ? (v * 100).Round(1).ToString("0.0", CultureInfo.InvariantCulture) + "%" : None;

    public static string Count(long value) => value.ToString("#,##0", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? None;

    /// <summary>A figure of a given kind, as its JSON kind says it should read.</summary>
    public static string Figure(FieldKind kind, Exact? value) => kind switch
    {
        FieldKind.Money => Money(value),
        FieldKind.Count => value is { } v ? Count((long)v.Numerator) : None,
        _ => Percent(value),
    };

    /// <summary>A figure of the named JSON field: multiples such as the quick ratio read 2.50×.</summary>
    public static string Field(string name, FieldKind kind, Exact? value) =>
        kind == FieldKind.Ratio && BoardLabels.IsMultiple(name) ? Multiple(value) : Figure(kind, value);

    public static string Multiple(Exact? value) => value is { } v ? v.Round(2).ToString("0.00", CultureInfo.InvariantCulture) + "×" : None;

    /// <summary>A short form for axis labels (1.2M, 350k).</summary>
    public static string Compact(decimal amount)
    {
        var abs = Math.Abs(amount);
        return abs switch
        {
            >= 1_000_000_000m => (amount / 1_000_000_000m).ToString("0.##", CultureInfo.InvariantCulture) + "B",
            >= 1_000_000m => (amount / 1_000_000m).ToString("0.##", CultureInfo.InvariantCulture) + "M",
            >= 1_000m => (amount / 1_000m).ToString("0.#", CultureInfo.InvariantCulture) + "k",
            _ => amount.ToString("0.##", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>A month label for chart axes: <c>Jan 25</c>.</summary>
    public static string ShortMonth(YearMonth month) =>
        month.FirstDay.ToString("MMM yy", CultureInfo.InvariantCulture);
}
