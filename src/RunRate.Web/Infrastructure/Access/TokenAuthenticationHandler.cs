using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using RunRate.Storage.Access;

namespace RunRate.Web.Infrastructure.Access;

/// <summary>
/// <c>Authorization: Bearer rr_…</c>: the secret is checked by <see cref="IAccessStore.Authenticate"/> (by its hash;
/// unknown, revoked and expired tokens fail alike). The principal is <c>token:NAME</c> in the token's one workspace
/// with the token's role. The secret itself is never logged.
/// </summary>
internal sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IAccessStore access)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var secret = header["Bearer ".Length..].Trim();
        var token = secret.StartsWith(AccessPolicy.TokenPrefix, StringComparison.Ordinal) ? access.Authenticate(secret) : null;
        if (token is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("unknown, revoked or expired token"));
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, "token:" + token.Name),
                new Claim(AccessSchemes.KindClaim, "token"),
                new Claim(AccessSchemes.WorkspaceClaim, token.Workspace),
                new Claim(AccessSchemes.RoleClaim, token.Role.ToString()),
                new Claim(AccessSchemes.TokenIdClaim, token.Id),
            ],
            Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }
}

/// <summary>Open demo mode: every request is <c>demo</c>, admin of the default workspace (loopback only; see ServeCommand).</summary>
internal sealed class DemoAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, "demo"),
                new Claim(AccessSchemes.KindClaim, "demo"),
                new Claim(AccessSchemes.WorkspaceClaim, RunRate.Storage.Workspaces.Workspace.Default),
                new Claim(AccessSchemes.RoleClaim, nameof(Role.Admin)),
            ],
            Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }
}
