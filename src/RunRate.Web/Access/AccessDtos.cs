using RunRate.Storage.Access;

namespace RunRate.Web.Access;

/// <summary>The body of <c>POST /api/auth/login</c>.</summary>
internal sealed record LoginRequest(string? User, string? Password);

/// <summary>The body of <c>POST /api/auth/workspace</c>.</summary>
internal sealed record WorkspaceChoice(string? Workspace);

/// <summary>One workspace the caller may use, with its role there.</summary>
internal sealed record WorkspaceDto(string Key, string Name, string Role);

/// <summary>Who the caller is: <c>GET /api/auth/me</c> and the answer of a login.</summary>
/// <param name="User">The actor name (user, <c>token:NAME</c> or <c>demo</c>).</param>
/// <param name="Workspace">The workspace requests act on.</param>
/// <param name="Role">The role there.</param>
/// <param name="Workspaces">Every workspace the caller may switch to.</param>
/// <param name="Mode"><c>login</c> (signed in), <c>token</c> or <c>demo</c> (open, no login).</param>
/// <param name="Csrf">For a session: the value the dashboard sends in <c>X-RunRate-Csrf</c> on every change.</param>
internal sealed record MeResponse(string User, string Workspace, string Role, IReadOnlyList<WorkspaceDto> Workspaces, string Mode, string? Csrf);

/// <summary>The body of <c>POST /api/tokens</c>.</summary>
/// <param name="Name">A label (what the token is for).</param>
/// <param name="Role">viewer, sales, finance or admin.</param>
/// <param name="Expires">When it stops working (ISO 8601); null: never.</param>
internal sealed record TokenRequest(string? Name, string? Role, DateTimeOffset? Expires);

/// <summary>A token's public facts (never its secret).</summary>
internal sealed record TokenDto(string Id, string Name, string Workspace, string Role, DateTimeOffset Created, string CreatedBy, DateTimeOffset? Expires, DateTimeOffset? Revoked, DateTimeOffset? LastUsed)
{
    public static TokenDto From(TokenInfo t) =>
        new(t.Id, t.Name, t.Workspace, Roles.Name(t.Role), t.Created, t.CreatedBy, t.Expires, t.Revoked, t.LastUsed);
}

/// <summary>A token just created: <see cref="Secret"/> is shown this once.</summary>
internal sealed record NewTokenDto(TokenDto Token, string Secret);

/// <summary>The tokens of the workspace.</summary>
internal sealed record TokensResponse(IReadOnlyList<TokenDto> Tokens);

/// <summary>A member of the workspace.</summary>
internal sealed record UserDto(string Name, string Role, bool Disabled);

/// <summary>The members of the workspace.</summary>
internal sealed record UsersResponse(IReadOnlyList<UserDto> Users);

/// <summary>Role names as the API writes and reads them (lower case).</summary>
internal static class Roles
{
    public static string Name(Role role) => role.ToString().ToLowerInvariant();

    public static Role? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "viewer" => Role.Viewer,
        "sales" => Role.Sales,
        "finance" => Role.Finance,
        "admin" => Role.Admin,
        _ => null,
    };
}
