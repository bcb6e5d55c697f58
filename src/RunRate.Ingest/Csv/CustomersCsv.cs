using System.Collections.Immutable;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;

namespace RunRate.Ingest.Csv;

/// <summary>Reads and validates <c>customers.csv</c>; columns beyond the standard ones become custom attributes.</summary>
internal static class CustomersCsv
{
    public const string FileName = "customers.csv";

    private static readonly string[] Standard = ["customer_id", "name", "country", "segment", "channel", "owner"];

    /// <summary>Every valid customer; ids of invalid rows are still returned in <paramref name="seenIds"/> so lines referring to them do not report a second, misleading error.</summary>
    public static List<Customer> Read(TextReader text, LedgerErrors errors, HashSet<string> seenIds)
    {
        var customers = new List<Customer>();
        var table = CsvTable.Open(FileName, text, errors, ["customer_id"], allowed: null);
        if (table is null)
        {
            return customers;
        }

        var custom = table.Header
            .Select((name, index) => (name, index))
            .Where(c => !Standard.Contains(c.name, StringComparer.OrdinalIgnoreCase))
            .ToArray();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        while (table.Next())
        {
            var id = table["customer_id"];
            if (id.Length == 0)
            {
                errors.Add(FileName, table.Line, "customer_id", "is required and must not be empty");
                continue;
            }

            if (!firstLine.TryAdd(id, table.Line))
            {
                errors.Add(FileName, table.Line, "customer_id", $"duplicate id '{id}' (first on line {firstLine[id]})");
                continue;
            }

            seenIds.Add(id);
            var attributes = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            foreach (var (name, index) in custom)
            {
                var value = table.At(index);
                if (value.Length > 0)
                {
                    attributes[name] = value;
                }
            }

            customers.Add(new Customer(
                new CustomerId(id),
                NullIfEmpty(table["name"]),
                NullIfEmpty(table["country"]),
                NullIfEmpty(table["segment"]),
                NullIfEmpty(table["channel"]),
                NullIfEmpty(table["owner"]))
            {
                Attributes = attributes.ToImmutable(),
            });
        }

        return customers;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
