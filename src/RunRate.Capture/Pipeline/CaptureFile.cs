namespace RunRate.Capture.Pipeline;

/// <summary>
/// One input to a capture: a name that errors are located by (the file name, or the uploaded part's
/// name) and a way to open its bytes, so the CLI's files and the API's uploads go through the same readers.
/// </summary>
/// <param name="Name">The name shown in errors, e.g. <c>inbox.mbox</c>.</param>
/// <param name="Open">Opens the content for reading; the reader disposes the stream.</param>
public sealed record CaptureFile(string Name, Func<Stream> Open);

/// <summary>
/// A problem that makes a file unusable, located like a compiler error so it can be found:
/// <c>inbox.mbox: message 3 (byte 10240): no Date header and no date on its From line</c>.
/// Nothing of a file with an error is stored.
/// </summary>
/// <param name="File">The file's name.</param>
/// <param name="Location">Where in the file ("message 3 (byte 10240)", "event 2 (UID abc)"); empty for the file as a whole.</param>
/// <param name="Message">What is wrong.</param>
public sealed record CaptureError(string File, string Location, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Location.Length > 0 ? $"{File}: {Location}: {Message}" : $"{File}: {Message}";
}

/// <summary>A message or meeting that matched no account: listed for the user, not stored.</summary>
/// <param name="ExternalId">The message's or event's external id (see docs/crm.md).</param>
/// <param name="At">When it happened (UTC).</param>
/// <param name="Subject">Its subject.</param>
/// <param name="From">The sender or organizer, when known.</param>
/// <param name="To">The other participants (To and Cc, or attendees).</param>
public sealed record UnmatchedItem(string ExternalId, DateTimeOffset At, string Subject, string? From, IReadOnlyList<string> To);

/// <summary>What a capture did.</summary>
/// <param name="Read">Messages (mail) or event occurrences (calendars) read from the files without errors, cancelled ones included.</param>
/// <param name="Logged">Activities newly stored (a message matching two accounts logs two).</param>
/// <param name="AlreadyLogged">Activities skipped because an earlier capture stored them.</param>
/// <param name="Cancelled">Cancelled meetings skipped (always 0 for mail).</param>
/// <param name="Unmatched">Messages or meetings that matched no account.</param>
/// <param name="Errors">Files that could not be read; nothing of them was stored.</param>
/// <param name="Written">False when errors stopped the capture from writing anything (all-or-nothing mode).</param>
public sealed record CaptureResult(
    int Read,
    int Logged,
    int AlreadyLogged,
    int Cancelled,
    IReadOnlyList<UnmatchedItem> Unmatched,
    IReadOnlyList<CaptureError> Errors,
    bool Written);

/// <summary>How a capture runs.</summary>
public sealed record CaptureOptions
{
    /// <summary>
    /// The user's own e-mail domains: addresses there (and at their subdomains) never decide an account,
    /// otherwise every internal Cc would look like a customer.
    /// </summary>
    public IReadOnlyList<string> OwnDomains { get; init; } = [];

    /// <summary>
    /// True (the CLI): files that read cleanly are stored even when others have errors. False (the API): any
    /// error stores nothing, as every failed API operation changes nothing.
    /// </summary>
    public bool StoreCleanFilesDespiteErrors { get; init; }
}
