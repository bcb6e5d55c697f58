using RunRate.Engine.Primitives;
using Shouldly;

namespace RunRate.Engine.Tests.Primitives;

public sealed class CurrencyAndMoneyTests
{
    [Fact]
    public void Currency_codes_are_upper_cased_three_letter_codes()
    {
        CurrencyCode.Parse("eur").Value.ShouldBe("EUR");
        CurrencyCode.Parse("usd").ShouldBe(CurrencyCode.Usd);
    }

    [Theory]
    [InlineData("EU")]
    [InlineData("EURO")]
    [InlineData("E1R")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_currency_code(string? text)
    {
        CurrencyCode.TryParse(text, out _).ShouldBeFalse();
    }

    [Fact]
    public void Money_of_different_currencies_never_adds_up_silently()
    {
        var dollars = new Money(1m, CurrencyCode.Usd);
        var euros = new Money(1m, CurrencyCode.Parse("EUR"));

        Should.Throw<InvalidOperationException>(() => dollars + euros);
        (dollars + dollars).ShouldBe(new Money(2m, CurrencyCode.Usd));
        (dollars - dollars).ShouldBe(Money.Zero(CurrencyCode.Usd));
    }

    [Theory]
    [InlineData(2.345, 2.35)]
    [InlineData(-2.345, -2.35)]
    [InlineData(2.344, 2.34)]
    public void Money_shows_cents_rounded_half_away_from_zero(double amount, double expected)
    {
        var money = new Money((decimal)amount, CurrencyCode.Usd);

        money.RoundedToCents.ShouldBe((decimal)expected);
    }

    [Fact]
    public void Money_prints_invariantly_with_two_decimals_and_its_currency()
    {
        new Money(1234.5m, CurrencyCode.Usd).ToString().ShouldBe("1234.50 USD");
    }
}
