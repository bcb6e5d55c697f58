using System.Globalization;
using System.Text.Json;
using RunRate.Engine.Economics;
using RunRate.Engine.Primitives;
using RunRate.Reporting.Common;
using RunRate.Reporting.Crm;

namespace RunRate.Reporting.Economics;

/// <summary>
/// The unit-economics report as JSON and CSV (shared by the CLI's <c>economics --json/--csv</c> and the
/// API, so they cannot differ by a byte). Money rounds to cents, ratios and payback months stay
/// unrounded, and a <see cref="Figure"/> is its value or null plus a sibling <c>"&lt;name&gt;_missing"</c>
/// with the reason (null when there is a value), so a missing CAC never reads as 0.
/// </summary>
public static class EconomicsOutput
{
    /// <summary>The month's own amounts, in order.</summary>
    private static readonly (string Name, FieldKind Kind, Func<EconomicsMonth, Exact?> Of)[] Amounts =
    [
        ("revenue", FieldKind.Money, m => m.Revenue),
        ("cogs", FieldKind.Money, m => m.Cogs),
        ("sales_spend", FieldKind.Money, m => m.SalesSpend),
        ("marketing_spend", FieldKind.Money, m => m.MarketingSpend),
        ("other_spend", FieldKind.Money, m => m.OtherSpend),
        ("new_customers", FieldKind.Count, m => m.NewCustomers),
        ("new_mrr", FieldKind.Money, m => m.NewMrr),
        ("arpa", FieldKind.Money, m => m.Arpa),
    ];

    /// <summary>The window figures, in order.</summary>
    private static readonly (string Name, FieldKind Kind, Func<EconomicsMonth, Figure> Of)[] Figures =
    [
        ("gross_margin", FieldKind.Ratio, m => m.GrossMargin),
        ("customer_churn_rate", FieldKind.Ratio, m => m.CustomerChurnRate),
        ("cac", FieldKind.Money, m => m.Cac),
        ("ltv", FieldKind.Money, m => m.Ltv),
        ("ltv_to_cac", FieldKind.Ratio, m => m.LtvToCac),
        ("payback_months", FieldKind.Ratio, m => m.PaybackMonths),
    ];

    /// <summary>
    /// <c>{"currency","from","to","window_months","has_costs","months":[{month, revenue, cogs, sales_spend,
    /// marketing_spend, other_spend, new_customers, new_mrr, arpa, gross_margin, gross_margin_missing, …}],
    /// "channels":[{channel, spend, sales_spend, marketing_spend, new_customers, new_mrr, cac, cac_missing}]}</c>.
    /// </summary>
    public static void ToJson(TextWriter output, EconomicsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        JsonOut.Write(output, w =>
        {
            w.WriteStartObject();
            w.WriteString("currency", report.Currency.Value);
            w.WriteString("from", report.Request.From.ToString());
            w.WriteString("to", report.Request.To.ToString());
            w.WriteNumber("window_months", report.Request.WindowMonths);
            w.WriteBoolean("has_costs", report.HasCosts);
            w.WriteStartArray("months");
            foreach (var m in report.Months)
            {
                w.WriteStartObject();
                w.WriteString("month", m.Month.ToString());
                foreach (var (name, kind, of) in Amounts)
                {
                    w.WritePropertyName(name);
                    MonthFields.WriteValue(w, kind, of(m));
                }

                foreach (var (name, kind, of) in Figures)
                {
                    WriteFigure(w, name, kind, of(m));
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("channels");
            foreach (var c in report.Channels)
            {
                w.WriteStartObject();
                w.WriteString("channel", c.Channel);
                JsonFigures.Money(w, "spend", c.Spend);
                JsonFigures.Money(w, "sales_spend", c.SalesSpend);
                JsonFigures.Money(w, "marketing_spend", c.MarketingSpend);
                w.WriteNumber("new_customers", c.NewCustomers);
                JsonFigures.Money(w, "new_mrr", c.NewMrr);
                WriteFigure(w, "cac", FieldKind.Money, c.Cac);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>The JSON as a string.</summary>
    public static string ToJson(EconomicsReport report) => Text(w => ToJson(w, report));

    /// <summary>One row per month: <c>month</c>, the amounts, then each figure and its <c>_missing</c> reason.</summary>
    public static void ToCsv(TextWriter output, EconomicsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        CsvText.Row(output, ["month", .. Amounts.Select(a => a.Name), .. Figures.SelectMany(f => new[] { f.Name, f.Name + "_missing" })]);
        foreach (var m in report.Months)
        {
            CsvText.Row(output,
            [
                m.Month.ToString(),
                .. Amounts.Select(a => MonthFields.CsvValue(a.Kind, a.Of(m))),
                .. Figures.SelectMany(f => new[] { MonthFields.CsvValue(f.Kind, f.Of(m).Value), f.Of(m).Missing }),
            ]);
        }
    }

    /// <summary>The CSV as a string.</summary>
    public static string ToCsv(EconomicsReport report) => Text(w => ToCsv(w, report));

    /// <summary>One row per channel of the window ending at the last month.</summary>
    public static void ChannelsToCsv(TextWriter output, EconomicsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        CsvText.Row(output, ["channel", "spend", "sales_spend", "marketing_spend", "new_customers", "new_mrr", "cac", "cac_missing"]);
        foreach (var c in report.Channels)
        {
            CsvText.Row(output,
            [
                c.Channel,
                JsonFigures.Money(c.Spend),
                JsonFigures.Money(c.SalesSpend),
                JsonFigures.Money(c.MarketingSpend),
                c.NewCustomers.ToString(CultureInfo.InvariantCulture),
                JsonFigures.Money(c.NewMrr),
                JsonFigures.Money(c.Cac.Value),
                c.Cac.Missing,
            ]);
        }
    }

    /// <summary>A figure: <c>"name": value-or-null, "name_missing": reason-or-null</c>.</summary>
    internal static void WriteFigure(Utf8JsonWriter w, string name, FieldKind kind, Figure figure)
    {
        w.WritePropertyName(name);
        MonthFields.WriteValue(w, kind, figure.Value);
        w.WriteString(name + "_missing", figure.Missing);
    }

    internal static string Text(Action<TextWriter> write)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        write(text);
        return text.ToString();
    }
}
