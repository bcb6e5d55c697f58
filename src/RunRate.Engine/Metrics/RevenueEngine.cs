using System.Numerics;
using RunRate.Engine.Ledger;
using RunRate.Engine.Movements;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Metrics;

/// <summary>
/// The engine's entry point for monthly reports: pure and deterministic (same ledger and request,
/// same figures), with no IO and no clock. Works on integer MRR numerators over one common
/// denominator, so every figure is exact until it is shown.
/// </summary>
public static class RevenueEngine
{
    /// <summary>Computes the bridge, every figure of spec section 4 and the cohorts of section 5.</summary>
    /// <exception cref="LedgerConversionException">A line in scope has no exchange rate to the reporting currency.</exception>
    public static BridgeReport Compute(RevenueLedger ledger, ReportRequest request)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(request);
        var book = RecurringBook.Build(ledger, request.Currency, request.Filter);
        var firstMonth = request.From.Index - Window.YearAgo;
        var months = request.To.Index - firstMonth + 1;

        // Every accumulated figure is bounded by the sum of all |deltas| × the number of months, so
        // this check proves Int128 cannot overflow; otherwise the same kernel runs on BigInteger.
        var bound = book.TotalMagnitude() * (months + 1);
        return bound < (BigInteger)Int128.MaxValue / 4
            ? Assemble(request, book.Denominator, book.OneTimeByMonth, new BridgeKernel<Int128>(book, firstMonth, months).Run())
            : Assemble(request, book.Denominator, book.OneTimeByMonth, new BridgeKernel<BigInteger>(book, firstMonth, months).Run());
    }

    /// <summary>
    /// Turns the kernel's integer totals (numerators over <paramref name="denominator"/>, window From − 12..To)
    /// into the report; shared with the in-memory model so both produce the very same figures.
    /// </summary>
    internal static BridgeReport Assemble<T>(ReportRequest request, BigInteger denominator, IReadOnlyDictionary<int, Exact> oneTime, BridgeTotals<T> totals)
        where T : IBinaryInteger<T>
    {
        Exact Money(T value) => new(BigInteger.CreateChecked(value), denominator);

        var months = new List<MonthFigures>(totals.Months - Window.YearAgo);
        for (var m = Window.YearAgo; m < totals.Months; m++)
        {
            var month = YearMonth.FromIndex(request.From.Index + m - Window.YearAgo);
            var closing = Money(totals.Closing[m]);
            var yearAgo = Money(totals.Closing[m - Window.YearAgo]);
            var nrrBase = Money(totals.NrrBase[m]);
            months.Add(new MonthFigures
            {
                Month = month,
                OpeningMrr = Money(totals.Closing[m - 1]),
                New = Money(totals.New[m]),
                Expansion = Money(totals.Expansion[m]),
                Contraction = Money(totals.Contraction[m]),
                Churn = Money(totals.Churn[m]),
                Reactivation = Money(totals.Reactivation[m]),
                ClosingMrr = closing,
                SubscriptionArr = Money(totals.SubscriptionClosing[m]) * 12,
                AddonArr = Money(totals.AddonClosing[m]) * 12,
                OpeningCustomers = totals.Customers[m - 1],
                Customers = totals.Customers[m],
                NewCustomers = totals.NewCount[m],
                ReactivatedCustomers = totals.ReactivationCount[m],
                ChurnedCustomers = totals.ChurnCount[m],
                CustomerChurnRate = Exact.Ratio(totals.ChurnedFromOpening[m], totals.Customers[m - 1]),
                Nrr = Exact.Ratio(Money(totals.NrrNumerator[m]), nrrBase),
                Grr = Exact.Ratio(Money(totals.GrrNumerator[m]), nrrBase),
                GrowthYoy = Exact.Ratio(closing, yearAgo) is { } ratio ? ratio - 1 : null,
                OneTimeRevenue = oneTime.GetValueOrDefault(month.Index),
            });
        }

        var cohorts = new List<CohortRow>();
        for (var m = Window.YearAgo; m < totals.Months; m++)
        {
            var size = totals.CohortSize[m];
            if (size == 0)
            {
                continue;
            }

            var mrr = totals.CohortMrr[m].Select(Money).ToArray();
            cohorts.Add(new CohortRow(
                YearMonth.FromIndex(request.From.Index + m - Window.YearAgo),
                size,
                mrr,
                [.. mrr.Select(v => Exact.Ratio(v, mrr[0]))],
                [.. totals.CohortLogos[m].Select(n => Exact.Ratio(n, size))]));
        }

        return new BridgeReport(request, months, cohorts);
    }
}
