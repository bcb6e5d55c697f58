using RunRate.Engine.Ledger;
using RunRate.Engine.Metrics;
using RunRate.Reporting.Common;

namespace RunRate.Reporting.Filters;

/// <summary>
/// Filters and breakdowns shared by the CLI and the web API: the standard attributes and products
/// (each repeatable: values of one name are alternatives), custom <c>NAME=VALUE</c> attributes, and
/// the groups of a <c>by</c> breakdown.
/// </summary>
public static class ReportFilters
{
    /// <summary>The filter names every report accepts besides <c>attr</c>.</summary>
    public static IReadOnlyList<string> Standard { get; } = ["segment", "channel", "country", "owner", "product"];

    /// <summary>Builds a filter from named values (empty lists are ignored) and <c>NAME=VALUE</c> pairs.</summary>
    /// <exception cref="ReportInputException">A pair has no <c>=</c> or an empty name (field <c>attr</c>).</exception>
    public static LedgerFilter Build(IEnumerable<(string Name, IReadOnlyList<string>? Values)> named, IEnumerable<string>? attributes)
    {
        ArgumentNullException.ThrowIfNull(named);
        var filter = LedgerFilter.All;
        foreach (var (name, values) in named)
        {
            if (values is { Count: > 0 })
            {
                filter = filter.Where(name, [.. values]);
            }
        }

        foreach (var pair in attributes ?? [])
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ReportInputException("attr", $"expected NAME=VALUE, found '{pair}'");
            }

            filter = filter.Where(pair[..equals].Trim(), pair[(equals + 1)..].Trim());
        }

        return filter;
    }

    /// <summary>The groups of a breakdown: each distinct value (customers' attribute, or lines' product), "(none)" for none.</summary>
    /// <exception cref="ReportInputException">No customer has the attribute (field <c>by</c>).</exception>
    public static IReadOnlyList<(string Label, LedgerFilter Filter)> Groups(RevenueLedger ledger, LedgerFilter filter, string by)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(filter);
        var isProduct = string.Equals(by, "product", StringComparison.OrdinalIgnoreCase);
        var values = isProduct
            ? ledger.Lines.Select(l => l.Product ?? "")
            : ledger.Customers.Select(c => c.Attribute(by) ?? "");
        var distinct = values.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        if (distinct is [""] && !isProduct && !ledger.Customers.Any(c => c.Attribute(by) is not null))
        {
            throw new ReportInputException("by", $"no customer has an attribute named '{by}'");
        }

        return [.. distinct.Select(v => (v.Length == 0 ? "(none)" : v, filter.Where(by, v)))];
    }
}
