namespace RunRate.Ingest.Demo;

/// <summary>
/// What demo ledger to generate. The same options always give the same ledger, byte for byte, so a
/// demo, a screenshot or a bug report can be reproduced from three numbers.
/// </summary>
/// <param name="Customers">Number of customers (at least 1); lines are generated lazily, so millions are fine.</param>
/// <param name="Seed">Seed of every random choice; never taken from the clock.</param>
/// <param name="AsOf">
/// The "today" of the demo business: history covers the five years before it and a few contracts start
/// up to about two months after it. Defaults to <see cref="DefaultAsOf"/> because the engine never reads
/// the clock; a caller that wants "now" passes it explicitly.
/// </param>
public sealed record DemoOptions(int Customers = 500, int Seed = 42, DateOnly? AsOf = null)
{
    /// <summary>The as-of date used when none is given.</summary>
    public static DateOnly DefaultAsOf { get; } = new(2026, 10, 31);

    /// <summary>The as-of date in effect (<see cref="AsOf"/> or <see cref="DefaultAsOf"/>).</summary>
    public DateOnly EffectiveAsOf => AsOf ?? DefaultAsOf;
}
