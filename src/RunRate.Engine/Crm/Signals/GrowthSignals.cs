using System.Globalization;
using RunRate.Engine.Crm.Renewals;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Crm.Signals;

/// <summary>
/// Upsell and cross-sell reasons, found by comparing an account with its segment peers (the other
/// active accounts of its segment) and with its own past seats. Segment statistics are counted once,
/// so scoring stays linear in the number of accounts.
/// </summary>
internal sealed class GrowthSignals
{
    private readonly SignalOptions _options;
    private readonly ILookup<CustomerId, RevenueLine> _subscriptions;
    private readonly Dictionary<CustomerId, HashSet<string>> _addons = [];
    private readonly Dictionary<string, Exact> _tierPrice;
    private readonly Dictionary<CustomerId, string> _plan = [];
    private readonly Dictionary<string, Segment> _segments = new(StringComparer.OrdinalIgnoreCase);

    public GrowthSignals(RevenueLedger ledger, IReadOnlyCollection<Customer> activeAccounts, SignalOptions options)
    {
        _options = options;
        var accounts = activeAccounts.Select(a => a.Id).ToHashSet();
        _subscriptions = ledger.Lines.Where(l => l.Kind == LineKind.Subscription && accounts.Contains(l.CustomerId)).ToLookup(l => l.CustomerId);
        var live = ledger.Lines.Where(l => accounts.Contains(l.CustomerId) && l.IsActiveOn(options.AsOf) && l.Amount > 0m).ToList();
        var arr = live.ToDictionary(l => l.Id, l => LineValue.Arr(l, ledger.Fx, options.Currency));

        // A plan's tier is its median monthly price per seat in the reporting currency.
        _tierPrice = live.Where(l => l.Kind == LineKind.Subscription && l.Product is not null)
            .GroupBy(l => l.Product!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Median([.. g.Select(l => arr[l.Id] / 12 / Exact.FromDecimal(l.Quantity)).Order()]), StringComparer.Ordinal);
        foreach (var account in live.GroupBy(l => l.CustomerId))
        {
            _addons[account.Key] = account.Where(l => l.Kind == LineKind.Addon && l.Product is not null).Select(l => l.Product!).ToHashSet(StringComparer.Ordinal);
            var plan = account.Where(l => l.Kind == LineKind.Subscription && l.Product is not null)
                .OrderByDescending(l => arr[l.Id]).ThenBy(l => l.Id.Value, StringComparer.Ordinal).FirstOrDefault()?.Product;
            if (plan is not null)
            {
                _plan[account.Key] = plan;
            }
        }

        foreach (var account in activeAccounts.Where(a => a.Segment is not null))
        {
            if (!_segments.TryGetValue(account.Segment!, out var segment))
            {
                _segments[account.Segment!] = segment = new Segment();
            }

            segment.Accounts++;
            foreach (var addon in _addons.GetValueOrDefault(account.Id) ?? [])
            {
                segment.Addons[addon] = segment.Addons.GetValueOrDefault(addon) + 1;
            }

            if (_plan.TryGetValue(account.Id, out var plan))
            {
                segment.Plans[plan] = segment.Plans.GetValueOrDefault(plan) + 1;
            }
        }
    }

    public List<SignalReason> Upsell(Customer account)
    {
        var reasons = new List<SignalReason>();
        SeatGrowth(account, reasons);
        Tier(account, reasons);
        return reasons;
    }

    public List<SignalReason> CrossSell(Customer account)
    {
        var reasons = new List<SignalReason>();
        if (Peers(account) is not { } segment)
        {
            return reasons;
        }

        var peers = segment.Accounts - 1;
        var mine = _addons.GetValueOrDefault(account.Id) ?? [];
        foreach (var (addon, count) in segment.Addons.Where(a => !mine.Contains(a.Key)).OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (count >= _options.PeerShare * peers)
            {
                reasons.Add(new("addon_gap", $"{Text.Percent(count, peers)} of {account.Segment} accounts ({count} of {peers}) have {addon}; this account does not", Math.Max(30, count * 60 / peers)));
            }
        }

        return reasons;
    }

    private void SeatGrowth(Customer account, List<SignalReason> reasons)
    {
        var then = _options.AsOf.AddMonths(-_options.SeatGrowthMonths);
        var lines = _subscriptions[account.Id].ToList();
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

    private void Tier(Customer account, List<SignalReason> reasons)
    {
        if (Peers(account) is not { } segment || !_plan.TryGetValue(account.Id, out var plan))
        {
            return;
        }

        var peers = segment.Accounts - 1;
        var price = _tierPrice[plan];
        var higher = segment.Plans.Where(p => _tierPrice[p.Key] > price).ToList();
        var count = higher.Sum(p => p.Value);
        if (count > 0 && count >= _options.PeerShare * peers)
        {
            var top = higher.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;
            reasons.Add(new("higher_tier_peers", $"{Text.Percent(count, peers)} of {account.Segment} accounts ({count} of {peers}) are on a higher tier than {plan} (most of them on {top}); this account is on {plan}", 35));
        }
    }

    /// <summary>The account's segment when it has enough peers to compare with, else null.</summary>
    private Segment? Peers(Customer account) =>
        account.Segment is { } name && _segments.TryGetValue(name, out var segment) && segment.Accounts - 1 >= _options.MinPeers ? segment : null;

    private static decimal Seats(IEnumerable<RevenueLine> lines, string product, DateOnly day) =>
        lines.Where(l => string.Equals(l.Product ?? "", product, StringComparison.Ordinal) && l.IsActiveOn(day)).Sum(l => l.Quantity);

    private static Exact Median(IReadOnlyList<Exact> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;

    /// <summary>How many active accounts a segment has, and how many of them have each add-on and each plan.</summary>
    private sealed class Segment
    {
        public int Accounts { get; set; }

        public Dictionary<string, int> Addons { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Plans { get; } = new(StringComparer.Ordinal);
    }
}
