using RunRate.Engine.Metrics;

namespace RunRate.Engine.Model;

/// <summary>
/// The bridge's aggregates over a month axis [<see cref="Lo"/>, <see cref="Lo"/> + <see cref="Months"/>),
/// kept so that one customer's contribution can be added or taken away in O(its events):
/// movements are per-month sums, while every closing-state figure (MRR, customers, the NRR and GRR
/// numerators, cohort rows) is stored as month-to-month differences whose running sum is the figure.
/// A customer whose MRR changes in 4 months touches 4 cells, not every month of the axis.
/// </summary>
internal sealed class ModelTotals
{
    public ModelTotals(int lo, int months)
    {
        Lo = lo;
        Months = months;
        ClosingDiff = new Int128[months];
        SubscriptionDiff = new Int128[months];
        AddonDiff = new Int128[months];
        CustomersDiff = new long[months];
        NrrDiff = new Int128[months];
        GrrDiff = new Int128[months];
        New = new Int128[months];
        Expansion = new Int128[months];
        Contraction = new Int128[months];
        Churn = new Int128[months];
        Reactivation = new Int128[months];
        NewCount = new long[months];
        ReactivationCount = new long[months];
        ChurnCount = new long[months];
        ChurnedFromOpening = new long[months];
        CohortSize = new long[months];
        CohortMrrDiff = new Int128[months][];
        CohortLogoDiff = new long[months][];
    }

    /// <summary>Absolute month index (<see cref="Primitives.YearMonth.Index"/>) of axis position 0.</summary>
    public int Lo { get; }

    public int Months { get; }

    public Int128[] ClosingDiff { get; }

    public Int128[] SubscriptionDiff { get; }

    public Int128[] AddonDiff { get; }

    public long[] CustomersDiff { get; }

    /// <summary>Differences of Σ closing(m) over customers active at the closing of m − 12.</summary>
    public Int128[] NrrDiff { get; }

    /// <summary>Differences of Σ min(closing(m), closing(m − 12)) over the same customers.</summary>
    public Int128[] GrrDiff { get; }

    public Int128[] New { get; }

    public Int128[] Expansion { get; }

    public Int128[] Contraction { get; }

    public Int128[] Churn { get; }

    public Int128[] Reactivation { get; }

    public long[] NewCount { get; }

    public long[] ReactivationCount { get; }

    public long[] ChurnCount { get; }

    public long[] ChurnedFromOpening { get; }

    public long[] CohortSize { get; }

    /// <summary>Per cohort month, differences along age of the cohort's closing MRR; allocated on first use.</summary>
    public Int128[]?[] CohortMrrDiff { get; }

    /// <summary>Per cohort month, differences along age of the cohort's active customers.</summary>
    public long[]?[] CohortLogoDiff { get; }

    public Int128[] CohortMrrRow(int cohort) => CohortMrrDiff[cohort] ??= new Int128[Months - cohort];

    public long[] CohortLogoRow(int cohort) => CohortLogoDiff[cohort] ??= new long[Months - cohort];

    /// <summary>Adds another worker's totals over the same axis.</summary>
    public void Add(ModelTotals other)
    {
        for (var m = 0; m < Months; m++)
        {
            ClosingDiff[m] += other.ClosingDiff[m];
            SubscriptionDiff[m] += other.SubscriptionDiff[m];
            AddonDiff[m] += other.AddonDiff[m];
            CustomersDiff[m] += other.CustomersDiff[m];
            NrrDiff[m] += other.NrrDiff[m];
            GrrDiff[m] += other.GrrDiff[m];
            New[m] += other.New[m];
            Expansion[m] += other.Expansion[m];
            Contraction[m] += other.Contraction[m];
            Churn[m] += other.Churn[m];
            Reactivation[m] += other.Reactivation[m];
            NewCount[m] += other.NewCount[m];
            ReactivationCount[m] += other.ReactivationCount[m];
            ChurnCount[m] += other.ChurnCount[m];
            ChurnedFromOpening[m] += other.ChurnedFromOpening[m];
            CohortSize[m] += other.CohortSize[m];
            if (other.CohortMrrDiff[m] is { } mrr)
            {
                var row = CohortMrrRow(m);
                var logos = CohortLogoRow(m);
                var otherLogos = other.CohortLogoDiff[m]!;
                for (var k = 0; k < row.Length; k++)
                {
                    row[k] += mrr[k];
                    logos[k] += otherLogos[k];
                }
            }
        }
    }

    /// <summary>
    /// The kernel's totals for a report window [From − 12, To], read off this axis. Before the axis every
    /// figure is 0; after it, closing-state figures keep their last value and movements are 0, which is
    /// exact when the axis ends at least twelve months after the last event (the caller checks).
    /// </summary>
    public BridgeTotals<Int128> ToWindow(int firstMonth, int months)
    {
        var closing = RunningSum(ClosingDiff);
        var subscription = RunningSum(SubscriptionDiff);
        var addon = RunningSum(AddonDiff);
        var customers = RunningSum(CustomersDiff);
        var nrr = RunningSum(NrrDiff);
        var grr = RunningSum(GrrDiff);
        var totals = new BridgeTotals<Int128>(months);
        for (var r = 0; r < months; r++)
        {
            var a = firstMonth + r - Lo;
            totals.Closing[r] = At(closing, a);
            totals.SubscriptionClosing[r] = At(subscription, a);
            totals.AddonClosing[r] = At(addon, a);
            totals.Customers[r] = At(customers, a);
            if (a < 0 || a >= Months)
            {
                continue;
            }

            totals.New[r] = New[a];
            totals.Expansion[r] = Expansion[a];
            totals.Contraction[r] = Contraction[a];
            totals.Churn[r] = Churn[a];
            totals.Reactivation[r] = Reactivation[a];
            totals.NewCount[r] = NewCount[a];
            totals.ReactivationCount[r] = ReactivationCount[a];
            totals.ChurnCount[r] = ChurnCount[a];
            totals.ChurnedFromOpening[r] = ChurnedFromOpening[a];
        }

        for (var r = Window.YearAgo; r < months; r++)
        {
            var a = firstMonth + r - Lo;
            totals.NrrBase[r] = totals.Closing[r - Window.YearAgo];
            totals.NrrNumerator[r] = At(nrr, a);
            totals.GrrNumerator[r] = At(grr, a);
            if (a < 0 || a >= Months || CohortSize[a] == 0)
            {
                continue;
            }

            totals.CohortSize[r] = CohortSize[a];
            var mrrRow = RunningSum(CohortMrrDiff[a]!);
            var logoRow = RunningSum(CohortLogoDiff[a]!);
            for (var k = 0; k < totals.CohortMrr[r].Length; k++)
            {
                totals.CohortMrr[r][k] = At(mrrRow, k);
                totals.CohortLogos[r][k] = At(logoRow, k);
            }
        }

        return totals;
    }

    private static T[] RunningSum<T>(T[] diff)
        where T : System.Numerics.INumber<T>
    {
        var sum = new T[diff.Length];
        var running = T.Zero;
        for (var i = 0; i < diff.Length; i++)
        {
            running += diff[i];
            sum[i] = running;
        }

        return sum;
    }

    private static T At<T>(T[] running, int index)
        where T : System.Numerics.INumber<T>
        => index < 0 || running.Length == 0 ? T.Zero : running[Math.Min(index, running.Length - 1)];
}
