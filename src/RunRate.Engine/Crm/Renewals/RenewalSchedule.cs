using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Crm.Renewals;

/// <summary>What a renewals report covers.</summary>
/// <param name="Currency">Reporting currency.</param>
/// <param name="From">First month.</param>
/// <param name="To">Last month.</param>
/// <param name="AsOf">Today: renewals due after it are still open (or ending, when notice was given).</param>
/// <param name="MinIntervalMonths">Only lines billed on terms at least this long have renewals (default 12: annual contracts; monthly plans renew silently and their cancellations are churn).</param>
public sealed record RenewalRequest(CurrencyCode Currency, YearMonth From, YearMonth To, DateOnly AsOf, int MinIntervalMonths = 12);

/// <summary>How a term end turned out.</summary>
public enum RenewalStatus
{
    /// <summary>The line went on past the term end, or a successor line took over.</summary>
    Renewed,

    /// <summary>The line ended at the term end and nothing took over.</summary>
    Lost,

    /// <summary>Still ahead, no end date: to be won.</summary>
    Open,

    /// <summary>Still ahead, but the line already ends on that day with no successor: a known loss unless saved.</summary>
    Ending,
}

/// <summary>One term end of one line.</summary>
/// <param name="Line">The line whose term ends.</param>
/// <param name="Customer">Its customer.</param>
/// <param name="Due">The first day of the next term (start + k × interval).</param>
/// <param name="Arr">The line's ARR, the amount at stake.</param>
/// <param name="Status">Renewed, lost, open or ending.</param>
/// <param name="Successor">The line that took over when the renewal was written as a new line.</param>
/// <param name="SuccessorArr">That line's ARR (it may differ: renewals can expand or shrink).</param>
public sealed record RenewalItem(RevenueLine Line, Customer Customer, DateOnly Due, Exact Arr, RenewalStatus Status, RevenueLine? Successor, Exact? SuccessorArr);

/// <summary>The renewals due in one month.</summary>
public sealed record RenewalMonth(YearMonth Month, IReadOnlyList<RenewalItem> Items)
{
    /// <summary>ARR of every item due.</summary>
    public Exact DueArr => Sum(null);

    /// <summary>ARR of renewed items (the ARR that was at stake, not the successor's).</summary>
    public Exact RenewedArr => Sum(RenewalStatus.Renewed);

    /// <summary>ARR of lost items.</summary>
    public Exact LostArr => Sum(RenewalStatus.Lost);

    /// <summary>ARR still open or ending.</summary>
    public Exact OpenArr => Sum(RenewalStatus.Open) + Sum(RenewalStatus.Ending);

    /// <summary>Renewed ÷ (renewed + lost); null when nothing was decided yet.</summary>
    public Exact? RenewalRate => Exact.Ratio(RenewedArr, RenewedArr + LostArr);

    private Exact Sum(RenewalStatus? status) =>
        Items.Where(i => status is null || i.Status == status).Aggregate(Exact.Zero, (sum, i) => sum + i.Arr);
}

/// <summary>
/// Term ends of recurring lines, month by month. A line's terms are counted from its own start:
/// it is due at start + k × interval for every k ≥ 1 up to its end date. A line that goes on past a
/// due day renewed; one that ends exactly on it renewed only when a successor line of the same
/// customer and kind starts within 31 days of that day, else it is lost (or, still ahead, ending).
/// </summary>
public static class RenewalSchedule
{
    /// <summary>How far from the due day a new line still counts as the renewal.</summary>
    public const int SuccessorWindowDays = 31;

    /// <summary>One <see cref="RenewalMonth"/> per month of the request, items ordered by due day and line id.</summary>
    public static IReadOnlyList<RenewalMonth> Compute(RevenueLedger ledger, RenewalRequest request)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(request);
        var first = request.From.FirstDay;
        var last = request.To.LastDay;
        var byCustomer = ledger.Lines.Where(l => l.Kind.IsRecurring()).ToLookup(l => l.CustomerId);
        var items = new List<RenewalItem>();
        foreach (var line in ledger.Lines)
        {
            if (!line.Kind.IsRecurring() || line.IntervalMonths is not { } interval || interval < request.MinIntervalMonths || line.Amount == 0m)
            {
                continue;
            }

            for (var k = 1; ; k++)
            {
                var due = line.Start.AddMonths(k * interval);
                if (due > last || (line.End is { } end && due > end))
                {
                    break;
                }

                if (due < first)
                {
                    continue;
                }

                items.Add(Item(ledger, request, line, due, byCustomer[line.CustomerId]));
            }
        }

        var byMonth = items.ToLookup(i => YearMonth.Of(i.Due));
        var months = new List<RenewalMonth>();
        for (var month = request.From; month <= request.To; month = month.AddMonths(1))
        {
            months.Add(new RenewalMonth(month, [.. byMonth[month].OrderBy(i => i.Due).ThenBy(i => i.Line.Id.Value, StringComparer.Ordinal)]));
        }

        return months;
    }

    /// <summary>The next term end of a line strictly after <paramref name="day"/>, or null when it has none (ends first).</summary>
    public static DateOnly? NextDue(RevenueLine line, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!line.Kind.IsRecurring() || line.IntervalMonths is not { } interval)
        {
            return null;
        }

        var months = ((day.Year - line.Start.Year) * 12) + day.Month - line.Start.Month;
        var k = Math.Max(1, (months / interval) - 1);
        var due = line.Start.AddMonths(k * interval);
        while (due <= day)
        {
            due = line.Start.AddMonths(++k * interval);
        }

        return line.End is { } end && due > end ? null : due;
    }

    /// <summary>A line of the same customer and kind that starts within the successor window of <paramref name="due"/>.</summary>
    public static RevenueLine? Successor(RevenueLine line, DateOnly due, IEnumerable<RevenueLine> customerLines)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(customerLines);
        return customerLines
            .Where(l => l.Id != line.Id && l.Kind == line.Kind && Math.Abs(l.Start.DayNumber - due.DayNumber) <= SuccessorWindowDays)
            .OrderBy(l => Math.Abs(l.Start.DayNumber - due.DayNumber))
            .ThenBy(l => string.Equals(l.Product, line.Product, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(l => l.Id.Value, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private static RenewalItem Item(RevenueLedger ledger, RenewalRequest request, RevenueLine line, DateOnly due, IEnumerable<RevenueLine> customerLines)
    {
        var arr = LineValue.Arr(line, ledger.Fx, request.Currency);
        var customer = ledger.CustomersById[line.CustomerId];
        if (line.End != due)
        {
            return new RenewalItem(line, customer, due, arr, due <= request.AsOf ? RenewalStatus.Renewed : RenewalStatus.Open, null, null);
        }

        var successor = Successor(line, due, customerLines);
        if (successor is not null)
        {
            return new RenewalItem(line, customer, due, arr, RenewalStatus.Renewed, successor, LineValue.Arr(successor, ledger.Fx, request.Currency));
        }

        return new RenewalItem(line, customer, due, arr, due <= request.AsOf ? RenewalStatus.Lost : RenewalStatus.Ending, null, null);
    }
}
