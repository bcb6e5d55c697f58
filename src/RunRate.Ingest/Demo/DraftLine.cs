using RunRate.Engine.Ledger;

namespace RunRate.Ingest.Demo;

/// <summary>A revenue line while its account is simulated: its end is only known once the account changes or churns.</summary>
internal sealed class DraftLine
{
    public required LineKind Kind { get; init; }

    public required string Product { get; init; }

    public required DateOnly Start { get; init; }

    public DateOnly? End { get; set; }

    /// <summary>Net price of one unit for one interval, at most two decimals.</summary>
    public required decimal Amount { get; init; }

    /// <summary>Whole units (seats, days, storage blocks).</summary>
    public required int Quantity { get; init; }

    /// <summary>Billing interval in months; null for one-time charges.</summary>
    public int? Interval { get; init; }

    /// <summary>Which add-on this line sells, for add-on lines.</summary>
    public DemoAddon? Addon { get; init; }
}
