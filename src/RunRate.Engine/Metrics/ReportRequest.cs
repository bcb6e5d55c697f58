using RunRate.Engine.Primitives;

namespace RunRate.Engine.Metrics;

/// <summary>A monthly report over <see cref="From"/>..<see cref="To"/> (inclusive) in one reporting currency.</summary>
public sealed record ReportRequest
{
    /// <summary>Creates a request; throws when the range is reversed.</summary>
    public ReportRequest(CurrencyCode currency, YearMonth from, YearMonth to, LedgerFilter? filter = null)
    {
        if (to < from)
        {
            throw new ArgumentException($"The report range is reversed: {from} is after {to}.", nameof(to));
        }

        Currency = currency;
        From = from;
        To = to;
        Filter = filter ?? LedgerFilter.All;
    }

    /// <summary>Reporting currency.</summary>
    public CurrencyCode Currency { get; }

    /// <summary>First reported month.</summary>
    public YearMonth From { get; }

    /// <summary>Last reported month.</summary>
    public YearMonth To { get; }

    /// <summary>What part of the ledger to report on.</summary>
    public LedgerFilter Filter { get; }
}
