using RunRate.Ingest;
using RunRate.Reporting.Common;

namespace RunRate.Reporting.Import;

/// <summary>What an import did, as JSON.</summary>
public static class ImportReport
{
    /// <summary><c>{"imported","customers","lines","fx_rates","costs","error_count","errors":[{"file","line","column","message"}]}</c>.</summary>
    public static void Json(TextWriter output, ImportResult? result, LedgerErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        JsonOut.Write(output, w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("imported", result?.Succeeded ?? false);
            w.WriteNumber("customers", result?.Customers ?? 0);
            w.WriteNumber("lines", result?.Lines ?? 0);
            w.WriteNumber("fx_rates", result?.FxRates ?? 0);
            w.WriteNumber("costs", result?.Costs ?? 0);
            w.WriteNumber("error_count", errors.Count);
            w.WriteStartArray("errors");
            foreach (var e in errors.Items)
            {
                w.WriteStartObject();
                w.WriteString("file", e.File);
                w.WriteNumber("line", e.Line);
                w.WriteString("column", e.Column);
                w.WriteString("message", e.Message);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
