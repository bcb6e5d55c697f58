using System.Text.Json;
using RunRate.Engine.Ledger;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;

namespace RunRate.Load;

/// <summary>
/// The checks after a run: the store's lines are the initial ledger's (unchanged) plus exactly the acknowledged
/// load lines with exactly their last acknowledged content (an unacknowledged one must not appear), and the served
/// summary's closing MRR equals the engine's over that ledger (which the first check proved is the expected one).
/// </summary>
internal static class LoadVerification
{
    public static List<string> Compare(RevenueLedger initial, RevenueLedger final, string prefix,
        IReadOnlyDictionary<string, WrittenLine> acknowledged, IReadOnlyDictionary<string, bool> uncertain)
    {
        var problems = new List<string>();
        var before = initial.Lines.ToDictionary(l => l.Id.Value, StringComparer.Ordinal);
        var after = final.Lines.ToDictionary(l => l.Id.Value, StringComparer.Ordinal);
        foreach (var (id, line) in before)
        {
            if (!after.TryGetValue(id, out var now) || now != line)
            {
                problems.Add($"line {id} of the initial ledger changed or vanished");
            }
        }

        foreach (var (id, written) in acknowledged)
        {
            if (uncertain.ContainsKey(id))
            {
                continue; // a later write to it failed: its content is not determined
            }

            if (!after.TryGetValue(id, out var stored))
            {
                problems.Add($"acknowledged line {id} is not stored");
            }
            else if (stored.CustomerId.Value != written.Customer || stored.Amount != written.Amount || stored.Quantity != written.Quantity
                || stored.IntervalMonths != written.Interval || stored.Start != written.Start || stored.End is not null
                || stored.Currency.Value != "USD" || stored.Product != "load" || stored.Kind != LineKind.Subscription)
            {
                problems.Add($"line {id} stored as {stored.Amount}x{stored.Quantity}/{stored.IntervalMonths} from {stored.Start}, acknowledged as {written.Amount}x{written.Quantity}/{written.Interval} from {written.Start}");
            }
        }

        foreach (var id in after.Keys.Where(id => !before.ContainsKey(id)))
        {
            if (!id.StartsWith(prefix, StringComparison.Ordinal) || (!acknowledged.ContainsKey(id) && !uncertain.ContainsKey(id)))
            {
                problems.Add($"line {id} is stored but was never acknowledged");
            }
        }

        return problems;
    }

    public static IEnumerable<string> CompareMrr(RevenueLedger final, string month, string summaryJson)
    {
        decimal served;
        try
        {
            served = JsonDocument.Parse(summaryJson).RootElement.GetProperty("summary").GetProperty("closing_mrr").GetDecimal();
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return [$"/api/summary answered no closing_mrr: {summaryJson}"];
        }

        var m = YearMonth.Parse(month);
        var engine = RevenueEngine.Compute(final, new ReportRequest(CurrencyCode.Usd, m, m)).Months[0].ClosingMrr.Round();
        return engine == served ? [] : [$"/api/summary closing_mrr {served} but the engine computes {engine} for {month}"];
    }
}
