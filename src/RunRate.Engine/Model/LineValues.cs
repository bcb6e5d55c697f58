using System.Numerics;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Model;

/// <summary>
/// A line's exact value amount × quantity × rate as a 128-bit unscaled integer and a decimal scale
/// (trailing zeros removed), and its MRR numerator once the model's common denominator
/// D = 10^S × L is fixed: unscaled × 10^(S − scale) × (L ÷ interval).
/// </summary>
internal static class LineValues
{
    /// <summary>The least common multiple of 1..12: every usual billing interval divides it, so adding such a line never changes D.</summary>
    public const int UsualIntervals = 27720;

    public static bool TryValue(RevenueLine line, decimal rate, out Int128 unscaled, out int scale)
    {
        var (a, sa) = Exact.DecimalMantissa(line.Amount);
        var (q, sq) = Exact.DecimalMantissa(line.Quantity);
        var (r, sr) = Exact.DecimalMantissa(rate);
        scale = sa + sq + sr;
        try
        {
            unscaled = checked(a * q * r);
        }
        catch (OverflowException)
        {
            unscaled = 0;
            return false;
        }

        while (scale > 0 && unscaled != 0 && unscaled % 10 == 0)
        {
            unscaled /= 10;
            scale--;
        }

        if (unscaled == 0)
        {
            scale = 0;
        }

        return true;
    }

    /// <summary>The numerator in 1/(10^S × L) units, or null when it does not fit or D is too coarse for the line.</summary>
    public static Int128? Numerator(Int128 unscaled, int scale, int interval, int maxScale, Int128 lcm)
    {
        if (scale > maxScale || lcm % interval != 0)
        {
            return null;
        }

        try
        {
            var pow = Int128.One;
            for (var k = scale; k < maxScale; k++)
            {
                pow = checked(pow * 10);
            }

            return checked(unscaled * pow * (lcm / interval));
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>The exact amount of a one-time line.</summary>
    public static Exact OneTime(Int128 unscaled, int scale) => new((BigInteger)unscaled, BigInteger.Pow(10, scale));

    /// <summary>Records a line without an exchange rate, in the words of <see cref="Movements.LedgerConversionException"/>, up to 50 then once "more".</summary>
    public static void MissingRate(List<string> problems, RevenueLine line, CurrencyCode currency)
    {
        if (problems.Count < 50)
        {
            problems.Add($"line {line.Id}: no {line.Currency}→{currency} exchange rate in fx.csv on or before {line.Start:yyyy-MM-dd}");
        }
        else if (problems.Count == 50)
        {
            problems.Add("… more lines lack an exchange rate");
        }
    }

    public static int MonthOf(int dayNumber) => YearMonth.Of(DateOnly.FromDayNumber(dayNumber)).Index;
}
