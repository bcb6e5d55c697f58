using System.Globalization;
using RunRate.Engine.Crm;
using RunRate.Engine.Ledger;
using RunRate.Ingest.Validation;

namespace RunRate.Ingest.Crm;

/// <summary>
/// How a won deal becomes ledger lines: the deal's ARR is what it sold, but only lines move ARR in the
/// ledger, so winning proposes one annual line the user confirms (or edits) before it is written.
/// </summary>
public static class DealLines
{
    /// <summary>Lines of 12 months: the deal's ARR is then exactly the line's amount.</summary>
    public const int IntervalMonths = 12;

    /// <summary>
    /// The line a won deal proposes, as the fields of a lines.csv row: id <c>&lt;deal_id&gt;-n</c> (the first n
    /// not taken), the account, subscription (addon for a cross-sell), the title as product, starting on the
    /// close day, open-ended, amount = ARR × interval ÷ 12 ÷ quantity, in the deal's currency. Null with a
    /// problem on <c>stage</c> when the deal is not won.
    /// </summary>
    public static LineFields? Propose(Deal deal, Pipeline pipeline, Func<string, bool> lineIdTaken, ICollection<FieldProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(lineIdTaken);
        ArgumentNullException.ThrowIfNull(problems);
        if (!IsWon(deal, pipeline, problems))
        {
            return null;
        }

        var n = 1;
        while (lineIdTaken(LineId(deal, n)))
        {
            n++;
        }

        const decimal quantity = 1m;
        var amount = deal.Arr * IntervalMonths / 12m / quantity;
        return new LineFields(
            LineId(deal, n),
            deal.AccountId.Value,
            (deal.Kind == DealKind.CrossSell ? LineKind.Addon : LineKind.Subscription).ToLedgerText(),
            deal.Title,
            deal.ClosedOn(pipeline)!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "",
            amount.ToString(CultureInfo.InvariantCulture),
            quantity.ToString(CultureInfo.InvariantCulture),
            deal.Currency.Value,
            IntervalMonths.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Checks lines about to be created from a deal (each already valid by <c>LineRules</c>): the deal is won,
    /// there is at least one line, ids are distinct and every line belongs to the deal's account. Problems
    /// name the line: <c>lines[1].customer_id</c>.
    /// </summary>
    public static bool Check(Deal deal, Pipeline pipeline, IReadOnlyList<RevenueLine> lines, ICollection<FieldProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Count;
        IsWon(deal, pipeline, problems);
        if (lines.Count == 0)
        {
            problems.Add(new("lines", "at least one line is required"));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            if (!seen.Add(lines[i].Id.Value))
            {
                problems.Add(new(Field(i, "line_id"), $"'{lines[i].Id}' appears twice in this request"));
            }

            if (lines[i].CustomerId != deal.AccountId)
            {
                problems.Add(new(Field(i, "customer_id"), $"must be the deal's account '{deal.AccountId}', found '{lines[i].CustomerId}'"));
            }
        }

        return problems.Count == before;
    }

    /// <summary>The name of a field of the <paramref name="index"/>th line of a request: <c>lines[0].amount</c>.</summary>
    public static string Field(int index, string field) => $"lines[{index.ToString(CultureInfo.InvariantCulture)}].{field}";

    private static bool IsWon(Deal deal, Pipeline pipeline, ICollection<FieldProblem> problems)
    {
        if (pipeline.Find(deal.Stage)?.Outcome == StageOutcome.Won)
        {
            return true;
        }

        problems.Add(new("stage", $"deal '{deal.Id}' is in stage '{deal.Stage}', not won; move it to '{pipeline.Won.Key}' first"));
        return false;
    }

    private static string LineId(Deal deal, int n) => deal.Id.Value + "-" + n.ToString(CultureInfo.InvariantCulture);
}
