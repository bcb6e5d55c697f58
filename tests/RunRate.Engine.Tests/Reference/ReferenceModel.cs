using RunRate.Engine.Ledger;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Tests.Reference;

/// <summary>
/// A deliberately slow, literal transcription of spec sections 2-5, written without looking at how
/// the engine computes anything: every customer's MRR is evaluated on every single day by summing
/// <c>Exact(amount × quantity × rate) ÷ interval</c> over its active recurring lines, movements are
/// classified by comparing consecutive days, and monthly figures are read off those daily values.
/// </summary>
internal static class ReferenceModel
{
    private enum Move
    {
        New,
        Expansion,
        Contraction,
        Churn,
        Reactivation,
    }

    private sealed record Movement(int Customer, DateOnly Day, Move Type, Exact Amount);

    /// <summary>A line with its value (amount × quantity × rate) and, when recurring, its MRR (value ÷ interval).</summary>
    private sealed record PricedLine(RevenueLine Line, Exact Value, Exact Mrr)
    {
        public static PricedLine Of(RevenueLine line, Exact rate)
        {
            var value = Exact.FromDecimal(line.Amount) * Exact.FromDecimal(line.Quantity) * rate;
            return new PricedLine(line, value, line.Kind == LineKind.OneTime ? Exact.Zero : value / line.IntervalMonths!.Value);
        }
    }

    public static ReferenceReport Compute(RevenueLedger ledger, ReportRequest request)
    {
        var customers = ledger.Customers.Where(c => CustomerInScope(c, request.Filter)).ToList();
        var linesOf = customers
            .Select(c => ledger.Lines
                .Where(l => l.CustomerId == c.Id && LineInScope(l, request.Filter))
                .Select(l => PricedLine.Of(l, RateFor(ledger, l, request.Currency)))
                .ToList())
            .ToList();

        // Day zero is a day before every line and before the twelve months of history: every MRR is 0 on it.
        var firstOfHistory = request.From.AddMonths(-12).FirstDay;
        var earliestStart = linesOf.SelectMany(ls => ls).Select(l => l.Line.Start).DefaultIfEmpty(firstOfHistory).Min();
        var dayZero = (earliestStart < firstOfHistory ? earliestStart : firstOfHistory).AddDays(-1);
        var lastDay = request.To.LastDay;
        var dayCount = lastDay.DayNumber - dayZero.DayNumber + 1;

        // mrr[c][i], subscription[c][i], addon[c][i]: customer c's MRR on day dayZero + i.
        var mrr = new Exact[customers.Count][];
        var subscription = new Exact[customers.Count][];
        var addon = new Exact[customers.Count][];
        for (var c = 0; c < customers.Count; c++)
        {
            mrr[c] = new Exact[dayCount];
            subscription[c] = new Exact[dayCount];
            addon[c] = new Exact[dayCount];
            for (var i = 0; i < dayCount; i++)
            {
                var day = dayZero.AddDays(i);
                foreach (var priced in linesOf[c])
                {
                    var line = priced.Line;
                    var active = line.Kind != LineKind.OneTime && line.Start <= day && (line.End is null || day < line.End.Value);
                    if (!active)
                    {
                        continue;
                    }

                    mrr[c][i] += priced.Mrr;
                    if (line.Kind == LineKind.Subscription)
                    {
                        subscription[c][i] += priced.Mrr;
                    }
                    else
                    {
                        addon[c][i] += priced.Mrr;
                    }
                }
            }
        }

        var movements = Movements(mrr, dayZero);
        Exact MrrOn(int c, DateOnly day) => mrr[c][day.DayNumber - dayZero.DayNumber];
        Exact Total(Exact[][] series, DateOnly day) =>
            series.Aggregate(Exact.Zero, (sum, s) => sum + s[day.DayNumber - dayZero.DayNumber]);

        var months = new List<ReferenceMonth>();
        for (var month = request.From; month <= request.To; month = month.AddMonths(1))
        {
            var openDay = month.FirstDay.AddDays(-1);
            var closeDay = month.LastDay;
            var yearAgoDay = month.AddMonths(-12).LastDay;
            var inMonth = movements.Where(m => YearMonth.Of(m.Day) == month).ToList();
            Exact Sum(Move type) => inMonth.Where(m => m.Type == type).Aggregate(Exact.Zero, (s, m) => s + m.Amount);
            long Count(Move type) => inMonth.Count(m => m.Type == type);

            var all = Enumerable.Range(0, customers.Count).ToList();
            var activeAtOpening = all.Where(c => MrrOn(c, openDay) > Exact.Zero).ToList();
            var churnedFromOpening = activeAtOpening.Count(c => inMonth.Any(m => m.Customer == c && m.Type == Move.Churn));
            var yearAgoBase = all.Where(c => MrrOn(c, yearAgoDay) > Exact.Zero).ToList();
            var baseThen = yearAgoBase.Aggregate(Exact.Zero, (s, c) => s + MrrOn(c, yearAgoDay));
            var baseNow = yearAgoBase.Aggregate(Exact.Zero, (s, c) => s + MrrOn(c, closeDay));
            var baseNowCapped = yearAgoBase.Aggregate(Exact.Zero, (s, c) => s + Exact.Min(MrrOn(c, closeDay), MrrOn(c, yearAgoDay)));

            var opening = Total(mrr, openDay);
            var closing = Total(mrr, closeDay);
            var closingYearAgo = Total(mrr, yearAgoDay);
            var (newSum, expansion, contraction, churn, reactivation) =
                (Sum(Move.New), Sum(Move.Expansion), Sum(Move.Contraction), Sum(Move.Churn), Sum(Move.Reactivation));
            long activeAtClosing = all.Count(c => MrrOn(c, closeDay) > Exact.Zero);
            var arr = 12 * closing;
            var nrr = Exact.Ratio(baseNow, baseThen);
            var growth = Exact.Ratio(closing, closingYearAgo) is { } ratio ? ratio - 1 : (Exact?)null;
            var oneTime = linesOf.SelectMany(ls => ls)
                .Where(l => l.Line.Kind == LineKind.OneTime && YearMonth.Of(l.Line.Start) == month)
                .Aggregate(Exact.Zero, (s, l) => s + l.Value);

            months.Add(new ReferenceMonth(
                month,
                OpeningMrr: opening,
                New: newSum,
                Expansion: expansion,
                Contraction: contraction,
                Churn: churn,
                Reactivation: reactivation,
                ClosingMrr: closing,
                Arr: arr,
                SubscriptionArr: 12 * Total(subscription, closeDay),
                AddonArr: 12 * Total(addon, closeDay),
                OpeningCustomers: activeAtOpening.Count,
                Customers: activeAtClosing,
                NewCustomers: Count(Move.New),
                ReactivatedCustomers: Count(Move.Reactivation),
                ChurnedCustomers: Count(Move.Churn),
                CustomerChurnRate: Exact.Ratio(churnedFromOpening, activeAtOpening.Count),
                GrossMrrChurnRate: Exact.Ratio(-(churn + contraction), opening),
                NetMrrChurnRate: Exact.Ratio(-(churn + contraction + expansion + reactivation), opening),
                Arpa: Exact.Ratio(closing, activeAtClosing),
                QuickRatio: Exact.Ratio(newSum + expansion + reactivation, -(churn + contraction)),
                Nrr: nrr,
                Grr: Exact.Ratio(baseNowCapped, baseThen),
                GrowthYoy: growth,
                Valuation: growth is { } g && nrr is { } n ? 10 * arr * g * n : null,
                OneTimeRevenue: oneTime));
        }

        return new ReferenceReport(months, Cohorts(request, customers.Count, movements, MrrOn));
    }

