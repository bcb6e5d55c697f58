using FsCheck.Xunit;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;
using RunRate.Engine.Tests.Generators;
using Shouldly;

namespace RunRate.Engine.Tests.Metrics;

[Properties(MaxTest = 100, Arbitrary = new[] { typeof(LedgerArbitraries) })]
public sealed class BridgeInvariantProperties
{
    private static void ShouldBridge(BridgeReport report, string scope)
    {
        foreach (var m in report.Months)
        {
            (m.OpeningMrr + m.New + m.Expansion + m.Contraction + m.Churn + m.Reactivation)
                .ShouldBe(m.ClosingMrr, $"{scope}, {m.Month}");
        }
    }

    [Property]
    public void Opening_plus_movements_equals_closing_exactly_in_every_month(LedgerCase ledgerCase)
    {
        ShouldBridge(RevenueEngine.Compute(ledgerCase.Ledger(), ledgerCase.Request()), "whole ledger");
    }

    [Property]
    public void Opening_plus_movements_equals_closing_exactly_for_every_single_customer(LedgerCase ledgerCase)
    {
        var ledger = ledgerCase.Ledger();
        foreach (var customer in ledger.Customers)
        {
            var filter = LedgerFilter.All.Where("customer_id", customer.Id.Value);
            ShouldBridge(RevenueEngine.Compute(ledger, ledgerCase.Request(filter)), customer.Id.Value);
        }
    }

    [Property]
    public void Each_month_opens_where_the_previous_month_closed(LedgerCase ledgerCase)
    {
        var months = RevenueEngine.Compute(ledgerCase.Ledger(), ledgerCase.Request()).Months;
        for (var i = 1; i < months.Count; i++)
        {
            months[i].OpeningMrr.ShouldBe(months[i - 1].ClosingMrr);
            months[i].OpeningCustomers.ShouldBe(months[i - 1].Customers);
        }
    }

    [Property]
    public void Movements_have_their_signs_and_customer_counts_balance(LedgerCase ledgerCase)
    {
        foreach (var m in RevenueEngine.Compute(ledgerCase.Ledger(), ledgerCase.Request()).Months)
        {
            m.New.Sign.ShouldBeGreaterThanOrEqualTo(0);
            m.Expansion.Sign.ShouldBeGreaterThanOrEqualTo(0);
            m.Reactivation.Sign.ShouldBeGreaterThanOrEqualTo(0);
            m.Contraction.Sign.ShouldBeLessThanOrEqualTo(0);
            m.Churn.Sign.ShouldBeLessThanOrEqualTo(0);
            (m.OpeningCustomers + m.NewCustomers + m.ReactivatedCustomers - m.ChurnedCustomers).ShouldBe(m.Customers, m.Month.ToString());
            m.NetMovement.ShouldBe(m.ClosingMrr - m.OpeningMrr);
            (m.NewCustomers == 0).ShouldBe(m.New == Exact.Zero);
            (m.ChurnedCustomers == 0).ShouldBe(m.Churn == Exact.Zero);
        }
    }
}
