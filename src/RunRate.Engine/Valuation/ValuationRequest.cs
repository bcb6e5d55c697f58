using System.Globalization;
using RunRate.Engine.Metrics;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Valuation;

/// <summary>
/// A rule-of-thumb valuation at the end of <paramref name="Month"/>, with a sensitivity grid of
/// <paramref name="Steps"/> steps either side of the actual growth and NRR.
/// </summary>
/// <param name="Currency">Reporting currency.</param>
/// <param name="Month">The month whose closing ARR, growth and NRR are valued.</param>
/// <param name="Filter">The part of the ledger to value (all of it by default).</param>
/// <param name="GrowthStepPoints">Percentage points between growth columns of the grid (&gt; 0, at most 100).</param>
/// <param name="NrrStepPoints">Percentage points between NRR columns of the grid (&gt; 0, at most 100).</param>
/// <param name="Steps">Steps either side of the actual value, 0..10 (2 gives a 5 × 5 grid).</param>
public sealed record ValuationRequest(
    CurrencyCode Currency,
    YearMonth Month,
    LedgerFilter? Filter = null,
    decimal GrowthStepPoints = 10m,
    decimal NrrStepPoints = 5m,
    int Steps = 2)
{
    /// <summary>The most steps either side.</summary>
    public const int MaxSteps = 10;

    private readonly decimal _growthStep = Step(GrowthStepPoints, nameof(GrowthStepPoints));
    private readonly decimal _nrrStep = Step(NrrStepPoints, nameof(NrrStepPoints));
    private readonly int _steps = StepCount(Steps);

    /// <summary>Growth step in points, in (0, 100]; anything else is an <see cref="ArgumentException"/>.</summary>
    public decimal GrowthStepPoints { get => _growthStep; init => _growthStep = Step(value, nameof(GrowthStepPoints)); }

    /// <summary>NRR step in points, in (0, 100]; anything else is an <see cref="ArgumentException"/>.</summary>
    public decimal NrrStepPoints { get => _nrrStep; init => _nrrStep = Step(value, nameof(NrrStepPoints)); }

    /// <summary>Steps either side, 0..10; anything else is an <see cref="ArgumentException"/>.</summary>
    public int Steps { get => _steps; init => _steps = StepCount(value); }

    /// <summary>The filter, <see cref="LedgerFilter.All"/> when none was given.</summary>
    public LedgerFilter EffectiveFilter => Filter ?? LedgerFilter.All;

    private static decimal Step(decimal value, string name) =>
        value > 0m && value <= 100m
            ? value
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} must be more than 0 and at most 100 points, found {value}."), name);

    private static int StepCount(int value) =>
        value is >= 0 and <= MaxSteps
            ? value
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Steps must be between 0 and {MaxSteps}, found {value}."), nameof(Steps));
}
