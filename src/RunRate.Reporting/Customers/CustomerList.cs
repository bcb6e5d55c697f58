using RunRate.Engine.Movements;

namespace RunRate.Reporting.Customers;

/// <summary>Which customers a customer list shows, and in which order.</summary>
public static class CustomerList
{
    /// <summary>Accepted orders; <c>mrr</c> is the default.</summary>
    public static IReadOnlyList<string> Sorts { get; } = ["mrr", "arr", "name", "id", "since", "last-movement"];

    /// <summary>Accepted status filters; <c>all</c> is the default.</summary>
    public static IReadOnlyList<string> Statuses { get; } = ["all", "active", "churned", "future", "never-active"];

    /// <summary>The status as reports spell it.</summary>
    public static string StatusText(CustomerStatus status) => status switch
    {
        CustomerStatus.Active => "active",
        CustomerStatus.Churned => "churned",
        CustomerStatus.Future => "future",
        _ => "never-active",
    };

    /// <summary>
    /// The standings with <paramref name="status"/> (or all), whose id or name contains
    /// <paramref name="search"/> (ignoring case) when given, in the <paramref name="sort"/> order.
    /// </summary>
    public static List<CustomerStanding> Select(IEnumerable<CustomerStanding> standings, string status, string sort, string? search = null)
    {
        IEnumerable<CustomerStanding> rows = standings.Where(s => status == "all" || StatusText(s.Status) == status);
        if (!string.IsNullOrEmpty(search))
        {
            rows = rows.Where(s => s.Customer.Id.Value.Contains(search, StringComparison.OrdinalIgnoreCase)
                || (s.Customer.Name?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false));
        }

        rows = sort switch
        {
            "arr" or "mrr" => rows.OrderByDescending(s => s.Mrr).ThenBy(s => s.Customer.Id.Value, StringComparer.Ordinal),
            "name" => rows.OrderBy(s => s.Customer.Name ?? s.Customer.Id.Value, StringComparer.OrdinalIgnoreCase),
            "since" => rows.OrderBy(s => s.Since ?? DateOnly.MaxValue).ThenBy(s => s.Customer.Id.Value, StringComparer.Ordinal),
            "last-movement" => rows.OrderByDescending(s => s.LastMovement?.Date ?? DateOnly.MinValue).ThenBy(s => s.Customer.Id.Value, StringComparer.Ordinal),
            _ => rows.OrderBy(s => s.Customer.Id.Value, StringComparer.Ordinal),
        };
        return rows.ToList();
    }
}
