using System.ComponentModel;

namespace RunRate.Web.Crm;

/// <summary>An account: the ledger customer's fields and its e-mail domains.</summary>
internal sealed record AccountDto(
    string CustomerId,
    string? Name,
    string? Segment,
    string? Channel,
    string? Country,
    string? Owner,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<string> Domains);

/// <summary><c>GET /api/accounts/{id}</c>: the account page in one request.</summary>
internal sealed record AccountResponse(
    AccountDto Account,
    [property: Description("active, churned, future or never-active, today.")] string Status,
    [property: Description("Today's MRR in the requested currency, rounded to cents.")] decimal Mrr,
    decimal Arr,
    IReadOnlyList<ContactDto> Contacts,
    IReadOnlyList<DealDto> Deals,
    [property: Description("Newest first.")] IReadOnlyList<ActivityDto> Activities,
    [property: Description("Deal id → the ledger lines created from it (deals that created lines only).")] IReadOnlyDictionary<string, IReadOnlyList<string>> LinesFromDeals);

/// <summary>The body of <c>PUT /api/accounts/{id}/domains</c>.</summary>
internal sealed record DomainsBody([property: Description("E-mail domains such as acme.com; mail from anyone there is logged on the account.")] IReadOnlyList<string?>? Domains);

/// <summary>An account's stored domains.</summary>
internal sealed record DomainsResponse(string CustomerId, IReadOnlyList<string> Domains);
