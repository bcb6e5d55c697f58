using RunRate.Engine.Movements;

namespace RunRate.Engine.Model;

/// <summary>
/// One customer's contribution to <see cref="ModelTotals"/>, added (sign +1) or taken away (sign −1).
/// Walks the customer's day events once, classifying each day's MRR change as the spec's section 3 says,
/// then writes the closing-state figures as differences at the months where they change. Both the full
/// recompute and the incremental update go through here, so they cannot disagree.
/// </summary>
internal sealed class CustomerWalk
{
    // Month-closing change points of the customer being walked: axis month (negative before the axis) and the state from then on.
    private int[] _month = new int[16];
    private Int128[] _mrr = new Int128[16];
    private Int128[] _sub = new Int128[16];
    private Int128[] _addon = new Int128[16];
    private int[] _breaks = new int[32];

    public void Walk(DayEvents events, ModelTotals totals, int sign)
    {
        if (sign > 0)
        {
            Walk<Plus>(events, totals);
        }
        else
        {
            Walk<Minus>(events, totals);
        }
    }

    /// <summary>Specialised per sign at JIT time, so the hot full recompute pays no multiplication by +1.</summary>
    private void Walk<TSign>(DayEvents events, ModelTotals totals)
        where TSign : struct, ISign
    {
        var n = events.Count;
        if (n == 0)
        {
            return;
        }

        if (_month.Length < n + 1)
        {
            Array.Resize(ref _month, n * 2);
            Array.Resize(ref _mrr, n * 2);
            Array.Resize(ref _sub, n * 2);
            Array.Resize(ref _addon, n * 2);
            Array.Resize(ref _breaks, n * 4);
        }

        var lo = totals.Lo;
        var months = totals.Months;
        Int128 mrr = 0, sub = 0, addon = 0, opening = 0;
        Int128 lastMrr = 0, lastSub = 0, lastAddon = 0;
        var everActive = false;
        var cohort = int.MinValue;
        var churnCountedIn = int.MinValue;
        var current = int.MinValue;
        var points = 0;
        var days = events.Days;
        var monthOf = events.Months;
        var subDelta = events.Subscription;
        var addonDelta = events.Addon;
        for (var i = 0; i < n; i++)
        {
            var m = monthOf[i] - lo;
            if (m >= months)
            {
                break;
            }

            if (m != current)
            {
                // The previous month closed on the current state; this month opens on it.
                if (sub != lastSub || addon != lastAddon)
                {
                    _month[points] = current;
                    (_mrr[points], _sub[points], _addon[points]) = (mrr, sub, addon);
                    points++;
                    (lastMrr, lastSub, lastAddon) = (mrr, sub, addon);
                }

                current = m;
                opening = mrr;
            }

            var before = mrr;
            sub += subDelta[i];
            addon += addonDelta[i];
            mrr = sub + addon;
            var type = MovementRules.Classify(before, mrr, everActive);
            if (type is null)
            {
                continue;
            }

            if (type == MovementType.New)
            {
                cohort = m;
            }

            everActive |= mrr > 0;
            if (m < 0)
            {
                continue;
            }

            var change = TSign.Of(mrr - before);
            var sign = TSign.Count;
            switch (type.Value)
            {
                case MovementType.New:
                    totals.New[m] += change;
                    totals.NewCount[m] += sign;
                    break;
                case MovementType.Reactivation:
                    totals.Reactivation[m] += change;
                    totals.ReactivationCount[m] += sign;
                    break;
                case MovementType.Expansion:
                    totals.Expansion[m] += change;
                    break;
                case MovementType.Contraction:
                    totals.Contraction[m] += change;
                    break;
                default:
                    totals.Churn[m] += change;
                    totals.ChurnCount[m] += sign;
                    if (churnCountedIn != m && opening > 0)
                    {
                        totals.ChurnedFromOpening[m] += sign;
                        churnCountedIn = m;
                    }

                    break;
            }
        }

        if (sub != lastSub || addon != lastAddon)
        {
            _month[points] = current;
            (_mrr[points], _sub[points], _addon[points]) = (mrr, sub, addon);
            points++;
        }

        if (points > 0)
        {
            Closing<TSign>(totals, points);
            Retention<TSign>(totals, points);
        }

        // A customer who joins and leaves within its first month has no closing change but is in its cohort.
        if (cohort >= 0)
        {
            Cohort<TSign>(totals, points, cohort);
        }
    }

