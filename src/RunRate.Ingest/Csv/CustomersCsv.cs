using System.Collections.Immutable;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Ingest.Validation;

namespace RunRate.Ingest.Csv;

/// <summary>Reads and validates <c>customers.csv</c> (rules of one row: <see cref="CustomerRules"/>); columns beyond the standard ones become custom attributes.</summary>
internal static class CustomersCsv
{
    public const string FileName = "customers.csv";

    /// <summary>Every valid customer; ids of invalid rows are still returned in <paramref name="seenIds"/> so lines referring to them do not report a second, misleading error.</summary>
    public static List<Customer> Read(TextReader text, LedgerErrors errors, HashSet<string> seenIds)
    {
        var customers = new List<Customer>();
        Read(text, errors, seenIds, customers.Add);
        return customers;
    }

    /// <summary>As <see cref="Read(TextReader, LedgerErrors, HashSet{string})"/>, handing each valid customer on as soon as it is read; returns how many.</summary>
    public static int Read(TextReader text, LedgerErrors errors, HashSet<string> seenIds, Action<Customer> onCustomer)
    {
        var count = 0;
        var table = CsvTable.Open(FileName, text, errors, ["customer_id"], allowed: null);
        if (table is null)
        {
            return count;
        }

        var custom = table.Header
            .Select((name, index) => (name, index))
            .Where(c => !CustomerRules.StandardColumns.Contains(c.name, StringComparer.OrdinalIgnoreCase))
            .ToArray();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstLineBySpan = firstLine.GetAlternateLookup<ReadOnlySpan<char>>();
        var problems = new List<FieldProblem>();
        var columns = new[] { "name", "country", "segment", "channel", "owner" }.Select(table.IndexOf).ToArray();
        var idColumn = table.IndexOf("customer_id");
        var shared = new Dictionary<string, string>(StringComparer.Ordinal);
        var sharedBySpan = shared.GetAlternateLookup<ReadOnlySpan<char>>();
        string? Text(int column, bool share)
        {
            var span = table.Span(column);
            if (span.IsEmpty)
            {
                return null;
            }

            if (!share)
            {
                return span.ToString();
            }

            if (!sharedBySpan.TryGetValue(span, out var text))
            {
                text = span.ToString();
                shared[text] = text;
            }

            return text;
        }

        while (table.Next())
        {
            var idSpan = table.Span(idColumn);
            if (firstLineBySpan.TryGetValue(idSpan, out var first))
            {
                errors.Add(FileName, table.Line, "customer_id", $"duplicate id '{idSpan}' (first on line {first})");
                continue;
            }

            var id = idSpan.ToString();
            if (id.Length > 0)
            {
                firstLine.Add(id, table.Line);
                seenIds.Add(id);

                // The header already guarantees what CustomerRules checks of attribute names (non-empty, not a
                // standard column, distinct ignoring case), so a row with an id is valid as it stands.
                var attributes = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
                foreach (var (name, index) in custom)
                {
                    if (Text(index, share: true) is { } value)
                    {
                        attributes[name] = value;
                    }
                }

                onCustomer(new Customer(new CustomerId(id), Text(columns[0], false), Text(columns[1], true), Text(columns[2], true), Text(columns[3], true), Text(columns[4], true))
                {
                    Attributes = attributes.ToImmutable(),
                });
                count++;
                continue;
            }

            problems.Clear();
            var customer = CustomerRules.Validate(
                new CustomerFields(
                    id,
                    table["name"],
                    table["country"],
                    table["segment"],
                    table["channel"],
                    table["owner"],
                    custom.Select(c => new KeyValuePair<string, string?>(c.name, table.At(c.index)))),
                problems);
            foreach (var problem in problems)
            {
                errors.Add(FileName, table.Line, problem.Field, problem.Message);
            }

            if (customer is not null)
            {
                onCustomer(customer);
                count++;
            }
        }

        return count;
    }
}
