using System.ComponentModel;
using System.Text.Json;
using RunRate.Storage.Audit;

namespace RunRate.Web.Audit;

/// <summary>One audit entry; <c>before</c> and <c>after</c> are the record's JSON objects (null when it did not exist / was deleted).</summary>
internal sealed record AuditEntryDto(
    [property: Description("Position in the log; pass it as `before` to read older entries.")] long Seq,
    [property: Description("When the write committed, UTC ISO 8601.")] string At,
    [property: Description("Who wrote: a user name, token:NAME, cli:USER, webhook:stripe or demo.")] string Actor,
    [property: Description("entity.verb, e.g. line.update, ledger.import.")] string Action,
    string Entity,
    string? EntityId,
    JsonElement? Before,
    JsonElement? After,
    string? Detail)
{
    public static AuditEntryDto From(AuditEntry entry) => new(
        entry.Seq,
        AuditExport.Timestamp(entry.At),
        entry.Actor,
        entry.Action,
        entry.Entity,
        entry.EntityId,
        Parse(entry.Before),
        Parse(entry.After),
        entry.Detail);

    private static JsonElement? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}

/// <summary>A page of the audit log, newest first.</summary>
/// <param name="Entries">The entries.</param>
/// <param name="NextBefore">Pass as <c>before</c> for the next (older) page; null when this page reached the oldest matching entry.</param>
internal sealed record AuditResponse(IReadOnlyList<AuditEntryDto> Entries, long? NextBefore);
