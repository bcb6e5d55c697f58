using RunRate.Engine.Primitives;

namespace RunRate.Engine.Tests.Primitives;

public sealed class ExactTests
{
    [Fact]
    public void A_seventh_summed_seven_times_is_exactly_one()
    {
        var seventh = new Exact(1, 7);
        var sum = Exact.Zero;
        for (var i = 0; i < 7; i++)
        {
            sum += seventh;
        }

        Assert.Equal(Exact.One, sum);
        Assert.True((sum - Exact.One).IsZero);
    }

    [Theory]
    [InlineData(1, 200, 0.01)]   // 0.005 rounds away from zero
    [InlineData(-1, 200, -0.01)]
    [InlineData(1, 3, 0.33)]
    [InlineData(2, 3, 0.67)]
    public void Rounding_is_half_away_from_zero(long numerator, long denominator, double expected)
    {
        Assert.Equal((decimal)expected, new Exact(numerator, denominator).Round());
    }

    [Fact]
    public void Ratio_with_zero_base_is_null_not_zero()
    {
        Assert.Null(Exact.Ratio(5, Exact.Zero));
        Assert.Equal(new Exact(1, 2), Exact.Ratio(1, 2));
    }
}
