using System.Numerics;
using FsCheck;
using FsCheck.Xunit;
using RunRate.Engine.Primitives;
using Shouldly;

namespace RunRate.Engine.Tests.Primitives;

public sealed class ExactArithmeticTests
{
    private static Exact Of(int numerator, NonZeroInt denominator) => new(numerator, denominator.Get);

    [Fact]
    public void Values_are_normalised_so_equal_fractions_are_equal()
    {
        new Exact(2, 4).ShouldBe(new Exact(1, 2));
        new Exact(3, -6).ShouldBe(new Exact(-1, 2));
        new Exact(-3, -6).Denominator.ShouldBe(new BigInteger(2));
        new Exact(0, 7).ShouldBe(Exact.Zero);
        default(Exact).Denominator.ShouldBe(BigInteger.One);
        new Exact(0, -5).GetHashCode().ShouldBe(Exact.Zero.GetHashCode());
    }

    [Fact]
    public void Decimals_convert_without_loss()
    {
        Exact.FromDecimal(0.1m).ShouldBe(new Exact(1, 10));
        Exact.FromDecimal(-12.3400m).ShouldBe(new Exact(-617, 50));
        Exact.FromDecimal(decimal.MaxValue).Numerator.ShouldBe(new BigInteger(decimal.MaxValue));
    }

    [Fact]
    public void Zero_denominator_is_rejected_but_a_ratio_over_zero_is_null()
    {
        Should.Throw<DivideByZeroException>(() => new Exact(1, 0));
        Should.Throw<DivideByZeroException>(() => Exact.One / Exact.Zero);
        Exact.Ratio(Exact.Zero, Exact.Zero).ShouldBeNull();
        Exact.Ratio(Exact.Zero, 3).ShouldBe(Exact.Zero);
    }

    [Fact]
    public void Values_print_as_integers_or_fractions()
    {
        new Exact(-6, 3).ToString().ShouldBe("-2");
        new Exact(10, 4).ToString().ShouldBe("5/2");
    }

    [Property(MaxTest = 200)]
    public void Addition_and_multiplication_are_commutative_and_associative(int a, NonZeroInt da, int b, NonZeroInt db, int c, NonZeroInt dc)
    {
        var (x, y, z) = (Of(a, da), Of(b, db), Of(c, dc));

        (x + y).ShouldBe(y + x);
        ((x + y) + z).ShouldBe(x + (y + z));
        (x * y).ShouldBe(y * x);
        ((x * y) * z).ShouldBe(x * (y * z));
        (x * (y + z)).ShouldBe((x * y) + (x * z));
    }

    [Property(MaxTest = 200)]
    public void Subtraction_and_division_undo_addition_and_multiplication(int a, NonZeroInt da, int b, NonZeroInt db)
    {
        var (x, y) = (Of(a, da), Of(b, db));

        (x + y - y).ShouldBe(x);
        (x - x).IsZero.ShouldBeTrue();
        if (!y.IsZero)
        {
            (x * y / y).ShouldBe(x);
            Exact.Ratio(x, y).ShouldBe(x / y);
        }
    }

    [Property(MaxTest = 200)]
    public void Ordering_agrees_with_the_sign_of_the_difference(int a, NonZeroInt da, int b, NonZeroInt db)
    {
        var (x, y) = (Of(a, da), Of(b, db));

        Math.Sign(x.CompareTo(y)).ShouldBe((x - y).Sign);
        (x < y).ShouldBe((x - y).Sign < 0);
        (x >= y).ShouldBe((x - y).Sign >= 0);
        Exact.Min(x, y).ShouldBe(x <= y ? x : y);
    }
}
