using RunRate.Engine.Primitives;

namespace RunRate.Engine.Metrics;

/// <summary>The result of one monthly report: the bridge month by month and the cohorts acquired in the range.</summary>
/// <param name="Request">What was asked.</param>
/// <param name="Months">One entry per month from From to To.</param>
/// <param name="Cohorts">Cohorts from From to To that have at least one customer.</param>
public sealed record BridgeReport(ReportRequest Request, IReadOnlyList<MonthFigures> Months, IReadOnlyList<CohortRow> Cohorts)
{
    /// <summary>Reporting currency.</summary>
    public CurrencyCode Currency => Request.Currency;

    /// <summary>The figures of one month of the range.</summary>
    public MonthFigures this[YearMonth month] => Months[month.MonthsSince(Request.From)];
}
