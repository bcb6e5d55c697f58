using RunRate.Engine.Ledger;
using RunRate.Engine.Movements;

namespace RunRate.Engine.Crm.Signals;

/// <summary>
/// Explainable account scores: churn risk, upsell and cross-sell. Every signal carries the reasons
/// that produced its score, each with the figures behind it, and an account without a reason gets
/// no signal, so nothing on the list is unexplained.
/// </summary>
public static class SignalEngine
{
    /// <summary>Signals of every active account, by kind, then highest score, then ARR.</summary>
    public static IReadOnlyList<Signal> Compute(RevenueLedger ledger, CrmData crm, SignalOptions options)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(crm);
        ArgumentNullException.ThrowIfNull(options);
        var active = CustomerRevenue.Analyze(ledger, options.Currency, options.AsOf).Where(s => s.Status == CustomerStatus.Active).ToList();
        var lines = ledger.Lines.ToLookup(l => l.CustomerId);
        var churn = new ChurnRisk(ledger, crm, options);
        var growth = new GrowthSignals(ledger, [.. active.Select(s => s.Customer)], options);
        var signals = new List<Signal>();
        foreach (var standing in active)
        {
            var account = standing.Customer;
            Add(signals, account, SignalKind.ChurnRisk, standing, churn.Reasons(standing, [.. lines[account.Id]]));
            Add(signals, account, SignalKind.Upsell, standing, growth.Upsell(account));
            Add(signals, account, SignalKind.CrossSell, standing, growth.CrossSell(account));
        }

        return [.. signals.OrderBy(s => s.Kind).ThenByDescending(s => s.Score).ThenByDescending(s => s.Arr).ThenBy(s => s.Account.Id.Value, StringComparer.Ordinal)];
    }

    private static void Add(List<Signal> signals, Customer account, SignalKind kind, CustomerStanding standing, List<SignalReason> reasons)
    {
        if (reasons.Count > 0)
        {
            signals.Add(new Signal(account, kind, standing.Arr, reasons));
        }
    }
}
