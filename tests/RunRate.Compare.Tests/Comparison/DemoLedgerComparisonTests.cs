using RunRate.Compare.Comparison;
using RunRate.Engine.Primitives;
using RunRate.Ingest.Demo;
using Shouldly;

namespace RunRate.Compare.Tests.Comparison;

public sealed class DemoLedgerComparisonTests
{
    private static readonly DateOnly AsOf = new(2026, 10, 31);

    [Theory]
    [InlineData(300, "USD")]
    [InlineData(3_000, "USD")]
    [InlineData(300, "EUR")]
    public void Demo_ledger_gives_identical_figures_in_the_engine_and_in_duckdb(int customers, string currency)
    {
        var demo = DemoLedgerGenerator.Generate(new DemoOptions(customers, 42, AsOf));
        using var prepared = PreparedComparison.Load(demo.Customers, demo.Lines.ToList(), demo.Fx.ToList(), CurrencyCode.Parse(currency), threads: 2);

        var to = YearMonth.Of(AsOf);
        var result = prepared.Run(to.AddMonths(-59), to, runs: 1);

        result.Mismatches.ShouldBeEmpty();
        result.Equal.ShouldBeTrue();
        result.DuckDb.Count.ShouldBe(60);
        result.DuckDb[^1].Customers.ShouldBeGreaterThan(customers / 2);
        result.DuckDb.Sum(m => m.ReactivatedCustomers).ShouldBeGreaterThan(0);
        result.DuckDb[^1].Nrr.ShouldNotBeNull();
    }
}
