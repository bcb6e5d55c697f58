using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Economics;

/// <summary>The pooled sums of the window of months ending at one month: what every figure is a ratio of.</summary>
internal sealed class EconomicsWindow
{
    private EconomicsWindow(YearMonth start, YearMonth end)
    {
        Start = start;
        End = end;
    }

    public YearMonth Start { get; }

    public YearMonth End { get; }

    /// <summary>Σ (closing MRR + one-time revenue).</summary>
    public Exact Revenue { get; private set; }

    public Exact Cogs { get; private set; }

    /// <summary>Σ (sales + marketing).</summary>
    public Exact Acquisition { get; private set; }

    /// <summary>Σ new-business MRR.</summary>
    public Exact NewMrr { get; private set; }

    public long NewCustomers { get; private set; }

    /// <summary>Σ customers active at each month's opening.</summary>
    public long OpeningCustomers { get; private set; }

    /// <summary>Σ customers of each month's opening base that churned in the month.</summary>
    public long ChurnedFromOpening { get; private set; }

    /// <summary>Months of the window without any cost row.</summary>
    public List<YearMonth> Uncovered { get; } = [];

    public bool AnyCogs { get; private set; }

    public bool AnyAcquisition { get; private set; }

    /// <summary>The window as people write it: <c>2025-01..2025-12</c>, or one month.</summary>
    public string Label => Start == End ? End.ToString() : $"{Start}..{End}";

    public static EconomicsWindow Of(BridgeReport bridge, CostBook costs, YearMonth start, YearMonth end)
    {
        var window = new EconomicsWindow(start, end);
        for (var month = start; month <= end; month = month.AddMonths(1))
        {
            var f = bridge[month];
            window.Revenue += f.ClosingMrr + f.OneTimeRevenue;
            window.NewMrr += f.New;
            window.NewCustomers += f.NewCustomers;
            window.OpeningCustomers += f.OpeningCustomers;

            // The rate is exactly churned-from-opening ÷ opening, so this gives back the whole count.
            window.ChurnedFromOpening += f.CustomerChurnRate is { } rate ? (long)(rate * f.OpeningCustomers).Numerator : 0;
            if (costs.Month(month) is not { } c)
            {
                window.Uncovered.Add(month);
                continue;
            }

            window.Cogs += c.Cogs;
            window.Acquisition += c.Acquisition;
            window.AnyCogs |= c.HasCogs;
            window.AnyAcquisition |= c.HasAcquisition;
        }

        return window;
    }

    /// <summary>Why cost-based figures of this window have no value, or null when its costs are complete enough.</summary>
    public string? CostsMissing(CostBook costs, string what, bool present)
    {
        if (!costs.HasCosts)
        {
            return $"needs costs.csv ({what})";
        }

        if (Uncovered.Count > 0)
        {
            return $"costs.csv has no rows for {Ranges(Uncovered)}; the window {Label} needs every month";
        }

        return present ? null : $"needs costs.csv ({what}): none in {Label}";
    }

    /// <summary>Months as compact ranges: <c>2024-01..2024-03, 2024-07</c>.</summary>
    private static string Ranges(List<YearMonth> months)
    {
        var parts = new List<string>();
        var i = 0;
        while (i < months.Count)
        {
            var j = i;
            while (j + 1 < months.Count && months[j + 1] == months[j].AddMonths(1))
            {
                j++;
            }

            parts.Add(i == j ? months[i].ToString() : $"{months[i]}..{months[j]}");
            i = j + 1;
        }

        return string.Join(", ", parts);
    }
}
