using System.Collections.Immutable;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Crm;

/// <summary>What a deal sells, which decides the ARR movement it should produce when won.</summary>
public enum DealKind
{
    /// <summary>A new customer (new ARR).</summary>
    NewBusiness,

    /// <summary>More of what the account already buys: seats, a higher tier (expansion ARR).</summary>
    Expansion,

    /// <summary>A product the account does not have yet, e.g. a support add-on (expansion ARR).</summary>
    CrossSell,

    /// <summary>Renewing a term that ends (protects existing ARR).</summary>
    Renewal,
}

/// <summary>The text forms of <see cref="DealKind"/> used in files, the API and the CLI.</summary>
public static class DealKinds
{
    /// <summary>new_business, expansion, cross_sell, renewal.</summary>
    public static string ToText(this DealKind kind) => kind switch
    {
        DealKind.NewBusiness => "new_business",
        DealKind.Expansion => "expansion",
        DealKind.CrossSell => "cross_sell",
        DealKind.Renewal => "renewal",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Parses a text form (also "upsell" for expansion); null when unknown.</summary>
    public static DealKind? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "new_business" or "new" => DealKind.NewBusiness,
        "expansion" or "upsell" => DealKind.Expansion,
        "cross_sell" => DealKind.CrossSell,
        "renewal" => DealKind.Renewal,
        _ => null,
    };
}

/// <summary>A deal entering a stage on a day; a deal's history is what conversion and cycle times are measured from.</summary>
/// <param name="Stage">The stage key.</param>
/// <param name="On">The day the deal entered it.</param>
public sealed record StageChange(string Stage, DateOnly On);

/// <summary>An opportunity in the pipeline.</summary>
/// <param name="Id">Unique deal id.</param>
/// <param name="AccountId">The account (ledger customer).</param>
/// <param name="Title">What is being sold, for people.</param>
/// <param name="Stage">Current stage key.</param>
/// <param name="Arr">The ARR the deal adds, in <paramref name="Currency"/>.</param>
/// <param name="Currency">The deal's currency.</param>
/// <param name="Kind">New business, expansion, cross-sell or renewal.</param>
/// <param name="ExpectedClose">When it is expected to close (the actual close day once closed).</param>
/// <param name="Owner">The sales owner.</param>
/// <param name="Channel">The source channel, e.g. "outbound", "partner", "inbound".</param>
/// <param name="LostReason">Why it was lost (lost deals only).</param>
/// <param name="Created">The day it entered the pipeline.</param>
/// <param name="History">Every stage entered, oldest first; the first is on <paramref name="Created"/>.</param>
public sealed record Deal(
    DealId Id,
    CustomerId AccountId,
    string Title,
    string Stage,
    decimal Arr,
    CurrencyCode Currency,
    DealKind Kind,
    DateOnly ExpectedClose,
    string? Owner,
    string? Channel,
    string? LostReason,
    DateOnly Created,
    ImmutableArray<StageChange> History)
{
    /// <summary>The day the deal entered its won or lost stage, or null while it is open.</summary>
    public DateOnly? ClosedOn(Pipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var stage = pipeline.Find(Stage);
        return stage is null || stage.Outcome == StageOutcome.Open
            ? null
            : History.LastOrDefault(h => string.Equals(h.Stage, Stage, StringComparison.Ordinal))?.On ?? ExpectedClose;
    }

    /// <summary>The ARR as money.</summary>
    public Money Value => new(Arr, Currency);
}
