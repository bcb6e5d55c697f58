using RunRate.Engine.Ledger;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;
using RunRate.Engine.Tests.Support;
using Shouldly;
using static RunRate.Engine.Tests.Support.T;

namespace RunRate.Engine.Tests.Metrics;

public sealed class EmptyScopeTests
{
    [Fact]
    public void Empty_ledger_reports_every_month_with_zero_money_and_null_ratios()
    {
        var report = Report(RevenueLedger.Empty, "2024-01", "2024-03");

        report.Months.Select(m => m.Month).ShouldBe([Month("2024-01"), Month("2024-02"), Month("2024-03")]);
        report.Months.ShouldAllBe(m =>
            m.ClosingMrr == Exact.Zero && m.Customers == 0 &&
            m.CustomerChurnRate == null && m.GrossMrrChurnRate == null && m.NetMrrChurnRate == null &&
            m.Arpa == null && m.QuickRatio == null && m.Nrr == null && m.Grr == null &&
            m.GrowthYoy == null && m.Valuation == null);
        report.Cohorts.ShouldBeEmpty();
        report.Currency.ShouldBe(CurrencyCode.Usd);
    }

    [Fact]
    public void Filter_matching_nobody_reports_nothing()
    {
        var ledger = new LedgerBuilder().Customer("A", "smb").Subscription("A", "2023-01-01", null, 10m).Build();

        var report = Report(ledger, "2024-01", "2024-01", LedgerFilter.All.Where("segment", "ent"));

        report.In("2024-01").ClosingMrr.ShouldBe(Exact.Zero);
        report.In("2024-01").Nrr.ShouldBeNull();
    }

    [Fact]
    public void Lines_that_ended_years_before_the_report_leave_no_figures()
    {
        var ledger = new LedgerBuilder().Subscription("A", "2019-01-01", "2020-01-01", 10m).Build();

        var report = Report(ledger, "2024-01", "2024-02");

        report.Months.ShouldAllBe(m => m.OpeningMrr == Exact.Zero && m.NetMovement == Exact.Zero && m.Customers == 0);
    }
}
