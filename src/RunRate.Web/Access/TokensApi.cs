using Microsoft.AspNetCore.Http.HttpResults;
using RunRate.Storage.Access;
using RunRate.Web.Infrastructure;
using RunRate.Web.Infrastructure.Access;

namespace RunRate.Web.Access;

/// <summary>
/// <c>/api/tokens</c> and <c>/api/users</c>: an admin manages the API tokens of the current workspace and sees its
/// members. Everything is scoped to the caller's workspace: a token of another workspace is "not found".
/// </summary>
internal static class TokensApi
{
    public static RouteGroupBuilder MapTokens(this RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/tokens").WithTags("Access");
        tokens.MapGet("/", List)
            .WithName("ListTokens")
            .WithSummary("The workspace's API tokens (never their secrets)")
            .Produces<TokensResponse>();
        tokens.MapPost("/", Create)
            .WithName("CreateToken")
            .WithSummary("Create an API token for this workspace; the secret is in this answer only")
            .Produces<NewTokenDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem(StatusCodes.Status400BadRequest);
        tokens.MapDelete("/{id}", Revoke)
            .WithName("RevokeToken")
            .WithSummary("Revoke a token of this workspace")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem(StatusCodes.Status404NotFound);
        api.MapGet("/users", Users)
            .WithName("ListUsers")
            .WithTags("Access")
            .WithSummary("The workspace's members and their roles")
            .Produces<UsersResponse>();
        return api;
    }

    private static Ok<TokensResponse> List(IAccessStore access, RequestActor actor) =>
        TypedResults.Ok(new TokensResponse([.. access.Tokens(actor.Workspace).Select(TokenDto.From)]));

    private static Created<NewTokenDto> Create(TokenRequest? body, IAccessStore access, RequestActor actor, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(body?.Name))
        {
            throw ApiException.BadRequest("name", "required: what the token is for");
        }

        var role = Roles.Parse(body.Role) ?? throw ApiException.BadRequest("role", $"expected viewer, sales, finance or admin, found '{body.Role}'");
        if (body.Expires is { } expires && expires <= clock.GetUtcNow())
        {
            throw ApiException.BadRequest("expires", "must be in the future");
        }

        NewToken created;
        try
        {
            created = access.CreateToken(body.Name.Trim(), actor.Workspace, role, body.Expires, actor.Name ?? "");
        }
        catch (ArgumentException ex)
        {
            throw ApiException.BadRequest("name", ex.Message);
        }

        return TypedResults.Created("/api/tokens/" + Uri.EscapeDataString(created.Info.Id), new NewTokenDto(TokenDto.From(created.Info), created.Secret));
    }

    private static NoContent Revoke(string id, IAccessStore access, RequestActor actor)
    {
        if (!access.Tokens(actor.Workspace).Any(t => string.Equals(t.Id, id, StringComparison.Ordinal))
            || access.RevokeToken(id) == Storage.WriteOutcome.NotFound)
        {
            throw ApiException.NotFound("id", $"no token '{id}'");
        }

        return TypedResults.NoContent();
    }

    private static Ok<UsersResponse> Users(IAccessStore access, RequestActor actor) =>
        TypedResults.Ok(new UsersResponse([.. access.Users()
            .Where(u => u.Memberships.ContainsKey(actor.Workspace))
            .Select(u => new UserDto(u.Name, Roles.Name(u.Memberships[actor.Workspace]), u.Disabled))]));
}
