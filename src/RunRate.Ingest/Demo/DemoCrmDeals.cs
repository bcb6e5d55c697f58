using System.Collections.Immutable;
using System.Globalization;
using RunRate.Engine.Crm;
using RunRate.Engine.Primitives;
using static RunRate.Ingest.Demo.DemoCatalog;

namespace RunRate.Ingest.Demo;

/// <summary>
/// The demo pipeline, over the accounts that have a sales owner: the customers whose first payment is recent
/// were won (at exactly their first ARR, closed shortly before they started); about one account in eleven has an
/// open deal (expansion, cross-sell or renewal for customers, new business for those not paying yet); about one
/// in fourteen lost one in the last months, with a reason.
/// </summary>
internal static class DemoCrmDeals
{
    private static readonly string[] LostReasons = ["price", "competitor", "no budget", "timing", "no decision", "missing feature", "went with in-house tool"];
    private static readonly string[] Addons = ["SSO", "Premium Support", "Maintenance", "Extra Storage"];
    private static readonly (string Value, int Weight)[] OpenStages = [("lead", 30), ("qualified", 25), ("proposal", 25), ("negotiation", 20)];

    public static ImmutableArray<Deal> Create(List<DemoCrmAccount> accounts, DateOnly asOf, Random rng)
    {
        var owned = accounts.Where(a => a.Owner is not null).ToList();
        var drafts = new List<Deal>();
        var busy = new HashSet<CustomerId>();
        foreach (var account in owned)
        {
            if (account.FirstPaid is { } start && start > asOf.AddDays(-DemoCrm.RecentWinDays) && account.FirstArr > 0)
            {
                drafts.Add(Won(account, start, asOf, rng));
                busy.Add(account.Customer.Id);
            }
        }

        var free = owned.Where(a => !busy.Contains(a.Customer.Id)).ToList();
        foreach (var account in Sample(free, Math.Max(1, accounts.Count / 11), rng))
        {
            drafts.Add(Open(account, asOf, rng));
            busy.Add(account.Customer.Id);
        }

        foreach (var account in Sample(free.Where(a => !busy.Contains(a.Customer.Id)).ToList(), Math.Max(1, accounts.Count / 14), rng))
        {
            drafts.Add(Lost(account, asOf, rng));
        }

        // Ids in the order deals entered the pipeline.
        var ordered = drafts.OrderBy(d => d.Created).ThenBy(d => d.AccountId.Value, StringComparer.Ordinal).ToList();
        return [.. ordered.Select((d, i) => d with { Id = new DealId("dl_" + (i + 1).ToString("0000", CultureInfo.InvariantCulture)) })];
    }

    private static Deal Won(DemoCrmAccount account, DateOnly start, DateOnly asOf, Random rng)
    {
        var close = DemoCrm.Weekday(Min(start.AddDays(-rng.Next(0, 15)), asOf));
        var created = DemoCrm.Weekday(close.AddDays(-rng.Next(21, 101)));
        string[] path = rng.NextDouble() < 0.7 ? ["lead", "qualified", "proposal", "negotiation", "won"] : ["lead", "qualified", "proposal", "won"];
        return Draft(account, $"{account.FirstProduct ?? "Platform"} plan", "won", account.FirstArr, DealKind.NewBusiness, close, null, created, History(path, created, close, rng));
    }

    private static Deal Open(DemoCrmAccount account, DateOnly asOf, Random rng)
    {
        var (kind, title, arr) = Offer(account, rng);
        var stage = Weighted<string>(rng, OpenStages);
        var created = DemoCrm.Weekday(asOf.AddDays(-rng.Next(5, 121)));
        var lastMove = created.AddDays(rng.Next(0, asOf.DayNumber - created.DayNumber + 1));
        var path = Pipeline.Default.OpenStages.Select(s => s.Key).TakeWhile(k => k != stage).Append(stage).ToArray();
        var close = asOf.AddDays(rng.Next(-15, 91));
        return Draft(account, title, stage, arr, kind, close < created ? created.AddDays(14) : close, null, created, History(path, created, Max(lastMove, created), rng));
    }

    private static Deal Lost(DemoCrmAccount account, DateOnly asOf, Random rng)
    {
        var (kind, title, arr) = Offer(account, rng);
        var lost = DemoCrm.Weekday(asOf.AddDays(-rng.Next(3, DemoCrm.RecentWinDays)));
        var created = DemoCrm.Weekday(lost.AddDays(-rng.Next(14, 91)));
        var reached = rng.Next(0, 3); // lost from lead, qualified or proposal
        var path = Pipeline.Default.OpenStages.Select(s => s.Key).Take(reached + 1).Append("lost").ToArray();
        return Draft(account, title, "lost", arr, kind, lost, AnyOf(rng, LostReasons), created, History(path, created, lost, rng));
    }

    /// <summary>What an account could buy next: more of its plan, an add-on it lacks or its renewal; a first plan when it does not pay yet.</summary>
    private static (DealKind Kind, string Title, decimal Arr) Offer(DemoCrmAccount account, Random rng)
    {
        if (account.ArrToday <= 0)
        {
            var plan = AnyOf(rng, new[] { "Starter", "Growth", "Scale" });
            return (DealKind.NewBusiness, $"{plan} plan", Hundreds(1200m * rng.Next(1, 21)));
        }

        var roll = rng.NextDouble();
        var missing = Addons.Where(a => !account.Addons.Contains(a)).ToList();
        if (roll < 0.45)
        {
            return (DealKind.Expansion, "More seats", Hundreds(account.ArrToday * (rng.Next(15, 61) / 100m)));
        }

        if (roll < 0.8 && missing.Count > 0)
        {
            return (DealKind.CrossSell, AnyOf(rng, missing), Hundreds(account.ArrToday * (rng.Next(8, 21) / 100m)));
        }

        return (DealKind.Renewal, "Renewal", account.ArrToday);
    }

    /// <summary>Stage entries from <paramref name="from"/> to <paramref name="to"/>, the days in between drawn in order.</summary>
    private static ImmutableArray<StageChange> History(string[] path, DateOnly from, DateOnly to, Random rng)
    {
        var span = to.DayNumber - from.DayNumber;
        var days = Enumerable.Range(0, Math.Max(0, path.Length - 2)).Select(_ => rng.Next(0, span + 1)).Order().ToList();
        var result = new List<StageChange> { new(path[0], from) };
        for (var i = 1; i < path.Length - 1; i++)
        {
            result.Add(new StageChange(path[i], from.AddDays(days[i - 1])));
        }

        if (path.Length > 1)
        {
            result.Add(new StageChange(path[^1], to));
        }

        return [.. result];
    }

    private static Deal Draft(DemoCrmAccount account, string title, string stage, decimal arr, DealKind kind, DateOnly close, string? reason, DateOnly created, ImmutableArray<StageChange> history) =>
        new(new DealId("draft"), account.Customer.Id, title, stage, arr, account.Currency, kind, close, account.Owner, account.Customer.Channel, reason, created, history);

    private static List<DemoCrmAccount> Sample(List<DemoCrmAccount> from, int count, Random rng)
    {
        var pool = from.ToList();
        var picked = new List<DemoCrmAccount>();
        while (picked.Count < count && pool.Count > 0)
        {
            var i = rng.Next(pool.Count);
            picked.Add(pool[i]);
            pool.RemoveAt(i);
        }

        return [.. picked.OrderBy(a => a.Customer.Id.Value, StringComparer.Ordinal)];
    }

    private static decimal Hundreds(decimal value) => Math.Max(600m, Math.Round(value / 100m, 0, MidpointRounding.AwayFromZero) * 100m);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
