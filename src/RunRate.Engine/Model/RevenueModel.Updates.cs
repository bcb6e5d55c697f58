using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Model;

/// <summary>Incremental updates: one written line changes only its customer's share of the aggregates.</summary>
public sealed partial class RevenueModel
{
    /// <summary>
    /// Applies one committed change of a line: <paramref name="before"/> as stored before the write (null when
    /// created), <paramref name="after"/> as stored after it (null when deleted). An unknown customer is added.
    /// Returns false, changing nothing, when the change cannot be applied in place (a line needing a finer
    /// common denominator, a missing exchange rate, a date before the model's first month, or a
    /// <paramref name="before"/> that the model does not hold); the caller then rebuilds the model.
    /// </summary>
    public bool TryApply(RevenueLine? before, RevenueLine? after)
    {
        lock (_gate)
        {
            if (!TryEffect(before, out var old, out var oldOneTime) || !TryEffect(after, out var next, out var nextOneTime))
            {
                return false;
            }

            if (before is not null && !_customers.ContainsKey(before.CustomerId))
            {
                return false;
            }

            var magnitude = _magnitude + (next?.Numerator ?? 0);
            if (magnitude > MagnitudeLimit)
            {
                return false;
            }

            // Work out every touched customer's new events before changing anything.
            var customerOfOld = old is not null ? _customers[before!.CustomerId] : -1;
            var customerOfNext = next is not null ? _customers.GetValueOrDefault(after!.CustomerId, -1) : -1;
            var changes = new List<(int Customer, DayEvents Old, DayEvents New)>(2);
            foreach (var customer in new[] { customerOfOld, customerOfNext }.Where(c => c >= 0).Distinct())
            {
                var events = _events.Of(customer);
                var updated = events;
                if (customer == customerOfOld)
                {
                    updated = updated.With(old!.Value, -1);
                }

                if (customer == customerOfNext)
                {
                    updated = updated.With(next!.Value, +1);
                }

                if (!StaysNonNegative(updated))
                {
                    return false; // the model never held `before`: it is out of step with the store
                }

                changes.Add((customer, events, updated));
            }

            if (after is not null && !_customers.ContainsKey(after.CustomerId))
            {
                var added = _events.AddCustomer();
                _customers[after.CustomerId] = added;
                if (next is { } n)
                {
                    changes.Add((added, DayEvents.Empty, DayEvents.Empty.With(n, +1)));
                }
            }

            foreach (var (customer, oldEvents, newEvents) in changes)
            {
                _walk.Walk(oldEvents, _live, -1);
                _walk.Walk(newEvents, _live, +1);
                _events.Replace(customer, newEvents);
                _maxEventMonth = Math.Max(_maxEventMonth, newEvents.Count == 0 ? int.MinValue : newEvents.Months[^1]);
            }

            AddOneTime(oldOneTime, -1);
            AddOneTime(nextOneTime, +1);
            _magnitude = magnitude;
            LineCount += (after is null ? 0 : 1) - (before is null ? 0 : 1);
            return true;
        }
    }

    /// <summary>What a line does to the model: recurring MRR events, or a one-time amount, or nothing (free).</summary>
    private bool TryEffect(RevenueLine? line, out LineEffect? effect, out (int Month, Exact Amount)? oneTime)
    {
        effect = null;
        oneTime = null;
        if (line is null)
        {
            return true;
        }

        var rate = _fx.RateOn(line.Currency, Currency, line.Start);
        if (rate is null || !LineValues.TryValue(line, rate.Value, out var unscaled, out var scale))
        {
            return false;
        }

        var startMonth = YearMonth.Of(line.Start).Index;
        if (line.Kind == LineKind.OneTime)
        {
            oneTime = (startMonth, LineValues.OneTime(unscaled, scale));
            return true;
        }

        if (unscaled == 0)
        {
            return true;
        }

        var numerator = LineValues.Numerator(unscaled, scale, line.IntervalMonths ?? 1, _maxScale, _lcm);
        if (numerator is null || startMonth < _live.Lo)
        {
            return false;
        }

        var endMonth = line.End is { } end ? YearMonth.Of(end).Index : 0;
        effect = new LineEffect(line.Start.DayNumber, startMonth, line.End?.DayNumber, endMonth, numerator.Value, line.Kind == LineKind.Addon);
        return true;
    }

    private void AddOneTime((int Month, Exact Amount)? entry, int sign)
    {
        if (entry is not { } e)
        {
            return;
        }

        var sum = _oneTime.GetValueOrDefault(e.Month) + (sign * e.Amount);
        if (sum == Exact.Zero)
        {
            _oneTime.Remove(e.Month);
        }
        else
        {
            _oneTime[e.Month] = sum;
        }
    }

    private static bool StaysNonNegative(DayEvents events)
    {
        Int128 sub = 0, addon = 0;
        var subs = events.Subscription;
        var addons = events.Addon;
        for (var i = 0; i < events.Count; i++)
        {
            sub += subs[i];
            addon += addons[i];
            if (sub < 0 || addon < 0)
            {
                return false;
            }
        }

        return true;
    }
}
