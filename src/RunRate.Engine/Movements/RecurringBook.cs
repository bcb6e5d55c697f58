using System.Numerics;
using RunRate.Engine.Ledger;
using RunRate.Engine.Metrics;
using RunRate.Engine.Model;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Movements;

/// <summary>
/// The ledger's recurring lines in one reporting currency, as integer MRR numerators over a single
/// common denominator: <c>D = 10^S × lcm(intervals)</c>. Every line's MRR
/// (<c>amount × quantity × rate ÷ interval</c>) is then an exact integer count of 1/D units, so sums,
/// comparisons and "back to exactly zero" are plain integer operations with no residue.
/// Events (a line starting or ending) are grouped per customer and ordered by day.
/// </summary>
internal sealed class RecurringBook
{
    private BigInteger[]? _delta;

    private RecurringBook(
        IReadOnlyList<Customer> customers,
        int[] customerStart,
        int[] day,
        int[] month,
        Int128[]? smallDelta,
        BigInteger[]? bigDelta,
        bool[] isAddon,
        BigInteger denominator,
        Dictionary<int, Exact> oneTimeByMonth)
    {
        Customers = customers;
        CustomerStart = customerStart;
        Day = day;
        Month = month;
        SmallDelta = smallDelta;
        _delta = bigDelta;
        IsAddon = isAddon;
        Denominator = denominator;
        OneTimeByMonth = oneTimeByMonth;
    }

    /// <summary>Customers in scope, in id order.</summary>
    public IReadOnlyList<Customer> Customers { get; }

    /// <summary>Events of customer i are at [CustomerStart[i], CustomerStart[i+1]).</summary>
    public int[] CustomerStart { get; }

    /// <summary>Day number (<see cref="DateOnly.DayNumber"/>) of each event.</summary>
    public int[] Day { get; }

    /// <summary><see cref="YearMonth.Index"/> of each event's day.</summary>
    public int[] Month { get; }

    /// <summary>
    /// The deltas as <see cref="Int128"/> when every numerator fits (the usual case, and the fast
    /// one); null when some needed more bits and only <see cref="Delta"/> holds them.
    /// </summary>
    public Int128[]? SmallDelta { get; }

    /// <summary>MRR change of each event in 1/<see cref="Denominator"/> units.</summary>
    public BigInteger[] Delta => _delta ??= [.. SmallDelta!.Select(d => (BigInteger)d)];

    /// <summary>True when the event's line is an add-on (else a subscription).</summary>
    public bool[] IsAddon { get; }

    /// <summary>The common denominator D.</summary>
    public BigInteger Denominator { get; }

    /// <summary>One-time revenue charged per month (<see cref="YearMonth.Index"/>), converted at the charge date.</summary>
    public Dictionary<int, Exact> OneTimeByMonth { get; }

    /// <summary>Converts the part of <paramref name="ledger"/> selected by <paramref name="filter"/> into <paramref name="currency"/>.</summary>
    public static RecurringBook Build(RevenueLedger ledger, CurrencyCode currency, LedgerFilter filter)
    {
        var customers = ledger.Customers.Where(filter.Matches).ToArray();
        var index = new Dictionary<CustomerId, int>(customers.Length);
        for (var i = 0; i < customers.Length; i++)
        {
            index[customers[i].Id] = i;
        }

        var problems = new List<string>();
        var valued = new List<Valued>();
        var oneTime = new Dictionary<int, Exact>();
        foreach (var line in ledger.Lines)
        {
            if (!index.TryGetValue(line.CustomerId, out var customer) || !filter.Matches(line))
            {
                continue;
            }

            var rate = ledger.Fx.RateOn(line.Currency, currency, line.Start);
            if (rate is null)
            {
                LineValues.MissingRate(problems, line, currency);
                continue;
            }

            var value = Valued.Of(customer, line, rate.Value);
            if (line.Kind == LineKind.OneTime)
            {
                var month = YearMonth.Of(line.Start).Index;
                var amount = new Exact(value.Unscaled, BigInteger.Pow(10, value.Scale));
                oneTime[month] = oneTime.TryGetValue(month, out var sum) ? sum + amount : amount;
            }
            else if (!value.IsZero)
            {
                valued.Add(value);
            }
        }

        if (problems.Count > 0)
        {
            throw new LedgerConversionException(problems);
        }

        var maxScale = 0;
        var intervals = new SortedSet<int>();
        foreach (var v in valued)
        {
            maxScale = Math.Max(maxScale, v.Scale);
            intervals.Add(v.Line.IntervalMonths!.Value);
        }

        var lcm = BigInteger.One;
        foreach (var interval in intervals)
        {
            lcm = lcm / BigInteger.GreatestCommonDivisor(lcm, interval) * interval;
        }

        // Events ordered by (customer, day) through one primitive sort of packed keys: day numbers
        // stay below 2^22, so customer × 2^22 + day orders exactly as the pair does. Events of the
        // same day are applied together, so their relative order never matters.
        var count = valued.Sum(v => v.Line.End is null ? 1 : 2);
        var keys = new long[count];
        var source = new int[count]; // valued index × 2 (+1 for the end event)
        var e = 0;
        for (var i = 0; i < valued.Count; i++)
        {
            var v = valued[i];
            keys[e] = ((long)v.Customer << 22) | (uint)v.Line.Start.DayNumber;
            source[e++] = i * 2;
            if (v.Line.End is { } end)
            {
                keys[e] = ((long)v.Customer << 22) | (uint)end.DayNumber;
                source[e++] = (i * 2) + 1;
            }
        }

        Array.Sort(keys, source);
        var customerStart = new int[customers.Length + 1];
        var day = new int[count];
        var monthOf = new int[count];
        var isAddon = new bool[count];
        for (var i = 0; i < count; i++)
        {
            var v = valued[source[i] / 2];
            customerStart[v.Customer + 1]++;
            day[i] = (int)(keys[i] & ((1 << 22) - 1));
            monthOf[i] = YearMonth.Of(DateOnly.FromDayNumber(day[i])).Index;
            isAddon[i] = v.Line.Kind == LineKind.Addon;
        }

        for (var i = 0; i < customers.Length; i++)
        {
            customerStart[i + 1] += customerStart[i];
        }

        var (small, big) = Numerators(valued, source, maxScale, lcm);
        return new RecurringBook(customers, customerStart, day, monthOf, small, big, isAddon, BigInteger.Pow(10, maxScale) * lcm, oneTime);
    }

