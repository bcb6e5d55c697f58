using System.Text.Json;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;
using RunRate.Reporting.Common;

namespace RunRate.Reporting.Mrr;

/// <summary>The monthly bridge as JSON (spec section 7) and CSV, one row per month.</summary>
public static class MrrReport
{
    /// <summary><c>{"currency","months":[...]}</c>.</summary>
    public static void Json(TextWriter output, BridgeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        JsonOut.Write(output, w =>
        {
            w.WriteStartObject();
            w.WriteString("currency", report.Currency.Value);
            WriteMonths(w, report);
            w.WriteEndObject();
        });
    }

    /// <summary><c>{"currency","by","groups":[{by: label,"months":[...]}]}</c>.</summary>
    public static void GroupsJson(TextWriter output, CurrencyCode currency, string by, IReadOnlyList<(string Label, BridgeReport Report)> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        JsonOut.Write(output, w =>
        {
            w.WriteStartObject();
            w.WriteString("currency", currency.Value);
            w.WriteString("by", by);
            w.WriteStartArray("groups");
            foreach (var (label, report) in groups)
            {
                w.WriteStartObject();
                w.WriteString(by, label);
                WriteMonths(w, report);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>A header and one row per month (and group, whose label leads when <paramref name="by"/> is set).</summary>
    public static void Csv(TextWriter output, IReadOnlyList<(string Label, BridgeReport Report)> groups, string? by)
    {
        ArgumentNullException.ThrowIfNull(groups);
        CsvText.Row(output, by is null ? MonthFields.CsvHeader() : MonthFields.CsvHeader(by));
        foreach (var (label, report) in groups)
        {
            foreach (var month in report.Months)
            {
                CsvText.Row(output, by is null ? MonthFields.CsvRow(month) : MonthFields.CsvRow(month, label));
            }
        }
    }

    private static void WriteMonths(Utf8JsonWriter w, BridgeReport report)
    {
        w.WriteStartArray("months");
        foreach (var month in report.Months)
        {
            MonthFields.WriteJson(w, month);
        }

        w.WriteEndArray();
    }
}
