namespace RunRate.Web.Infrastructure.Access;

/// <summary>The authentication scheme names and the claims RunRate puts in a principal.</summary>
internal static class AccessSchemes
{
    /// <summary>Picks <see cref="Token"/> for <c>Authorization: Bearer …</c>, else <see cref="Cookie"/>.</summary>
    public const string Default = "RunRate";

    /// <summary>The dashboard's session cookie.</summary>
    public const string Cookie = "RunRateCookie";

    /// <summary>API tokens (<c>Authorization: Bearer rr_…</c>).</summary>
    public const string Token = "RunRateToken";

    /// <summary>Open demo mode: every request is <c>demo</c>, admin of the default workspace.</summary>
    public const string Demo = "RunRateDemo";

    /// <summary>The session cookie's name.</summary>
    public const string CookieName = "runrate_session";

    /// <summary>The header a cookie-authenticated unsafe request must carry (the session's CSRF value).</summary>
    public const string CsrfHeader = "X-RunRate-Csrf";

    /// <summary>The header that picks one of the user's workspaces for one request.</summary>
    public const string WorkspaceHeader = "X-RunRate-Workspace";

    /// <summary>How the principal signed in: "user", "token" or "demo".</summary>
    public const string KindClaim = "runrate:kind";

    /// <summary>A user's chosen workspace, or a token's only workspace.</summary>
    public const string WorkspaceClaim = "runrate:workspace";

    /// <summary>A token's role (a user's role is read from its memberships on every request).</summary>
    public const string RoleClaim = "runrate:role";

    /// <summary>The session id, which sign-out revokes.</summary>
    public const string SessionClaim = "runrate:sid";

    /// <summary>The session's CSRF value, echoed by the dashboard in <see cref="CsrfHeader"/>.</summary>
    public const string CsrfClaim = "runrate:csrf";

    /// <summary>A token's id.</summary>
    public const string TokenIdClaim = "runrate:token";
}
