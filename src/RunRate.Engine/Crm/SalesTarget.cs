using RunRate.Engine.Primitives;

namespace RunRate.Engine.Crm;

/// <summary>A booking target: ARR an owner should win in a month or a quarter.</summary>
/// <param name="Owner">The sales owner.</param>
/// <param name="Start">The period's first month.</param>
/// <param name="Months">1 for a month, 3 for a quarter (which must start in January, April, July or October).</param>
/// <param name="Arr">The ARR to win.</param>
/// <param name="Currency">The target's currency.</param>
public sealed record SalesTarget(string Owner, YearMonth Start, int Months, decimal Arr, CurrencyCode Currency)
{
    /// <summary>"2026-05" or "2026-Q2".</summary>
    public string Period => Months == 3 ? $"{Start.Year}-Q{((Start.Month - 1) / 3) + 1}" : Start.ToString();

    /// <summary>The period's last month.</summary>
    public YearMonth End => Start.AddMonths(Months - 1);

    /// <summary>True when <paramref name="day"/> falls in the period.</summary>
    public bool Contains(DateOnly day)
    {
        var month = YearMonth.Of(day);
        return month >= Start && month <= End;
    }
}
