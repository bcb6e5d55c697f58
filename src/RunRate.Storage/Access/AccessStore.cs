using System.Data.Common;
using RunRate.Storage.Workspaces;

namespace RunRate.Storage.Access;

/// <summary>
/// <see cref="IAccessStore"/> over the <c>access_*</c> tables, the same SQL on SQLite and PostgreSQL. Every
/// operation opens its own pooled connection and every write is one transaction, so one instance may be shared
/// by the threads of a web server.
/// </summary>
internal sealed partial class AccessStore : IAccessStore
{
    private const string UserColumns = "u.user_key, u.name, u.created, u.disabled, m.ws_key, m.role";

    private readonly AccessDb _db;
    private readonly TimeProvider _clock;

    public AccessStore(AccessDb db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
    }

    public int SchemaVersion => AccessMigrations.Version(_db);

    public bool HasUsers() => _db.Read(c => AccessDb.Query(c, null, "SELECT 1 FROM access_users LIMIT 1", _ => true).Count > 0);

    public IReadOnlyList<WorkspaceInfo> Workspaces() => _db.Read(c =>
        AccessDb.Query(c, null, "SELECT ws_key, name, created FROM access_workspaces", r => new WorkspaceInfo(r.GetString(0), r.GetString(1), AccessDb.ParseTime(r.GetString(2)))))
        .OrderBy(w => w.Key, StringComparer.Ordinal)
        .ToList();

    public WriteOutcome AddWorkspace(string key, string name)
    {
        Workspace.Check(key);
        var label = AccessNames.Label(name, "workspace");
        return _db.Write(
            (c, t) =>
            {
                if (Exists(c, t, "SELECT 1 FROM access_workspaces WHERE ws_key = @k", key))
                {
                    return WriteOutcome.AlreadyExists;
                }

                AccessDb.Execute(c, t, "INSERT INTO access_workspaces (ws_key, name, created) VALUES (@k, @n, @c)", ("@k", key), ("@n", label), ("@c", Now()));
                return WriteOutcome.Done;
            },
            WriteOutcome.AlreadyExists);
    }

    public WriteOutcome AddUser(string name, string password)
    {
        var user = AccessNames.User(name);
        var hash = PasswordHasher.Hash(Passwords.Check(password));
        var key = AccessNames.Key(user);
        return _db.Write(
            (c, t) =>
            {
                if (Exists(c, t, "SELECT 1 FROM access_users WHERE user_key = @k", key))
                {
                    return WriteOutcome.AlreadyExists;
                }

                var now = Now();
                AccessDb.Execute(
                    c,
                    t,
                    "INSERT INTO access_users (user_key, name, password_hash, created, password_changed, disabled) VALUES (@k, @n, @h, @c, @c, 0)",
                    ("@k", key),
                    ("@n", user),
                    ("@h", hash),
                    ("@c", now));
                return WriteOutcome.Done;
            },
            WriteOutcome.AlreadyExists);
    }

    public UserInfo? FindUser(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ReadUsers(AccessNames.Key(name)).SingleOrDefault();
    }

    public IReadOnlyList<UserInfo> Users() => ReadUsers(null);

    public WriteOutcome SetPassword(string name, string password)
    {
        ArgumentNullException.ThrowIfNull(name);
        var hash = PasswordHasher.Hash(Passwords.Check(password));
        var key = AccessNames.Key(name);
        return _db.Write(
            (c, t) =>
            {
                if (AccessDb.Execute(c, t, "UPDATE access_users SET password_hash = @h, password_changed = @c, locked_until = NULL WHERE user_key = @k", ("@h", hash), ("@c", Now()), ("@k", key)) == 0)
                {
                    return WriteOutcome.NotFound;
                }

                AccessDb.Execute(c, t, "DELETE FROM access_login_failures WHERE user_key = @k", ("@k", key));
                return WriteOutcome.Done;
            },
            WriteOutcome.Conflict);
    }

    public WriteOutcome SetDisabled(string name, bool disabled)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = AccessNames.Key(name);
        return _db.Write(
            (c, t) => AccessDb.Execute(c, t, "UPDATE access_users SET disabled = @d WHERE user_key = @k", ("@d", disabled ? 1 : 0), ("@k", key)) == 0 ? WriteOutcome.NotFound : WriteOutcome.Done,
            WriteOutcome.Conflict);
    }

    public WriteOutcome SetMembership(string user, string workspace, Role? role)
    {
        ArgumentNullException.ThrowIfNull(user);
        Workspace.Check(workspace);
        var key = AccessNames.Key(user);
        var roleKey = role is { } r ? AccessRoles.Key(r) : null;
        return _db.Write(
            (c, t) =>
            {
                if (!Exists(c, t, "SELECT 1 FROM access_users WHERE user_key = @k", key) || !Exists(c, t, "SELECT 1 FROM access_workspaces WHERE ws_key = @k", workspace))
                {
                    return WriteOutcome.NotFound;
                }

                AccessDb.Execute(c, t, "DELETE FROM access_memberships WHERE user_key = @u AND ws_key = @w", ("@u", key), ("@w", workspace));
                if (roleKey is not null)
                {
                    AccessDb.Execute(c, t, "INSERT INTO access_memberships (user_key, ws_key, role) VALUES (@u, @w, @r)", ("@u", key), ("@w", workspace), ("@r", roleKey));
                }

                return WriteOutcome.Done;
            },
            WriteOutcome.Conflict);
    }

    public void Dispose() => _db.Dispose();

    private string Now() => AccessDb.Time(_clock.GetUtcNow());

    private static bool Exists(DbConnection connection, DbTransaction? transaction, string sql, string key) =>
        AccessDb.Query(connection, transaction, sql, _ => true, ("@k", key)).Count > 0;

    private List<UserInfo> ReadUsers(string? key)
    {
        var sql = $"SELECT {UserColumns} FROM access_users u LEFT JOIN access_memberships m ON m.user_key = u.user_key" + (key is null ? "" : " WHERE u.user_key = @k");
        var rows = _db.Read(c => AccessDb.Query(
            c,
            null,
            sql,
            r => (Key: r.GetString(0), Name: r.GetString(1), Created: AccessDb.ParseTime(r.GetString(2)), Disabled: AccessDb.Integer(r, 3) != 0, Workspace: r.IsDBNull(4) ? null : r.GetString(4), Role: r.IsDBNull(5) ? null : r.GetString(5)),
            key is null ? [] : [("@k", key)]));
        return rows
            .GroupBy(r => r.Key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var first = g.First();
                var memberships = new SortedDictionary<string, Role>(StringComparer.Ordinal);
                foreach (var row in g.Where(r => r.Workspace is not null))
                {
                    memberships[row.Workspace!] = AccessRoles.Parse(row.Role);
                }

                return new UserInfo(first.Name, first.Created, first.Disabled, memberships);
            })
            .ToList();
    }
}
