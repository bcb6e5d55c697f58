using RunRate.Engine.Primitives;

namespace RunRate.Engine.Crm.Signals;

/// <summary>What a signal suggests doing.</summary>
public enum SignalKind
{
    /// <summary>The account may leave or shrink: act before it does.</summary>
    ChurnRisk,

    /// <summary>The account could buy more of what it has (seats, a higher tier).</summary>
    Upsell,

    /// <summary>The account lacks a product its peers buy.</summary>
    CrossSell,
}

/// <summary>One reason behind a score, with the points it adds.</summary>
/// <param name="Code">Stable machine code, e.g. "renewal_due".</param>
/// <param name="Text">The reason in words, with the figures that triggered it.</param>
/// <param name="Points">What it adds to the score.</param>
public sealed record SignalReason(string Code, string Text, int Points);

/// <summary>
/// A score for one account and one kind, never without its reasons: the score is the sum of the
/// reasons' points, capped at 100.
/// </summary>
public sealed record Signal(Ledger.Customer Account, SignalKind Kind, Exact Arr, IReadOnlyList<SignalReason> Reasons)
{
    /// <summary>The sum of the reasons' points, at most 100.</summary>
    public int Score => Math.Min(100, Reasons.Sum(r => r.Points));

    /// <summary>high (60+), medium (30+) or low.</summary>
    public string Level => Score >= 60 ? "high" : Score >= 30 ? "medium" : "low";
}

/// <summary>The text forms of <see cref="SignalKind"/>.</summary>
public static class SignalKinds
{
    /// <summary>churn_risk, upsell, cross_sell.</summary>
    public static string ToText(this SignalKind kind) => kind switch
    {
        SignalKind.ChurnRisk => "churn_risk",
        SignalKind.Upsell => "upsell",
        _ => "cross_sell",
    };

    /// <summary>Parses a text form; null when unknown.</summary>
    public static SignalKind? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "churn_risk" or "churn-risk" => SignalKind.ChurnRisk,
        "upsell" => SignalKind.Upsell,
        "cross_sell" or "cross-sell" => SignalKind.CrossSell,
        _ => null,
    };
}
