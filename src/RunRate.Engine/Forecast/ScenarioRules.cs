using RunRate.Engine.Primitives;

namespace RunRate.Engine.Forecast;

/// <summary>
/// What a what-if scenario changes in a forecast. Every rule is optional (null leaves that part of
/// the forecast as the trend says), so a scenario reads as the short list of its assumptions, and
/// each rule's effect can be stated, and tested, on its own.
/// </summary>
public sealed record ScenarioRules
{
    /// <summary>Percentage points added to the monthly MRR churn rate (−1 = one point less churn per month).</summary>
    public decimal? ChurnPoints { get; init; }

    /// <summary>Percent change of the expected new-business (and reactivation) MRR per month (+20 = 20 % more).</summary>
    public decimal? NewPercent { get; init; }

    /// <summary>Percent change of the expected monthly expansion rate.</summary>
    public decimal? ExpansionPercent { get; init; }

    /// <summary>Percent price change applied to every layer of the forecast from <see cref="PriceFrom"/> on.</summary>
    public decimal? PricePercent { get; init; }

    /// <summary>First month the price change applies to; null = the first forecast month.</summary>
    public YearMonth? PriceFrom { get; init; }

    /// <summary>Percent change of every open stage's win probability (capped at 100 %).</summary>
    public decimal? PipelinePercent { get; init; }

    /// <summary>No change at all: the base forecast.</summary>
    public static ScenarioRules None { get; } = new();

    /// <summary>True when no rule is set.</summary>
    public bool IsEmpty => this == None;
}

/// <summary>A named, saved set of <see cref="ScenarioRules"/>.</summary>
/// <param name="Name">Unique name, compared ignoring case.</param>
/// <param name="Rules">The assumptions.</param>
public sealed record Scenario(string Name, ScenarioRules Rules);
