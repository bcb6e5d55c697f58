using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Web.Infrastructure;

namespace RunRate.Web.Meta;

/// <summary><c>GET /api/meta</c>: what the dashboard needs to build its pickers, and the revision it shows.</summary>
internal static class MetaApi
{
    public static RouteGroupBuilder MapMeta(this RouteGroupBuilder api)
    {
        api.MapGet("/meta", (LedgerStores stores) => TypedResults.Ok(Describe(stores.Snapshot())))
            .WithName("GetMeta")
            .WithTags("Ledger")
            .WithSummary("Ledger revision and the values filters can take")
            .WithDescription("`currencies`: every currency of lines and exchange rates; `segments`, `channels`, `countries`, `owners`, `products`: distinct values (ignoring case); `attributes`: custom attribute names; `first_month`/`last_month`: the months of the earliest start and of the latest start or end (null for an empty ledger).");
        return api;
    }

    internal static MetaResponse Describe(Storage.LedgerSnapshot snapshot)
    {
        var ledger = snapshot.Ledger;
        var currencies = ledger.Lines.Select(l => l.Currency.Value)
            .Concat(ledger.Fx.Rates.SelectMany(r => new[] { r.From.Value, r.To.Value }))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var dates = ledger.Lines.Select(l => l.Start).Concat(ledger.Lines.Where(l => l.End is not null).Select(l => l.End!.Value)).ToList();
        return new MetaResponse(
            snapshot.Revision,
            currencies,
            Values(ledger, c => c.Segment),
            Values(ledger, c => c.Channel),
            Values(ledger, c => c.Country),
            Values(ledger, c => c.Owner),
            Distinct(ledger.Lines.Select(l => l.Product)),
            [.. ledger.Customers.SelectMany(c => c.Attributes.Keys).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)],
            dates.Count == 0 ? null : YearMonth.Of(ledger.Lines.Min(l => l.Start)).ToString(),
            dates.Count == 0 ? null : YearMonth.Of(dates.Max()).ToString());
    }

    private static List<string> Values(RevenueLedger ledger, Func<Customer, string?> pick) => Distinct(ledger.Customers.Select(pick));

    private static List<string> Distinct(IEnumerable<string?> values) =>
        [.. values.OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];
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
