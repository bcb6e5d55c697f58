using System.Text.Json;
using RunRate.Engine.Primitives;
using RunRate.Engine.Valuation;
using RunRate.Reporting.Common;
using RunRate.Reporting.Crm;
using RunRate.Reporting.Economics;

namespace RunRate.Reporting.Valuation;

/// <summary>
/// The valuation report as JSON and CSV (shared by the CLI's <c>valuation --json/--csv</c> and the API).
/// Money (ARR, valuations) rounds to cents; growth, NRR and the grid's axes stay unrounded; null where
/// growth or NRR does not exist.
/// </summary>
public static class ValuationOutput
{
    /// <summary>
    /// <c>{"currency","month","arr","growth","nrr","valuation","growth_step_points","nrr_step_points","steps",
    /// "history":[{month,arr,growth,nrr,valuation}],"growth_values":[…],"nrr_values":[…],
    /// "sensitivity":[[…]] (rows = growth values, columns = NRR values),"limits":["…"]}</c>.
    /// </summary>
    public static void ToJson(TextWriter output, ValuationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        JsonOut.Write(output, w =>
        {
            w.WriteStartObject();
            w.WriteString("currency", report.Currency.Value);
            w.WriteString("month", report.Request.Month.ToString());
            JsonFigures.Money(w, "arr", report.Arr);
            JsonFigures.Ratio(w, "growth", report.Growth);
            JsonFigures.Ratio(w, "nrr", report.Nrr);
            JsonFigures.Money(w, "valuation", report.Valuation);
            w.WriteNumber("growth_step_points", report.Request.GrowthStepPoints);
            w.WriteNumber("nrr_step_points", report.Request.NrrStepPoints);
            w.WriteNumber("steps", report.Request.Steps);
            w.WriteStartArray("history");
            foreach (var m in report.History)
            {
                w.WriteStartObject();
                w.WriteString("month", m.Month.ToString());
                JsonFigures.Money(w, "arr", m.Arr);
                JsonFigures.Ratio(w, "growth", m.Growth);
                JsonFigures.Ratio(w, "nrr", m.Nrr);
                JsonFigures.Money(w, "valuation", m.Valuation);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            Array(w, "growth_values", FieldKind.Ratio, report.GrowthValues);
            Array(w, "nrr_values", FieldKind.Ratio, report.NrrValues);
            w.WriteStartArray("sensitivity");
            foreach (var row in report.Sensitivity)
            {
                Array(w, null, FieldKind.Money, row);
            }

            w.WriteEndArray();
            w.WriteStartArray("limits");
            foreach (var limit in report.Limits)
            {
                w.WriteStringValue(limit);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>The JSON as a string.</summary>
    public static string ToJson(ValuationReport report) => EconomicsOutput.Text(w => ToJson(w, report));

    /// <summary>The history: one row per month (<c>month,arr,growth,nrr,valuation</c>), the valued month last.</summary>
    public static void ToCsv(TextWriter output, ValuationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        CsvText.Row(output, ["month", "arr", "growth", "nrr", "valuation"]);
        foreach (var m in report.History)
        {
            CsvText.Row(output, [m.Month.ToString(), JsonFigures.Money(m.Arr), JsonFigures.Ratio(m.Growth), JsonFigures.Ratio(m.Nrr), JsonFigures.Money(m.Valuation)]);
        }
    }

    /// <summary>The CSV as a string.</summary>
    public static string ToCsv(ValuationReport report) => EconomicsOutput.Text(w => ToCsv(w, report));

    /// <summary>The grid: a header of NRR values after <c>growth</c>, then one row per growth value; only the header without a grid.</summary>
    public static void SensitivityToCsv(TextWriter output, ValuationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        CsvText.Row(output, ["growth", .. report.NrrValues.Select(n => "nrr " + JsonFigures.Ratio(n))]);
        for (var g = 0; g < report.GrowthValues.Count; g++)
        {
            CsvText.Row(output, [JsonFigures.Ratio(report.GrowthValues[g]), .. report.Sensitivity[g].Select(v => JsonFigures.Money(v))]);
        }
    }

    private static void Array(Utf8JsonWriter w, string? name, FieldKind kind, IEnumerable<Exact> values)
    {
        if (name is null)
        {
            w.WriteStartArray();
        }
        else
        {
            w.WriteStartArray(name);
        }

        foreach (var value in values)
        {
            MonthFields.WriteValue(w, kind, value);
        }

        w.WriteEndArray();
    }
}
