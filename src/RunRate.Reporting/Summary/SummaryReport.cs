using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;
using RunRate.Reporting.Common;

namespace RunRate.Reporting.Summary;

/// <summary>The KPI card of one month: the month object of the bridge.</summary>
public static class SummaryReport
{
    /// <summary><c>{"currency","summary":{month object}}</c>.</summary>
    public static void Json(TextWriter output, CurrencyCode currency, MonthFigures month)
    {
        ArgumentNullException.ThrowIfNull(month);
        JsonOut.Write(output, w =>
        {
            w.WriteStartObject();
            w.WriteString("currency", currency.Value);
            w.WritePropertyName("summary");
            MonthFields.WriteJson(w, month);
            w.WriteEndObject();
        });
    }

    /// <summary>The month header and one row.</summary>
    public static void Csv(TextWriter output, MonthFigures month)
    {
        ArgumentNullException.ThrowIfNull(month);
        CsvText.Row(output, MonthFields.CsvHeader());
        CsvText.Row(output, MonthFields.CsvRow(month));
    }
}
