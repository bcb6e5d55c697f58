using FsCheck.Xunit;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;
using RunRate.Engine.Tests.Generators;
using RunRate.Engine.Valuation;
using Shouldly;

namespace RunRate.Engine.Tests.Valuation;

[Properties(MaxTest = 100, Arbitrary = new[] { typeof(LedgerArbitraries) })]
public sealed class ValuationProperties
{
    [Property]
    public void Valuation_equals_the_monthly_reports_and_sits_in_the_middle_of_its_grid(LedgerCase ledgerCase)
    {
        var ledger = ledgerCase.Ledger();
        var month = ledgerCase.To;
        var report = ValuationEngine.Compute(ledger, new ValuationRequest(CurrencyCode.Usd, month));
        var figures = RevenueEngine.Compute(ledger, new ReportRequest(CurrencyCode.Usd, month, month))[month];

        report.Arr.ShouldBe(figures.Arr);
        report.Valuation.ShouldBe(figures.Valuation);
        report.History.Count.ShouldBe(12);
        report.Limits.Count.ShouldBeGreaterThanOrEqualTo(1);
        if (report.Valuation is { } valuation)
        {
            report.Sensitivity.Count.ShouldBe(5);
            report.Sensitivity[2][2].ShouldBe(valuation);
            for (var g = 0; g < 5; g++)
            {
                for (var n = 0; n < 5; n++)
                {
                    report.Sensitivity[g][n].ShouldBe(ValuationEngine.Multiple * report.Arr * report.GrowthValues[g] * report.NrrValues[n]);
                }
            }
        }
        else
        {
            report.Sensitivity.ShouldBeEmpty();
            report.Limits.ShouldContain(l => l.StartsWith("There is no year-ago base", StringComparison.Ordinal));
        }
    }
}
