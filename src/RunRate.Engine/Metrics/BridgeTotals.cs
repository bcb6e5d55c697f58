using System.Numerics;

namespace RunRate.Engine.Metrics;

/// <summary>
/// Per-month integer accumulators of the bridge kernel, over the window [From − 12, To] (relative
/// index 0 is From − 12, so the year-ago figures that NRR and growth need are at hand). One instance
/// per worker thread; <see cref="Add"/> merges them.
/// </summary>
internal sealed class BridgeTotals<T>
    where T : IBinaryInteger<T>
{
    public BridgeTotals(int months)
    {
        Months = months;
        Closing = new T[months];
        SubscriptionClosing = new T[months];
        AddonClosing = new T[months];
        Customers = new long[months];
        New = new T[months];
        Expansion = new T[months];
        Contraction = new T[months];
        Churn = new T[months];
        Reactivation = new T[months];
        NewCount = new long[months];
        ReactivationCount = new long[months];
        ChurnCount = new long[months];
        ChurnedFromOpening = new long[months];
        NrrNumerator = new T[months];
        NrrBase = new T[months];
        GrrNumerator = new T[months];
        CohortSize = new long[months];
        CohortMrr = new T[months][];
        CohortLogos = new long[months][];
        for (var m = Window.YearAgo; m < months; m++)
        {
            CohortMrr[m] = new T[months - m];
            CohortLogos[m] = new long[months - m];
        }
    }

    public int Months { get; }

    public T[] Closing { get; }

    public T[] SubscriptionClosing { get; }

    public T[] AddonClosing { get; }

    public long[] Customers { get; }

    public T[] New { get; }

    public T[] Expansion { get; }

    public T[] Contraction { get; }

    public T[] Churn { get; }

    public T[] Reactivation { get; }

    public long[] NewCount { get; }

    public long[] ReactivationCount { get; }

    public long[] ChurnCount { get; }

    public long[] ChurnedFromOpening { get; }

    public T[] NrrNumerator { get; }

    public T[] NrrBase { get; }

    public T[] GrrNumerator { get; }

    public long[] CohortSize { get; }

    public T[][] CohortMrr { get; }

    public long[][] CohortLogos { get; }

    public void Add(BridgeTotals<T> other)
    {
        for (var m = 0; m < Months; m++)
        {
            Closing[m] += other.Closing[m];
            SubscriptionClosing[m] += other.SubscriptionClosing[m];
            AddonClosing[m] += other.AddonClosing[m];
            Customers[m] += other.Customers[m];
            New[m] += other.New[m];
            Expansion[m] += other.Expansion[m];
            Contraction[m] += other.Contraction[m];
            Churn[m] += other.Churn[m];
            Reactivation[m] += other.Reactivation[m];
            NewCount[m] += other.NewCount[m];
            ReactivationCount[m] += other.ReactivationCount[m];
            ChurnCount[m] += other.ChurnCount[m];
            ChurnedFromOpening[m] += other.ChurnedFromOpening[m];
            NrrNumerator[m] += other.NrrNumerator[m];
            NrrBase[m] += other.NrrBase[m];
            GrrNumerator[m] += other.GrrNumerator[m];
            CohortSize[m] += other.CohortSize[m];
            if (CohortMrr[m] is { } mrr)
            {
                for (var k = 0; k < mrr.Length; k++)
                {
                    mrr[k] += other.CohortMrr[m][k];
                    CohortLogos[m][k] += other.CohortLogos[m][k];
                }
            }
        }
    }
}

/// <summary>Layout of the kernel's month window.</summary>
internal static class Window
{
    /// <summary>Relative index of the first reported month: twelve months of history come first.</summary>
    public const int YearAgo = 12;
}
