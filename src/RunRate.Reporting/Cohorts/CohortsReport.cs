using System.Globalization;
using System.Text.Json;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;
using RunRate.Reporting.Common;

namespace RunRate.Reporting.Cohorts;

/// <summary>Cohort retention as JSON (spec section 7) and CSV (one row per cohort and age).</summary>
public static class CohortsReport
{
    /// <summary><c>{"currency","cohorts":[{"cohort","customers","mrr":[],"revenue_retention":[],"logo_retention":[]}]}</c>.</summary>
    public static void Json(TextWriter output, BridgeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        JsonOut.Write(output, w =>
        {
            w.WriteStartObject();
            w.WriteString("currency", report.Currency.Value);
            w.WriteStartArray("cohorts");
            foreach (var c in report.Cohorts)
            {
                w.WriteStartObject();
                w.WriteString("cohort", c.Cohort.ToString());
                w.WriteNumber("customers", c.Customers);
                WriteArray(w, "mrr", FieldKind.Money, c.Mrr.Select(v => (Exact?)v));
                WriteArray(w, "revenue_retention", FieldKind.Ratio, c.RevenueRetention);
                WriteArray(w, "logo_retention", FieldKind.Ratio, c.LogoRetention);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary><c>cohort,customers,age,mrr,revenue_retention,active_customers,logo_retention</c>.</summary>
    public static void Csv(TextWriter output, BridgeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        CsvText.Row(output, ["cohort", "customers", "age", "mrr", "revenue_retention", "active_customers", "logo_retention"]);
        foreach (var c in report.Cohorts)
        {
            for (var k = 0; k < c.Mrr.Count; k++)
            {
                var active = c.LogoRetention[k] is { } l ? (l * c.Customers).Numerator : 0;
                CsvText.Row(output,
                [
                    c.Cohort.ToString(), c.Customers.ToString(CultureInfo.InvariantCulture), k.ToString(CultureInfo.InvariantCulture),
                    MonthFields.CsvValue(FieldKind.Money, c.Mrr[k]), MonthFields.CsvValue(FieldKind.Ratio, c.RevenueRetention[k]),
                    active.ToString(CultureInfo.InvariantCulture), MonthFields.CsvValue(FieldKind.Ratio, c.LogoRetention[k]),
                ]);
            }
        }
    }

    private static void WriteArray(Utf8JsonWriter w, string name, FieldKind kind, IEnumerable<Exact?> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            MonthFields.WriteValue(w, kind, v);
        }

        w.WriteEndArray();
    }
}
