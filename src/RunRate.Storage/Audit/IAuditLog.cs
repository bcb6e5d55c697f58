namespace RunRate.Storage.Audit;

/// <summary>
/// A workspace's append-only record of every write: who, when, what, and the record before and after.
/// Rows are never updated or deleted (the database refuses it); secrets (passwords, token values,
/// webhook secrets) are never written to it.
/// </summary>
public interface IAuditLog
{
    /// <summary>Appends one entry and returns it with its sequence number.</summary>
    AuditEntry Append(AuditEntry entry);

    /// <summary>Entries matching <paramref name="query"/>, newest first.</summary>
    IReadOnlyList<AuditEntry> List(AuditQuery query);
}

/// <summary>One audited write.</summary>
/// <param name="Seq">Position in the log (assigned on append; 0 before).</param>
/// <param name="At">When the write was committed (UTC).</param>
/// <param name="Actor">Who: a user name, <c>token:NAME</c>, <c>cli:USER</c>, <c>webhook:stripe</c> or <c>demo</c>.</param>
/// <param name="Action">What kind of write, as <c>entity.verb</c> (for example <c>line.update</c>, <c>ledger.import</c>).</param>
/// <param name="Entity">The kind of record (customer, line, deal, ...).</param>
/// <param name="EntityId">The record's id, when the write touched one record.</param>
/// <param name="Before">The record before, as JSON, or null when it did not exist.</param>
/// <param name="After">The record after, as JSON, or null when it was deleted.</param>
/// <param name="Detail">A one-line human summary (counts of an import, the outcome of a webhook).</param>
public sealed record AuditEntry(long Seq, DateTimeOffset At, string Actor, string Action, string Entity, string? EntityId, string? Before, string? After, string? Detail);

/// <summary>A filter over the audit log; every part is optional.</summary>
/// <param name="Limit">At most this many entries (1..10,000).</param>
/// <param name="BeforeSeq">Only entries older than this sequence number (paging backwards).</param>
/// <param name="Entity">Only this kind of record.</param>
/// <param name="EntityId">Only this record.</param>
/// <param name="Actor">Only this actor.</param>
/// <param name="From">Only entries at or after this instant.</param>
/// <param name="To">Only entries before this instant.</param>
public sealed record AuditQuery(int Limit = 100, long? BeforeSeq = null, string? Entity = null, string? EntityId = null, string? Actor = null, DateTimeOffset? From = null, DateTimeOffset? To = null);
