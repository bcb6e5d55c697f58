using RunRate.Reporting.Common;

namespace RunRate.Reporting.Board;

/// <summary>
/// The words a board reads for each figure of the machine reports. Keyed by the JSON names, so the
/// workbook and the HTML label the same figure the same way, and a test can map a column back to its JSON field.
/// </summary>
public static class BoardLabels
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["opening_mrr"] = "Opening MRR",
        ["new"] = "New",
        ["expansion"] = "Expansion",
        ["contraction"] = "Contraction",
        ["churn"] = "Churn",
        ["reactivation"] = "Reactivation",
        ["closing_mrr"] = "Closing MRR",
        ["arr"] = "ARR",
        ["subscription_arr"] = "Subscription ARR",
        ["addon_arr"] = "Add-on ARR",
        ["customers"] = "Customers",
        ["new_customers"] = "New customers",
        ["reactivated_customers"] = "Reactivated customers",
        ["churned_customers"] = "Churned customers",
        ["customer_churn_rate"] = "Customer churn rate",
        ["gross_mrr_churn_rate"] = "Gross MRR churn rate",
        ["net_mrr_churn_rate"] = "Net MRR churn rate",
        ["arpa"] = "ARPA (MRR)",
        ["quick_ratio"] = "Quick ratio",
        ["nrr"] = "NRR",
        ["grr"] = "GRR",
        ["growth_yoy"] = "Growth YoY",
        ["valuation"] = "Valuation (10 × ARR × growth × NRR)",
        ["opening_customers"] = "Opening customers",
        ["one_time_revenue"] = "One-time revenue",
        ["opening_arr"] = "Opening ARR",
        ["opening_subscription_arr"] = "Opening subscription ARR",
        ["opening_addon_arr"] = "Opening add-on ARR",
        ["closing_arr"] = "Closing ARR",
        ["closing_subscription_arr"] = "Closing subscription ARR",
        ["closing_addon_arr"] = "Closing add-on ARR",
        ["closing_customers"] = "Closing customers",
        ["customer_id"] = "Customer",
        ["name"] = "Name",
        ["status"] = "Status",
        ["segment"] = "Segment",
        ["channel"] = "Channel",
        ["country"] = "Country",
        ["owner"] = "Owner",
        ["since"] = "Since",
        ["last_movement_date"] = "Last movement date",
        ["last_movement"] = "Last movement",
        ["mrr"] = "MRR",
    };

    /// <summary>Ratios that read as multiples (2.5×), not percentages.</summary>
    public static bool IsMultiple(string field) => field is "quick_ratio" or "ltv_to_cac";

    /// <summary>The label of a JSON field name (the name itself when it has none).</summary>
    public static string Of(string field) => Labels.TryGetValue(field, out var label) ? label : field;

    /// <summary>The KPI card's figures in the order a board reads them: every field of the month object.</summary>
    public static IReadOnlyList<MonthField> SummaryFields { get; } =
    [
        .. new[]
        {
            "arr", "subscription_arr", "addon_arr", "closing_mrr", "opening_mrr", "customers", "opening_customers",
            "new_customers", "reactivated_customers", "churned_customers", "growth_yoy", "nrr", "grr", "customer_churn_rate",
            "gross_mrr_churn_rate", "net_mrr_churn_rate", "arpa", "quick_ratio", "valuation", "new", "expansion",
            "contraction", "churn", "reactivation", "one_time_revenue",
        }.Select(name => MonthFields.All.Single(f => f.Name == name)),
    ];
}
