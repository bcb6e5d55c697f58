using System.ComponentModel;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RunRate.Storage.Audit;
using RunRate.Web.Infrastructure;

namespace RunRate.Web.Audit;

/// <summary>
/// <c>/api/audit</c> and <c>/api/audit.csv</c>: the workspace's append-only record of every write (who, when,
/// what, before and after), newest first, with the same filters for the JSON pages and the full CSV export.
/// </summary>
internal static class AuditApi
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", List)
            .WithTags("Audit")
            .WithName("ListAuditEntries")
            .WithSummary("Audit log entries, newest first, one page at a time")
            .WithDescription("Every committed write (dashboard, API, CLI, webhook) with its actor, time, action and the record before and after. Page backwards with `before` = the previous answer's `next_before`. See docs/audit.md.")
            .Produces<AuditResponse>()
            .ProducesValidationProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/audit.csv", Csv)
            .WithTags("Audit")
            .WithName("ExportAuditCsv")
            .WithSummary("Every audit entry matching the filters, as CSV (streamed; limit and before are ignored)")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    private static Ok<AuditResponse> List(
        [Description("At most this many entries (1 to 1000, default 100).")] string? limit,
        [Description("Only entries older than this sequence number (the previous page's next_before).")] string? before,
        [Description("Only this kind of record: customer, line, contact, domains, deal, activity, target, pipeline, scenario, billing, crm, ledger.")] string? entity,
        [FromQuery(Name = "entity_id"), Description("Only this record id.")] string? entityId,
        [Description("Only this actor (exact).")] string? actor,
        [Description("Only entries at or after: YYYY-MM-DD (UTC midnight) or an ISO 8601 instant.")] string? from,
        [Description("Only entries up to: YYYY-MM-DD (that whole day, UTC) or an ISO 8601 instant (exclusive).")] string? to,
        LedgerStores stores)
    {
        var query = Filters(entity, entityId, actor, from, to) with
        {
            Limit = Number(limit, "limit", 1, MaxLimit) is { } n ? (int)n : DefaultLimit,
            BeforeSeq = Number(before, "before", 1, long.MaxValue),
        };
        using var store = stores.Open();
        var entries = store.Audit.List(query);
        var next = entries.Count == query.Limit ? entries[^1].Seq : (long?)null;
        return TypedResults.Ok(new AuditResponse([.. entries.Select(AuditEntryDto.From)], next));
    }

    private static PushStreamHttpResult Csv(
        string? entity,
        [FromQuery(Name = "entity_id")] string? entityId,
        string? actor,
        string? from,
        string? to,
        LedgerStores stores)
    {
        var query = Filters(entity, entityId, actor, from, to);
        return TypedResults.Stream(
            async body =>
            {
                using var store = stores.Open();
                await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                await writer.WriteAsync(AuditExport.CsvHeader + "\r\n");
                foreach (var entry in AuditExport.All(store.Audit, query))
                {
                    await writer.WriteAsync(AuditExport.CsvRow(entry));
                }

                await writer.FlushAsync();
            },
            "text/csv; charset=utf-8",
            "audit.csv");
    }

    private static AuditQuery Filters(string? entity, string? entityId, string? actor, string? from, string? to)
    {
        var start = Instant(from, "from", endOfDay: false);
        var end = Instant(to, "to", endOfDay: true);
        if (start is { } s && end is { } e && e <= s)
        {
            throw ApiException.BadRequest("to", $"must be after from ({from}), found '{to}'");
        }

        return new AuditQuery(Entity: Text(entity, "entity"), EntityId: Text(entityId, "entity_id"), Actor: Text(actor, "actor"), From: start, To: end);
    }

    private static string? Text(string? value, string field)
    {
        if (value is null)
        {
            return null;
        }

        var trimmed = value.Trim();
        return trimmed.Length switch
        {
            0 => throw ApiException.BadRequest(field, "must not be empty (leave it out to match everything)"),
            > 200 => throw ApiException.BadRequest(field, "is longer than 200 characters"),
            _ => trimmed,
        };
    }

    private static long? Number(string? value, string field, long min, long max)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw ApiException.BadRequest(field, max == long.MaxValue
                ? $"expected a positive whole number, found '{value}'"
                : $"expected a whole number from {min} to {max}, found '{value}'");
    }

    private static DateTimeOffset? Instant(string? value, string field, bool endOfDay)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var midnight = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return endOfDay ? midnight.AddDays(1) : midnight;
        }

        return value.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : throw ApiException.BadRequest(field, $"expected YYYY-MM-DD or an ISO 8601 instant such as 2026-03-02T09:00:00Z, found '{value}'");
    }
}
