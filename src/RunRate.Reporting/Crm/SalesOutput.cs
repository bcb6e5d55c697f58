using System.Globalization;
using System.Text.Json;
using RunRate.Engine.Crm;
using RunRate.Engine.Crm.Sales;
using RunRate.Reporting.Common;

namespace RunRate.Reporting.Crm;

/// <summary>The sales report as JSON and CSV (shared by <c>runrate sales</c> and <c>GET /api/sales</c>).</summary>
public static class SalesOutput
{
    /// <summary>The document of docs/crm.md, "Sales analytics".</summary>
    public static void Json(TextWriter output, SalesReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        JsonOut.Write(output, w =>
        {
            w.WriteStartObject();
            w.WriteString("currency", report.Request.Currency.Value);
            w.WriteString("from", report.Request.From.ToString());
            w.WriteString("to", report.Request.To.ToString());
            w.WriteStartArray("pipeline");
            foreach (var s in report.Stages)
            {
                w.WriteStartObject();
                w.WriteString("stage", s.Stage.Key);
                w.WriteString("name", s.Stage.Name);
                w.WriteNumber("probability", s.Stage.Probability);
                w.WriteString("outcome", Outcome(s.Stage.Outcome));
                w.WriteNumber("deals", s.Deals);
                JsonFigures.Money(w, "arr", s.Arr);
                JsonFigures.Money(w, "weighted_arr", s.WeightedArr);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("open");
            w.WriteNumber("deals", report.Open.Deals);
            JsonFigures.Money(w, "arr", report.Open.Arr);
            JsonFigures.Money(w, "weighted_arr", report.Open.WeightedArr);
            w.WriteEndObject();
            w.WriteStartArray("conversion");
            foreach (var c in report.Conversion)
            {
                w.WriteStartObject();
                w.WriteString("from_stage", c.From);
                w.WriteString("to_stage", c.To);
                w.WriteNumber("entered", c.Entered);
                w.WriteNumber("advanced", c.Advanced);
                JsonFigures.Ratio(w, "rate", c.Rate);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("win_rate");
            w.WritePropertyName("overall");
            WinRate(w, null, null, report.WinRate);
            Groups(w, "by_channel", "channel", report.WinRateByChannel);
            Groups(w, "by_owner", "owner", report.WinRateByOwner);
            w.WriteEndObject();
            w.WriteStartObject("sales_cycle");
            w.WriteNumber("deals", report.Cycle.Deals);
            JsonFigures.Ratio(w, "average_days", report.Cycle.AverageDays);
            JsonFigures.Ratio(w, "median_days", report.Cycle.MedianDays);
            w.WriteEndObject();
            w.WriteStartObject("new_arr");
            NewArr(w, "by_channel", "channel", report.NewArrByChannel);
            NewArr(w, "by_owner", "owner", report.NewArrByOwner);
            w.WriteEndObject();
            w.WriteStartArray("targets");
            foreach (var t in report.Targets)
            {
                w.WriteStartObject();
                w.WriteString("owner", t.Target.Owner);
                w.WriteString("period", t.Target.Period);
                w.WriteString("currency", t.Target.Currency.Value);
                w.WriteNumber("target", t.Target.Arr);
                JsonFigures.Money(w, "won_arr", t.WonArr);
                JsonFigures.Ratio(w, "attainment", t.Attainment);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>One row per figure: <c>section,key,metric,value</c> (a long table that spreadsheets pivot easily).</summary>
    public static void Csv(TextWriter output, SalesReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        CsvText.Row(output, ["section", "key", "metric", "value"]);
        void Row(string section, string key, string metric, string value) => CsvText.Row(output, [section, key, metric, value]);
        foreach (var s in report.Stages)
        {
            Row("pipeline", s.Stage.Key, "deals", Count(s.Deals));
            Row("pipeline", s.Stage.Key, "arr", JsonFigures.Money(s.Arr));
            Row("pipeline", s.Stage.Key, "weighted_arr", JsonFigures.Money(s.WeightedArr));
        }

        foreach (var c in report.Conversion)
        {
            Row("conversion", $"{c.From}>{c.To}", "entered", Count(c.Entered));
            Row("conversion", $"{c.From}>{c.To}", "advanced", Count(c.Advanced));
            Row("conversion", $"{c.From}>{c.To}", "rate", JsonFigures.Ratio(c.Rate));
        }

        Row("win_rate", "overall", "rate", JsonFigures.Ratio(report.WinRate.Rate));
        foreach (var g in report.WinRateByChannel)
        {
            Row("win_rate_by_channel", g.Group, "rate", JsonFigures.Ratio(g.Figures.Rate));
        }

        foreach (var g in report.WinRateByOwner)
        {
            Row("win_rate_by_owner", g.Group, "rate", JsonFigures.Ratio(g.Figures.Rate));
        }

        Row("sales_cycle", "won", "average_days", JsonFigures.Ratio(report.Cycle.AverageDays));
        Row("sales_cycle", "won", "median_days", JsonFigures.Ratio(report.Cycle.MedianDays));
        foreach (var g in report.NewArrByChannel)
        {
            Row("new_arr_by_channel", g.Group, "arr", JsonFigures.Money(g.Arr));
            Row("new_arr_by_channel", g.Group, "booked_arr", JsonFigures.Money(g.BookedArr));
        }

        foreach (var g in report.NewArrByOwner)
        {
            Row("new_arr_by_owner", g.Group, "arr", JsonFigures.Money(g.Arr));
            Row("new_arr_by_owner", g.Group, "booked_arr", JsonFigures.Money(g.BookedArr));
        }

        foreach (var t in report.Targets)
        {
            Row("targets", $"{t.Target.Owner} {t.Target.Period}", "won_arr", JsonFigures.Money(t.WonArr));
            Row("targets", $"{t.Target.Owner} {t.Target.Period}", "attainment", JsonFigures.Ratio(t.Attainment));
        }
    }

    /// <summary>open, won or lost.</summary>
    public static string Outcome(StageOutcome outcome) => outcome.ToString().ToLowerInvariant();

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Groups(Utf8JsonWriter w, string name, string label, IReadOnlyList<GroupWinRate> groups)
    {
        w.WriteStartArray(name);
        foreach (var g in groups)
        {
            WinRate(w, label, g.Group, g.Figures);
        }

        w.WriteEndArray();
    }

    private static void WinRate(Utf8JsonWriter w, string? label, string? group, WinRate figures)
    {
        w.WriteStartObject();
        if (label is not null)
        {
            w.WriteString(label, group);
        }

        w.WriteNumber("won", figures.Won);
        w.WriteNumber("lost", figures.Lost);
        JsonFigures.Ratio(w, "rate", figures.Rate);
        JsonFigures.Money(w, "won_arr", figures.WonArr);
        w.WriteEndObject();
    }

    private static void NewArr(Utf8JsonWriter w, string name, string label, IReadOnlyList<NewArrGroup> groups)
    {
        w.WriteStartArray(name);
        foreach (var g in groups)
        {
            w.WriteStartObject();
            w.WriteString(label, g.Group);
            w.WriteNumber("customers", g.Customers);
            JsonFigures.Money(w, "arr", g.Arr);
            w.WriteNumber("deals", g.Deals);
            JsonFigures.Money(w, "booked_arr", g.BookedArr);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
