using System.Collections.Frozen;
using System.Collections.Immutable;
using RunRate.Engine.Economics;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Ledger;

/// <summary>
/// An immutable snapshot of a whole ledger: what every report is computed from. Storage loads it,
/// the engine only reads it, so a report can never change data and two reports of the same
/// snapshot always agree.
/// </summary>
public sealed class RevenueLedger
{
    /// <summary>Creates a snapshot; lines must reference customers of the snapshot.</summary>
    public RevenueLedger(IEnumerable<Customer> customers, IEnumerable<RevenueLine> lines, FxTable? fx = null, IEnumerable<CostEntry>? costs = null)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(lines);
        Customers = [.. customers.OrderBy(c => c.Id.Value, StringComparer.Ordinal)];
        Lines = [.. lines.OrderBy(l => l.Id.Value, StringComparer.Ordinal)];
        Fx = fx ?? FxTable.Empty;
        Costs = costs is null
            ? []
            : [.. costs.OrderBy(c => c.Month).ThenBy(c => c.Category).ThenBy(c => c.Channel ?? "", StringComparer.Ordinal)
                .ThenBy(c => c.Currency.Value, StringComparer.Ordinal).ThenBy(c => c.Amount).ThenBy(c => c.Description ?? "", StringComparer.Ordinal)];
        CustomersById = Customers.ToFrozenDictionary(c => c.Id);
        foreach (var line in Lines)
        {
            if (!CustomersById.ContainsKey(line.CustomerId))
            {
                throw new ArgumentException($"Line {line.Id} references unknown customer {line.CustomerId}.", nameof(lines));
            }
        }
    }

    /// <summary>An empty ledger.</summary>
    public static RevenueLedger Empty { get; } = new([], []);

    /// <summary>Customers ordered by id.</summary>
    public IReadOnlyList<Customer> Customers { get; }

    /// <summary>Lines ordered by id (order of input never matters).</summary>
    public IReadOnlyList<RevenueLine> Lines { get; }

    /// <summary>Exchange rates.</summary>
    public FxTable Fx { get; }

    /// <summary>The optional costs (<c>costs.csv</c>), in a canonical order; empty when the ledger has none.</summary>
    public ImmutableArray<CostEntry> Costs { get; }

    /// <summary>Customers by id.</summary>
    public FrozenDictionary<CustomerId, Customer> CustomersById { get; }
}
