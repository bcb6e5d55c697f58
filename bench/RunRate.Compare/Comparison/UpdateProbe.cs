using System.Diagnostics;
using RunRate.Engine.Ledger;
using RunRate.Engine.Metrics;
using RunRate.Engine.Model;
using RunRate.Engine.Primitives;

namespace RunRate.Compare.Comparison;

/// <summary>
/// The incremental path the dashboard relies on: one line changes (a seat more, then back), the model applies
/// it, and the overview's month is read from the maintained aggregates. Timed per change, including the read.
/// </summary>
internal static class UpdateProbe
{
    public static (double MedianMs, double P99Ms, int Changes) Measure(RevenueModel model, IReadOnlyList<RevenueLine> sample, YearMonth month)
    {
        var request = new ReportRequest(model.Currency, month, month);
        var before = model.Report(request).Months[0].ClosingMrr;
        var times = new List<double>(sample.Count * 2);
        foreach (var line in sample)
        {
            var more = line with { Quantity = line.Quantity + 1 };
            foreach (var (from, to) in new[] { (line, more), (more, line) })
            {
                var clock = Stopwatch.StartNew();
                if (!model.TryApply(from, to))
                {
                    throw new InvalidOperationException($"the model refused to apply a change of line {line.Id}");
                }

                _ = model.Report(request).Months[0].ClosingMrr;
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        if (model.Report(request).Months[0].ClosingMrr != before)
        {
            throw new InvalidOperationException("applying and reverting every change did not restore the closing MRR");
        }

        times.Sort();
        return (times[times.Count / 2], times[Math.Min(times.Count - 1, (int)(times.Count * 0.99))], times.Count);
    }

    /// <summary>Every n-th recurring line, up to <paramref name="count"/>: lines spread over the whole ledger.</summary>
    public static List<RevenueLine> Sample(IReadOnlyList<RevenueLine> lines, int count)
    {
        var recurring = lines.Where(l => l.Kind.IsRecurring()).ToList();
        var step = Math.Max(1, recurring.Count / Math.Max(1, count));
        return [.. recurring.Where((_, i) => i % step == 0).Take(count)];
    }
}
