using RunRate.Engine.Primitives;

namespace RunRate.Engine.Crm;

/// <summary>What kind of touch an activity records.</summary>
public enum ActivityKind
{
    /// <summary>An e-mail sent or received.</summary>
    Email,

    /// <summary>A phone or video call.</summary>
    Call,

    /// <summary>A meeting (captured from calendars or logged by hand).</summary>
    Meeting,

    /// <summary>A free-text note.</summary>
    Note,
}

/// <summary>The text forms of <see cref="ActivityKind"/>.</summary>
public static class ActivityKinds
{
    /// <summary>email, call, meeting, note.</summary>
    public static string ToText(this ActivityKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Parses a text form; null when unknown.</summary>
    public static ActivityKind? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "email" => ActivityKind.Email,
        "call" => ActivityKind.Call,
        "meeting" => ActivityKind.Meeting,
        "note" => ActivityKind.Note,
        _ => null,
    };
}

/// <summary>One touch with an account, logged by hand or captured from mail, calendars or billing.</summary>
/// <param name="Id">Unique activity id.</param>
/// <param name="Kind">E-mail, call, meeting or note.</param>
/// <param name="At">When it happened.</param>
/// <param name="Subject">One-line summary.</param>
/// <param name="Body">Details (plain text), possibly empty.</param>
/// <param name="AccountId">The account it concerns.</param>
/// <param name="ContactId">The contact involved, when known.</param>
/// <param name="DealId">The deal it belongs to, when any.</param>
/// <param name="Source">Where it came from: manual, email, calendar, billing.</param>
/// <param name="ExternalId">The source's own id (Message-ID, calendar UID) that makes capture idempotent.</param>
public sealed record Activity(
    ActivityId Id,
    ActivityKind Kind,
    DateTimeOffset At,
    string Subject,
    string? Body,
    CustomerId AccountId,
    ContactId? ContactId,
    DealId? DealId,
    string Source,
    string? ExternalId);
