using System.Collections.Immutable;
using RunRate.Engine.Crm;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;

namespace RunRate.Ingest.Demo;

/// <summary>What the CRM generator knows about one demo customer, read from its ledger lines.</summary>
/// <param name="Customer">The ledger customer (the account).</param>
/// <param name="Currency">The currency it is billed in.</param>
/// <param name="FirstPaid">The first day it paid for a recurring line, if ever.</param>
/// <param name="FirstArr">Its ARR on that first day, rounded to cents (what the sale that won it was worth).</param>
/// <param name="FirstProduct">The plan it first paid for.</param>
/// <param name="ArrToday">Its ARR on the as-of day, rounded to cents.</param>
/// <param name="Addons">The add-ons it has on the as-of day.</param>
internal sealed record DemoCrmAccount(Customer Customer, CurrencyCode Currency, DateOnly? FirstPaid, decimal FirstArr, string? FirstProduct, decimal ArrToday, IReadOnlySet<string> Addons)
{
    public string? Owner => Customer.Owner;
}

/// <summary>
/// Generates the CRM side of a demo from its ledger, deterministically (seeded from <see cref="DemoOptions.Seed"/>
/// and nothing else): every account gets an e-mail domain and one to four contacts; the sales owners' accounts
/// get deals across every stage (the customers that started recently were won, at exactly their first ARR; others
/// are open or were lost, with a reason) and calls, meetings and notes over the last six months, leaving some
/// accounts without recent activity; every owner gets a target per quarter. Self-serve customers (no owner)
/// never talked to sales, so they have contacts but no deals or activities.
/// </summary>
public static class DemoCrm
{
    /// <summary>Days before the as-of day within which a first payment counts as a recent win.</summary>
    internal const int RecentWinDays = 120;

    /// <summary>Builds the CRM records of <paramref name="ledger"/>; the pipeline is the default one and there are no payments.</summary>
    public static CrmData Generate(DemoLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var rng = new Random(DemoIds.Seed(ledger.Options.Seed, 0, DemoIds.CrmStream));
        var accounts = Accounts(ledger);
        var (profiles, contacts) = DemoCrmPeople.Create(accounts, rng);
        var deals = DemoCrmDeals.Create(accounts, ledger.AsOf, rng);
        var activities = DemoCrmActivities.Create(accounts, contacts, deals, ledger.AsOf, rng);
        var targets = Targets(accounts, new FxTable(ledger.Fx), ledger.AsOf, rng);
        return new CrmData(Pipeline.Default, profiles, contacts, deals, activities, targets, []);
    }

    /// <summary>Each customer's facts, from one pass over the (lazily generated) lines, which come grouped by customer.</summary>
    internal static List<DemoCrmAccount> Accounts(DemoLedger ledger)
    {
        var lines = ledger.Lines.GroupBy(l => l.CustomerId).ToDictionary(g => g.Key, g => g.ToList());
        var result = new List<DemoCrmAccount>(ledger.Customers.Count);
        foreach (var customer in ledger.Customers)
        {
            var own = lines.GetValueOrDefault(customer.Id) ?? [];
            var paid = own.Where(l => l.Kind.IsRecurring() && l.Amount * l.Quantity > 0).ToList();
            var firstPaid = paid.Count == 0 ? (DateOnly?)null : paid.Min(l => l.Start);
            var first = firstPaid is { } day ? paid.Where(l => l.IsActiveOn(day)).ToList() : [];
            var today = paid.Where(l => l.IsActiveOn(ledger.AsOf)).ToList();
            result.Add(new DemoCrmAccount(
                customer,
                own.Count > 0 ? own[0].Currency : CurrencyCode.Usd,
                firstPaid,
                Arr(first),
                first.FirstOrDefault(l => l.Kind == LineKind.Subscription)?.Product,
                Arr(today),
                today.Where(l => l.Kind == LineKind.Addon && l.Product is not null).Select(l => l.Product!).ToHashSet(StringComparer.Ordinal)));
        }

        return result;
    }

    /// <summary>ARR of recurring lines, exact until rounded to cents: amount × quantity × 12 ÷ interval.</summary>
    internal static decimal Arr(IEnumerable<RevenueLine> lines) =>
        lines.Aggregate(Exact.Zero, (sum, l) => sum + (Exact.FromDecimal(l.Amount * l.Quantity * 12m) / l.IntervalMonths!.Value)).Round();

    /// <summary>A weekday on or before <paramref name="day"/> (sales teams do not log Saturdays).</summary>
    internal static DateOnly Weekday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(-1),
        DayOfWeek.Sunday => day.AddDays(-2),
        _ => day,
    };

    /// <summary>
    /// A target per owner for the three quarters before the as-of quarter, that quarter and the next, in USD: about a
    /// quarter of the new ARR the owner's customers brought in the last year, a little more each quarter.
    /// </summary>
    private static ImmutableArray<SalesTarget> Targets(List<DemoCrmAccount> accounts, FxTable fx, DateOnly asOf, Random rng)
    {
        var quarter = YearMonth.Of(asOf);
        quarter = quarter.AddMonths(-((quarter.Month - 1) % 3));
        var result = new List<SalesTarget>();
        foreach (var owner in accounts.Select(a => a.Owner).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var yearly = accounts
                .Where(a => a.Owner == owner && a.FirstPaid is { } day && day > asOf.AddYears(-1) && day <= asOf)
                .Sum(a => a.FirstArr * (fx.RateOn(a.Currency, CurrencyCode.Usd, a.FirstPaid!.Value) ?? 1m));
            var stretch = 1.0m + (rng.Next(0, 31) / 100m);
            for (var q = -3; q <= 1; q++)
            {
                var growth = 1m + (0.05m * (q + 3));
                var target = Math.Max(5000m, Math.Ceiling(yearly / 4m * stretch * growth / 5000m) * 5000m);
                result.Add(new SalesTarget(owner, quarter.AddMonths(3 * q), 3, target, CurrencyCode.Usd));
            }
        }

        return [.. result.OrderBy(t => t.Start).ThenBy(t => t.Owner, StringComparer.Ordinal)];
    }
}
