using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Engine.Tests.Support;
using Shouldly;
using static RunRate.Engine.Tests.Support.T;

namespace RunRate.Engine.Tests.Ledger;

public sealed class RevenueLedgerTests
{
    private static RevenueLine Line(string id, string customer, LineKind kind = LineKind.Subscription, string? end = null) =>
        new(new LineId(id), new CustomerId(customer), kind, null, Day("2024-01-10"), end is null ? null : Day(end), 10m, 1m, CurrencyCode.Usd, kind == LineKind.OneTime ? null : 1);

    [Fact]
    public void Line_of_an_unknown_customer_is_rejected()
    {
        Should.Throw<ArgumentException>(() => new RevenueLedger([new Customer(new CustomerId("A"))], [Line("L1", "B")]))
            .Message.ShouldContain("L1");
    }

    [Fact]
    public void Customers_and_lines_are_kept_in_ordinal_id_order_whatever_the_input_order()
    {
        var ledger = new LedgerBuilder()
            .Subscription("b", "2024-01-01", null, 1m, id: "L2")
            .Subscription("B", "2024-01-01", null, 1m, id: "L10")
            .Subscription("a", "2024-01-01", null, 1m, id: "L1")
            .Build();

        ledger.Customers.Select(c => c.Id.Value).ShouldBe(["B", "a", "b"]);
        ledger.Lines.Select(l => l.Id.Value).ShouldBe(["L1", "L10", "L2"]);
        ledger.CustomersById[new CustomerId("a")].Id.Value.ShouldBe("a");
    }

    [Fact]
    public void Recurring_line_is_active_from_its_start_day_until_the_day_before_its_end()
    {
        var line = Line("L1", "A", end: "2024-02-01");

        line.IsActiveOn(Day("2024-01-09")).ShouldBeFalse();
        line.IsActiveOn(Day("2024-01-10")).ShouldBeTrue();
        line.IsActiveOn(Day("2024-01-31")).ShouldBeTrue();
        line.IsActiveOn(Day("2024-02-01")).ShouldBeFalse();
        Line("L2", "A").IsActiveOn(Day("2099-01-01")).ShouldBeTrue();
    }

    [Fact]
    public void One_time_line_is_never_active()
    {
        Line("L1", "A", LineKind.OneTime).IsActiveOn(Day("2024-01-10")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("subscription", LineKind.Subscription)]
    [InlineData(" Addon ", LineKind.Addon)]
    [InlineData("ONE_TIME", LineKind.OneTime)]
    public void Line_kinds_parse_from_their_ledger_spelling(string text, LineKind kind)
    {
        LineKinds.TryParse(text, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(kind);
        kind.ToLedgerText().ShouldBe(text.Trim().ToLowerInvariant());
        kind.IsRecurring().ShouldBe(kind != LineKind.OneTime);
    }

    [Theory]
    [InlineData("one-time")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_line_kinds_do_not_parse(string? text)
    {
        LineKinds.TryParse(text, out _).ShouldBeFalse();
    }
}
