using RunRate.Engine.Ledger;
using RunRate.Ingest.Validation;

namespace RunRate.Ingest.Csv;

/// <summary>
/// Reads and validates <c>lines.csv</c> as a stream: each valid line is yielded as soon as its row is
/// read, so a ledger of millions of lines never sits in memory; every invalid row is recorded with
/// all of its problems. The rules of a single line are <see cref="LineRules"/>; this file adds what
/// only a file has: the header and duplicate ids.
/// </summary>
/// <remarks>
/// A row first goes through <see cref="LineFastPath"/>, which reads the common, clean row straight from the
/// record's characters; any row it does not vouch for (a problem, or merely an unusual spelling) is validated by
/// <see cref="LineRules"/>, so accepted lines and every message are exactly those of the rules.
/// </remarks>
internal static class LinesCsv
{
    public const string FileName = "lines.csv";

    private static readonly string[] Required = ["line_id", "customer_id", "kind", "start_date", "amount", "currency"];

    private static readonly string[] Allowed =
        ["line_id", "customer_id", "kind", "product", "start_date", "end_date", "amount", "quantity", "currency", "interval_months"];

    /// <summary>
    /// Yields every valid line. A customer is known when it is in <paramref name="known"/> (customers.csv) or
    /// <paramref name="stored"/> says so (asked once per id; found ids are added to <paramref name="known"/>).
    /// </summary>
    public static IEnumerable<RevenueLine> Read(TextReader text, LedgerErrors errors, HashSet<string> known, Func<string, bool> stored)
    {
        var table = CsvTable.Open(FileName, text, errors, Required, Allowed);
        if (table is null)
        {
            yield break;
        }

        var fast = new LineFastPath(table, known, stored);
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstLineBySpan = firstLine.GetAlternateLookup<ReadOnlySpan<char>>();
        var problems = new List<FieldProblem>();
        bool CustomerKnown(string id)
        {
            if (known.Contains(id))
            {
                return true;
            }

            if (!stored(id))
            {
                return false;
            }

            known.Add(id);
            return true;
        }

        while (table.Next())
        {
            var idSpan = fast.Id;
            string? id = null;
            var duplicate = false;
            if (!idSpan.IsEmpty)
            {
                if (firstLineBySpan.TryGetValue(idSpan, out var first))
                {
                    duplicate = true;
                    problems.Clear();
                    id = idSpan.ToString();
                    problems.Add(new("line_id", $"duplicate id '{id}' (first on line {first})"));
                }
                else
                {
                    id = idSpan.ToString();
                    firstLine.Add(id, table.Line);
                }
            }

            if (!duplicate && fast.TryRead(id, out var quick))
            {
                yield return quick;
                continue;
            }

            if (!duplicate)
            {
                problems.Clear();
            }

            var fields = new LineFields(
                id ?? "",
                table["customer_id"],
                table["kind"],
                table["product"],
                table["start_date"],
                table["end_date"],
                table["amount"],
                table["quantity"],
                table["currency"],
                table["interval_months"]);
            var line = LineRules.Validate(fields, CustomerKnown, problems);
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
