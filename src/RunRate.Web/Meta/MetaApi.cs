using RunRate.Web.Infrastructure;

namespace RunRate.Web.Meta;

/// <summary><c>GET /api/meta</c>: what the dashboard needs to build its pickers, and the revision it shows (gathered with the live models, <see cref="LedgerFacets"/>).</summary>
internal static class MetaApi
{
    public static RouteGroupBuilder MapMeta(this RouteGroupBuilder api)
    {
        api.MapGet("/meta", (LedgerStores stores) => TypedResults.Ok(stores.Meta()))
            .WithName("GetMeta")
            .WithTags("Ledger")
            .WithSummary("Ledger revision and the values filters can take")
            .WithDescription("`currencies`: every currency of lines and exchange rates; `segments`, `channels`, `countries`, `owners`, `products`: distinct values (ignoring case); `attributes`: custom attribute names; `first_month`/`last_month`: the months of the earliest start and of the latest start or end (null for an empty ledger).");
        return api;
    }
}

/// <summary>The body of <c>GET /api/meta</c>.</summary>
internal sealed record MetaResponse(
    long Revision,
    IReadOnlyList<string> Currencies,
    IReadOnlyList<string> Segments,
    IReadOnlyList<string> Channels,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Owners,
    IReadOnlyList<string> Products,
    IReadOnlyList<string> Attributes,
    string? FirstMonth,
    string? LastMonth);
