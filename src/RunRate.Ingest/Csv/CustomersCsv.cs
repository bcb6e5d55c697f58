using RunRate.Engine.Ledger;
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
        var problems = new List<FieldProblem>();
        while (table.Next())
        {
            var id = table["customer_id"];
            if (id.Length > 0 && !firstLine.TryAdd(id, table.Line))
            {
                errors.Add(FileName, table.Line, "customer_id", $"duplicate id '{id}' (first on line {firstLine[id]})");
                continue;
            }

            if (id.Length > 0)
            {
                seenIds.Add(id);
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
