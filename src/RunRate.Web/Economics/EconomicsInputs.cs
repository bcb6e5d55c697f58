using RunRate.Engine.Economics;
using RunRate.Engine.Valuation;
using RunRate.Web.Reports;

namespace RunRate.Web.Economics;

/// <summary>The unit economics' and the valuation's own parameters, read the same way by the API and the CLI.</summary>
internal static class EconomicsInputs
{
    /// <summary>Default trailing window of the unit economics: a year, so seasonal spend and churn even out.</summary>
    public const int DefaultWindow = 12;

    /// <summary>Default sensitivity steps: ±2 steps, a 5 × 5 grid.</summary>
    public const int DefaultSteps = 2;

    /// <summary>The months the economics figures pool, 1 to 36 (default 12).</summary>
    public static int Window(string? text) => ReportNumbers.Whole(text, "window", 1, EconomicsRequest.MaxWindowMonths, DefaultWindow, "trailing months each figure pools");

    /// <summary>Growth points between the sensitivity grid's rows (default 10).</summary>
    public static decimal GrowthStep(string? text) => ReportNumbers.Positive(text, "growth_step", 100m, 10m, "percentage points of growth between rows");

    /// <summary>NRR points between the sensitivity grid's columns (default 5).</summary>
    public static decimal NrrStep(string? text) => ReportNumbers.Positive(text, "nrr_step", 100m, 5m, "percentage points of NRR between columns");

    /// <summary>Steps each side of the actual figures, 0 to 10 (default 2).</summary>
    public static int Steps(string? text) => ReportNumbers.Whole(text, "steps", 0, ValuationRequest.MaxSteps, DefaultSteps, "steps each side of the actual growth and NRR");
}
