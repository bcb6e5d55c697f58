using System.Globalization;
using System.Text.Json;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;

namespace RunRate.Reporting.Common;

/// <summary>How a figure is shown: money rounds to cents, ratios stay unrounded in JSON, counts are integers.</summary>
public enum FieldKind
{
    Money,
    Ratio,
    Count,
}

/// <summary>One named figure of a month.</summary>
public sealed record MonthField(string Name, FieldKind Kind, Func<MonthFigures, Exact?> Value);

/// <summary>
/// The month object of every machine-readable report: the names of spec section 4, in its order,
/// then our extensions. JSON, CSV and tables all read this one list, so they cannot drift apart.
/// </summary>
public static class MonthFields
{
    public static readonly MonthField[] All =
    [
        new("opening_mrr", FieldKind.Money, m => m.OpeningMrr),
        new("new", FieldKind.Money, m => m.New),
        new("expansion", FieldKind.Money, m => m.Expansion),
        new("contraction", FieldKind.Money, m => m.Contraction),
        new("churn", FieldKind.Money, m => m.Churn),
        new("reactivation", FieldKind.Money, m => m.Reactivation),
        new("closing_mrr", FieldKind.Money, m => m.ClosingMrr),
        new("arr", FieldKind.Money, m => m.Arr),
        new("subscription_arr", FieldKind.Money, m => m.SubscriptionArr),
        new("addon_arr", FieldKind.Money, m => m.AddonArr),
        new("customers", FieldKind.Count, m => m.Customers),
        new("new_customers", FieldKind.Count, m => m.NewCustomers),
        new("reactivated_customers", FieldKind.Count, m => m.ReactivatedCustomers),
        new("churned_customers", FieldKind.Count, m => m.ChurnedCustomers),
        new("customer_churn_rate", FieldKind.Ratio, m => m.CustomerChurnRate),
        new("gross_mrr_churn_rate", FieldKind.Ratio, m => m.GrossMrrChurnRate),
        new("net_mrr_churn_rate", FieldKind.Ratio, m => m.NetMrrChurnRate),
        new("arpa", FieldKind.Money, m => m.Arpa),
        new("quick_ratio", FieldKind.Ratio, m => m.QuickRatio),
        new("nrr", FieldKind.Ratio, m => m.Nrr),
        new("grr", FieldKind.Ratio, m => m.Grr),
        new("growth_yoy", FieldKind.Ratio, m => m.GrowthYoy),
        new("valuation", FieldKind.Money, m => m.Valuation),
        new("opening_customers", FieldKind.Count, m => m.OpeningCustomers),
        new("one_time_revenue", FieldKind.Money, m => m.OneTimeRevenue),
    ];

    public static void WriteJson(Utf8JsonWriter json, MonthFigures month)
    {
        json.WriteStartObject();
        json.WriteString("month", month.Month.ToString());
        foreach (var field in All)
        {
            json.WritePropertyName(field.Name);
            WriteValue(json, field.Kind, field.Value(month));
        }

        json.WriteEndObject();
    }

    public static void WriteValue(Utf8JsonWriter json, FieldKind kind, Exact? value)
    {
        if (value is not { } v)
        {
            json.WriteNullValue();
            return;
        }

        switch (kind)
        {
            case FieldKind.Money:
                json.WriteNumberValue(v.Round());
                break;
            case FieldKind.Count:
                json.WriteNumberValue((long)v.Numerator);
                break;
            default:
                json.WriteNumberValue(v.ToDecimal());
                break;
        }
    }

    public static string CsvValue(FieldKind kind, Exact? value) => value is not { } v
        ? ""
        : kind switch
        {
            FieldKind.Money => v.Round().ToString(CultureInfo.InvariantCulture),
            FieldKind.Count => v.Numerator.ToString(CultureInfo.InvariantCulture),
            _ => v.ToDecimal().ToString(CultureInfo.InvariantCulture),
        };

    public static IEnumerable<string> CsvHeader(params string[] leading) => [.. leading, "month", .. All.Select(f => f.Name)];

    public static IEnumerable<string> CsvRow(MonthFigures month, params string[] leading) =>
        [.. leading, month.Month.ToString(), .. All.Select(f => CsvValue(f.Kind, f.Value(month)))];
}
