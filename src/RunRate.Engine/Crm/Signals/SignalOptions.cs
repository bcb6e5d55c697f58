using RunRate.Engine.Primitives;

namespace RunRate.Engine.Crm.Signals;

/// <summary>
/// The thresholds behind the signals. Defaults are what a customer-success team would start with;
/// every one is reported in the reasons' text, so a score can always be traced back.
/// </summary>
/// <param name="Currency">Reporting currency for ARR and amounts.</param>
/// <param name="AsOf">Today.</param>
public sealed record SignalOptions(CurrencyCode Currency, DateOnly AsOf)
{
    /// <summary>A renewal due within this many days raises churn risk.</summary>
    public int RenewalWindowDays { get; init; } = 90;

    /// <summary>Only terms at least this long count as renewals (as in the renewals report).</summary>
    public int MinRenewalIntervalMonths { get; init; } = 12;

    /// <summary>Contractions within this many months raise churn risk.</summary>
    public int ContractionMonths { get; init; } = 6;

    /// <summary>No activity for this many days raises churn risk (only once the CRM logs activities at all).</summary>
    public int InactivityDays { get; init; } = 45;

    /// <summary>Failed payments this recent raise churn risk unless a later payment succeeded.</summary>
    public int PaymentLookbackDays { get; init; } = 90;

    /// <summary>The share of segment peers that makes a product or tier "what most peers have".</summary>
    public decimal PeerShare { get; init; } = 0.5m;

    /// <summary>Fewer active peers than this in a segment and peer comparisons are not made.</summary>
    public int MinPeers { get; init; } = 3;

    /// <summary>Seat growth is measured over this many months.</summary>
    public int SeatGrowthMonths { get; init; } = 6;

    /// <summary>Seats must have grown by at least this share to count.</summary>
    public decimal SeatGrowthShare { get; init; } = 0.2m;
}
