using RunRate.Compare.Comparison;
using RunRate.Compare.DuckDb;
using RunRate.Compare.Tests.Support;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;
using Shouldly;

namespace RunRate.Compare.Tests.Comparison;

public sealed class DetectsDifferencesTests
{
    private static readonly YearMonth From = new(2025, 1);
    private static readonly YearMonth To = new(2026, 3);

    private static IReadOnlyList<MonthFigures> EngineFigures(HandLedger ledger) =>
        RevenueEngine.Compute(new Engine.Ledger.RevenueLedger(ledger.Customers, ledger.Lines, new Engine.Ledger.FxTable(ledger.Rates)), new ReportRequest(CurrencyCode.Usd, From, To)).Months;

    [Fact]
    public void A_figure_off_by_one_cent_in_one_month_is_reported_with_its_month_and_name()
    {
        var engine = EngineFigures(HandLedgerComparisonTests.Ledger());
        var altered = engine.ToList();
        altered[5] = altered[5] with { New = altered[5].New + new Exact(1, 100) };

        var mismatches = FigureComparer.Compare(engine, altered);

        mismatches.ShouldContain(m => m.Month == From.AddMonths(5) && m.Figure == "new");
        mismatches.ShouldAllBe(m => m.Month == From.AddMonths(5));
        FigureComparer.Compare(engine, engine.ToList()).ShouldBeEmpty();
    }

    [Fact]
    public void A_ratio_that_exists_on_one_side_only_is_a_mismatch()
    {
        var engine = EngineFigures(HandLedgerComparisonTests.Ledger());
        var altered = engine.ToList();
        altered[0] = altered[0] with { Nrr = null };

        var mismatches = FigureComparer.Compare(engine, altered);

        mismatches.Select(m => m.Figure).ShouldBe(["nrr", "valuation"]);
        mismatches[0].ToString().ShouldStartWith("2025-01 nrr: engine 1");
        mismatches[0].ToString().ShouldEndWith(", duckdb null");
    }

    [Fact]
    public void A_missing_month_is_a_mismatch()
    {
        var engine = EngineFigures(HandLedgerComparisonTests.Ledger());

        FigureComparer.Compare(engine, engine.Take(engine.Count - 1).ToList()).ShouldContain(m => m.Figure == "months");
    }

    [Fact]
    public void Duckdb_run_on_a_ledger_with_one_line_changed_by_one_cent_does_not_equal_the_engine()
    {
        var original = HandLedgerComparisonTests.Ledger();
        var changed = HandLedgerComparisonTests.Ledger();
        changed.Lines[2] = changed.Lines[2] with { Amount = changed.Lines[2].Amount + 0.01m };
        using var duck = DuckLedger.Load(changed.Customers, changed.Lines, changed.Rates, threads: 1);

        var mismatches = FigureComparer.Compare(EngineFigures(original), DuckBridge.Compute(duck, CurrencyCode.Usd, From, To));

        mismatches.ShouldNotBeEmpty();
        mismatches.ShouldContain(m => m.Figure == "closing_mrr");
    }
}
