using System.Globalization;
using RunRate.Engine.Crm.Renewals;
using RunRate.Engine.Ledger;
using RunRate.Engine.Movements;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Crm.Signals;

/// <summary>The churn-risk reasons of one active account.</summary>
internal sealed class ChurnRisk(RevenueLedger ledger, CrmData crm, SignalOptions options)
{
    private readonly ILookup<CustomerId, Activity> _activities = crm.Activities.ToLookup(a => a.AccountId);
    private readonly ILookup<CustomerId, Payment> _payments = crm.Payments.ToLookup(p => p.AccountId);

    public List<SignalReason> Reasons(CustomerStanding standing, IReadOnlyList<RevenueLine> lines)
    {
        var reasons = new List<SignalReason>();
        Terms(lines, reasons);
        Contraction(standing, reasons);
        Inactivity(standing.Customer.Id, reasons);
        Payments(standing.Customer.Id, reasons);
        return reasons;
    }

    /// <summary>
    /// Lines ending without a successor, and renewals coming up, each as one account-level reason listing
    /// the lines: three add-ons renewing together are one renewal conversation, not three risks.
    /// </summary>
    private void Terms(IReadOnlyList<RevenueLine> lines, List<SignalReason> reasons)
    {
        var horizon = options.AsOf.AddDays(options.RenewalWindowDays);
        var ending = new List<(RevenueLine Line, DateOnly Day, Exact Arr)>();
        var renewing = new List<(RevenueLine Line, DateOnly Day, Exact Arr)>();
        foreach (var line in lines.Where(l => l.IsActiveOn(options.AsOf) && l.Amount > 0m).OrderBy(l => l.Id.Value, StringComparer.Ordinal))
        {
            if (line.End is { } end && end <= horizon && RenewalSchedule.Successor(line, end, lines) is null)
            {
                ending.Add((line, end, LineValue.Arr(line, ledger.Fx, options.Currency)));
            }
            else if (line.IntervalMonths >= options.MinRenewalIntervalMonths && RenewalSchedule.NextDue(line, options.AsOf) is { } due && due <= horizon && line.End != due)
            {
                renewing.Add((line, due, LineValue.Arr(line, ledger.Fx, options.Currency)));
            }
        }

        if (ending.Count > 0)
        {
            var first = ending.Min(e => e.Day);
            reasons.Add(new("line_ending", $"{Names(ending)} {(ending.Count == 1 ? "ends" : "end")} from {Text.Day(first)}, in {Days(first)} days, with no renewal line ({Text.Money(Total(ending), options.Currency)} ARR)", 40));
        }

        if (renewing.Count > 0)
        {
            var first = renewing.Min(r => r.Day);
            var days = Days(first);
            var points = days <= 30 ? 30 : days <= 60 ? 25 : 20;
            reasons.Add(new("renewal_due", $"Renewal of {Names(renewing)} ({Text.Money(Total(renewing), options.Currency)} ARR) is due on {Text.Day(first)}, in {days} days", points));
        }
    }

    private static string Names(List<(RevenueLine Line, DateOnly Day, Exact Arr)> items) =>
        string.Join(", ", items.Select(i => string.IsNullOrEmpty(i.Line.Product) ? $"line {i.Line.Id}" : $"{i.Line.Product} (line {i.Line.Id})"));

    private static Exact Total(List<(RevenueLine Line, DateOnly Day, Exact Arr)> items) => items.Aggregate(Exact.Zero, (sum, i) => sum + i.Arr);

    private void Contraction(CustomerStanding standing, List<SignalReason> reasons)
    {
        var since = options.AsOf.AddMonths(-options.ContractionMonths);
        var contractions = standing.Movements.Where(m => m.Type == MovementType.Contraction && m.Date > since && m.Date <= options.AsOf).ToList();
        if (contractions.Count > 0)
        {
            var lost = contractions.Aggregate(Exact.Zero, (sum, m) => sum - m.Amount) * 12;
            reasons.Add(new("contraction", $"ARR contracted by {Text.Money(lost, options.Currency)} in the last {options.ContractionMonths} months ({contractions.Count} contraction{(contractions.Count == 1 ? "" : "s")}, last on {Text.Day(contractions[^1].Date)})", 25));
        }
    }

    private void Inactivity(CustomerId account, List<SignalReason> reasons)
    {
        // Without any logged activity the CRM is simply not in use; flagging every account would be noise.
        if (crm.Activities.IsEmpty)
        {
            return;
        }

        var last = _activities[account].Where(a => DateOnly.FromDateTime(a.At.UtcDateTime) <= options.AsOf).Select(a => (DateTimeOffset?)a.At).Max();
        if (last is null)
        {
            reasons.Add(new("no_activity", "No activity has ever been logged with this account", 20));
            return;
        }

        var day = DateOnly.FromDateTime(last.Value.UtcDateTime);
        var idle = options.AsOf.DayNumber - day.DayNumber;
        if (idle > options.InactivityDays)
        {
            reasons.Add(new("no_activity", $"No activity for {idle} days (last on {Text.Day(day)}; the threshold is {options.InactivityDays})", 20));
        }
    }

    private void Payments(CustomerId account, List<SignalReason> reasons)
    {
        var payments = _payments[account].Where(p => p.On <= options.AsOf).ToList();
        var since = options.AsOf.AddDays(-options.PaymentLookbackDays);
        var unresolved = payments
            .Where(p => !p.Succeeded && p.On > since && !payments.Any(s => s.Succeeded && s.On >= p.On))
            .OrderBy(p => p.On)
            .ToList();
        if (unresolved.Count > 0)
        {
            var first = unresolved[0];
            var text = unresolved.Count == 1
                ? $"Payment failed on {Text.Day(first.On)} (invoice {first.Reference}) and no payment has succeeded since"
                : $"{unresolved.Count} payments failed since {Text.Day(first.On)} (invoices {string.Join(", ", unresolved.Select(p => p.Reference))}) and none has succeeded since";
            reasons.Add(new("failed_payment", text, Math.Min(50, 30 + (10 * (unresolved.Count - 1)))));
        }
    }

    private int Days(DateOnly day) => day.DayNumber - options.AsOf.DayNumber;
}

/// <summary>How reasons show figures: invariant, so the same text everywhere.</summary>
internal static class Text
{
    public static string Money(Exact value, CurrencyCode currency) => value.Round(2).ToString("#,0.00", CultureInfo.InvariantCulture) + " " + currency.Value;

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Percent(int part, int whole) => (part * 100 / whole).ToString(CultureInfo.InvariantCulture) + "%";
}
