using System.Collections.Immutable;
using RunRate.Engine.Ledger;

namespace RunRate.Engine.Metrics;

/// <summary>
/// Which part of the ledger a report looks at. Customer attributes (standard or custom) select
/// customers; products select lines, so a product report shows each customer's revenue on that
/// product alone, with its own movements. Several values of one attribute are alternatives (OR);
/// different attributes must all match (AND). Comparisons ignore case.
/// </summary>
public sealed record LedgerFilter
{
    /// <summary>No filtering.</summary>
    public static LedgerFilter All { get; } = new();

    /// <summary>Attribute name → accepted values.</summary>
    public ImmutableSortedDictionary<string, ImmutableArray<string>> Attributes { get; init; } =
        ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);

    /// <summary>Accepted products (empty = every product).</summary>
    public ImmutableArray<string> Products { get; init; } = [];

    /// <summary>True when nothing is filtered.</summary>
    public bool IsEmpty => Attributes.IsEmpty && Products.IsEmpty;

    /// <summary>A copy that also requires <paramref name="attribute"/> to be one of <paramref name="values"/>.</summary>
    public LedgerFilter Where(string attribute, params string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (string.Equals(attribute, "product", StringComparison.OrdinalIgnoreCase))
        {
            return this with { Products = [.. Products, .. values] };
        }

        var existing = Attributes.TryGetValue(attribute, out var current) ? current : [];
        return this with { Attributes = Attributes.SetItem(attribute, [.. existing, .. values]) };
    }

    /// <summary>True when the customer passes every attribute condition.</summary>
    public bool Matches(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        foreach (var (name, values) in Attributes)
        {
            var actual = customer.Attribute(name) ?? "";
            if (!values.Any(v => string.Equals(v, actual, StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the line passes the product condition.</summary>
    public bool Matches(RevenueLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return Products.IsEmpty || Products.Any(p => string.Equals(p, line.Product ?? "", StringComparison.OrdinalIgnoreCase));
    }
}
