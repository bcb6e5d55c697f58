using RunRate.Compare.Comparison;
using RunRate.Compare.Tests.Support;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using Shouldly;

namespace RunRate.Compare.Tests.Comparison;

public sealed class HandLedgerComparisonTests
{
    private static readonly YearMonth From = new(2025, 1);
    private static readonly YearMonth To = new(2026, 3);

    /// <summary>
    /// A: EUR, 7-month interval, ends and comes back (reactivation); B: same-day upgrade with an add-on;
    /// C: seat contraction; D: subscription swapped for an add-on of equal MRR (no movement, split moves);
    /// E: joins and leaves within April; F: EUR annual plus a one-time fee and a free plan; G: quarterly, churns.
    /// </summary>
    internal static HandLedger Ledger() => new HandLedger()
        .Rate("2024-01-01", "EUR", "USD", 1.0843m)
        .Rate("2025-01-20", "EUR", "USD", 1.2m)
        .Line("A", LineKind.Subscription, "2025-01-15", "2025-08-15", 100m, interval: 7, currency: "EUR")
        .Line("A", LineKind.Subscription, "2025-11-03", null, 30m)
        .Line("B", LineKind.Subscription, "2024-06-01", "2025-03-10", 50m)
        .Line("B", LineKind.Subscription, "2025-03-10", null, 80m)
        .Line("B", LineKind.Addon, "2025-03-10", null, 20m)
        .Line("C", LineKind.Subscription, "2024-02-01", "2025-05-01", 12m, quantity: 10)
        .Line("C", LineKind.Subscription, "2025-05-01", null, 12m, quantity: 7)
        .Line("D", LineKind.Subscription, "2024-01-01", "2025-07-01", 40m)
        .Line("D", LineKind.Addon, "2025-07-01", null, 40m)
        .Line("E", LineKind.Subscription, "2025-04-03", "2025-04-20", 25m)
        .Line("F", LineKind.Subscription, "2025-02-01", null, 1200m, interval: 12, currency: "EUR")
        .Line("F", LineKind.OneTime, "2025-02-01", null, 500m, currency: "EUR")
        .Line("F", LineKind.Subscription, "2024-05-01", null, 0m)
        .Line("G", LineKind.Subscription, "2024-03-01", "2025-06-15", 99m, interval: 3);

    [Fact]
    public void Hand_made_ledger_with_interval_7_same_day_upgrade_reactivation_and_eur_lines_is_identical()
    {
        var ledger = Ledger();
        using var prepared = PreparedComparison.Load(ledger.Customers, ledger.Lines, ledger.Rates, CurrencyCode.Usd, threads: 2);

        var result = prepared.Run(From, To, runs: 1);

        result.Mismatches.ShouldBeEmpty();
        var duck = result.DuckDb;
        var august = duck[new YearMonth(2025, 8).MonthsSince(From)];
        august.Churn.ShouldBe(-(Exact.FromDecimal(108.43m) / 7), "A's EUR line at the rate in force on its start date, back to exactly 0");
        august.ChurnedCustomers.ShouldBe(1);
        duck[new YearMonth(2025, 11).MonthsSince(From)].ReactivatedCustomers.ShouldBe(1);
        duck[new YearMonth(2025, 3).MonthsSince(From)].Expansion.ShouldBe(Exact.FromDecimal(50m));
        var april = duck[new YearMonth(2025, 4).MonthsSince(From)];
        (april.NewCustomers, april.ChurnedCustomers, april.CustomerChurnRate).ShouldBe((1L, 1L, (Exact?)Exact.Zero));
        duck[new YearMonth(2025, 7).MonthsSince(From)].AddonArr.ShouldBe(Exact.FromDecimal(12m * 60m));
        duck[1].OneTimeRevenue.ShouldBe(Exact.FromDecimal(600m));
    }

    [Fact]
    public void A_line_without_an_exchange_rate_on_its_start_date_fails_in_duckdb_naming_the_line()
    {
        var ledger = new HandLedger()
            .Rate("2025-03-01", "EUR", "USD", 1.1m)
            .Line("A", LineKind.Subscription, "2025-02-01", null, 10m, currency: "EUR");
        using var duck = RunRate.Compare.DuckDb.DuckLedger.Load(ledger.Customers, ledger.Lines, ledger.Rates, threads: 1);

        var error = Should.Throw<Exception>(() => RunRate.Compare.DuckDb.DuckBridge.Compute(duck, CurrencyCode.Usd, From, To));

        error.Message.ShouldContain("line L001: no EUR->USD exchange rate on or before 2025-02-01");
    }
}
