using System.Globalization;
using System.Numerics;
using FsCheck.Xunit;
using RunRate.Engine.Primitives;
using Shouldly;

namespace RunRate.Engine.Tests.Primitives;

public sealed class ExactToDecimalTests
{
    [Theory]
    [InlineData(2, 3, "0.6666666666666666666666666667")]
    [InlineData(-2, 3, "-0.6666666666666666666666666667")]
    [InlineData(1, 7, "0.1428571428571428571428571429")]
    [InlineData(5, 3, "1.6666666666666666666666666667")]
    [InlineData(2, 30000, "0.0000666666666666666666666667")]
    [InlineData(1, 8, "0.125")]
    [InlineData(1, 10, "0.1")]
    [InlineData(-21, 20, "-1.05")]
    [InlineData(0, 1, "0")]
    [InlineData(123456789012345678, 1, "123456789012345678")]
    public void Ratio_becomes_the_closest_decimal_without_trailing_zeros(long numerator, long denominator, string expected)
    {
        var value = new Exact(numerator, denominator).ToDecimal();

        value.ToString(CultureInfo.InvariantCulture).ShouldBe(expected);
    }

    [Fact]
    public void Value_beyond_the_decimal_range_overflows()
    {
        Should.Throw<OverflowException>(() => new Exact(BigInteger.Pow(10, 30), 1).ToDecimal());
    }

    [Property(MaxTest = 200)]
    public void Decimals_round_trip_exactly(decimal value)
    {
        Exact.FromDecimal(value).ToDecimal().ShouldBe(value);
    }

    [Property(MaxTest = 200)]
    public void Fraction_below_one_is_within_half_a_unit_of_the_28th_decimal_place(int numerator, FsCheck.PositiveInt denominator)
    {
        var exact = new Exact(numerator % denominator.Get, denominator.Get);

        var error = Exact.FromDecimal(exact.ToDecimal()) - exact;

        (error.Sign < 0 ? -error : error).ShouldBeLessThanOrEqualTo(new Exact(1, 2 * BigInteger.Pow(10, 28)));
    }
}
