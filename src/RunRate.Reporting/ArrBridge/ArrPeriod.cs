using System.Text.Json;
using RunRate.Reporting.Common;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;

namespace RunRate.Reporting.ArrBridge;

/// <summary>A period's ARR bridge, folded from the monthly report (12 × the MRR movements).</summary>
public sealed record ArrPeriod(
    Exact OpeningArr,
    Exact OpeningSubscriptionArr,
    Exact OpeningAddonArr,
    long OpeningCustomers,
    Exact New,
    Exact Expansion,
    Exact Contraction,
    Exact Churn,
    Exact Reactivation,
    long NewCustomers,
    long ChurnedCustomers,
    long ReactivatedCustomers,
    Exact ClosingArr,
    Exact ClosingSubscriptionArr,
    Exact ClosingAddonArr,
    long ClosingCustomers)
{
    public static readonly string[] FieldNames =
    [
        "opening_arr", "opening_subscription_arr", "opening_addon_arr", "opening_customers",
        "new", "expansion", "contraction", "churn", "reactivation",
        "new_customers", "churned_customers", "reactivated_customers",
        "closing_arr", "closing_subscription_arr", "closing_addon_arr", "closing_customers",
    ];

    /// <summary>Folds a report whose first month is the month before the period (it supplies the opening split).</summary>
    public static ArrPeriod From(BridgeReport report)
    {
        var before = report.Months[0];
        var months = report.Months.Skip(1).ToList();
        Exact Sum(Func<MonthFigures, Exact> pick) => months.Aggregate(Exact.Zero, (acc, m) => acc + pick(m)) * 12;
        var last = months[^1];
        var period = new ArrPeriod(
            before.Arr,
            before.SubscriptionArr,
            before.AddonArr,
            before.Customers,
            Sum(m => m.New),
            Sum(m => m.Expansion),
            Sum(m => m.Contraction),
            Sum(m => m.Churn),
            Sum(m => m.Reactivation),
            months.Sum(m => m.NewCustomers),
            months.Sum(m => m.ChurnedCustomers),
            months.Sum(m => m.ReactivatedCustomers),
            last.Arr,
            last.SubscriptionArr,
            last.AddonArr,
            last.Customers);
        if (period.OpeningArr + period.New + period.Expansion + period.Contraction + period.Churn + period.Reactivation != period.ClosingArr)
        {
            throw new InvalidOperationException("ARR bridge does not balance; this is a bug in the engine.");
        }

        return period;
    }

    public IEnumerable<(FieldKind Kind, Exact? Value)> Values() =>
    [
        (FieldKind.Money, OpeningArr), (FieldKind.Money, OpeningSubscriptionArr), (FieldKind.Money, OpeningAddonArr), (FieldKind.Count, OpeningCustomers),
        (FieldKind.Money, New), (FieldKind.Money, Expansion), (FieldKind.Money, Contraction), (FieldKind.Money, Churn), (FieldKind.Money, Reactivation),
        (FieldKind.Count, NewCustomers), (FieldKind.Count, ChurnedCustomers), (FieldKind.Count, ReactivatedCustomers),
        (FieldKind.Money, ClosingArr), (FieldKind.Money, ClosingSubscriptionArr), (FieldKind.Money, ClosingAddonArr), (FieldKind.Count, ClosingCustomers),
    ];

    public void WriteJson(Utf8JsonWriter w)
    {
        foreach (var (name, (kind, value)) in FieldNames.Zip(Values()))
        {
            w.WritePropertyName(name);
            MonthFields.WriteValue(w, kind, value);
        }
    }
}
