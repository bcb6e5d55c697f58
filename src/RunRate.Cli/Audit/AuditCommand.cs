using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using RunRate.Cli.Common;
using RunRate.Storage.Audit;
using Spectre.Console;

namespace RunRate.Cli.Audit;

/// <summary>
/// <c>runrate audit</c>: the workspace's audit log, newest first — who changed what, when, and the record
/// before and after — as a table, the JSON of <c>GET /api/audit</c>, or the CSV of <c>GET /api/audit.csv</c>.
/// </summary>
internal sealed class AuditCommand(CliContext context)
{
    private const int DefaultLimit = 50;

    private readonly Option<string?> _db = Common.Options.Db();
    private readonly Option<int?> _limit = new("--limit") { Description = $"At most this many entries (default {DefaultLimit}; --csv without it writes every entry)", HelpName = "N" };
    private readonly Option<string?> _entity = new("--entity") { Description = "Only this kind of record (customer, line, deal, scenario, ledger, ...)", HelpName = "E" };
    private readonly Option<string?> _id = new("--id") { Description = "Only this record id", HelpName = "ID" };
    private readonly Option<string?> _actor = new("--actor") { Description = "Only this actor (a user, token:NAME, cli:USER, webhook:stripe, demo)", HelpName = "A" };
    private readonly Option<DateOnly?> _since = Common.Options.Day("--since", "Only entries on or after this day (UTC)");
    private readonly Option<bool> _json = Common.Options.Json();
    private readonly Option<bool> _csv = Common.Options.Csv();

    public Command Build()
    {
        var command = new Command("audit", "Show the audit log: every write with who, when and what changed, newest first (docs/audit.md)") { _db, _limit, _entity, _id, _actor, _since };
        Common.Options.AddFormats(command, _json, _csv);
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var limit = parse.GetValue(_limit);
        if (limit is < 1 or > 10_000)
        {
            throw new CliException($"--limit: expected a whole number from 1 to 10000, found {limit}", ExitCodes.Usage);
        }

        var query = new AuditQuery(
            Entity: Filter(parse.GetValue(_entity), "--entity"),
            EntityId: Filter(parse.GetValue(_id), "--id"),
            Actor: Filter(parse.GetValue(_actor), "--actor"),
            From: parse.GetValue(_since) is { } since ? new DateTimeOffset(since.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null);
        using var store = LedgerAccess.Open(context, parse.GetValue(_db), create: false);
        if (parse.GetValue(_csv))
        {
            context.Output.Write(AuditExport.CsvHeader + "\r\n");
            var rows = AuditExport.All(store.Audit, query);
            foreach (var entry in limit is { } n ? rows.Take(n) : rows)
            {
                context.Output.Write(AuditExport.CsvRow(entry));
            }

            context.Output.Flush();
            return ExitCodes.Success;
        }

        var page = query with { Limit = limit ?? DefaultLimit };
        var entries = store.Audit.List(page);
        if (parse.GetValue(_json))
        {
            Json(entries, entries.Count == page.Limit ? entries[^1].Seq : null);
            return ExitCodes.Success;
        }

        if (entries.Count == 0)
        {
            context.Console.MarkupLine("No audit entries match. Every write (import, dashboard, API, CLI, webhook) adds one; see docs/audit.md.");
            return ExitCodes.Success;
        }

        var table = new Table().RoundedBorder().Title($"Audit log, newest first ({Format.Count(entries.Count)})");
        table.AddColumns("#", "When (UTC)", "Who", "Action", "Record", "Change");
        foreach (var e in entries)
        {
            table.AddRow(
                e.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture),
                e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(e.Actor),
                Markup.Escape(e.Action),
                Markup.Escape(e.EntityId ?? ""),
                Markup.Escape(Change(e)));
        }

        context.Console.Write(table);
        return ExitCodes.Success;
    }

    /// <summary>The fields that differ between before and after (<c>name: Acme → Acme Corp</c>), else the entry's detail.</summary>
    internal static string Change(AuditEntry entry)
    {
        if (entry.Before is null || entry.After is null)
        {
            return entry.Detail ?? (entry.Before is null ? "created" : "deleted");
        }

        using var before = JsonDocument.Parse(entry.Before);
        using var after = JsonDocument.Parse(entry.After);
        var old = before.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText(), StringComparer.Ordinal);
        var now = after.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText(), StringComparer.Ordinal);
        var changes = old.Keys.Union(now.Keys, StringComparer.Ordinal)
            .Where(k => !string.Equals(old.GetValueOrDefault(k), now.GetValueOrDefault(k), StringComparison.Ordinal))
            .Select(k => $"{k}: {Show(old.GetValueOrDefault(k))} → {Show(now.GetValueOrDefault(k))}")
            .ToList();
        return changes.Count == 0 ? entry.Detail ?? "no change" : string.Join("; ", changes);
    }

    private static string Show(string? json) => json is null ? "—" : json.Trim('"');

    private static string? Filter(string? value, string option) => value is null
        ? null
        : string.IsNullOrWhiteSpace(value) ? throw new CliException($"{option}: must not be empty", ExitCodes.Usage) : value.Trim();

    /// <summary>The JSON of <c>GET /api/audit</c>: entries with before/after as objects, and the <c>before</c> of the next page.</summary>
    private void Json(IReadOnlyList<AuditEntry> entries, long? nextBefore)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("entries");
            foreach (var e in entries)
            {
                json.WriteStartObject();
                json.WriteNumber("seq", e.Seq);
                json.WriteString("at", AuditExport.Timestamp(e.At));
                json.WriteString("actor", e.Actor);
                json.WriteString("action", e.Action);
                json.WriteString("entity", e.Entity);
                Text(json, "entity_id", e.EntityId);
                Raw(json, "before", e.Before);
                Raw(json, "after", e.After);
                Text(json, "detail", e.Detail);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (nextBefore is { } next)
            {
                json.WriteNumber("next_before", next);
            }
            else
            {
                json.WriteNull("next_before");
            }

            json.WriteEndObject();
        }

        context.Output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        context.Output.Flush();
    }

    private static void Text(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void Raw(Utf8JsonWriter json, string name, string? value)
    {
        json.WritePropertyName(name);
        if (value is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteRawValue(value);
        }
    }
}
