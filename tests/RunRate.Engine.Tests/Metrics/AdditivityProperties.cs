using FsCheck.Xunit;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;
using RunRate.Engine.Tests.Generators;
using Shouldly;

namespace RunRate.Engine.Tests.Metrics;

[Properties(MaxTest = 100, Arbitrary = new[] { typeof(LedgerArbitraries) })]
public sealed class AdditivityProperties
{
    /// <summary>The money figures and counts that must add up over any partition of the customers.</summary>
    private static (string Name, Func<MonthFigures, Exact> Of)[] Additive { get; } =
    [
        ("opening_mrr", m => m.OpeningMrr),
        ("new", m => m.New),
        ("expansion", m => m.Expansion),
        ("contraction", m => m.Contraction),
        ("churn", m => m.Churn),
        ("reactivation", m => m.Reactivation),
        ("closing_mrr", m => m.ClosingMrr),
        ("arr", m => m.Arr),
        ("subscription_arr", m => m.SubscriptionArr),
        ("addon_arr", m => m.AddonArr),
        ("one-time revenue", m => m.OneTimeRevenue),
        ("customers", m => m.Customers),
        ("opening customers", m => m.OpeningCustomers),
        ("new_customers", m => m.NewCustomers),
        ("reactivated_customers", m => m.ReactivatedCustomers),
        ("churned_customers", m => m.ChurnedCustomers),
    ];

    private static void ShouldAddUp(LedgerCase ledgerCase, IEnumerable<LedgerFilter> partition)
    {
        var ledger = ledgerCase.Ledger();
        var whole = RevenueEngine.Compute(ledger, ledgerCase.Request());
        var parts = partition.Select(f => RevenueEngine.Compute(ledger, ledgerCase.Request(f))).ToList();
        for (var i = 0; i < whole.Months.Count; i++)
        {
            foreach (var (name, of) in Additive)
            {
                parts.Aggregate(Exact.Zero, (sum, p) => sum + of(p.Months[i])).ShouldBe(of(whole.Months[i]), $"{whole.Months[i].Month} {name}");
            }
        }

        var cohortSizes = parts.SelectMany(p => p.Cohorts).GroupBy(c => c.Cohort).OrderBy(g => g.Key).Select(g => (g.Key, g.Sum(c => c.Customers)));
        whole.Cohorts.Select(c => (c.Cohort, c.Customers)).ShouldBe(cohortSizes);
        foreach (var cohort in whole.Cohorts)
        {
            for (var k = 0; k < cohort.Mrr.Count; k++)
            {
                parts.SelectMany(p => p.Cohorts).Where(c => c.Cohort == cohort.Cohort)
                    .Aggregate(Exact.Zero, (sum, c) => sum + c.Mrr[k]).ShouldBe(cohort.Mrr[k]);
            }
        }
    }

    [Property]
    public void Mrr_levels_summed_over_products_equal_the_whole(LedgerCase ledgerCase)
    {
        // Movements are not additive over products (moving from one product to another is an upgrade for
        // the customer but churn + new per product); MRR levels and one-time revenue are. "" selects
        // the lines without a product.
        var ledger = ledgerCase.Ledger();
        var whole = RevenueEngine.Compute(ledger, ledgerCase.Request());
        var parts = new[] { "", "core", "pro", "support" }
            .Select(p => RevenueEngine.Compute(ledger, ledgerCase.Request(LedgerFilter.All.Where("product", p))))
            .ToList();
        for (var i = 0; i < whole.Months.Count; i++)
        {
            foreach (var (name, of) in Additive.Where(f => f.Name is "opening_mrr" or "closing_mrr" or "subscription_arr" or "addon_arr" or "one-time revenue"))
            {
                parts.Aggregate(Exact.Zero, (sum, p) => sum + of(p.Months[i])).ShouldBe(of(whole.Months[i]), $"{whole.Months[i].Month} {name}");
            }
        }
    }

    [Property]
    public void Money_figures_and_counts_summed_over_segments_equal_the_whole(LedgerCase ledgerCase)
    {
        ShouldAddUp(ledgerCase, LedgerGenerators.Segments.Select(s => LedgerFilter.All.Where("segment", s)));
    }

    [Property]
    public void Money_figures_and_counts_summed_over_single_customers_equal_the_whole(LedgerCase ledgerCase)
    {
        ShouldAddUp(ledgerCase, ledgerCase.Customers.Select(c => LedgerFilter.All.Where("customer_id", c.Id.Value)));
    }
}
