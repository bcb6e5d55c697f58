using RunRate.Engine.Primitives;

namespace RunRate.Engine.Ledger;

/// <summary>1 unit of <paramref name="From"/> = <paramref name="Rate"/> units of <paramref name="To"/>, from <paramref name="Date"/> until the next rate of the pair.</summary>
public sealed record FxRate(DateOnly Date, CurrencyCode From, CurrencyCode To, decimal Rate);
