using System.Text.Json;
using RunRate.Engine.Forecast;
using RunRate.Reporting.Common;
using RunRate.Reporting.Crm;

namespace RunRate.Reporting.Forecast;

/// <summary>
/// The forecast as JSON and CSV (shared by <c>runrate forecast</c> and <c>GET /api/forecast</c>, so
/// they cannot differ by a byte): money rounded to cents as JSON numbers, rates and errors unrounded,
/// null where a figure does not exist. Layout: docs/forecast.md, "Output".
/// </summary>
public static class ForecastOutput
{
    /// <summary>The segment label of customers without a value (as in the reports' breakdowns).</summary>
    public const string NoSegment = "(none)";

    /// <summary>One forecast: <c>{"currency","as_of",…,"months":[…],"rates":[…],"backtest":…}</c>.</summary>
    public static void ToJson(TextWriter output, ForecastReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        JsonOut.Write(output, w =>
        {
            w.WriteStartObject();
            WriteReport(w, report);
            w.WriteEndObject();
        });
    }

    /// <inheritdoc cref="ToJson(TextWriter, ForecastReport)"/>
    public static string ToJson(ForecastReport report) => Text(w => ToJson(w, report));

    /// <summary>Scenarios side by side, in the given order (base first): <c>{"scenarios":[{"name",…one forecast…}]}</c>.</summary>
    public static void CompareJson(TextWriter output, IReadOnlyList<(string Name, ForecastReport Report)> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        JsonOut.Write(output, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("scenarios");
            foreach (var (name, report) in reports)
            {
                w.WriteStartObject();
                w.WriteString("name", name);
                WriteReport(w, report);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <inheritdoc cref="CompareJson(TextWriter, IReadOnlyList{ValueTuple{string, ForecastReport}})"/>
    public static string CompareJson(IReadOnlyList<(string Name, ForecastReport Report)> reports) => Text(w => CompareJson(w, reports));

    /// <summary>One row per figure, <c>section,key,metric,value</c> (a long table that spreadsheets pivot easily).</summary>
    public static void ToCsv(TextWriter output, ForecastReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        CsvText.Row(output, ForecastFigures.Header);
        ForecastFigures.Rows(report, row => CsvText.Row(output, row));
    }

    /// <inheritdoc cref="ToCsv(TextWriter, ForecastReport)"/>
    public static string ToCsv(ForecastReport report) => Text(w => ToCsv(w, report));

    /// <summary>Scenarios side by side: the rows of <see cref="ToCsv(TextWriter, ForecastReport)"/> led by a <c>scenario</c> column.</summary>
    public static void CompareCsv(TextWriter output, IReadOnlyList<(string Name, ForecastReport Report)> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        CsvText.Row(output, ["scenario", .. ForecastFigures.Header]);
        foreach (var (name, report) in reports)
        {
            ForecastFigures.Rows(report, row => CsvText.Row(output, [name, .. row]));
        }
    }

    /// <inheritdoc cref="CompareCsv(TextWriter, IReadOnlyList{ValueTuple{string, ForecastReport}})"/>
    public static string CompareCsv(IReadOnlyList<(string Name, ForecastReport Report)> reports) => Text(w => CompareCsv(w, reports));

    /// <summary>The label of a segment value.</summary>
    public static string SegmentLabel(string segment) => segment.Length == 0 ? NoSegment : segment;

    private static void WriteReport(Utf8JsonWriter w, ForecastReport report)
    {
        var request = report.Request;
        w.WriteString("currency", request.Currency.Value);
        w.WriteString("as_of", request.AsOf.ToString());
        w.WriteNumber("months_ahead", request.Months);
        w.WriteNumber("window_months", request.WindowMonths);
        w.WriteString("segment_by", request.SegmentBy);
        WriteRules(w, request.EffectiveRules);
        JsonFigures.Money(w, "arr", report.Arr);
        JsonFigures.Money(w, "carr", report.Carr);
        w.WriteStartArray("history");
        foreach (var h in report.History)
        {
            w.WriteStartObject();
            w.WriteString("month", h.Month.ToString());
            JsonFigures.Money(w, "mrr", h.Mrr);
            JsonFigures.Money(w, "arr", h.Arr);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("months");
        foreach (var m in report.Months)
        {
            w.WriteStartObject();
            w.WriteString("month", m.Month.ToString());
            foreach (var (name, value) in ForecastFigures.MonthFigures(m))
            {
                JsonFigures.Money(w, name, value);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("rates");
        foreach (var r in report.Rates)
        {
            w.WriteStartObject();
            w.WriteString("segment", SegmentLabel(r.Segment));
            JsonFigures.Money(w, "mrr", r.Mrr);
            WriteRates(w, r.Base);
            w.WriteStartObject("low");
            WriteRates(w, r.Low);
            w.WriteEndObject();
            w.WriteStartObject("high");
            WriteRates(w, r.High);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("skipped_deals");
        foreach (var s in report.SkippedDeals)
        {
            w.WriteStartObject();
            w.WriteString("deal", s.Id.Value);
            w.WriteString("reason", s.Reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteBacktest(w, report.Backtest);
    }

    private static void WriteRules(Utf8JsonWriter w, ScenarioRules rules)
    {
        w.WriteStartObject("scenario");
        foreach (var (name, value) in ForecastFigures.Rules(rules))
        {
            if (value is { } v)
            {
                w.WriteNumber(name, v);
            }
            else
            {
                w.WriteNull(name);
            }
        }

        if (rules.PriceFrom is { } from)
        {
            w.WriteString("price_from", from.ToString());
        }
        else
        {
            w.WriteNull("price_from");
        }

        w.WriteEndObject();
    }

    private static void WriteRates(Utf8JsonWriter w, TrendRates rates)
    {
        foreach (var (name, value, isMoney) in ForecastFigures.RateFigures(rates))
        {
            if (isMoney)
            {
                JsonFigures.Money(w, name, value);
            }
            else
            {
                JsonFigures.Ratio(w, name, value);
            }
        }
    }

    private static void WriteBacktest(Utf8JsonWriter w, Backtest? backtest)
    {
        if (backtest is null)
        {
            w.WriteNull("backtest");
            return;
        }

        w.WriteStartObject("backtest");
        w.WriteStartArray("points");
        foreach (var p in backtest.Points)
        {
            w.WriteStartObject();
            w.WriteString("origin", p.Origin.ToString());
            w.WriteNumber("horizon", p.Horizon);
            w.WriteString("month", p.Month.ToString());
            JsonFigures.Money(w, "forecast", p.Forecast);
            JsonFigures.Money(w, "actual", p.Actual);
            JsonFigures.Ratio(w, "ape", p.AbsolutePercentError);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("mape");
        foreach (var e in backtest.Mape)
        {
            w.WriteStartObject();
            w.WriteNumber("horizon", e.Horizon);
            JsonFigures.Ratio(w, "mape", e.Mape);
            w.WriteNumber("samples", e.Samples);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static string Text(Action<TextWriter> write)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        write(text);
        return text.ToString();
    }
}
