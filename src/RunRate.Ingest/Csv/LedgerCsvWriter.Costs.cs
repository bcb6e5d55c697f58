using RunRate.Engine.Economics;

namespace RunRate.Ingest.Csv;

/// <summary>The <c>costs.csv</c> part of the ledger writer.</summary>
public static partial class LedgerCsvWriter
{
    /// <summary>The costs file of a ledger folder (optional: gross margin, CAC and payback need it).</summary>
    public const string CostsFileName = "costs.csv";

    private static readonly string[] CostColumns = ["month", "category", "amount", "currency", "channel", "description"];

    /// <summary>
    /// Writes <c>costs.csv</c> (header and one row per cost, in the given order), amounts exactly as
    /// stored. The header is written even without costs; <see cref="WriteFolder"/> omits the file then.
    /// </summary>
    /// <returns>The number of costs written.</returns>
    public static int WriteCosts(TextWriter writer, IEnumerable<CostEntry> costs)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(costs);
        var row = new CsvRowWriter(writer);
        row.Header(CostColumns);
        var count = 0;
        foreach (var cost in costs)
        {
            ArgumentNullException.ThrowIfNull(cost, nameof(costs));
            row.Text(cost.Month.ToString());
            row.Text(cost.Category.ToText());
            row.Decimal(cost.Amount);
            row.Text(cost.Currency.Value);
            row.Text(cost.Channel);
            row.Text(cost.Description);
            row.End();
            count++;
        }

        return count;
    }
}
