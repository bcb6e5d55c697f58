using RunRate.Engine.Primitives;
using Shouldly;

namespace RunRate.Engine.Tests.Primitives;

public sealed class YearMonthTests
{
    [Fact]
    public void Months_add_across_year_boundaries_and_count_the_distance()
    {
        var november = new YearMonth(2023, 11);

        november.AddMonths(3).ShouldBe(new YearMonth(2024, 2));
        november.AddMonths(-12).ShouldBe(new YearMonth(2022, 11));
        new YearMonth(2024, 2).MonthsSince(november).ShouldBe(3);
        YearMonth.FromIndex(november.Index).ShouldBe(november);
    }

    [Theory]
    [InlineData(2024, 2, 29)]
    [InlineData(2023, 2, 28)]
    [InlineData(2024, 12, 31)]
    [InlineData(2024, 4, 30)]
    public void Last_day_knows_month_lengths_and_leap_years(int year, int month, int lastDay)
    {
        new YearMonth(year, month).LastDay.ShouldBe(new DateOnly(year, month, lastDay));
        new YearMonth(year, month).FirstDay.ShouldBe(new DateOnly(year, month, 1));
    }

    [Fact]
    public void Month_of_a_date_and_text_round_trip()
    {
        YearMonth.Of(new DateOnly(2024, 7, 31)).ToString().ShouldBe("2024-07");
        YearMonth.Parse("0999-01").ShouldBe(new YearMonth(999, 1));
    }

    [Theory]
    [InlineData("2024-13")]
    [InlineData("2024-00")]
    [InlineData("2024-1")]
    [InlineData("2024/01")]
    [InlineData("0000-01")]
    [InlineData("+024-01")]
    [InlineData(null)]
    public void Malformed_months_are_rejected(string? text)
    {
        YearMonth.TryParse(text, out _).ShouldBeFalse();
    }

    [Fact]
    public void Months_order_chronologically()
    {
        (new YearMonth(2023, 12) < new YearMonth(2024, 1)).ShouldBeTrue();
        new YearMonth(2024, 1).CompareTo(new YearMonth(2023, 12)).ShouldBePositive();
    }
}