    /// <summary>
    /// Each event's numerator, unscaled × 10^(S − scale) × (L ÷ interval): in Int128 when every one
    /// fits (checked arithmetic detects the rare ledger that does not), else in BigInteger.
    /// </summary>
    private static (Int128[]? Small, BigInteger[]? Big) Numerators(List<Valued> valued, int[] source, int maxScale, BigInteger lcm)
    {
        try
        {
            var pow10 = new Int128[maxScale + 1];
            pow10[0] = 1;
            for (var k = 1; k <= maxScale; k++)
            {
                pow10[k] = checked(pow10[k - 1] * 10);
            }

            var lcmSmall = (Int128)lcm; // throws OverflowException when L alone exceeds Int128
            var small = new Int128[source.Length];
            for (var i = 0; i < source.Length; i++)
            {
                var v = valued[source[i] / 2];
                var unscaled = v.Small ?? throw new OverflowException();
                var numerator = checked(unscaled * pow10[maxScale - v.Scale] * (lcmSmall / v.Line.IntervalMonths!.Value));
                small[i] = (source[i] & 1) == 0 ? numerator : -numerator;
            }

            return (small, null);
        }
        catch (OverflowException)
        {
            var big = new BigInteger[source.Length];
            for (var i = 0; i < source.Length; i++)
            {
                var v = valued[source[i] / 2];
                var numerator = v.Unscaled * BigInteger.Pow(10, maxScale - v.Scale) * (lcm / v.Line.IntervalMonths!.Value);
                big[i] = (source[i] & 1) == 0 ? numerator : -numerator;
            }

            return (null, big);
        }
    }

    /// <summary>Sum of the absolute values of all deltas: an upper bound of any figure the kernel accumulates.</summary>
    public BigInteger TotalMagnitude()
    {
        if (SmallDelta is { } small)
        {
            var total = BigInteger.Zero;
            Int128 chunk = 0;
            foreach (var d in small)
            {
                var magnitude = Int128.Abs(d);
                if (chunk > Int128.MaxValue - magnitude)
                {
                    total += chunk;
                    chunk = 0;
                }

                chunk += magnitude;
            }

            return total + chunk;
        }

        var sum = BigInteger.Zero;
        foreach (var d in Delta)
        {
            sum += BigInteger.Abs(d);
        }

        return sum;
    }

    /// <summary>An exact value from a numerator in 1/D units.</summary>
    public Exact ToExact(BigInteger numerator) => new(numerator, Denominator);

    /// <summary>A line's exact value amount × quantity × rate as an unscaled integer and a decimal scale, trailing zeros removed.</summary>
    private readonly record struct Valued(int Customer, RevenueLine Line, Int128? Small, BigInteger? Big, int Scale)
    {
        public BigInteger Unscaled => Small is { } s ? (BigInteger)s : Big!.Value;

        public bool IsZero => Small is { } s ? s == 0 : Big!.Value.IsZero;

        public static Valued Of(int customer, RevenueLine line, decimal rate)
        {
            // Most values fit Int128 (three 96-bit mantissas rarely multiply past 127 bits); the
            // checked product says when they do not.
            if (LineValues.TryValue(line, rate, out var product, out var reduced))
            {
                return new Valued(customer, line, product, null, reduced);
            }

            var (a, sa) = Exact.DecimalMantissa(line.Amount);
            var (q, sq) = Exact.DecimalMantissa(line.Quantity);
            var (r, sr) = Exact.DecimalMantissa(rate);
            var scale = sa + sq + sr;
            var unscaled = (BigInteger)a * q * r;
            while (scale > 0 && !unscaled.IsZero && (unscaled % 10).IsZero)
            {
                unscaled /= 10;
                scale--;
            }

            return new Valued(customer, line, null, unscaled, unscaled.IsZero ? 0 : scale);
        }
    }
}