    private void Closing<TSign>(ModelTotals totals, int points)
        where TSign : struct, ISign
    {
        Int128 mrr = 0, sub = 0, addon = 0;
        for (var j = 0; j < points; j++)
        {
            var m = Math.Max(_month[j], 0); // a change before the axis shows in its first month
            totals.ClosingDiff[m] += TSign.Of(_mrr[j] - mrr);
            totals.SubscriptionDiff[m] += TSign.Of(_sub[j] - sub);
            totals.AddonDiff[m] += TSign.Of(_addon[j] - addon);
            totals.CustomersDiff[m] += TSign.Of(Active(_mrr[j]) - Active(mrr));
            (mrr, sub, addon) = (_mrr[j], _sub[j], _addon[j]);
        }
    }

    /// <summary>
    /// NRR and GRR numerators of month m depend on closing(m) and closing(m − 12): they can only change at a
    /// change point or twelve months after one, so only those months get a difference.
    /// </summary>
    private void Retention<TSign>(ModelTotals totals, int points)
        where TSign : struct, ISign
    {
        // Merge the change months and the change months + 12 into one ascending list of breakpoints.
        var count = 0;
        int a = 0, b = 0;
        while (a < points || b < points)
        {
            var next = b >= points || (a < points && _month[a] <= _month[b] + 12) ? _month[a++] : _month[b++] + 12;
            if (next >= totals.Months)
            {
                break;
            }

            if (count == 0 || _breaks[count - 1] != next)
            {
                _breaks[count++] = next;
            }
        }

        Int128 nrr = 0, grr = 0;
        int now = -1, ago = -1; // index of the last change point at or before m, and at or before m − 12
        for (var k = 0; k < count; k++)
        {
            var m = _breaks[k];
            while (now + 1 < points && _month[now + 1] <= m)
            {
                now++;
            }

            while (ago + 1 < points && _month[ago + 1] <= m - 12)
            {
                ago++;
            }

            var closing = now < 0 ? 0 : _mrr[now];
            var yearAgo = ago < 0 ? 0 : _mrr[ago];
            Int128 n = 0, g = 0;
            if (yearAgo > 0)
            {
                n = closing;
                g = Int128.Min(closing, yearAgo);
            }

            totals.NrrDiff[Math.Max(m, 0)] += TSign.Of(n - nrr);
            totals.GrrDiff[Math.Max(m, 0)] += TSign.Of(g - grr);
            (nrr, grr) = (n, g);
        }
    }

    private void Cohort<TSign>(ModelTotals totals, int points, int cohort)
        where TSign : struct, ISign
    {
        totals.CohortSize[cohort] += TSign.Count;
        var mrrRow = totals.CohortMrrRow(cohort);
        var logoRow = totals.CohortLogoRow(cohort);
        Int128 mrr = 0;
        for (var j = 0; j < points; j++)
        {
            // No change point precedes the cohort month: the customer's MRR was 0 until its new movement.
            var age = _month[j] - cohort;
            mrrRow[age] += TSign.Of(_mrr[j] - mrr);
            logoRow[age] += TSign.Of(Active(_mrr[j]) - Active(mrr));
            mrr = _mrr[j];
        }
    }

    private static int Active(Int128 mrr) => mrr > 0 ? 1 : 0;

    /// <summary>Whether a walk adds a customer's contribution or takes it away.</summary>
    private interface ISign
    {
        static abstract int Count { get; }

        static abstract Int128 Of(Int128 value);

        static abstract long Of(long value);
    }

    private readonly struct Plus : ISign
    {
        public static int Count => 1;

        public static Int128 Of(Int128 value) => value;

        public static long Of(long value) => value;
    }

    private readonly struct Minus : ISign
    {
        public static int Count => -1;

        public static Int128 Of(Int128 value) => -value;

        public static long Of(long value) => -value;
    }
}
