namespace RunRate.Ingest.Demo;

/// <summary>
/// The time frame of a demo business and when its customers sign up. Sign-ups grow about 3.5 % a month,
/// like a healthy young SaaS company, and are assigned in customer order, so customer ids are
/// chronological. Only IEEE basic arithmetic is used (no Math.Exp/Log, whose last bit may differ between
/// platforms), so the same seed gives the same ledger on every machine.
/// </summary>
internal sealed class DemoCalendar
{
    /// <summary>Last day (after as-of) on which a newly signed contract may start: contracted future revenue.</summary>
    private const int SignupDaysAfterAsOf = 45;

    /// <summary>Daily growth factor of sign-ups (≈ 1.035 a month).</summary>
    private const double DailyGrowth = 1.00115;

    private readonly double[] _cumulative;

    public DemoCalendar(DateOnly asOf)
    {
        if (asOf.Year is < 10 or > 9998)
        {
            throw new ArgumentOutOfRangeException(nameof(asOf), asOf, "The as-of date must leave room for five years of history and a year after it.");
        }

        AsOf = asOf;
        WindowStart = asOf.AddYears(-5).AddDays(1);
        LastSignup = asOf.AddDays(SignupDaysAfterAsOf);
        ContractHorizon = asOf.AddDays(61);
        var days = LastSignup.DayNumber - WindowStart.DayNumber + 1;
        _cumulative = new double[days];
        var weight = 1.0;
        var total = 0.0;
        for (var d = 0; d < days; d++)
        {
            total += weight;
            _cumulative[d] = total;
            weight *= DailyGrowth;
        }
    }

    /// <summary>The demo's "today": ordinary changes (churn, seat changes, upgrades) happen up to this day.</summary>
    public DateOnly AsOf { get; }

    /// <summary>First day any line may start: five years before <see cref="AsOf"/>.</summary>
    public DateOnly WindowStart { get; }

    /// <summary>Last sign-up day; a few customers sign before as-of for a start shortly after it.</summary>
    public DateOnly LastSignup { get; }

    /// <summary>
    /// Last day a contracted change (renewal, notice of cancellation) may take effect: about two months
    /// after as-of, like contracts a real business has already signed.
    /// </summary>
    public DateOnly ContractHorizon { get; }

    /// <summary>The latest day any generated line can start.</summary>
    public DateOnly LatestStart => ContractHorizon > LastSignup ? ContractHorizon : LastSignup;

    /// <summary>
    /// Sign-up day of a customer at <paramref name="position"/> in [0, 1): the inverse of the growing
    /// sign-up distribution, monotonic so earlier positions never sign later.
    /// </summary>
    public DateOnly SignupAt(double position)
    {
        var target = Math.Clamp(position, 0.0, 1.0) * _cumulative[^1];
        var index = Array.BinarySearch(_cumulative, target);
        if (index < 0)
        {
            index = ~index;
        }

        return WindowStart.AddDays(Math.Min(index, _cumulative.Length - 1));
    }
}
