using System.Numerics;
using RunRate.Compare.DuckDb;
using Shouldly;

namespace RunRate.Compare.Tests.DuckDb;

public sealed class DuckLedgerTests
{
    [Theory]
    [InlineData("49.90", 499, 1)]
    [InlineData("1.000", 1, 0)]
    [InlineData("0.00", 0, 0)]
    [InlineData("1.084300", 10843, 4)]
    [InlineData("120", 120, 0)]
    public void Decimals_are_stored_as_mantissa_and_scale_without_trailing_zeros(string text, long units, byte scale)
    {
        DuckLedger.Mantissa(decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(((BigInteger)units, scale));
    }

    [Fact]
    public void The_largest_decimal_survives_the_round_trip_exactly()
    {
        DuckLedger.Mantissa(decimal.MaxValue).ShouldBe(((BigInteger)decimal.MaxValue, (byte)0));
    }
}
