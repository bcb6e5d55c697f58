using System.Globalization;
using System.Text;

namespace RunRate.Storage.Audit;

/// <summary>
/// The audit log's shared outside formats, so the CLI's <c>runrate audit --csv</c> and the API's
/// <c>/api/audit.csv</c> write the same bytes: one CSV row per entry (before and after as their JSON
/// text) and timestamps in UTC ISO 8601.
/// </summary>
public static class AuditExport
{
    /// <summary>Entries read per query while streaming a whole log.</summary>
    public const int PageSize = 1000;

    /// <summary>The CSV header row (without line break).</summary>
    public const string CsvHeader = "seq,at,actor,action,entity,entity_id,before,after,detail";

    /// <summary>An entry's time as UTC ISO 8601 with as many fraction digits as it has (for example <c>2026-03-02T09:00:00Z</c>).</summary>
    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>One CSV row of <paramref name="entry"/>, ending with a line break; fields are quoted when they need it (RFC 4180).</summary>
    public static string CsvRow(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var row = new StringBuilder();
        row.Append(entry.Seq.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(Timestamp(entry.At)).Append(',')
            .Append(Field(entry.Actor)).Append(',')
            .Append(Field(entry.Action)).Append(',')
            .Append(Field(entry.Entity)).Append(',')
            .Append(Field(entry.EntityId)).Append(',')
            .Append(Field(entry.Before)).Append(',')
            .Append(Field(entry.After)).Append(',')
            .Append(Field(entry.Detail)).Append("\r\n");
        return row.ToString();
    }

    /// <summary>
    /// Every entry matching <paramref name="query"/> (its limit is ignored), newest first, read a page at a time
    /// so a large log streams without being held in memory.
    /// </summary>
    public static IEnumerable<AuditEntry> All(IAuditLog log, AuditQuery query)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(query);
        var page = query with { Limit = PageSize };
        while (true)
        {
            var entries = log.List(page);
            foreach (var entry in entries)
            {
                yield return entry;
            }

            if (entries.Count < PageSize)
            {
                yield break;
            }

            page = page with { BeforeSeq = entries[^1].Seq };
        }
    }

    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        // A leading =, +, - or @ would be a formula to a spreadsheet: prefix a quote so it stays text.
        if (value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
