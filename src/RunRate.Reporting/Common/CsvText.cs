using RunRate.Ingest.Csv;

namespace RunRate.Reporting.Common;

/// <summary>Writes RFC 4180 CSV rows for <c>--csv</c> output with the same writer the ledger export uses.</summary>
public static class CsvText
{
    public static void Row(TextWriter writer, IEnumerable<string?> fields)
    {
        var row = new CsvRowWriter(writer);
        foreach (var field in fields)
        {
            row.Text(field);
        }

        row.End();
    }
}
