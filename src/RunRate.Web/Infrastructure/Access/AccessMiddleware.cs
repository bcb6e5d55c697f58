using System.Security.Claims;
using RunRate.Storage.Access;

namespace RunRate.Web.Infrastructure.Access;

/// <summary>
/// Runs after routing and authentication: finds the endpoint in <see cref="EndpointAccess.Matrix"/>, resolves the
/// caller's workspace and role into <see cref="RequestActor"/>, and refuses what the role may not do. Order of
/// answers: not signed in → 401; a workspace the caller does not belong to (or that does not exist) → 404, so
/// existence is never revealed; role too low → 403; a cookie session's unsafe request without its CSRF header → 403.
/// </summary>
internal sealed class AccessMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, RequestActor actor, SessionRevocations revocations)
    {
        var endpoint = context.GetEndpoint() as RouteEndpoint;
        var pattern = endpoint?.RoutePattern.RawText;
        if (pattern is null || !IsApi(pattern))
        {
            await next(context); // the dashboard's files, the OpenAPI document
            return;
        }

        var need = EndpointAccess.Find(context.Request.Method, pattern)
            ?? throw Refused("this endpoint has no entry in the access matrix");
        if (need == Need.Anonymous)
        {
            await next(context);
            return;
        }

        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            throw new ApiException(StatusCodes.Status401Unauthorized, "Sign in first.", ApiException.Single(
                "authorization", "log in at /login (the session cookie) or send Authorization: Bearer rr_…"));
        }

        Resolve(context, user, actor, revocations, need);
        if (!EndpointAccess.Allows(need, actor.Role))
        {
            throw Refused($"the {actor.Role.ToString().ToLowerInvariant()} role cannot {Verb(need)} (needs {need.ToString().ToLowerInvariant()} or above)");
        }

        if (actor.Kind == ActorKind.User && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
            && !string.Equals(context.Request.Headers[AccessSchemes.CsrfHeader].ToString(), user.FindFirstValue(AccessSchemes.CsrfClaim), StringComparison.Ordinal))
        {
            throw Refused($"a signed-in change must carry the {AccessSchemes.CsrfHeader} header the dashboard sends");
        }

        await next(context);
    }

    private static void Resolve(HttpContext context, ClaimsPrincipal user, RequestActor actor, SessionRevocations revocations, Need need)
    {
        var asked = context.Request.Headers[AccessSchemes.WorkspaceHeader].ToString();
        var name = user.FindFirstValue(ClaimTypes.Name) ?? "";
        switch (user.FindFirstValue(AccessSchemes.KindClaim))
        {
            case "token":
            case "demo":
            {
                var workspace = user.FindFirstValue(AccessSchemes.WorkspaceClaim) ?? RunRate.Storage.Workspaces.Workspace.Default;
                if (asked.Length > 0 && !string.Equals(asked, workspace, StringComparison.Ordinal))
                {
                    throw NoWorkspace(asked);
                }

                var role = Enum.Parse<Role>(user.FindFirstValue(AccessSchemes.RoleClaim) ?? nameof(Role.Viewer));
                actor.Set(name, workspace, role, user.FindFirstValue(AccessSchemes.KindClaim) == "demo" ? ActorKind.Demo : ActorKind.Token);
                return;
            }

            default:
            {
                // A user's memberships are read on every request: a disabled user or a removed membership stops working at once.
                var info = context.RequestServices.GetRequiredService<IAccessStore>().FindUser(name);
                if (info is null || info.Disabled || revocations.IsRevoked(user.FindFirstValue(AccessSchemes.SessionClaim)))
                {
                    throw new ApiException(StatusCodes.Status401Unauthorized, "Sign in first.", ApiException.Single("session", "the session has ended"));
                }

                var workspace = asked.Length > 0 ? asked : Chosen(user, info);
                if (workspace is null && need == Need.SignedIn)
                {
                    actor.Set(info.Name, "", Role.Viewer, ActorKind.User);
                    return;
                }

                if (workspace is null || !info.Memberships.TryGetValue(workspace, out var role))
                {
                    throw NoWorkspace(workspace ?? "");
                }

                actor.Set(info.Name, workspace, role, ActorKind.User);
                return;
            }
        }
    }

    /// <summary>The session's workspace while the user still belongs to it, else its default membership.</summary>
    internal static string? Chosen(ClaimsPrincipal user, UserInfo info)
    {
        var claimed = user.FindFirstValue(AccessSchemes.WorkspaceClaim);
        return claimed is not null && info.Memberships.ContainsKey(claimed) ? claimed : First(info);
    }

    /// <summary>The workspace a user lands in: the default one when a member, else the first by key.</summary>
    internal static string? First(UserInfo info) =>
        info.Memberships.ContainsKey(RunRate.Storage.Workspaces.Workspace.Default)
            ? RunRate.Storage.Workspaces.Workspace.Default
            : info.Memberships.Keys.Order(StringComparer.Ordinal).FirstOrDefault();

    private static bool IsApi(string pattern) =>
        pattern.StartsWith("/api/", StringComparison.Ordinal) || pattern.StartsWith("api/", StringComparison.Ordinal);

    private static string Verb(Need need) => need switch
    {
        Need.Sales => "change CRM records",
        Need.Finance => "change revenue data or read the audit log",
        _ => "manage users and tokens",
    };

    private static ApiException Refused(string message) =>
        new(StatusCodes.Status403Forbidden, "Not allowed.", ApiException.Single("role", message));

    private static ApiException NoWorkspace(string key) =>
        ApiException.NotFound("workspace", $"no workspace '{key}'");
}
