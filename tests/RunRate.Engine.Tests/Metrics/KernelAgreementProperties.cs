using System.Numerics;
using FsCheck.Xunit;
using RunRate.Engine.Metrics;
using RunRate.Engine.Movements;
using RunRate.Engine.Primitives;
using RunRate.Engine.Tests.Generators;
using Shouldly;

namespace RunRate.Engine.Tests.Metrics;

/// <summary>The engine picks Int128 or BigInteger for its kernel by a bound; both must accumulate the same totals.</summary>
[Properties(MaxTest = 100, Arbitrary = new[] { typeof(LedgerArbitraries) })]
public sealed class KernelAgreementProperties
{
    private static List<(string Name, BigInteger[] Values)> Flatten<T>(BridgeTotals<T> totals)
        where T : IBinaryInteger<T>
    {
        BigInteger[] Big(IEnumerable<T> values) => [.. values.Select(BigInteger.CreateChecked)];
        BigInteger[] Count(IEnumerable<long> values) => [.. values.Select(v => new BigInteger(v))];
        var flat = new List<(string, BigInteger[])>
        {
            ("closing", Big(totals.Closing)), ("subscription", Big(totals.SubscriptionClosing)), ("addon", Big(totals.AddonClosing)),
            ("customers", Count(totals.Customers)), ("new", Big(totals.New)), ("expansion", Big(totals.Expansion)),
            ("contraction", Big(totals.Contraction)), ("churn", Big(totals.Churn)), ("reactivation", Big(totals.Reactivation)),
            ("new count", Count(totals.NewCount)), ("reactivation count", Count(totals.ReactivationCount)),
            ("churn count", Count(totals.ChurnCount)), ("churned from opening", Count(totals.ChurnedFromOpening)),
            ("nrr numerator", Big(totals.NrrNumerator)), ("nrr base", Big(totals.NrrBase)), ("grr numerator", Big(totals.GrrNumerator)),
            ("cohort size", Count(totals.CohortSize)),
        };
        for (var m = Window.YearAgo; m < totals.Months; m++)
        {
            flat.Add(($"cohort {m} mrr", Big(totals.CohortMrr[m])));
            flat.Add(($"cohort {m} logos", Count(totals.CohortLogos[m])));
        }

        return flat;
    }

    [Property]
    public void Int128_and_BigInteger_kernels_accumulate_identical_totals(LedgerCase ledgerCase)
    {
        var book = RecurringBook.Build(ledgerCase.Ledger(), CurrencyCode.Usd, LedgerFilter.All);
        var firstMonth = ledgerCase.From.Index - Window.YearAgo;
        var months = ledgerCase.To.Index - firstMonth + 1;

        var narrow = Flatten(new BridgeKernel<Int128>(book, firstMonth, months).Run());
        var wide = Flatten(new BridgeKernel<BigInteger>(book, firstMonth, months).Run());

        narrow.Count.ShouldBe(wide.Count);
        foreach (var (n, w) in narrow.Zip(wide))
        {
            n.Values.ShouldBe(w.Values, n.Name);
        }
    }
}
