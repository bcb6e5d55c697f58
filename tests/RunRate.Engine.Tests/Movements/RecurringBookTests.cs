using System.Numerics;
using RunRate.Engine.Metrics;
using RunRate.Engine.Movements;
using RunRate.Engine.Primitives;
using RunRate.Engine.Tests.Support;
using Shouldly;
using static RunRate.Engine.Tests.Support.T;

namespace RunRate.Engine.Tests.Movements;

public sealed class RecurringBookTests
{
    [Fact]
    public void Every_line_mrr_is_an_integer_count_of_one_common_denominator()
    {
        var ledger = new LedgerBuilder()
            .Subscription("A", "2024-01-01", "2024-06-01", 10.5m, interval: 3)
            .Addon("A", "2024-02-01", null, 7m, interval: 7)
            .Build();

        var book = RecurringBook.Build(ledger, CurrencyCode.Usd, LedgerFilter.All);

        // D = 10^1 (one decimal) × lcm(3, 7).
        book.Denominator.ShouldBe(new BigInteger(210));
        book.Delta.Select(book.ToExact).ShouldBe([X(3.5m), X(1m), X(-3.5m)]);
        book.IsAddon.ShouldBe([false, true, false]);
        book.Day.ShouldBe([Day("2024-01-01").DayNumber, Day("2024-02-01").DayNumber, Day("2024-06-01").DayNumber]);
        book.TotalMagnitude().ShouldBe(new BigInteger(735 + 210 + 735));
    }

    [Fact]
    public void Values_too_large_for_128_bits_stay_exact_through_the_big_integer_path()
    {
        // A 26-digit by an 18-digit mantissa: the product needs ~146 bits.
        const decimal amount = 999999999999999999999999.99m;
        const decimal quantity = 1234567890123456.78m;
        var ledger = new LedgerBuilder()
            .Subscription("A", "2024-01-01", "2024-06-01", amount, interval: 7, quantity: quantity)
            .Subscription("B", "2024-01-01", null, 10m)
            .Build();

        var book = RecurringBook.Build(ledger, CurrencyCode.Usd, LedgerFilter.All);

        book.SmallDelta.ShouldBeNull();
        var expected = Exact.FromDecimal(amount) * Exact.FromDecimal(quantity) / 7;
        book.Delta.Select(book.ToExact).ShouldBe([expected, -expected, X(10m)]); // customer A's events, then B's
    }

    [Fact]
    public void Ordinary_values_take_the_int128_path()
    {
        var ledger = new LedgerBuilder().Subscription("A", "2024-01-01", null, 1200.50m, interval: 12, quantity: 3).Build();

        var book = RecurringBook.Build(ledger, CurrencyCode.Usd, LedgerFilter.All);

        book.SmallDelta.ShouldNotBeNull();
        book.ToExact(book.Delta.Single()).ShouldBe(X(300.125m));
    }

    [Fact]
    public void Free_and_one_time_lines_create_no_events_and_one_time_revenue_is_kept_by_month()
    {
        var ledger = new LedgerBuilder()
            .Subscription("A", "2024-01-01", null, 0m)
            .OneTime("A", "2024-03-31", 99.99m)
            .OneTime("A", "2024-03-01", 0.01m)
            .Build();

        var book = RecurringBook.Build(ledger, CurrencyCode.Usd, LedgerFilter.All);

        book.Delta.ShouldBeEmpty();
        book.OneTimeByMonth.ShouldHaveSingleItem().ShouldBe(new KeyValuePair<int, Exact>(Month("2024-03").Index, X(100m)));
    }

    [Fact]
    public void Events_are_grouped_by_customer_in_id_order_then_by_day()
    {
        var ledger = new LedgerBuilder()
            .Subscription("B", "2024-01-05", null, 1m)
            .Subscription("A", "2024-03-01", null, 1m)
            .Subscription("A", "2024-01-01", "2024-02-01", 1m)
            .Build();

        var book = RecurringBook.Build(ledger, CurrencyCode.Usd, LedgerFilter.All);

        book.Customers.Select(c => c.Id.Value).ShouldBe(["A", "B"]);
        book.CustomerStart.ShouldBe([0, 3, 4]);
        book.Day.ShouldBe([Day("2024-01-01").DayNumber, Day("2024-02-01").DayNumber, Day("2024-03-01").DayNumber, Day("2024-01-05").DayNumber]);
    }
}
