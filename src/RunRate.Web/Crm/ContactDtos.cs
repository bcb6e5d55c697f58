using System.ComponentModel;
using RunRate.Ingest.Crm;

namespace RunRate.Web.Crm;

/// <summary>A contact as the API accepts it.</summary>
internal sealed record ContactBody(
    [property: Description("POST: optional, a new \"ct_…\" id when absent; PUT: from the path (a different id here is refused).")] string? ContactId,
    [property: Description("The account (ledger customer) the person works for.")] string? AccountId,
    string? Name,
    [property: Description("Stored lower-cased; unique across contacts; captured mail is matched on it.")] string? Email,
    string? Phone,
    [property: Description("Job role, e.g. CFO or champion.")] string? Role)
{
    public ContactFields Fields(string id) => new(id, AccountId, Name, Email, Phone, Role);
}

/// <summary>A stored contact, with its account's name.</summary>
internal sealed record ContactDto(string ContactId, string AccountId, string? AccountName, string Name, string? Email, string? Phone, string? Role);

/// <summary><c>GET /api/contacts</c>.</summary>
internal sealed record ContactsResponse(IReadOnlyList<ContactDto> Contacts);
