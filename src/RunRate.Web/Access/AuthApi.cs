using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using RunRate.Storage.Access;
using RunRate.Web.Infrastructure;
using RunRate.Web.Infrastructure.Access;

namespace RunRate.Web.Access;

/// <summary>
/// <c>/api/auth</c>: dashboard sign-in with a session cookie, sign-out, who am I, and switching workspace.
/// Wrong user and wrong password answer the same 401, so user names cannot be probed.
/// </summary>
internal static class AuthApi
{
    public static RouteGroupBuilder MapAuth(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Access");
        auth.MapPost("/login", Login)
            .WithName("Login")
            .WithSummary("Sign in with a user name and password; sets the session cookie")
            .Produces<MeResponse>()
            .ProducesValidationProblem(StatusCodes.Status401Unauthorized)
            .ProducesValidationProblem(StatusCodes.Status403Forbidden)
            .ProducesValidationProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/logout", Logout)
            .WithName("Logout")
            .WithSummary("End the session (the cookie stops working, even a copy of it)")
            .Produces(StatusCodes.Status204NoContent);
        auth.MapGet("/me", Me)
            .WithName("Me")
            .WithSummary("Who is signed in, the current workspace and role, and the workspaces to switch to")
            .Produces<MeResponse>();
        auth.MapPost("/workspace", Switch)
            .WithName("SwitchWorkspace")
            .WithSummary("Make another of the user's workspaces the session's current one")
            .Produces<MeResponse>()
            .ProducesValidationProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Ok<MeResponse>> Login(LoginRequest? body, HttpContext context, IAccessStore access, RequestActor actor)
    {
        if (string.IsNullOrWhiteSpace(body?.User) || string.IsNullOrEmpty(body.Password))
        {
            throw ApiException.BadRequest(string.IsNullOrWhiteSpace(body?.User) ? "user" : "password", "required");
        }

        var attempt = access.Login(body.User.Trim(), body.Password);
        switch (attempt.Result)
        {
            case LoginResult.Ok when attempt.User is { } user:
                var workspace = AccessMiddleware.First(user) ?? "";
                var principal = Principal(user.Name, workspace, Random(), Random());
                await context.SignInAsync(AccessSchemes.Cookie, principal);
                actor.Set(user.Name, workspace, user.Memberships.GetValueOrDefault(workspace, Role.Viewer), ActorKind.User);
                return TypedResults.Ok(Describe(actor, access, principal));
            case LoginResult.LockedOut:
                var until = attempt.LockedUntil ?? DateTimeOffset.MaxValue;
                throw new ApiException(
                    StatusCodes.Status429TooManyRequests,
                    "Too many failed sign-ins; try again later.",
                    ApiException.Single("user", string.Create(CultureInfo.InvariantCulture, $"locked until {until:yyyy-MM-ddTHH:mm:ssZ}")),
                    new Dictionary<string, object?>(StringComparer.Ordinal) { ["locked_until"] = until.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) });
            case LoginResult.Disabled:
                throw new ApiException(StatusCodes.Status403Forbidden, "This user is disabled.", ApiException.Single("user", "disabled by an administrator"));
            default:
                throw new ApiException(StatusCodes.Status401Unauthorized, "Invalid user name or password.", ApiException.Single("user", "invalid user name or password"));
        }
    }

    private static async Task<NoContent> Logout(HttpContext context, SessionRevocations revocations)
    {
        revocations.Revoke(context.User.FindFirstValue(AccessSchemes.SessionClaim));
        if (string.Equals(context.User.FindFirstValue(AccessSchemes.KindClaim), "user", StringComparison.Ordinal))
        {
            await context.SignOutAsync(AccessSchemes.Cookie);
        }

        return TypedResults.NoContent();
    }

    private static Ok<MeResponse> Me(HttpContext context, RequestActor actor, IAccessStore access) =>
        TypedResults.Ok(Describe(actor, access, context.User));

    private static async Task<Ok<MeResponse>> Switch(WorkspaceChoice? body, HttpContext context, RequestActor actor, IAccessStore access)
    {
        var key = body?.Workspace?.Trim() ?? "";
        var user = actor.Kind == ActorKind.User ? access.FindUser(actor.Name ?? "") : null;
        if (user is null || !user.Memberships.TryGetValue(key, out var role))
        {
            // A token or demo caller has exactly one workspace; any other key is "not found", as an unknown one.
            if (!string.Equals(key, actor.Workspace, StringComparison.Ordinal))
            {
                throw ApiException.NotFound("workspace", $"no workspace '{key}'");
            }

            return TypedResults.Ok(Describe(actor, access, context.User));
        }

        var principal = Principal(
            user.Name,
            key,
            context.User.FindFirstValue(AccessSchemes.SessionClaim) ?? Random(),
            context.User.FindFirstValue(AccessSchemes.CsrfClaim) ?? Random());
        await context.SignInAsync(AccessSchemes.Cookie, principal);
        actor.Set(user.Name, key, role, ActorKind.User);
        return TypedResults.Ok(Describe(actor, access, principal));
    }

    private static MeResponse Describe(RequestActor actor, IAccessStore access, ClaimsPrincipal principal)
    {
        var name = actor.Name ?? "";
        switch (actor.Kind)
        {
            case ActorKind.User:
                var names = access.Workspaces().ToDictionary(w => w.Key, w => w.Name, StringComparer.Ordinal);
                var memberships = access.FindUser(name)?.Memberships ?? new Dictionary<string, Role>();
                var list = memberships.OrderBy(m => m.Key, StringComparer.Ordinal)
                    .Select(m => new WorkspaceDto(m.Key, names.GetValueOrDefault(m.Key, m.Key), Roles.Name(m.Value)))
                    .ToList();
                return new MeResponse(name, actor.Workspace, Roles.Name(actor.Role), list, "login", principal.FindFirstValue(AccessSchemes.CsrfClaim));
            default:
                var mode = actor.Kind == ActorKind.Demo ? "demo" : "token";
                return new MeResponse(name, actor.Workspace, Roles.Name(actor.Role), [new WorkspaceDto(actor.Workspace, actor.Workspace, Roles.Name(actor.Role))], mode, null);
        }
    }

    private static ClaimsPrincipal Principal(string user, string workspace, string session, string csrf) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, user),
                new Claim(AccessSchemes.KindClaim, "user"),
                new Claim(AccessSchemes.WorkspaceClaim, workspace),
                new Claim(AccessSchemes.SessionClaim, session),
                new Claim(AccessSchemes.CsrfClaim, csrf),
            ],
            AccessSchemes.Cookie));

    private static string Random() => Base64Url(RandomNumberGenerator.GetBytes(24));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
