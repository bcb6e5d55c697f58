using System.Collections.Immutable;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;

namespace RunRate.Ingest.Validation;

/// <summary>A customer's fields as a <c>customers.csv</c> row or an API request carries them.</summary>
public sealed record CustomerFields(
    string CustomerId,
    string? Name,
    string? Country,
    string? Segment,
    string? Channel,
    string? Owner,
    IEnumerable<KeyValuePair<string, string?>>? Attributes);

/// <summary>
/// The rules of one customer (docs/ledger-format.md), shared by the CSV importer and the web API:
/// a non-empty id; custom attributes named like a column could be (non-empty, not a standard
/// column, distinct ignoring case, since headers are case-insensitive). Values are trimmed; empty
/// values mean "none".
/// </summary>
public static class CustomerRules
{
    /// <summary>The columns of customers.csv that are not custom attributes.</summary>
    public static IReadOnlyList<string> StandardColumns { get; } = ["customer_id", "name", "country", "segment", "channel", "owner"];

    /// <summary>Validates and returns the customer, or null with every problem added to <paramref name="problems"/>.</summary>
    public static Customer? Validate(CustomerFields fields, ICollection<FieldProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Count;
        var id = fields.CustomerId.Trim();
        if (id.Length == 0)
        {
            problems.Add(new("customer_id", "is required and must not be empty"));
        }

        var attributes = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StandardColumns, StringComparer.OrdinalIgnoreCase);
        foreach (var (rawName, rawValue) in fields.Attributes ?? [])
        {
            var name = rawName.Trim();
            if (name.Length == 0)
            {
                problems.Add(new("attributes", "an attribute name must not be empty"));
                continue;
            }

            if (!seen.Add(name))
            {
                problems.Add(new("attributes", StandardColumns.Contains(name, StringComparer.OrdinalIgnoreCase)
                    ? $"'{name}' is a standard column, not a custom attribute"
                    : $"'{name}' appears twice (names are compared ignoring case)"));
                continue;
            }

            var value = rawValue?.Trim() ?? "";
            if (value.Length > 0)
            {
                attributes[name] = value;
            }
        }

        if (problems.Count > before)
        {
            return null;
        }

        return new Customer(new CustomerId(id), NullIfEmpty(fields.Name), NullIfEmpty(fields.Country), NullIfEmpty(fields.Segment), NullIfEmpty(fields.Channel), NullIfEmpty(fields.Owner))
        {
            Attributes = attributes.ToImmutable(),
        };
    }

    private static string? NullIfEmpty(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}
