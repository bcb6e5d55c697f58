using RunRate.Storage.Access;

namespace RunRate.Web.Infrastructure.Access;

/// <summary>
/// Who is making the current request and in which workspace, as the access middleware resolved it: a user
/// (its name), an API token (<c>token:NAME</c>), <c>demo</c> in open mode, or <c>webhook:stripe</c>. Scoped per
/// request; the per-request <see cref="LedgerStores"/> is opened in <see cref="Workspace"/> as <see cref="Name"/>,
/// so the audit log records who wrote.
/// </summary>
public sealed class RequestActor
{
    /// <summary>The actor name recorded in the audit log; null before the request is authenticated (anonymous endpoints).</summary>
    public string? Name { get; private set; }

    /// <summary>The workspace the request reads and writes.</summary>
    public string Workspace { get; private set; } = RunRate.Storage.Workspaces.Workspace.Default;

    /// <summary>The actor's role in <see cref="Workspace"/>.</summary>
    public Role Role { get; private set; } = Role.Viewer;

    /// <summary>How the actor signed in.</summary>
    internal ActorKind Kind { get; private set; } = ActorKind.None;

    internal void Set(string name, string workspace, Role role, ActorKind kind)
    {
        Name = name;
        Workspace = workspace;
        Role = role;
        Kind = kind;
    }
}

/// <summary>How a request was authenticated.</summary>
internal enum ActorKind
{
    /// <summary>Not (yet) authenticated.</summary>
    None,

    /// <summary>A dashboard user with a session cookie.</summary>
    User,

    /// <summary>An API token.</summary>
    Token,

    /// <summary>Open demo mode.</summary>
    Demo,
}
