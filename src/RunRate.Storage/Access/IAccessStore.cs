namespace RunRate.Storage.Access;

/// <summary>
/// Who may see which company's books: workspaces, users with a role per workspace, login failures (for
/// lockout) and API tokens. Kept in the control tables beside the default workspace (SQLite: the main file;
/// PostgreSQL: the database's public schema), never inside a workspace's own store, so a workspace's data
/// and its keys are separate. Passwords are stored as Argon2id hashes and tokens as SHA-256 hashes: neither
/// can be read back, and neither is ever written to a log or the audit log.
/// </summary>
public interface IAccessStore : IDisposable
{
    /// <summary>True once any user exists (the first <c>runrate serve</c> creates the admin when false).</summary>
    bool HasUsers();

    /// <summary>Every workspace, by key; the default workspace always exists.</summary>
    IReadOnlyList<WorkspaceInfo> Workspaces();

    /// <summary>Adds a workspace; <see cref="WriteOutcome.AlreadyExists"/> when the key is taken.</summary>
    WriteOutcome AddWorkspace(string key, string name);

    /// <summary>Adds a user with a password (hashed here); <see cref="WriteOutcome.AlreadyExists"/> when the name is taken (ignoring case).</summary>
    WriteOutcome AddUser(string name, string password);

    /// <summary>One user (name compared ignoring case), or null.</summary>
    UserInfo? FindUser(string name);

    /// <summary>Every user, by name.</summary>
    IReadOnlyList<UserInfo> Users();

    /// <summary>Replaces a user's password and clears its lockout.</summary>
    WriteOutcome SetPassword(string name, string password);

    /// <summary>Disables or enables a user; a disabled user cannot log in and its sessions stop working.</summary>
    WriteOutcome SetDisabled(string name, bool disabled);

    /// <summary>Gives a user a role in a workspace (replacing any other), or with null removes it from the workspace.</summary>
    WriteOutcome SetMembership(string user, string workspace, Role? role);

    /// <summary>
    /// Checks a password. Failures are counted per user; after <see cref="AccessPolicy.MaxFailures"/> within
    /// <see cref="AccessPolicy.FailureWindow"/> the user is locked out for <see cref="AccessPolicy.Lockout"/>,
    /// during which even the right password is refused. A success clears the count.
    /// </summary>
    LoginAttempt Login(string name, string password);

    /// <summary>Creates a token for one workspace and role; the secret is in the result only, never stored.</summary>
    NewToken CreateToken(string name, string workspace, Role role, DateTimeOffset? expires, string createdBy);

    /// <summary>Tokens (never their secrets), of one workspace or all.</summary>
    IReadOnlyList<TokenInfo> Tokens(string? workspace);

    /// <summary>Revokes a token by id; <see cref="WriteOutcome.NotFound"/> when unknown.</summary>
    WriteOutcome RevokeToken(string id);

    /// <summary>The token a secret belongs to, when it is known, not revoked and not expired; else null. Records its last use.</summary>
    TokenInfo? Authenticate(string secret);
}

/// <summary>The four roles, from least to most allowed.</summary>
public enum Role
{
    /// <summary>Reads every report and record; writes nothing.</summary>
    Viewer,

    /// <summary>Reads revenue; reads and writes the CRM (accounts' contacts, deals, activities, targets).</summary>
    Sales,

    /// <summary>Reads and writes all revenue data (ledger, costs, scenarios) and the CRM; reads the audit log.</summary>
    Finance,

    /// <summary>Everything, including users, tokens and workspaces.</summary>
    Admin,
}

/// <summary>Lockout and token settings.</summary>
public static class AccessPolicy
{
    /// <summary>Failed logins that lock a user out.</summary>
    public const int MaxFailures = 5;

    /// <summary>The window in which failures are counted.</summary>
    public static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(15);

    /// <summary>How long a lockout lasts.</summary>
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

    /// <summary>The prefix of every token secret, so secret scanners can recognise a leaked one.</summary>
    public const string TokenPrefix = "rr_";
}

/// <summary>A workspace (one company's books).</summary>
public sealed record WorkspaceInfo(string Key, string Name, DateTimeOffset Created);

/// <summary>A user and its role in each workspace it belongs to.</summary>
public sealed record UserInfo(string Name, DateTimeOffset Created, bool Disabled, IReadOnlyDictionary<string, Role> Memberships);

/// <summary>An API token's public facts.</summary>
public sealed record TokenInfo(string Id, string Name, string Workspace, Role Role, DateTimeOffset Created, string CreatedBy, DateTimeOffset? Expires, DateTimeOffset? Revoked, DateTimeOffset? LastUsed);

/// <summary>A token just created: <see cref="Secret"/> is shown once and cannot be recovered.</summary>
public sealed record NewToken(TokenInfo Info, string Secret);

/// <summary>The outcome of a login.</summary>
public enum LoginResult
{
    /// <summary>Name and password match.</summary>
    Ok,

    /// <summary>Unknown user or wrong password (not told apart, so names cannot be probed).</summary>
    Invalid,

    /// <summary>Too many failures; try again after <see cref="LoginAttempt.LockedUntil"/>.</summary>
    LockedOut,

    /// <summary>The user is disabled.</summary>
    Disabled,
}

/// <summary>What a login attempt found.</summary>
public sealed record LoginAttempt(LoginResult Result, UserInfo? User, DateTimeOffset? LockedUntil);
