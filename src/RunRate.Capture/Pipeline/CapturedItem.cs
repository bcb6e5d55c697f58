using System.Collections.Immutable;

namespace RunRate.Capture.Pipeline;

/// <summary>One message or meeting occurrence as read from a file, before it is matched to accounts.</summary>
/// <param name="ExternalId">The source's stable id: a normalized Message-ID, a calendar UID (with the instance for recurring events), or a hash.</param>
/// <param name="At">When it happened, UTC.</param>
/// <param name="Subject">Subject or summary, never empty.</param>
/// <param name="Body">Plain-text details, trimmed to <see cref="CaptureText.MaxBody"/> characters; null when none.</param>
/// <param name="From">Sender or organizer address.</param>
/// <param name="To">Other participants' addresses (To then Cc; attendees).</param>
internal sealed record CapturedItem(string ExternalId, DateTimeOffset At, string Subject, string? Body, string? From, ImmutableArray<string> To)
{
    /// <summary>
    /// The id as given, less any control character (a Message-ID or UID holding one must still be storable). An id of
    /// nothing but control characters and blanks becomes a hash of the raw id, so it is never empty and capturing the
    /// same file again still recognises the item.
    /// </summary>
    public string ExternalId { get; init; } = Storable(ExternalId);

    /// <summary>Every participant, sender first: what the matcher looks at.</summary>
    public IEnumerable<string?> Participants => To.Prepend(From);

    private static string Storable(string id)
    {
        var clean = CaptureText.WithoutControls(id);
        return string.IsNullOrWhiteSpace(clean) ? "sha256:" + CaptureText.Sha256(id) : clean;
    }
}

/// <summary>What a reader made of one file: its items, the cancelled occurrences it skipped, or the errors that make it unusable.</summary>
internal sealed record FileRead(IReadOnlyList<CapturedItem> Items, int Cancelled, IReadOnlyList<CaptureError> Errors)
{
    public static FileRead Failed(params CaptureError[] errors) => new([], 0, errors);
}

/// <summary>Reads one kind of file (mail or calendars) into items.</summary>
internal interface ICaptureReader
{
    FileRead Read(CaptureFile file);
}
