using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using RunRate.Storage.Health;
using RunRate.Storage.Workspaces;
using RunRate.Web.Infrastructure;

namespace RunRate.Web.Health;

/// <summary>One check of a health answer: <c>ok</c> or <c>fail</c>, with what was found (never a password).</summary>
internal sealed record HealthCheckDto(string Name, [property: Description("ok or fail")] string Status, string Detail);

/// <summary>A health answer: <c>live</c>, <c>ready</c> or <c>not_ready</c>; when not ready, the failing check's name.</summary>
internal sealed record HealthDto(
    [property: Description("live, ready or not_ready")] string Status,
    [property: Description("The name of the first failed check (store, schema or shutdown); null when ready.")] string? Failing,
    IReadOnlyList<HealthCheckDto> Checks);

/// <summary>
/// <c>/health/live</c> and <c>/health/ready</c> for load balancers and orchestrators: outside <c>/api</c>, so the
/// access middleware lets them through without sign-in, and they reveal nothing but the store's reachability.
/// Live answers 200 while the process serves; ready answers 200 when the default workspace's store can be read
/// within two seconds and its schema is current, else 503 naming the failed check (also while shutting down,
/// so a balancer stops sending new requests).
/// </summary>
internal static class HealthApi
{
    /// <summary>How long readiness waits for a lock or a connection before it answers 503.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(2);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").WithTags("Health");
        health.MapGet("/live", () => TypedResults.Json(new HealthDto("live", null, []), statusCode: StatusCodes.Status200OK))
            .WithName("GetLiveness")
            .WithSummary("Liveness: 200 while the process serves requests (no sign-in)")
            .Produces<HealthDto>(StatusCodes.Status200OK);
        health.MapGet("/ready", Ready)
            .WithName("GetReadiness")
            .WithSummary("Readiness: 200 when the store can be read and its schema is current, else 503 naming the failed check (no sign-in)")
            .Produces<HealthDto>(StatusCodes.Status200OK)
            .Produces<HealthDto>(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<JsonHttpResult<HealthDto>> Ready(WorkspaceStores stores, IHostApplicationLifetime lifetime, HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return NotReady(new StoreCheck("shutdown", false, "the server is stopping"));
        }

        // The probe blocks (SQLite and the connect timeout), so it runs off the request thread.
        var report = await Task.Run(() => StoreHealth.Check(stores.Location, Wait, Workspace.Default), http.RequestAborted);
        return report.Ok
            ? TypedResults.Json(new HealthDto("ready", null, Dtos(report.Checks)), statusCode: StatusCodes.Status200OK)
            : NotReady([.. report.Checks]);
    }

    private static JsonHttpResult<HealthDto> NotReady(params StoreCheck[] checks) =>
        TypedResults.Json(new HealthDto("not_ready", checks.First(c => !c.Ok).Name, Dtos(checks)), statusCode: StatusCodes.Status503ServiceUnavailable);

    private static HealthCheckDto[] Dtos(IEnumerable<StoreCheck> checks) =>
        [.. checks.Select(c => new HealthCheckDto(c.Name, c.Ok ? "ok" : "fail", c.Detail))];
}
