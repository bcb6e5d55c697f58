using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using Shouldly;
using static RunRate.Engine.Tests.Support.T;

namespace RunRate.Engine.Tests.Ledger;

public sealed class FxTableTests
{
    private static readonly CurrencyCode Eur = CurrencyCode.Parse("EUR");

    private static readonly FxTable Table = new(
    [
        new FxRate(Day("2024-03-01"), Eur, CurrencyCode.Usd, 1.25m),
        new FxRate(Day("2024-01-01"), Eur, CurrencyCode.Usd, 1.10m),
        new FxRate(Day("2024-06-01"), Eur, CurrencyCode.Usd, 1.30m),
    ]);

    [Theory]
    [InlineData("2024-01-01", 1.10)]
    [InlineData("2024-02-29", 1.10)]
    [InlineData("2024-03-01", 1.25)]
    [InlineData("2024-05-31", 1.25)]
    [InlineData("2030-01-01", 1.30)]
    public void Rate_in_force_is_the_latest_dated_on_or_before_the_day(string day, double expected)
    {
        Table.RateOn(Eur, CurrencyCode.Usd, Day(day)).ShouldBe((decimal)expected);
    }

    [Fact]
    public void No_rate_before_the_first_date_of_the_pair()
    {
        Table.RateOn(Eur, CurrencyCode.Usd, Day("2023-12-31")).ShouldBeNull();
    }

    [Fact]
    public void Inverse_pairs_are_not_derived()
    {
        Table.RateOn(CurrencyCode.Usd, Eur, Day("2024-06-01")).ShouldBeNull();
    }

    [Fact]
    public void Same_currency_converts_at_one_even_without_rates()
    {
        FxTable.Empty.RateOn(Eur, Eur, Day("1990-01-01")).ShouldBe(1m);
    }

    [Fact]
    public void Rates_are_listed_by_pair_and_date()
    {
        Table.Rates.Select(r => r.Rate).ShouldBe([1.10m, 1.25m, 1.30m]);
    }
}
