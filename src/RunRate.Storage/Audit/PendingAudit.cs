namespace RunRate.Storage.Audit;

/// <summary>
/// An audit log that can write entries inside the store's own write transactions, so a change and its entry commit
/// together or not at all (a crash between two commits could otherwise leave a change without its entry).
/// </summary>
internal interface ITransactionalAuditLog
{
    /// <summary>The entries waiting for the store's next committed write.</summary>
    PendingAudit Pending { get; }
}

/// <summary>
/// Audit entries armed for the next write transaction a store commits. The auditing wrapper arms an entry around one
/// inner write; the store's write path (single-row <c>Write</c>, an import session's <c>Commit</c>) builds and appends
/// every armed entry inside its transaction, just before the commit, and only when it commits a change. Disposing the
/// scope of <see cref="Arm"/> drops whatever was not written (a refused write, an exception). A store instance is used
/// by one thread at a time, so one list per store is enough.
/// </summary>
internal sealed class PendingAudit
{
    private readonly List<Func<AuditEntry?>> _entries = [];

    /// <summary>Arms <paramref name="entry"/> (built at commit time; null to skip) until the returned scope is disposed.</summary>
    public Scope Arm(Func<AuditEntry?> entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _entries.Add(entry);
        return new Scope(this);
    }

    /// <summary>Builds the armed entries and hands each to <paramref name="append"/> (inside the committing transaction); disarms them.</summary>
    public void WriteInto(Action<AuditEntry> append)
    {
        ArgumentNullException.ThrowIfNull(append);
        if (_entries.Count == 0)
        {
            return;
        }

        Func<AuditEntry?>[] armed = [.. _entries];
        _entries.Clear();
        foreach (var build in armed)
        {
            if (build() is { } entry)
            {
                append(entry);
            }
        }
    }

    /// <summary>Disarms everything armed and not yet written.</summary>
    internal readonly struct Scope(PendingAudit pending) : IDisposable
    {
        public void Dispose() => pending._entries.Clear();
    }
}
