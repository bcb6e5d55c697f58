using RunRate.Engine.Primitives;

namespace RunRate.Engine.Crm.Sales;

/// <summary>
/// The sales analytics of a period: where the pipeline stands, how deals convert and close, how long
/// they take, where new ARR comes from and how owners do against their targets.
/// </summary>
/// <param name="Request">What was asked.</param>
/// <param name="Stages">The pipeline by stage: open stages hold every open deal; won and lost hold the deals closed in the period.</param>
/// <param name="Open">Every open deal together.</param>
/// <param name="Conversion">For each open stage, how many deals created in the period reached it and how many went on to the next (the last open stage's next is won).</param>
/// <param name="WinRate">Won ÷ (won + lost) over deals closed in the period.</param>
/// <param name="WinRateByChannel">The same per source channel.</param>
/// <param name="WinRateByOwner">The same per owner.</param>
/// <param name="Cycle">Days from creation to won, over deals won in the period.</param>
/// <param name="NewArrByChannel">New ARR per channel, most lucrative first.</param>
/// <param name="NewArrByOwner">New ARR per owner, most lucrative first.</param>
/// <param name="Targets">Every target overlapping the period with what its owner won in it.</param>
public sealed record SalesReport(
    SalesRequest Request,
    IReadOnlyList<StageFigures> Stages,
    PipelineTotals Open,
    IReadOnlyList<StageConversion> Conversion,
    WinRate WinRate,
    IReadOnlyList<GroupWinRate> WinRateByChannel,
    IReadOnlyList<GroupWinRate> WinRateByOwner,
    SalesCycle Cycle,
    IReadOnlyList<NewArrGroup> NewArrByChannel,
    IReadOnlyList<NewArrGroup> NewArrByOwner,
    IReadOnlyList<TargetAttainment> Targets);

/// <summary>One stage of the pipeline.</summary>
public sealed record StageFigures(PipelineStage Stage, int Deals, Exact Arr, Exact WeightedArr);

/// <summary>Open deals together.</summary>
public sealed record PipelineTotals(int Deals, Exact Arr, Exact WeightedArr);

/// <summary>Deals that entered <paramref name="From"/> and how many of them advanced to <paramref name="To"/>.</summary>
public sealed record StageConversion(string From, string To, int Entered, int Advanced)
{
    /// <summary>Advanced ÷ entered; null when none entered.</summary>
    public Exact? Rate => Entered == 0 ? null : new Exact(Advanced, Entered);
}

/// <summary>Closed deals and the share won.</summary>
public sealed record WinRate(int Won, int Lost, Exact WonArr)
{
    /// <summary>Won ÷ (won + lost); null with no closed deal.</summary>
    public Exact? Rate => Won + Lost == 0 ? null : new Exact(Won, Won + Lost);
}

/// <summary>A win rate for one channel or owner ("(none)" when the deal has none).</summary>
public sealed record GroupWinRate(string Group, WinRate Figures);

/// <summary>Sales cycle of won deals, in days.</summary>
/// <param name="Deals">How many deals were won in the period.</param>
/// <param name="AverageDays">The mean, exact; null without deals.</param>
/// <param name="MedianDays">The median (the mean of the two middle values for an even count); null without deals.</param>
public sealed record SalesCycle(int Deals, Exact? AverageDays, Exact? MedianDays);

/// <summary>
/// New ARR of one channel or owner: <paramref name="Arr"/> is what actually landed in the ledger (12 × the
/// new-business MRR movements of the period, by the customer's channel or owner); <paramref name="BookedArr"/> what won
/// new-business deals in the period were worth.
/// </summary>
public sealed record NewArrGroup(string Group, int Customers, Exact Arr, int Deals, Exact BookedArr);

/// <summary>A target and what its owner won in its period (won deals of every kind but renewals, converted at the close-day rate).</summary>
public sealed record TargetAttainment(SalesTarget Target, Exact WonArr)
{
    /// <summary>Won ÷ target; null for a zero target.</summary>
    public Exact? Attainment => Target.Arr == 0m ? null : WonArr / Exact.FromDecimal(Target.Arr);
}
