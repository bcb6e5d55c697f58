using RunRate.Engine.Ledger;

namespace RunRate.Ingest.Csv;

/// <summary>Reads and validates the optional <c>fx.csv</c>.</summary>
internal static class FxCsv
{
    public const string FileName = "fx.csv";

    private static readonly string[] Columns = ["date", "from", "to", "rate"];

    public static List<FxRate> Read(TextReader text, LedgerErrors errors)
    {
        var rates = new List<FxRate>();
        var table = CsvTable.Open(FileName, text, errors, Columns, Columns);
        if (table is null)
        {
            return rates;
        }

        var firstLine = new Dictionary<(DateOnly, string, string), int>();
        while (table.Next())
        {
            var ok = Check(table, "date", FieldParser.Date(table["date"], out var date), errors);
            ok &= Check(table, "from", FieldParser.Currency(table["from"], out var from), errors);
            ok &= Check(table, "to", FieldParser.Currency(table["to"], out var to), errors);
            var rateError = FieldParser.Decimal(table["rate"], out var rate);
            if (rateError is null && rate <= 0)
            {
                rateError = $"must be greater than 0, found {table["rate"]}";
            }

            ok &= Check(table, "rate", rateError, errors);
            if (!ok)
            {
                continue;
            }

            if (from == to)
            {
                errors.Add(FileName, table.Line, "to", $"must differ from 'from' ({from})");
                continue;
            }

            if (!firstLine.TryAdd((date, from.Value, to.Value), table.Line))
            {
                errors.Add(FileName, table.Line, "date", $"a {from}→{to} rate for {date:yyyy-MM-dd} is already on line {firstLine[(date, from.Value, to.Value)]}");
                continue;
            }

            rates.Add(new FxRate(date, from, to, rate));
        }

        return rates;
    }

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
