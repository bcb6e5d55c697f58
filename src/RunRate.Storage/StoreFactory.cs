using RunRate.Storage.Audit;
using RunRate.Storage.Postgres;
using RunRate.Storage.Sqlite;
using RunRate.Storage.Workspaces;

namespace RunRate.Storage;

/// <summary>
/// Opens the store a location names: a PostgreSQL connection (<c>postgres://…</c>, <c>postgresql://…</c> or an
/// Npgsql key/value string with <c>Host=</c>) or else a SQLite file path. Every adapter (CLI, web) opens stores
/// through here, so the choice of engine is one string.
/// </summary>
public static class StoreFactory
{
    /// <summary>True when <paramref name="location"/> names a PostgreSQL server rather than a file.</summary>
    public static bool IsPostgres(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var trimmed = location.TrimStart();
        return trimmed.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || trimmed.Contains("Host=", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Opens (with <paramref name="create"/>, creates) the store of one workspace and brings its schema up to date.
    /// SQLite: the default workspace is the file itself, workspace <c>acme</c> of <c>runrate.db</c> is <c>runrate.acme.db</c> beside it.
    /// PostgreSQL: each workspace is the schema <c>ws_KEY</c> (hyphens as underscores) of the database the location names;
    /// an unreachable server or a refused login is a <see cref="StoreException"/> showing the location without its password.
    /// <paramref name="actor"/> names who writes through the returned store (a user, <c>token:NAME</c>, <c>cli:USER</c>),
    /// for the workspace's audit log: with an actor every successful write appends one entry (see <see cref="AuditedLedgerStore"/>);
    /// without one (null) nothing is recorded, for tools and tests that write on nobody's behalf.
    /// </summary>
    public static ILedgerStore Open(string location, bool create, string workspace = Workspace.Default, TimeProvider? clock = null, string? actor = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        Workspace.Check(workspace);
        clock ??= TimeProvider.System;
        if (IsPostgres(location))
        {
            return Audited(PostgresLedgerStore.Open(location, workspace, create, clock), actor, clock);
        }

        return Audited(SqliteLedgerStore.Open(SqliteWorkspacePath(location, workspace), create, clock), actor, clock);
    }

    /// <summary>Every engine's store, recording the writes of <paramref name="actor"/> when one is named.</summary>
    private static ILedgerStore Audited(ILedgerStore store, string? actor, TimeProvider clock) =>
        actor is null ? store : new AuditedLedgerStore(store, actor, clock);

    /// <summary>The SQLite file holding <paramref name="workspace"/> of the store at <paramref name="path"/>.</summary>
    public static string SqliteWorkspacePath(string path, string workspace)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Workspace.Check(workspace) == Workspace.Default)
        {
            return path;
        }

        var extension = Path.GetExtension(path);
        var stem = path[..^extension.Length];
        return $"{stem}.{workspace}{extension}";
    }
}
