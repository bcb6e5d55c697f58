using Sylvan.Data.Csv;

namespace RunRate.Ingest.Tests.Csv;

/// <summary>Parses CSV with an independent RFC 4180 reader (Sylvan), so the writer is not checked against itself.</summary>
internal static class CsvText
{
    public static (string[] Header, List<string[]> Rows) Parse(string text)
    {
        using var reader = CsvDataReader.Create(new StringReader(text), new CsvDataReaderOptions { Delimiter = ',', HasHeaders = true });
        var header = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }

        return (header, rows);
    }
}
