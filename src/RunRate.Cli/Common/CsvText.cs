namespace RunRate.Cli.Common;

/// <summary>Writes RFC 4180 CSV rows for <c>--csv</c> output.</summary>
internal static class CsvText
{
    public static void Row(TextWriter writer, IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                writer.Write(',');
            }

            first = false;
            writer.Write(Escape(field ?? ""));
        }

        writer.Write('\n');
    }

    public static string Escape(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
