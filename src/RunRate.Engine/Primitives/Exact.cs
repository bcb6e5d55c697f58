using System.Globalization;
using System.Numerics;

namespace RunRate.Engine.Primitives;

/// <summary>
/// An exact rational number (numerator ÷ denominator, always normalised, denominator &gt; 0).
/// Monthly revenue is <c>amount × quantity × rate ÷ interval_months</c>, which does not terminate
/// for intervals such as 7: a <see cref="decimal"/> would leave a residue that keeps a churned
/// customer "active". Figures stay exact until they are shown.
/// </summary>
public readonly struct Exact : IEquatable<Exact>, IComparable<Exact>
{
    /// <summary>The largest mantissa of a decimal (2^96 − 1).</summary>
    private static readonly BigInteger DecimalMantissaMax = (BigInteger.One << 96) - 1;

    private readonly BigInteger _denominator; // default(Exact) has 0 here and means 0/1

    /// <summary>Creates numerator ÷ denominator; throws for a zero denominator.</summary>
    public Exact(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException("An exact value cannot have a zero denominator.");
        }

        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!gcd.IsOne && !gcd.IsZero)
        {
            numerator /= gcd;
            denominator /= gcd;
        }

        Numerator = numerator;
        _denominator = numerator.IsZero ? BigInteger.One : denominator;
    }

    /// <summary>The normalised numerator (carries the sign).</summary>
    public BigInteger Numerator { get; }

    /// <summary>The normalised denominator, always positive.</summary>
    public BigInteger Denominator => _denominator.IsZero ? BigInteger.One : _denominator;

    /// <summary>Zero.</summary>
    public static Exact Zero => default;

    /// <summary>One.</summary>
    public static Exact One => new(BigInteger.One, BigInteger.One);

    /// <summary>-1, 0 or 1.</summary>
    public int Sign => Numerator.Sign;

    /// <summary>True when exactly zero.</summary>
    public bool IsZero => Numerator.IsZero;

    /// <summary>An exact value from a decimal (decimals are finite, so this never loses anything).</summary>
    public static Exact FromDecimal(decimal value)
    {
        var (unscaled, scale) = DecimalParts(value);
        return new Exact(unscaled, BigInteger.Pow(10, scale));
    }

    /// <summary>Splits a decimal into its integer mantissa and power-of-ten scale.</summary>
    public static (BigInteger Unscaled, int Scale) DecimalParts(decimal value)
    {
        var (mantissa, scale) = DecimalMantissa(value);
        return ((BigInteger)mantissa, scale);
    }

    /// <summary>The same split in 128-bit integers (a decimal's 96-bit mantissa always fits), for hot paths.</summary>
    internal static (Int128 Mantissa, int Scale) DecimalMantissa(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var mantissa = ((Int128)(uint)bits[2] << 64) | ((Int128)(uint)bits[1] << 32) | (uint)bits[0];
        return (bits[3] < 0 ? -mantissa : mantissa, (bits[3] >> 16) & 0xFF);
    }

    /// <summary>Sum.</summary>
    public static Exact operator +(Exact a, Exact b) =>
        a.Denominator == b.Denominator
            ? new Exact(a.Numerator + b.Numerator, a.Denominator)
            : new Exact((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    /// <summary>Difference.</summary>
    public static Exact operator -(Exact a, Exact b) => a + (-b);

    /// <summary>Negation.</summary>
    public static Exact operator -(Exact a) => new(-a.Numerator, a.Denominator);

    /// <summary>Product.</summary>
    public static Exact operator *(Exact a, Exact b) => new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    /// <summary>Quotient; throws when <paramref name="b"/> is zero (use <see cref="Ratio"/> for the contract's null rule).</summary>
    public static Exact operator /(Exact a, Exact b) => new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    /// <summary>Named alternatives to the operators.</summary>
    public static Exact Add(Exact a, Exact b) => a + b;

    /// <inheritdoc cref="Add"/>
    public static Exact Subtract(Exact a, Exact b) => a - b;

    /// <inheritdoc cref="Add"/>
    public static Exact Multiply(Exact a, Exact b) => a * b;

    /// <inheritdoc cref="Add"/>
    public static Exact Divide(Exact a, Exact b) => a / b;

    /// <inheritdoc cref="Add"/>
    public static Exact Negate(Exact a) => -a;

    /// <summary>An integer as an exact value.</summary>
    public static implicit operator Exact(long value) => new(value, BigInteger.One);

    /// <inheritdoc cref="op_Implicit(long)"/>
    public static Exact FromInt64(long value) => value;

    /// <summary>
    /// numerator ÷ denominator, or null when the denominator is zero: the contract says a ratio
    /// without a base does not exist, which is different from a ratio of 0.
    /// </summary>
    public static Exact? Ratio(Exact numerator, Exact denominator) => denominator.IsZero ? null : numerator / denominator;

    /// <summary>The smaller of two values.</summary>
    public static Exact Min(Exact a, Exact b) => a.CompareTo(b) <= 0 ? a : b;

    /// <summary>Rounds half away from zero to <paramref name="decimals"/> places: the only rounding the product does, at display.</summary>
    public decimal Round(int decimals = 2)
    {
        var scale = BigInteger.Pow(10, decimals);
        var scaled = Numerator * scale;
        var quotient = BigInteger.DivRem(BigInteger.Abs(scaled), Denominator, out var remainder);
        if (remainder * 2 >= Denominator)
        {
            quotient += 1;
        }

        // Built with an explicit scale so that 200 shows as 200.00: cents are part of a money figure.
        if (quotient.GetBitLength() <= 96 && decimals <= 28)
        {
            var lo = (int)(uint)(quotient & uint.MaxValue);
            var mid = (int)(uint)((quotient >> 32) & uint.MaxValue);
            var hi = (int)(uint)((quotient >> 64) & uint.MaxValue);
            return new decimal(lo, mid, hi, scaled.Sign < 0, (byte)decimals);
        }

        throw new OverflowException($"{this} rounded to {decimals} decimals does not fit a decimal.");
    }

    /// <summary>
    /// The closest decimal (ties away from zero) with as many fraction digits as a decimal can hold
    /// (at most 28) and no trailing zeros: for ratios, which the contract shows unrounded.
    /// Throws <see cref="OverflowException"/> beyond the decimal range.
    /// </summary>
    public decimal ToDecimal()
    {
        var magnitude = BigInteger.Abs(Numerator);
        for (var scale = 28; scale >= 0; scale--)
        {
            var quotient = BigInteger.DivRem(magnitude * BigInteger.Pow(10, scale), Denominator, out var remainder);
            if (remainder * 2 >= Denominator)
            {
                quotient += 1;
            }

            if (quotient > DecimalMantissaMax)
            {
                continue; // too many digits at this scale: try one fewer fraction digit
            }

            while (scale > 0 && !quotient.IsZero && (quotient % 10).IsZero)
            {
                quotient /= 10;
                scale--;
            }

            return new decimal(
                unchecked((int)(uint)(quotient & uint.MaxValue)),
                unchecked((int)(uint)((quotient >> 32) & uint.MaxValue)),
                unchecked((int)(uint)(quotient >> 64)),
                Numerator.Sign < 0 && !quotient.IsZero,
                quotient.IsZero ? (byte)0 : (byte)scale);
        }

        throw new OverflowException($"{this} is outside the range of a decimal.");
    }

    /// <inheritdoc />
    public int CompareTo(Exact other) => (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    /// <inheritdoc />
    public bool Equals(Exact other) => Numerator == other.Numerator && Denominator == other.Denominator;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Exact other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    /// <summary>Equality.</summary>
    public static bool operator ==(Exact left, Exact right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Exact left, Exact right) => !left.Equals(right);

    /// <summary>Ordering.</summary>
    public static bool operator <(Exact left, Exact right) => left.CompareTo(right) < 0;

    /// <summary>Ordering.</summary>
    public static bool operator >(Exact left, Exact right) => left.CompareTo(right) > 0;

    /// <summary>Ordering.</summary>
    public static bool operator <=(Exact left, Exact right) => left.CompareTo(right) <= 0;

    /// <summary>Ordering.</summary>
    public static bool operator >=(Exact left, Exact right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() =>
        Denominator.IsOne
            ? Numerator.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");
}
