using System.Globalization;
using RunRate.Engine.Metrics;
using RunRate.Engine.Tests.Reference;
using Shouldly;

namespace RunRate.Engine.Tests.Support;

/// <summary>Compares the engine's report with the reference model's, figure by figure, listing every difference.</summary>
internal static class ReportAssert
{
    public static void MatchesReference(BridgeReport actual, ReferenceReport expected, string? context = null)
    {
        var differences = new List<string>();
        void Check(string where, string name, object? engine, object? reference)
        {
            if (!Equals(engine, reference))
            {
                differences.Add(string.Create(CultureInfo.InvariantCulture, $"{where} {name}: engine {engine ?? "null"}, reference {reference ?? "null"}"));
            }
        }

        Check("report", "month count", actual.Months.Count, expected.Months.Count);
        foreach (var (e, r) in actual.Months.Zip(expected.Months))
        {
            var m = e.Month.ToString();
            Check(m, "month", e.Month, r.Month);
            Check(m, "opening_mrr", e.OpeningMrr, r.OpeningMrr);
            Check(m, "new", e.New, r.New);
            Check(m, "expansion", e.Expansion, r.Expansion);
            Check(m, "contraction", e.Contraction, r.Contraction);
            Check(m, "churn", e.Churn, r.Churn);
            Check(m, "reactivation", e.Reactivation, r.Reactivation);
            Check(m, "closing_mrr", e.ClosingMrr, r.ClosingMrr);
            Check(m, "arr", e.Arr, r.Arr);
            Check(m, "subscription_arr", e.SubscriptionArr, r.SubscriptionArr);
            Check(m, "addon_arr", e.AddonArr, r.AddonArr);
            Check(m, "opening customers", e.OpeningCustomers, r.OpeningCustomers);
            Check(m, "customers", e.Customers, r.Customers);
            Check(m, "new_customers", e.NewCustomers, r.NewCustomers);
            Check(m, "reactivated_customers", e.ReactivatedCustomers, r.ReactivatedCustomers);
            Check(m, "churned_customers", e.ChurnedCustomers, r.ChurnedCustomers);
            Check(m, "customer_churn_rate", e.CustomerChurnRate, r.CustomerChurnRate);
            Check(m, "gross_mrr_churn_rate", e.GrossMrrChurnRate, r.GrossMrrChurnRate);
            Check(m, "net_mrr_churn_rate", e.NetMrrChurnRate, r.NetMrrChurnRate);
            Check(m, "arpa", e.Arpa, r.Arpa);
            Check(m, "quick_ratio", e.QuickRatio, r.QuickRatio);
            Check(m, "nrr", e.Nrr, r.Nrr);
            Check(m, "grr", e.Grr, r.Grr);
            Check(m, "growth_yoy", e.GrowthYoy, r.GrowthYoy);
            Check(m, "valuation", e.Valuation, r.Valuation);
            Check(m, "one-time revenue", e.OneTimeRevenue, r.OneTimeRevenue);
        }

        Check("report", "cohort months", string.Join(",", actual.Cohorts.Select(c => c.Cohort)), string.Join(",", expected.Cohorts.Select(c => c.Cohort)));
        foreach (var (e, r) in actual.Cohorts.Zip(expected.Cohorts))
        {
            var c = "cohort " + e.Cohort.ToString();
            Check(c, "customers", e.Customers, r.Customers);
            Check(c, "ages", e.Mrr.Count, r.Mrr.Count);
            for (var k = 0; k < Math.Min(e.Mrr.Count, r.Mrr.Count); k++)
            {
                var at = string.Create(CultureInfo.InvariantCulture, $"{c} age {k}");
                Check(at, "mrr", e.Mrr[k], r.Mrr[k]);
                Check(at, "revenue_retention", e.RevenueRetention[k], r.RevenueRetention[k]);
                Check(at, "logo_retention", e.LogoRetention[k], r.LogoRetention[k]);
            }
        }

        differences.Take(40).ShouldBeEmpty(context);
    }
}