    /// <summary>Section 3, literally: compare each day with the previous one, for every customer.</summary>
    private static List<Movement> Movements(Exact[][] mrr, DateOnly dayZero)
    {
        var movements = new List<Movement>();
        for (var c = 0; c < mrr.Length; c++)
        {
            var everActive = false;
            for (var i = 1; i < mrr[c].Length; i++)
            {
                var before = mrr[c][i - 1];
                var after = mrr[c][i];
                everActive |= before > Exact.Zero;
                if (after == before)
                {
                    continue;
                }

                var day = dayZero.AddDays(i);
                if (before.IsZero)
                {
                    movements.Add(new Movement(c, day, everActive ? Move.Reactivation : Move.New, after));
                }
                else if (after.IsZero)
                {
                    movements.Add(new Movement(c, day, Move.Churn, -before));
                }
                else
                {
                    movements.Add(new Movement(c, day, after > before ? Move.Expansion : Move.Contraction, after - before));
                }
            }
        }

        return movements;
    }

    /// <summary>Section 5: a customer's cohort is the month of its new movement; only cohorts of the range, ages up to To.</summary>
    private static List<ReferenceCohort> Cohorts(ReportRequest request, int customerCount, List<Movement> movements, Func<int, DateOnly, Exact> mrrOn)
    {
        var cohorts = new List<ReferenceCohort>();
        for (var cohort = request.From; cohort <= request.To; cohort = cohort.AddMonths(1))
        {
            var members = Enumerable.Range(0, customerCount)
                .Where(c => movements.Any(m => m.Customer == c && m.Type == Move.New && YearMonth.Of(m.Day) == cohort))
                .ToList();
            if (members.Count == 0)
            {
                continue;
            }

            var mrr = new List<Exact>();
            var logos = new List<Exact?>();
            for (var age = cohort; age <= request.To; age = age.AddMonths(1))
            {
                var close = age.LastDay;
                mrr.Add(members.Aggregate(Exact.Zero, (s, c) => s + mrrOn(c, close)));
                logos.Add(Exact.Ratio(members.Count(c => mrrOn(c, close) > Exact.Zero), members.Count));
            }

            cohorts.Add(new ReferenceCohort(cohort, members.Count, mrr, [.. mrr.Select(v => Exact.Ratio(v, mrr[0]))], logos));
        }

        return cohorts;
    }

    /// <summary>Section 1 (fx.csv): the rate of the pair in force on the line's start date, 1 for the same currency.</summary>
    private static Exact RateFor(RevenueLedger ledger, RevenueLine line, CurrencyCode reporting)
    {
        if (line.Currency == reporting)
        {
            return Exact.One;
        }

        var rate = ledger.Fx.Rates
            .Where(r => r.From == line.Currency && r.To == reporting && r.Date <= line.Start)
            .OrderBy(r => r.Date)
            .LastOrDefault()
            ?? throw new InvalidOperationException($"Reference model: no rate for line {line.Id}.");
        return Exact.FromDecimal(rate.Rate);
    }

    private static bool CustomerInScope(Customer customer, LedgerFilter filter) =>
        filter.Attributes.All(condition => condition.Value.Any(v =>
            string.Equals(v, customer.Attribute(condition.Key) ?? "", StringComparison.OrdinalIgnoreCase)));

    private static bool LineInScope(RevenueLine line, LedgerFilter filter) =>
        filter.Products.IsEmpty || filter.Products.Any(p => string.Equals(p, line.Product ?? "", StringComparison.OrdinalIgnoreCase));
}
