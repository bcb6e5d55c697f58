using System.Numerics;
using RunRate.Engine.Ledger;
using RunRate.Engine.Metrics;
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
    private RecurringBook(
        IReadOnlyList<Customer> customers,
        int[] customerStart,
        int[] day,
        int[] month,
        BigInteger[] delta,
        bool[] isAddon,
        BigInteger denominator,
        Dictionary<int, Exact> oneTimeByMonth)
    {
        Customers = customers;
        CustomerStart = customerStart;
        Day = day;
        Month = month;
        Delta = delta;
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

    /// <summary>MRR change of each event in 1/<see cref="Denominator"/> units.</summary>
    public BigInteger[] Delta { get; }

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
        var valued = new List<(int Customer, RevenueLine Line, BigInteger Unscaled, int Scale)>();
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
                if (problems.Count < 50)
                {
                    problems.Add($"line {line.Id}: no {line.Currency}→{currency} exchange rate in fx.csv on or before {line.Start:yyyy-MM-dd}");
                }
                else if (problems.Count == 50)
                {
                    problems.Add("… more lines lack an exchange rate");
                }

                continue;
            }

            var (unscaled, scale) = Value(line.Amount, line.Quantity, rate.Value);
            if (line.Kind == LineKind.OneTime)
            {
                var month = YearMonth.Of(line.Start).Index;
                var amount = new Exact(unscaled, BigInteger.Pow(10, scale));
                oneTime[month] = oneTime.TryGetValue(month, out var sum) ? sum + amount : amount;
            }
            else if (!unscaled.IsZero)
            {
                valued.Add((customer, line, unscaled, scale));
            }
        }

        if (problems.Count > 0)
        {
            throw new LedgerConversionException(problems);
        }

        var maxScale = 0;
        var lcm = BigInteger.One;
        foreach (var (_, line, _, scale) in valued)
        {
            maxScale = Math.Max(maxScale, scale);
            var interval = new BigInteger(line.IntervalMonths!.Value);
            lcm = lcm / BigInteger.GreatestCommonDivisor(lcm, interval) * interval;
        }

        var events = new List<(int Customer, int Day, BigInteger Delta, bool Addon)>(valued.Count * 2);
        foreach (var (customer, line, unscaled, scale) in valued)
        {
            var numerator = unscaled * BigInteger.Pow(10, maxScale - scale) * (lcm / line.IntervalMonths!.Value);
            var addon = line.Kind == LineKind.Addon;
            events.Add((customer, line.Start.DayNumber, numerator, addon));
            if (line.End is { } end)
            {
                events.Add((customer, end.DayNumber, -numerator, addon));
            }
        }

        // Order within a day does not matter (all of a day's events apply together), but a stable,
        // total order keeps every run byte-for-byte identical.
        events.Sort(static (a, b) =>
        {
            var c = a.Customer.CompareTo(b.Customer);
            if (c != 0)
            {
                return c;
            }

            c = a.Day.CompareTo(b.Day);
            return c != 0 ? c : a.Delta.CompareTo(b.Delta);
        });

        var customerStart = new int[customers.Length + 1];
        var day = new int[events.Count];
        var monthOf = new int[events.Count];
        var delta = new BigInteger[events.Count];
        var isAddon = new bool[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            customerStart[e.Customer + 1]++;
            day[i] = e.Day;
            monthOf[i] = YearMonth.Of(DateOnly.FromDayNumber(e.Day)).Index;
            delta[i] = e.Delta;
            isAddon[i] = e.Addon;
        }

        for (var i = 0; i < customers.Length; i++)
        {
            customerStart[i + 1] += customerStart[i];
        }

        return new RecurringBook(customers, customerStart, day, monthOf, delta, isAddon, BigInteger.Pow(10, maxScale) * lcm, oneTime);
    }

    /// <summary>The exact product amount × quantity × rate as (unscaled integer, decimal scale), trailing zeros removed.</summary>
    private static (BigInteger Unscaled, int Scale) Value(decimal amount, decimal quantity, decimal rate)
    {
        var (a, sa) = Exact.DecimalParts(amount);
        var (q, sq) = Exact.DecimalParts(quantity);
        var (r, sr) = Exact.DecimalParts(rate);
        var unscaled = a * q * r;
        var scale = sa + sq + sr;
        while (scale > 0 && !unscaled.IsZero && (unscaled % 10).IsZero)
        {
            unscaled /= 10;
            scale--;
        }

        return (unscaled, unscaled.IsZero ? 0 : scale);
    }

    /// <summary>Sum of the absolute values of all deltas: an upper bound of any figure the kernel accumulates.</summary>
    public BigInteger TotalMagnitude()
    {
        var total = BigInteger.Zero;
        foreach (var d in Delta)
        {
            total += BigInteger.Abs(d);
        }

        return total;
    }

    /// <summary>An exact value from a numerator in 1/D units.</summary>
    public Exact ToExact(BigInteger numerator) => new(numerator, Denominator);
}
