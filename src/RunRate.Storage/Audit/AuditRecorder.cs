namespace RunRate.Storage.Audit;

/// <summary>
/// Appends the entries of one actor's writes to a store's audit log, stamped with the store's clock.
/// The entity of an entry is the part of its action before the dot (<c>line.update</c> → <c>line</c>).
/// </summary>
internal sealed class AuditRecorder(IAuditLog log, string actor, TimeProvider clock)
{
    public string Actor => actor;

    /// <summary>Appends an entry when <paramref name="outcome"/> is <see cref="WriteOutcome.Done"/>; returns the outcome either way.</summary>
    public WriteOutcome Record(WriteOutcome outcome, string action, string? id, string? before, Func<string?> after, string? detail = null)
    {
        if (outcome == WriteOutcome.Done)
        {
            Append(action, id, before, after(), detail);
        }

        return outcome;
    }

    public AuditEntry Append(string action, string? id, string? before, string? after, string? detail) =>
        log.Append(new AuditEntry(0, clock.GetUtcNow(), actor, action, action[..action.IndexOf('.', StringComparison.Ordinal)], id, before, after, detail));

    public static string Verb(WriteMode mode) => mode == WriteMode.Create ? "create" : "update";
}
