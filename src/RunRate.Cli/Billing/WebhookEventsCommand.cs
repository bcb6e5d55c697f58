using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using RunRate.Cli.Common;
using RunRate.Storage.Crm;
using Spectre.Console;

namespace RunRate.Cli.Billing;

/// <summary>
/// <c>runrate webhook events</c>: the billing events processed, newest first, with what each changed,
/// so that "did Stripe's cancellation reach the ledger?" has an answer without opening the database.
/// </summary>
internal sealed class WebhookEventsCommand(CliContext context)
{
    private readonly Option<string?> _db = Common.Options.Db();
    private readonly Option<int> _limit = new("--limit") { Description = "At most this many events (default 50)", HelpName = "N", DefaultValueFactory = _ => 50 };
    private readonly Option<bool> _json = Common.Options.Json();

    public Command Build()
    {
        var command = new Command("events", "List processed billing events, newest first (same JSON as GET /api/webhooks/events)") { _db, _limit, _json };
        command.SetAction(parse => Run.Safely(context, () => Execute(parse)));
        return command;
    }

    private int Execute(ParseResult parse)
    {
        var limit = parse.GetValue(_limit);
        if (limit < 1)
        {
            throw new CliException($"--limit must be at least 1, found {limit}", ExitCodes.Usage);
        }

        IReadOnlyList<BillingEventRecord> events;
        using (var store = LedgerAccess.Open(context, parse.GetValue(_db), create: false))
        {
            events = store.Crm.BillingEvents(limit);
        }

        if (parse.GetValue(_json))
        {
            Json(events);
            return ExitCodes.Success;
        }

        if (events.Count == 0)
        {
            context.Console.MarkupLine("No billing events yet. Point Stripe at /api/webhooks/stripe of `runrate serve` (see docs/crm.md).");
            return ExitCodes.Success;
        }

        var table = new Table().RoundedBorder().Title($"Billing events, newest first ({Format.Count(events.Count)})");
        table.AddColumns("Received (UTC)", "Event", "Type", "Summary");
        foreach (var e in events)
        {
            table.AddRow(Timestamp(e.ReceivedAt, "yyyy-MM-dd HH:mm:ss"), Markup.Escape(e.EventId), Markup.Escape(e.Type), Markup.Escape(e.Summary));
        }

        context.Console.Write(table);
        return ExitCodes.Success;
    }

    private void Json(IReadOnlyList<BillingEventRecord> events)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("events");
            foreach (var e in events)
            {
                json.WriteStartObject();
                json.WriteString("event_id", e.EventId);
                json.WriteString("type", e.Type);
                json.WriteString("received_at", Timestamp(e.ReceivedAt, "yyyy-MM-dd'T'HH:mm:ss'Z'"));
                json.WriteString("summary", e.Summary);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        context.Output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        context.Output.Flush();
    }

    private static string Timestamp(DateTimeOffset at, string format) => at.UtcDateTime.ToString(format, CultureInfo.InvariantCulture);
}
