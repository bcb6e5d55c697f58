using FsCheck.Xunit;
using RunRate.Engine.Metrics;
using RunRate.Engine.Tests.Generators;
using Shouldly;

namespace RunRate.Engine.Tests.Metrics;

[Properties(MaxTest = 100, Arbitrary = new[] { typeof(LedgerArbitraries) })]
public sealed class ArrSplitProperties
{
    [Property]
    public void Subscription_arr_plus_addon_arr_is_arr_and_arr_is_twelve_times_closing_mrr(LedgerCase ledgerCase)
    {
        foreach (var m in RevenueEngine.Compute(ledgerCase.Ledger(), ledgerCase.Request()).Months)
        {
            (m.SubscriptionArr + m.AddonArr).ShouldBe(m.Arr, m.Month.ToString());
            m.Arr.ShouldBe(12 * m.ClosingMrr);
        }
    }
}
