using System.Globalization;
using System.Numerics;
using RunRate.Engine.Ledger;
using RunRate.Engine.Metrics;
using RunRate.Engine.Movements;
using RunRate.Engine.Primitives;
using RunRate.Engine.Tests.Reference;
using RunRate.Engine.Tests.Support;
using Shouldly;
using static RunRate.Engine.Tests.Support.T;

namespace RunRate.Engine.Tests.Metrics;

public sealed class BigIntegerPathTests
{
    /// <summary>One line per interval 1..120 (lcm of 1..120 has 52 digits) with many decimals, half in EUR.</summary>
    private static RevenueLedger WideLedger()
    {
        var builder = new LedgerBuilder().Rate("2019-01-01", "EUR", "USD", 1.0923456789m);
        for (var interval = 1; interval <= 120; interval++)
        {
            var customer = string.Create(CultureInfo.InvariantCulture, $"C{interval % 9}");
            var start = new DateOnly(2023, 1, 1).AddDays(interval * 7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var end = interval % 3 == 0 ? new DateOnly(2024, 1, 1).AddDays(interval * 5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
            var amount = 1234.5678901m + interval;
            var quantity = 1.234567m * (interval % 4 + 1);
            var currency = interval % 2 == 0 ? "EUR" : "USD";
            builder = interval % 5 == 0
                ? builder.Addon(customer, start, end, amount, interval, quantity, currency)
                : builder.Subscription(customer, start, end, amount, interval, quantity, currency);
        }

        return builder.Build();
    }

    [Fact]
    public void Ledger_with_intervals_up_to_120_and_many_decimals_needs_the_biginteger_kernel()
    {
        var request = Request("2024-01", "2024-12");
        var book = RecurringBook.Build(WideLedger(), request.Currency, request.Filter);
        var months = request.To.Index - request.From.Index + 1 + Window.YearAgo;

        // The same bound RevenueEngine.Compute uses to choose between Int128 and BigInteger.
        (book.TotalMagnitude() * (months + 1)).ShouldBeGreaterThanOrEqualTo((BigInteger)Int128.MaxValue / 4);
    }

    [Fact]
    public void Ledger_on_the_biginteger_path_gives_the_same_figures_as_the_reference()
    {
        var ledger = WideLedger();
        var report = Report(ledger, "2024-01", "2024-12");

        ReportAssert.MatchesReference(report, ReferenceModel.Compute(ledger, report.Request));
    }

    [Fact]
    public void Ledger_on_the_biginteger_path_closes_on_the_exact_sum_of_line_mrr()
    {
        var ledger = WideLedger();
        var lastDay = Day("2024-12-31");
        var expected = ledger.Lines
            .Where(l => l.IsActiveOn(lastDay))
            .Aggregate(Exact.Zero, (sum, l) => sum + (X(l.Amount) * X(l.Quantity) * (l.Currency == CurrencyCode.Usd ? Exact.One : X(1.0923456789m)) / l.IntervalMonths!.Value));

        var december = Report(ledger, "2024-12", "2024-12").In("2024-12");

        december.ClosingMrr.ShouldBe(expected);
        december.ClosingMrr.Denominator.ShouldBeGreaterThan((BigInteger)Int128.MaxValue);
    }
}
