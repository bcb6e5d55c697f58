namespace RunRate.Storage.Audit;

/// <summary>
/// Appends the entries of one actor's writes to a store's audit log, stamped with the store's clock.
/// The entity of an entry is the part of its action before the dot (<c>line.update</c> → <c>line</c>).
/// With a log of the stores of this assembly (<see cref="ITransactionalAuditLog"/>) the entry is written in the
/// write's own transaction, so the change and its entry commit together; any other log gets it right after.
/// </summary>
internal sealed class AuditRecorder(IAuditLog log, string actor, TimeProvider clock)
{
    public string Actor => actor;

    /// <summary>Runs <paramref name="write"/> and records an entry, in its transaction, when it is <see cref="WriteOutcome.Done"/>; returns the outcome either way.</summary>
    public WriteOutcome Record(Func<WriteOutcome> write, string action, string? id, string? before, Func<string?> after, string? detail = null) =>
        Within(write, outcome => outcome == WriteOutcome.Done, () => Entry(action, id, before, after(), detail));

    /// <summary>Appends an entry when <paramref name="outcome"/> is <see cref="WriteOutcome.Done"/> (after the write's own commit); returns the outcome either way.</summary>
    public WriteOutcome Record(WriteOutcome outcome, string action, string? id, string? before, Func<string?> after, string? detail = null)
    {
        if (outcome == WriteOutcome.Done)
        {
            Append(action, id, before, after(), detail);
        }

        return outcome;
    }

    /// <summary>
    /// Runs <paramref name="write"/> with <paramref name="entry"/> armed: the store builds and appends it inside the
    /// transaction that commits the write (and not at all when the write commits nothing). A log that cannot take part
    /// in the store's transactions gets the entry appended after the write, when <paramref name="done"/> says it wrote.
    /// </summary>
    public T Within<T>(Func<T> write, Func<T, bool> done, Func<AuditEntry?> entry)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(done);
        ArgumentNullException.ThrowIfNull(entry);
        if (log is ITransactionalAuditLog transactional)
        {
            using (transactional.Pending.Arm(entry))
            {
                return write();
            }
        }

        var result = write();
        if (done(result) && entry() is { } built)
        {
            log.Append(built);
        }

        return result;
    }

    public AuditEntry Append(string action, string? id, string? before, string? after, string? detail) =>
        log.Append(Entry(action, id, before, after, detail));

    /// <summary>An entry of this actor, stamped now.</summary>
    public AuditEntry Entry(string action, string? id, string? before, string? after, string? detail) =>
        new(0, clock.GetUtcNow(), actor, action, action[..action.IndexOf('.', StringComparison.Ordinal)], id, before, after, detail);

    public static string Verb(WriteMode mode) => mode == WriteMode.Create ? "create" : "update";
}
