using RunRate.Engine.Primitives;

namespace RunRate.Engine.Economics;

/// <summary>What a cost pays for: the split that gross margin and acquisition cost need.</summary>
public enum CostCategory
{
    /// <summary>Cost of goods sold: hosting, support, third-party fees; reduces gross margin.</summary>
    Cogs,

    /// <summary>Sales spend; part of customer acquisition cost.</summary>
    Sales,

    /// <summary>Marketing spend; part of customer acquisition cost.</summary>
    Marketing,

    /// <summary>Everything else (R&amp;D, G&amp;A); kept, shown, but in neither margin nor CAC.</summary>
    Other,
}

/// <summary>Text forms of <see cref="CostCategory"/> as written in <c>costs.csv</c>.</summary>
public static class CostCategories
{
    /// <summary>The file's spelling.</summary>
    public static string ToText(this CostCategory category) => category switch
    {
        CostCategory.Cogs => "cogs",
        CostCategory.Sales => "sales",
        CostCategory.Marketing => "marketing",
        _ => "other",
    };

    /// <summary>Parses the file's spelling (case-insensitive), or null.</summary>
    public static CostCategory? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "cogs" => CostCategory.Cogs,
        "sales" => CostCategory.Sales,
        "marketing" => CostCategory.Marketing,
        "other" => CostCategory.Other,
        _ => null,
    };
}

/// <summary>One row of <c>costs.csv</c>: money spent in a month on one category, optionally for one acquisition channel.</summary>
/// <param name="Month">The month the cost belongs to.</param>
/// <param name="Category">What it pays for.</param>
/// <param name="Amount">Amount (≥ 0) in <paramref name="Currency"/>.</param>
/// <param name="Currency">Currency of the amount; converted at the rate in force on the month's first day.</param>
/// <param name="Channel">Acquisition channel the spend is tagged with (matches customers' channel), or null.</param>
/// <param name="Description">Free text from the file (what the cost was); kept so an export gives the file back, never used in a figure.</param>
public sealed record CostEntry(YearMonth Month, CostCategory Category, decimal Amount, CurrencyCode Currency, string? Channel, string? Description = null);
