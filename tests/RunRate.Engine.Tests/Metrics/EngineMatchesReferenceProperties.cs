using FsCheck.Xunit;
using RunRate.Engine.Metrics;
using RunRate.Engine.Tests.Generators;
using RunRate.Engine.Tests.Reference;
using RunRate.Engine.Tests.Support;

namespace RunRate.Engine.Tests.Metrics;

[Properties(MaxTest = 100, Arbitrary = new[] { typeof(LedgerArbitraries) })]
public sealed class EngineMatchesReferenceProperties
{
    [Property]
    public void Every_figure_of_every_month_and_cohort_equals_the_day_by_day_reference(LedgerCase ledgerCase)
    {
        var ledger = ledgerCase.Ledger();
        var request = ledgerCase.Request();

        ReportAssert.MatchesReference(RevenueEngine.Compute(ledger, request), ReferenceModel.Compute(ledger, request));
    }

    [Property]
    public void A_segment_report_equals_the_reference_restricted_to_that_segment(LedgerCase ledgerCase)
    {
        var ledger = ledgerCase.Ledger();
        var request = ledgerCase.Request(LedgerFilter.All.Where("segment", "SMB", "ent"));

        ReportAssert.MatchesReference(RevenueEngine.Compute(ledger, request), ReferenceModel.Compute(ledger, request));
    }

    [Property]
    public void A_product_report_equals_the_reference_restricted_to_that_product(LedgerCase ledgerCase)
    {
        var ledger = ledgerCase.Ledger();
        var request = ledgerCase.Request(LedgerFilter.All.Where("product", "pro"));

        ReportAssert.MatchesReference(RevenueEngine.Compute(ledger, request), ReferenceModel.Compute(ledger, request));
    }

    [Property]
    public void Ledgers_with_any_interval_up_to_120_and_many_decimals_equal_the_reference(AwkwardLedgerCase awkward)
    {
        var ledger = awkward.Case.Ledger();
        var request = awkward.Case.Request();

        ReportAssert.MatchesReference(RevenueEngine.Compute(ledger, request), ReferenceModel.Compute(ledger, request));
    }
}
