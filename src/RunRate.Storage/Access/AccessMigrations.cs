using System.Data.Common;
using RunRate.Storage.Workspaces;

namespace RunRate.Storage.Access;

/// <summary>
/// The access tables' schema as an append-only list of steps, one SQL text for SQLite and PostgreSQL; the applied
/// version is the single row of <c>access_schema</c> (separate from the ledger's own versioning, because on
/// PostgreSQL these tables live in <c>public</c> and the ledgers in their workspace schemas).
/// </summary>
internal static class AccessMigrations
{
    public static readonly string[] Steps =
    [
        // 1: workspaces, users with a role per workspace, recent login failures, API tokens (hashes only)
        """
        CREATE TABLE access_workspaces (
            ws_key TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            created TEXT NOT NULL
        );
        CREATE TABLE access_users (
            user_key TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            created TEXT NOT NULL,
            password_changed TEXT NOT NULL,
            disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
            locked_until TEXT
        );
        CREATE TABLE access_memberships (
            user_key TEXT NOT NULL REFERENCES access_users(user_key),
            ws_key TEXT NOT NULL REFERENCES access_workspaces(ws_key),
            role TEXT NOT NULL CHECK (role IN ('admin', 'finance', 'sales', 'viewer')),
            PRIMARY KEY (user_key, ws_key)
        );
        CREATE TABLE access_login_failures (
            user_key TEXT NOT NULL REFERENCES access_users(user_key),
            failed_at TEXT NOT NULL
        );
        CREATE INDEX access_login_failures_by_user ON access_login_failures(user_key);
        CREATE TABLE access_tokens (
            token_id TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL,
            ws_key TEXT NOT NULL REFERENCES access_workspaces(ws_key),
            role TEXT NOT NULL CHECK (role IN ('admin', 'finance', 'sales', 'viewer')),
            secret_sha256 TEXT NOT NULL UNIQUE,
            created TEXT NOT NULL,
            created_by TEXT NOT NULL,
            expires TEXT,
            revoked TEXT,
            last_used TEXT
        );
        CREATE UNIQUE INDEX access_tokens_active_name ON access_tokens(ws_key, name_key) WHERE revoked IS NULL;
        """,
    ];

    /// <summary>Brings the tables up to date (concurrent openers wait for each other) and makes sure the default workspace exists.</summary>
    public static int Apply(AccessDb db, DateTimeOffset now) => db.Write(
        (connection, transaction) =>
        {
            if (db.IsPostgres)
            {
                // Serialises concurrent first opens; SQLite's BEGIN IMMEDIATE already does.
                AccessDb.Execute(connection, transaction, "SELECT pg_advisory_xact_lock(7007001)");
            }

            AccessDb.Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS access_schema (version INTEGER NOT NULL)");
            var versions = AccessDb.Query(connection, transaction, "SELECT version FROM access_schema", r => (int)AccessDb.Integer(r, 0));
            if (versions.Count == 0)
            {
                AccessDb.Execute(connection, transaction, "INSERT INTO access_schema (version) VALUES (0)");
            }

            var version = versions.Count == 0 ? 0 : versions.Max();
            if (version > Steps.Length)
            {
                throw new StoreException($"The access tables of {db.Location} were written by a newer RunRate (access schema {version}, this version knows {Steps.Length}). Upgrade RunRate.");
            }

            for (var step = version; step < Steps.Length; step++)
            {
                ExecuteScript(connection, transaction, Steps[step]);
                AccessDb.Execute(connection, transaction, "UPDATE access_schema SET version = @v", ("@v", step + 1));
            }

            AccessDb.Execute(
                connection,
                transaction,
                "INSERT INTO access_workspaces (ws_key, name, created) VALUES (@k, @n, @c) ON CONFLICT (ws_key) DO NOTHING",
                ("@k", Workspace.Default),
                ("@n", "Default"),
                ("@c", AccessDb.Time(now)));
            return Steps.Length;
        },
        onConflict: Steps.Length);

    private static void ExecuteScript(DbConnection connection, DbTransaction transaction, string script)
    {
        foreach (var statement in script.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            AccessDb.Execute(connection, transaction, statement);
        }
    }

    /// <summary>The version recorded in <c>access_schema</c>.</summary>
    public static int Version(AccessDb db) => db.Read(connection =>
        AccessDb.Query(connection, null, "SELECT version FROM access_schema", r => (int)AccessDb.Integer(r, 0)).Single());
}
