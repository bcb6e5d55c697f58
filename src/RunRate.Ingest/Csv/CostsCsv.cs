using RunRate.Engine.Economics;
using RunRate.Engine.Primitives;

namespace RunRate.Ingest.Csv;

/// <summary>
/// Reads and validates the optional <c>costs.csv</c>: one row per cost of a month (category, amount,
/// currency, optional acquisition channel and description). Costs are few (a handful per month), so
/// the file is read whole; every invalid row is reported with all of its problems.
/// </summary>
internal static class CostsCsv
{
    public const string FileName = "costs.csv";

    private static readonly string[] Required = ["month", "category", "amount", "currency"];

    private static readonly string[] Allowed = ["month", "category", "amount", "currency", "channel", "description"];

    public static List<CostEntry> Read(TextReader text, LedgerErrors errors)
    {
        var costs = new List<CostEntry>();
        var table = CsvTable.Open(FileName, text, errors, Required, Allowed);
        if (table is null)
        {
            return costs;
        }

        while (table.Next())
        {
            var ok = Check(table, "month", Month(table["month"], out var month), errors);
            var categoryText = table["category"];
            var category = CostCategories.Parse(categoryText);
            ok &= Check(table, "category", category is null ? CategoryError(categoryText) : null, errors);
            var amountError = FieldParser.Decimal(table["amount"], out var amount);
            if (amountError is null && amount < 0)
            {
                amountError = $"must be 0 or more, found {table["amount"]}";
            }

            ok &= Check(table, "amount", amountError, errors);
            ok &= Check(table, "currency", FieldParser.Currency(table["currency"], out var currency), errors);
            var channel = Optional(table["channel"]);
            if (channel is not null && category is CostCategory.Cogs or CostCategory.Other)
            {
                ok &= Check(table, "channel", $"only sales and marketing costs have a channel (it attributes acquisition spend); found '{FieldParser.Shorten(channel)}' on a {category.Value.ToText()} cost", errors);
            }

            if (ok && category is { } valid)
            {
                costs.Add(new CostEntry(month, valid, amount, currency, channel, Optional(table["description"])));
            }
        }

        return costs;
    }

    private static string? Month(string text, out YearMonth value)
    {
        value = default;
        if (text.Length == 0)
        {
            return "is required (YYYY-MM)";
        }

        return YearMonth.TryParse(text, out value) ? null : $"expected a month YYYY-MM, found '{FieldParser.Shorten(text)}'";
    }

    private static string CategoryError(string text) => text.Length == 0
        ? "is required (cogs, sales, marketing or other)"
        : $"expected cogs, sales, marketing or other, found '{FieldParser.Shorten(text)}'";

    private static string? Optional(string text) => text.Length == 0 ? null : text;

    private static bool Check(CsvTable table, string column, string? error, LedgerErrors errors)
    {
        if (error is null)
        {
            return true;
        }

        errors.Add(FileName, table.Line, column, error);
        return false;
    }
}
