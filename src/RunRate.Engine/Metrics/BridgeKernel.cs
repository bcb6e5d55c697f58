using System.Numerics;
using RunRate.Engine.Movements;

namespace RunRate.Engine.Metrics;

/// <summary>
/// The hot loop: walks every customer's events once, in day order, classifying each day's MRR change
/// (spec section 3) and accumulating the monthly bridge, year-ago retention bases and cohorts.
/// Generic over the integer type so ordinary ledgers run on <see cref="Int128"/> and ledgers whose
/// common denominator is huge (e.g. intervals up to 120 months) fall back to <see cref="BigInteger"/>
/// with the same code.
/// </summary>
internal sealed class BridgeKernel<T>
    where T : IBinaryInteger<T>
{
    private readonly int[] _customerStart;
    private readonly int[] _month;
    private readonly int[] _day;
    private readonly T[] _delta;
    private readonly bool[] _isAddon;
    private readonly int _firstMonth; // absolute month index of relative 0 (From − 12)
    private readonly int _months;

    public BridgeKernel(RecurringBook book, int firstMonth, int months)
    {
        _customerStart = book.CustomerStart;
        _month = book.Month;
        _day = book.Day;
        _delta = book.SmallDelta is { } small && small is T[] same ? same : [.. book.Delta.Select(T.CreateChecked)];
        _isAddon = book.IsAddon;
        _firstMonth = firstMonth;
        _months = months;
    }

    public BridgeTotals<T> Run()
    {
        var customers = _customerStart.Length - 1;
        var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, customers / 2048));
        if (workers == 1)
        {
            return RunRange(0, customers);
        }

        var partial = new BridgeTotals<T>[workers];
        Parallel.For(0, workers, w =>
        {
            var from = (int)((long)customers * w / workers);
            var to = (int)((long)customers * (w + 1) / workers);
            partial[w] = RunRange(from, to);
        });
        for (var w = 1; w < workers; w++)
        {
            partial[0].Add(partial[w]);
        }

        return partial[0];
    }

    private BridgeTotals<T> RunRange(int fromCustomer, int toCustomer)
    {
        var totals = new BridgeTotals<T>(_months);
        var closing = new T[_months];
        for (var c = fromCustomer; c < toCustomer; c++)
        {
            WalkCustomer(c, totals, closing);
        }

        return totals;
    }

    private void WalkCustomer(int c, BridgeTotals<T> totals, T[] closing)
    {
        T mrr = T.Zero, subscription = T.Zero, addon = T.Zero;
        var everActive = false;
        var filled = 0;
        var cohort = -1;
        var churnCountedIn = -1;
        var i = _customerStart[c];
        var end = _customerStart[c + 1];
        while (i < end)
        {
            var day = _day[i];
            var month = _month[i] - _firstMonth;
            if (month >= _months)
            {
                break;
            }

            // Every month that closed before this day closes on the state before it.
            for (; filled < month; filled++)
            {
                Close(totals, closing, filled, mrr, subscription, addon);
            }

            var before = mrr;
            for (; i < end && _day[i] == day; i++)
            {
                mrr += _delta[i];
                if (_isAddon[i])
                {
                    addon += _delta[i];
                }
                else
                {
                    subscription += _delta[i];
                }
            }

            var type = MovementRules.Classify(before, mrr, everActive);
            if (type is null)
            {
                continue;
            }

            if (type == MovementType.New)
            {
                cohort = month;
            }

            everActive |= mrr > T.Zero;
            if (month < Window.YearAgo)
            {
                continue;
            }

            var change = mrr - before;
            switch (type.Value)
            {
                case MovementType.New:
                    totals.New[month] += change;
                    totals.NewCount[month]++;
                    break;
                case MovementType.Reactivation:
                    totals.Reactivation[month] += change;
                    totals.ReactivationCount[month]++;
                    break;
                case MovementType.Expansion:
                    totals.Expansion[month] += change;
                    break;
                case MovementType.Contraction:
                    totals.Contraction[month] += change;
                    break;
                case MovementType.Churn:
                    totals.Churn[month] += change;
                    totals.ChurnCount[month]++;
                    if (churnCountedIn != month && closing[month - 1] > T.Zero)
                    {
                        totals.ChurnedFromOpening[month]++;
                        churnCountedIn = month;
                    }

                    break;
            }
        }

        for (; filled < _months; filled++)
        {
            Close(totals, closing, filled, mrr, subscription, addon);
        }

        for (var m = Window.YearAgo; m < _months; m++)
        {
            var yearAgo = closing[m - Window.YearAgo];
            if (yearAgo > T.Zero)
            {
                totals.NrrBase[m] += yearAgo;
                totals.NrrNumerator[m] += closing[m];
                totals.GrrNumerator[m] += T.Min(closing[m], yearAgo);
            }
        }

        if (cohort >= Window.YearAgo)
        {
            totals.CohortSize[cohort]++;
            var mrrRow = totals.CohortMrr[cohort];
            var logoRow = totals.CohortLogos[cohort];
            for (var k = 0; k < mrrRow.Length; k++)
            {
                mrrRow[k] += closing[cohort + k];
                if (closing[cohort + k] > T.Zero)
                {
                    logoRow[k]++;
                }
            }
        }
    }

    private static void Close(BridgeTotals<T> totals, T[] closing, int month, T mrr, T subscription, T addon)
    {
        closing[month] = mrr;
        totals.Closing[month] += mrr;
        totals.SubscriptionClosing[month] += subscription;
        totals.AddonClosing[month] += addon;
        if (mrr > T.Zero)
        {
            totals.Customers[month]++;
        }
    }
}
