namespace RunRate.Engine.Ledger;

/// <summary>What a revenue line sells; decides whether it is recurring and how ARR splits.</summary>
public enum LineKind
{
    /// <summary>The plan itself: recurring, counts in subscription ARR.</summary>
    Subscription,

    /// <summary>Additional ongoing revenue (maintenance, support, modules): recurring, counts in add-on ARR.</summary>
    Addon,

    /// <summary>A one-time charge: counts in total revenue, never in MRR or ARR.</summary>
    OneTime,
}

/// <summary>The ledger's spelling of each kind.</summary>
public static class LineKinds
{
    /// <summary>The CSV spelling (<c>subscription</c>, <c>addon</c>, <c>one_time</c>).</summary>
    public static string ToLedgerText(this LineKind kind) => kind switch
    {
        LineKind.Subscription => "subscription",
        LineKind.Addon => "addon",
        LineKind.OneTime => "one_time",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Parses the CSV spelling, case-insensitively.</summary>
    public static bool TryParse(string? text, out LineKind kind)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "subscription": kind = LineKind.Subscription; return true;
            case "addon": kind = LineKind.Addon; return true;
            case "one_time": kind = LineKind.OneTime; return true;
            default: kind = default; return false;
        }
    }

    /// <summary>True for the kinds that make up MRR.</summary>
    public static bool IsRecurring(this LineKind kind) => kind != LineKind.OneTime;
}
