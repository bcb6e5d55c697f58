using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;

namespace RunRate.Ingest.Csv;

/// <summary>
/// Reads and validates <c>lines.csv</c> as a stream: each valid line is yielded as soon as its row is
/// read, so a ledger of millions of lines never sits in memory; every invalid row is recorded with
/// all of its problems.
/// </summary>
internal static class LinesCsv
{
    public const string FileName = "lines.csv";

    private static readonly string[] Required = ["line_id", "customer_id", "kind", "start_date", "amount", "currency"];

    private static readonly string[] Allowed =
        ["line_id", "customer_id", "kind", "product", "start_date", "end_date", "amount", "quantity", "currency", "interval_months"];

    public static IEnumerable<RevenueLine> Read(TextReader text, LedgerErrors errors, Func<string, bool> customerKnown)
    {
        var table = CsvTable.Open(FileName, text, errors, Required, Allowed);
        if (table is null)
        {
            yield break;
        }

        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var problems = new List<(string Column, string Message)>();
        while (table.Next())
        {
            problems.Clear();
            var line = Parse(table, customerKnown, firstLine, problems);
            foreach (var (column, message) in problems)
            {
                errors.Add(FileName, table.Line, column, message);
            }

            if (line is not null)
            {
                yield return line;
            }
        }
    }

    private static RevenueLine? Parse(CsvTable row, Func<string, bool> customerKnown, Dictionary<string, int> firstLine, List<(string, string)> problems)
    {
        var id = row["line_id"];
        if (id.Length == 0)
        {
            problems.Add(("line_id", "is required and must not be empty"));
        }
        else if (!firstLine.TryAdd(id, row.Line))
        {
            problems.Add(("line_id", $"duplicate id '{id}' (first on line {firstLine[id]})"));
        }

        var customer = row["customer_id"];
        if (customer.Length == 0)
        {
            problems.Add(("customer_id", "is required and must not be empty"));
        }
        else if (!customerKnown(customer))
        {
            problems.Add(("customer_id", $"unknown customer '{FieldParser.Shorten(customer)}': not in customers.csv nor already stored"));
        }

        var kindText = row["kind"];
        var kindOk = LineKinds.TryParse(kindText, out var kind);
        if (!kindOk)
        {
            problems.Add(("kind", $"expected subscription, addon or one_time, found '{FieldParser.Shorten(kindText)}'"));
        }

        Add(problems, "start_date", FieldParser.Date(row["start_date"], out var start));
        DateOnly? end = null;
        var endText = row["end_date"];
        if (endText.Length > 0)
        {
            if (Add(problems, "end_date", FieldParser.Date(endText, out var endDate)))
            {
                end = endDate;
                if (kindOk && kind == LineKind.OneTime)
                {
                    problems.Add(("end_date", $"must be empty for a one_time line (it is a single charge on start_date), found {endText}"));
                }
                else if (endDate <= start && row["start_date"].Length > 0)
                {
                    problems.Add(("end_date", $"must be after start_date ({row["start_date"]}), found {endText}"));
                }
            }
        }

        if (Add(problems, "amount", FieldParser.Decimal(row["amount"], out var amount)) && amount < 0)
        {
            problems.Add(("amount", $"must be 0 or more (the net price of one unit for one interval), found {row["amount"]}"));
        }

        var quantity = 1m;
        var quantityText = row["quantity"];
        if (quantityText.Length > 0 && Add(problems, "quantity", FieldParser.Decimal(quantityText, out quantity)) && quantity <= 0)
        {
            problems.Add(("quantity", $"must be greater than 0 (leave empty for 1), found {quantityText}"));
        }

        Add(problems, "currency", FieldParser.Currency(row["currency"], out var currency));

        int? interval = null;
        var intervalText = row["interval_months"];
        if (kindOk && kind == LineKind.OneTime)
        {
            if (intervalText.Length > 0)
            {
                problems.Add(("interval_months", $"must be empty for a one_time line, found {FieldParser.Shorten(intervalText)}"));
            }
        }
        else if (kindOk && Add(problems, "interval_months", FieldParser.Interval(intervalText, out var months)))
        {
            interval = months;
        }

        if (problems.Count > 0)
        {
            return null;
        }

        var product = row["product"];
        return new RevenueLine(
            new LineId(id),
            new CustomerId(customer),
            kind,
            product.Length == 0 ? null : product,
            start,
            end,
            amount,
            quantity,
            currency,
            interval);
    }

    private static bool Add(List<(string, string)> problems, string column, string? error)
    {
        if (error is null)
        {
            return true;
        }

        problems.Add((column, error));
        return false;
    }
}
