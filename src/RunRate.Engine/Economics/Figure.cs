using RunRate.Engine.Primitives;

namespace RunRate.Engine.Economics;

/// <summary>
/// A unit-economics figure: its exact value, or the reason there is none. Figures built on costs must
/// never show 0 when the costs are simply not there, and "no churn, so LTV is unbounded" is not the same
/// as "no costs.csv": the reason travels with the figure so every report can say which it is.
/// </summary>
/// <param name="Value">The value, or null when there is none.</param>
/// <param name="Missing">Why there is no value (null when there is one), e.g. "needs costs.csv (cogs)".</param>
public readonly record struct Figure(Exact? Value, string? Missing)
{
    /// <summary>True when the figure has a value.</summary>
    public bool HasValue => Value is not null;

    /// <summary>A figure with a value.</summary>
    public static Figure Of(Exact value) => new(value, null);

    /// <summary>A figure without a value, and why.</summary>
    public static Figure None(string reason) => new(null, reason);

    /// <inheritdoc />
    public override string ToString() => Value?.ToString() ?? $"missing: {Missing}";
}
