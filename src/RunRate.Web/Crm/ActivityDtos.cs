using System.ComponentModel;
using RunRate.Ingest.Crm;

namespace RunRate.Web.Crm;

/// <summary>An activity as the API accepts it.</summary>
internal sealed record ActivityBody(
    [property: Description("POST: optional, a new \"ac_…\" id when absent; PUT: from the path.")] string? ActivityId,
    [property: Description("email, call, meeting or note.")] string? Kind,
    [property: Description("ISO 8601 with an offset (2026-05-04T09:30:00Z) or a date; default now (POST) or the stored time (PUT).")] string? At,
    string? Subject,
    string? Body,
    string? AccountId,
    [property: Description("A contact of the same account.")] string? ContactId,
    [property: Description("A deal of the same account.")] string? DealId)
{
    public ActivityFields Fields(string id, string? defaultAt = null) => new(id, Kind, At ?? defaultAt, Subject, Body, AccountId, ContactId, DealId);
}

/// <summary>A stored activity.</summary>
internal sealed record ActivityDto(
    string ActivityId,
    string Kind,
    [property: Description("ISO 8601, UTC.")] string At,
    string Subject,
    string? Body,
    string AccountId,
    string? AccountName,
    string? ContactId,
    string? DealId,
    [property: Description("manual, email, calendar or billing.")] string Source,
    [property: Description("The source's own id (Message-ID, calendar UID) for captured activities.")] string? ExternalId);

/// <summary><c>GET /api/activities</c>, newest first.</summary>
internal sealed record ActivitiesResponse(IReadOnlyList<ActivityDto> Activities);
