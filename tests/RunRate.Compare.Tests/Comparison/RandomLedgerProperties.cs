using FsCheck.Xunit;
using RunRate.Compare.Comparison;
using RunRate.Engine.Tests.Generators;
using Shouldly;

namespace RunRate.Compare.Tests.Comparison;

/// <summary>The SQL against the engine on the engine suite's random small ledgers (intervals 1..120 from a fixed list, cents, EUR lines, same-day changes).</summary>
[Properties(MaxTest = 40, Arbitrary = new[] { typeof(LedgerArbitraries) })]
public sealed class RandomLedgerProperties
{
    [Property]
    public void Every_figure_of_every_month_is_identical_in_the_engine_and_in_duckdb(LedgerCase ledgerCase)
    {
        using var prepared = PreparedComparison.Load(ledgerCase.Customers, ledgerCase.Lines.ToList(), ledgerCase.Rates.ToList(), Engine.Primitives.CurrencyCode.Usd, threads: 1);

        prepared.Run(ledgerCase.From, ledgerCase.To, runs: 1).Mismatches.ShouldBeEmpty(ledgerCase.ToString());
    }
}
