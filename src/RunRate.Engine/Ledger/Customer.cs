using System.Collections.Immutable;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Ledger;

/// <summary>
/// A customer of the ledger. The well-known attributes are typed properties because every report
/// filters and breaks down by them; anything else the user's CSV carried is kept in
/// <see cref="Attributes"/> so no information is lost on import.
/// </summary>
public sealed record Customer(
    CustomerId Id,
    string? Name = null,
    string? Country = null,
    string? Segment = null,
    string? Channel = null,
    string? Owner = null)
{
    /// <summary>Custom attributes (column name → value), compared ordinally.</summary>
    public ImmutableSortedDictionary<string, string> Attributes { get; init; } =
        ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>
    /// The value of a standard or custom attribute by name (case-insensitive), or null. Lets
    /// filters and breakdowns treat custom columns exactly like the built-in ones.
    /// </summary>
    public string? Attribute(string name)
    {
        switch (name.ToLowerInvariant())
        {
            case "name": return Name;
            case "country": return Country;
            case "segment": return Segment;
            case "channel": return Channel;
            case "owner": return Owner;
            case "customer_id": return Id.Value;
            default:
                foreach (var (key, value) in Attributes)
                {
                    if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                    {
                        return value;
                    }
                }

                return null;
        }
    }
}
