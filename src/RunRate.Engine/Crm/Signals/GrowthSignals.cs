using System.Globalization;
using RunRate.Engine.Crm.Renewals;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Crm.Signals;

/// <summary>
/// Upsell and cross-sell reasons, found by comparing an account with its segment peers (active
/// accounts of the same segment) and with its own past seats.
/// </summary>
internal sealed class GrowthSignals
{
    private readonly SignalOptions _options;
    private readonly Dictionary<CustomerId, List<RevenueLine>> _active;
    private readonly Dictionary<string, Exact> _tierPrice;
    private readonly Dictionary<CustomerId, string?> _plan;

    public GrowthSignals(RevenueLedger ledger, IReadOnlyCollection<CustomerId> activeAccounts, SignalOptions options)
    {
        _options = options;
        var accounts = activeAccounts.ToHashSet();
        _active = ledger.Lines.Where(l => accounts.Contains(l.CustomerId) && l.IsActiveOn(options.AsOf) && l.Amount > 0m)
            .GroupBy(l => l.CustomerId).ToDictionary(g => g.Key, g => g.ToList());

        // A plan's tier is its median monthly price per seat in the reporting currency.
        _tierPrice = _active.Values.SelectMany(l => l).Where(l => l.Kind == LineKind.Subscription && l.Product is not null)
            .GroupBy(l => l.Product!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Median([.. g.Select(l => LineValue.Arr(l, ledger.Fx, options.Currency) / 12 / Exact.FromDecimal(l.Quantity)).Order()]), StringComparer.Ordinal);
        _plan = _active.ToDictionary(a => a.Key, a => a.Value.Where(l => l.Kind == LineKind.Subscription && l.Product is not null)
            .OrderByDescending(l => LineValue.Arr(l, ledger.Fx, options.Currency)).ThenBy(l => l.Id.Value, StringComparer.Ordinal).FirstOrDefault()?.Product);
        Ledger = ledger;
    }

    private RevenueLedger Ledger { get; }

    public List<SignalReason> Upsell(Customer account, IReadOnlyList<Customer> peers)
    {
        var reasons = new List<SignalReason>();
        SeatGrowth(account, reasons);
        Tier(account, peers, reasons);
        return reasons;
    }

    public List<SignalReason> CrossSell(Customer account, IReadOnlyList<Customer> peers)
    {
        var reasons = new List<SignalReason>();
        if (peers.Count < _options.MinPeers)
        {
            return reasons;
        }

        var mine = Products(account.Id, LineKind.Addon);
        var addons = peers.SelectMany(p => Products(p.Id, LineKind.Addon)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var addon in addons.Where(a => !mine.Contains(a)))
        {
            var having = peers.Count(p => Products(p.Id, LineKind.Addon).Contains(addon));
            if (having >= _options.PeerShare * peers.Count)
            {
                reasons.Add(new("addon_gap", $"{Text.Percent(having, peers.Count)} of {account.Segment} accounts ({having} of {peers.Count}) have {addon}; this account does not", Math.Max(30, having * 60 / peers.Count)));
            }
        }

        return reasons;
    }

    private void SeatGrowth(Customer account, List<SignalReason> reasons)
    {
        var then = _options.AsOf.AddMonths(-_options.SeatGrowthMonths);
        var lines = Ledger.Lines.Where(l => l.CustomerId == account.Id && l.Kind == LineKind.Subscription).ToList();
        foreach (var product in lines.Where(l => l.IsActiveOn(_options.AsOf)).Select(l => l.Product ?? "").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var now = Seats(lines, product, _options.AsOf);
            var before = Seats(lines, product, then);
            if (before > 0m && now - before >= _options.SeatGrowthShare * before)
            {
                var growth = ((now - before) * 100m / before).ToString("0", CultureInfo.InvariantCulture);
                reasons.Add(new("seat_growth", $"Seats on {(product.Length == 0 ? "the subscription" : product)} grew from {before.ToString(CultureInfo.InvariantCulture)} to {now.ToString(CultureInfo.InvariantCulture)} since {Text.Day(then)} (+{growth}%)", 30));
            }
        }
    }

    private void Tier(Customer account, IReadOnlyList<Customer> peers, List<SignalReason> reasons)
    {
        if (peers.Count < _options.MinPeers || _plan.GetValueOrDefault(account.Id) is not { } plan)
        {
            return;
        }

        var price = _tierPrice[plan];
        var higher = peers.Select(p => _plan.GetValueOrDefault(p.Id)).Where(p => p is not null && _tierPrice[p] > price).ToList();
        if (higher.Count > 0 && higher.Count >= _options.PeerShare * peers.Count)
        {
            var top = higher.GroupBy(p => p!, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
            reasons.Add(new("higher_tier_peers", $"{Text.Percent(higher.Count, peers.Count)} of {account.Segment} accounts ({higher.Count} of {peers.Count}) are on a higher tier than {plan} (most of them on {top}); this account is on {plan}", 35));
        }
    }

    private HashSet<string> Products(CustomerId account, LineKind kind) =>
        _active.TryGetValue(account, out var lines)
            ? lines.Where(l => l.Kind == kind && l.Product is not null).Select(l => l.Product!).ToHashSet(StringComparer.Ordinal)
            : [];

    private static decimal Seats(IEnumerable<RevenueLine> lines, string product, DateOnly day) =>
        lines.Where(l => string.Equals(l.Product ?? "", product, StringComparison.Ordinal) && l.IsActiveOn(day)).Sum(l => l.Quantity);

    private static Exact Median(IReadOnlyList<Exact> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
