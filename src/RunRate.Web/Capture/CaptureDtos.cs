using System.ComponentModel;

namespace RunRate.Web.Capture;

/// <summary>A message or meeting no account matched: listed, not stored.</summary>
internal sealed record UnmatchedDto(
    [property: Description("Normalized Message-ID (or sha256:… for messages without one); calendar UID, with /instance for recurring events.")] string ExternalId,
    [property: Description("When it happened, UTC.")] string At,
    string Subject,
    [property: Description("Sender or organizer.")] string? From,
    [property: Description("To and Cc, or the attendees.")] IReadOnlyList<string> To);

/// <summary>A file that could not be read (only in 422 problems; always empty in a 200).</summary>
internal sealed record CaptureErrorDto(string File, [property: Description("e.g. \"message 3 (byte 10240)\" or \"event 2 (UID abc)\"; empty for the whole file.")] string Location, string Message);

/// <summary><c>POST /api/capture/mail</c>: as <c>runrate capture mail --json</c>.</summary>
internal sealed record CaptureMailResponse(
    [property: Description("Messages read.")] int Messages,
    [property: Description("Activities logged now (a message matching two accounts logs two).")] int Logged,
    [property: Description("Activities a previous capture logged.")] int AlreadyLogged,
    IReadOnlyList<UnmatchedDto> Unmatched,
    IReadOnlyList<CaptureErrorDto> Errors);

/// <summary><c>POST /api/capture/calendar</c>: as <c>runrate capture calendar --json</c>.</summary>
internal sealed record CaptureCalendarResponse(
    [property: Description("Event occurrences read inside the window (one-off events whatever their date), cancelled ones included.")] int Events,
    [property: Description("Activities logged now.")] int Logged,
    [property: Description("Activities a previous capture logged.")] int AlreadyLogged,
    [property: Description("Cancelled events and instances skipped.")] int Cancelled,
    IReadOnlyList<UnmatchedDto> Unmatched,
    IReadOnlyList<CaptureErrorDto> Errors);
