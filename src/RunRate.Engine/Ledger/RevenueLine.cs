using RunRate.Engine.Primitives;

namespace RunRate.Engine.Ledger;

/// <summary>
/// One contract item of the ledger. <see cref="Amount"/> is the net price of one unit for one billing
/// interval in the line's own currency; the engine turns it into monthly revenue only when a report
/// asks for a reporting currency.
/// </summary>
/// <param name="Id">Unique line id.</param>
/// <param name="CustomerId">The customer that owns the line.</param>
/// <param name="Kind">Subscription, add-on or one-time.</param>
/// <param name="Product">Plan or product name, for filtering.</param>
/// <param name="Start">Recurring: first day of service; one-time: the charge date.</param>
/// <param name="End">Recurring: first day without service (exclusive); null when ongoing or one-time.</param>
/// <param name="Amount">Net price per unit per interval, ≥ 0.</param>
/// <param name="Quantity">Units (seats), &gt; 0.</param>
/// <param name="Currency">The line's currency.</param>
/// <param name="IntervalMonths">Billing interval for recurring kinds (1..120); null for one-time.</param>
public sealed record RevenueLine(
    LineId Id,
    CustomerId CustomerId,
    LineKind Kind,
    string? Product,
    DateOnly Start,
    DateOnly? End,
    decimal Amount,
    decimal Quantity,
    CurrencyCode Currency,
    int? IntervalMonths)
{
    /// <summary>True when the line is in service on <paramref name="day"/> (start inclusive, end exclusive).</summary>
    public bool IsActiveOn(DateOnly day) => Kind.IsRecurring() && Start <= day && (End is null || day < End);
}
