using RunRate.Engine.Ledger;
using RunRate.Ingest.Validation;

namespace RunRate.Ingest.Csv;

/// <summary>
/// Reads and validates <c>lines.csv</c> as a stream: each valid line is yielded as soon as its row is
/// read, so a ledger of millions of lines never sits in memory; every invalid row is recorded with
/// all of its problems. The rules of a single line are <see cref="LineRules"/>; this file adds what
/// only a file has: the header and duplicate ids.
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
        var problems = new List<FieldProblem>();
        while (table.Next())
        {
            problems.Clear();
            var id = table["line_id"];
            if (id.Length > 0 && !firstLine.TryAdd(id, table.Line))
            {
                problems.Add(new("line_id", $"duplicate id '{id}' (first on line {firstLine[id]})"));
            }

            var fields = new LineFields(
                id,
                table["customer_id"],
                table["kind"],
                table["product"],
                table["start_date"],
                table["end_date"],
                table["amount"],
                table["quantity"],
                table["currency"],
                table["interval_months"]);
            var line = LineRules.Validate(fields, customerKnown, problems);
            foreach (var problem in problems)
            {
                errors.Add(FileName, table.Line, problem.Field, problem.Message);
            }

            if (line is not null && problems.Count == 0)
            {
                yield return line;
            }
        }
    }
}
