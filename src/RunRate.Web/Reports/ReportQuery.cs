using System.ComponentModel;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;
using RunRate.Reporting.Filters;
using RunRate.Web.Infrastructure;

namespace RunRate.Web.Reports;

/// <summary>The query parameters every report takes: currency, filters and output format.</summary>
internal sealed class ReportQuery
{
    [FromQuery(Name = "currency")]
    [Description("Reporting currency (ISO 4217), default USD; lines in other currencies convert with the stored rates.")]
    public string? Currency { get; init; }

    [FromQuery(Name = "segment")]
    [Description("Only customers with this segment (repeatable; case-insensitive).")]
    public string[]? Segment { get; init; }

    [FromQuery(Name = "channel")]
    [Description("Only customers with this channel (repeatable).")]
    public string[]? Channel { get; init; }

    [FromQuery(Name = "country")]
    [Description("Only customers with this country (repeatable).")]
    public string[]? Country { get; init; }

    [FromQuery(Name = "owner")]
    [Description("Only customers with this owner (repeatable).")]
    public string[]? Owner { get; init; }

    [FromQuery(Name = "product")]
    [Description("Only lines of this product (repeatable).")]
    public string[]? Product { get; init; }

    [FromQuery(Name = "attr")]
    [Description("Only customers whose custom attribute has this value: NAME=VALUE (repeatable).")]
    public string[]? Attr { get; init; }

    [FromQuery(Name = "format")]
    [Description("json (default) or csv.")]
    public string? Format { get; init; }

    public CurrencyCode ReportCurrency()
    {
        if (string.IsNullOrEmpty(Currency))
        {
            return CurrencyCode.Usd;
        }

        return CurrencyCode.TryParse(Currency, out var code)
            ? code
            : throw ApiException.BadRequest("currency", $"expected a three-letter ISO 4217 code such as USD, found '{Currency}'");
    }

    public LedgerFilter Filter() => ReportFilters.Build(
        [("segment", Segment), ("channel", Channel), ("country", Country), ("owner", Owner), ("product", Product)],
        Attr);

    public bool Csv() => Format switch
    {
        null or "" or "json" => false,
        "csv" => true,
        _ => throw ApiException.BadRequest("format", $"expected json or csv, found '{Format}'"),
    };

    /// <summary>The report as the CLI prints it: JSON (byte for byte) or CSV.</summary>
    public ContentHttpResult Render(Action<TextWriter> json, Action<TextWriter> csv)
    {
        var asCsv = Csv();
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        (asCsv ? csv : json)(text);
        return TypedResults.Text(text.ToString(), asCsv ? "text/csv" : "application/json", Encoding.UTF8);
    }
}

/// <summary>Months of report parameters: strict <c>YYYY-MM</c>, defaults from the clock, bounded ranges.</summary>
internal static class ReportMonths
{
    /// <summary>The longest range a report computes (50 years), so one request cannot occupy the server.</summary>
    public const int MaxMonths = 600;

    public static YearMonth Current(TimeProvider clock) => YearMonth.Of(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));

    public static YearMonth? Parse(string? text, string field)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return YearMonth.TryParse(text, out var month) && month.Year is >= 1000 and <= 9000
            ? month
            : throw ApiException.BadRequest(field, $"expected a month YYYY-MM (years 1000 to 9000), found '{text}'");
    }

    public static YearMonth Month(string? text, string field, TimeProvider clock) => Parse(text, field) ?? Current(clock);

    public static (YearMonth From, YearMonth To) Range(string? from, string? to, TimeProvider clock, Func<YearMonth, YearMonth> defaultFrom)
    {
        var last = Month(to, "to", clock);
        var first = Parse(from, "from") ?? defaultFrom(last);
        if (last < first)
        {
            throw ApiException.BadRequest("to", $"{last} is before from ({first})");
        }

        return last.MonthsSince(first) >= MaxMonths
            ? throw ApiException.BadRequest("from", $"a report covers at most {MaxMonths} months; {first}..{last} is {last.MonthsSince(first) + 1}")
            : (first, last);
    }
}
