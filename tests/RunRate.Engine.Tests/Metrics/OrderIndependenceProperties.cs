using FsCheck.Xunit;
using RunRate.Engine.Metrics;
using RunRate.Engine.Tests.Generators;
using Shouldly;

namespace RunRate.Engine.Tests.Metrics;

[Properties(MaxTest = 100, Arbitrary = new[] { typeof(LedgerArbitraries) })]
public sealed class OrderIndependenceProperties
{
    [Property]
    public void Shuffling_customers_lines_rates_and_line_ids_changes_no_figure(ShuffledLedgerCase pair)
    {
        var original = RevenueEngine.Compute(pair.Original.Ledger(), pair.Original.Request());
        var shuffled = RevenueEngine.Compute(pair.Shuffled.Ledger(), pair.Shuffled.Request());

        // Records compare every figure; the lists are compared element by element.
        shuffled.Months.ShouldBe(original.Months);
        shuffled.Cohorts.Count.ShouldBe(original.Cohorts.Count);
        foreach (var (a, b) in shuffled.Cohorts.Zip(original.Cohorts))
        {
            a.Cohort.ShouldBe(b.Cohort);
            a.Customers.ShouldBe(b.Customers);
            a.Mrr.ShouldBe(b.Mrr);
            a.RevenueRetention.ShouldBe(b.RevenueRetention);
            a.LogoRetention.ShouldBe(b.LogoRetention);
        }
    }

    [Property]
    public void Computing_the_same_report_twice_gives_the_same_figures(LedgerCase ledgerCase)
    {
        var ledger = ledgerCase.Ledger();
        RevenueEngine.Compute(ledger, ledgerCase.Request()).Months
            .ShouldBe(RevenueEngine.Compute(ledger, ledgerCase.Request()).Months);
    }
}
