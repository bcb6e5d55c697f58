using RunRate.Capture.Calendar;
using RunRate.Capture.Mail;
using RunRate.Capture.Matching;
using RunRate.Engine.Crm;
using RunRate.Engine.Primitives;
using RunRate.Storage;

namespace RunRate.Capture.Pipeline;

/// <summary>
/// Captures e-mail and meetings as CRM activities: reads every file, matches participants to accounts
/// and contacts, and logs the matches in one store transaction (<see cref="Storage.Crm.ICrmStore.Capture"/>),
/// which skips what an earlier capture logged. The CLI and the API both run captures through here.
/// </summary>
public static class CaptureImport
{
    /// <summary>Captures <c>.eml</c> files and mbox archives (see docs/crm.md, "Automatic capture").</summary>
    public static CaptureResult Mail(ILedgerStore store, IReadOnlyList<CaptureFile> files, CaptureOptions options) =>
        Run(store, files, new MailReader(), ActivityKind.Email, CaptureSources.Email, "em_", options);

    /// <summary>Captures <c>.ics</c> calendars, expanding recurring events inside <paramref name="window"/>.</summary>
    public static CaptureResult Calendar(ILedgerStore store, IReadOnlyList<CaptureFile> files, CaptureOptions options, CalendarWindow window) =>
        Run(store, files, new CalendarReader(window), ActivityKind.Meeting, CaptureSources.Calendar, "mt_", options);

    private static CaptureResult Run(ILedgerStore store, IReadOnlyList<CaptureFile> files, ICaptureReader reader, ActivityKind kind, string source, string idPrefix, CaptureOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(options);
        var items = new List<CapturedItem>();
        var errors = new List<CaptureError>();
        var cancelled = 0;
        foreach (var file in files)
        {
            var read = reader.Read(file);
            if (read.Errors.Count > 0)
            {
                // Parsers quote the bad input in their messages; keep control characters (a NUL, an escape) out of them.
                errors.AddRange(read.Errors.Select(e => e with { Location = CaptureText.WithoutControls(e.Location), Message = CaptureText.WithoutControls(e.Message) }));
                continue; // nothing of a file with an error is stored
            }

            items.AddRange(read.Items);
            cancelled += read.Cancelled;
        }

        var total = items.Count + cancelled;
        if (errors.Count > 0 && !options.StoreCleanFilesDespiteErrors)
        {
            return new CaptureResult(total, 0, 0, cancelled, [], errors, Written: false);
        }

        var crm = store.Crm.Load();
        var stored = new Dictionary<string, CustomerId>(StringComparer.Ordinal);
        foreach (var activity in crm.Activities)
        {
            if (activity.ExternalId is { } id)
            {
                stored.TryAdd(id, activity.AccountId);
            }
        }

        var plan = CapturePlanner.Plan(items, AddressMatcher.For(crm, options.OwnDomains), kind, source, idPrefix, stored);
        var outcome = plan.Activities.Count > 0 ? store.Crm.Capture(plan.Activities) : new Storage.Crm.CaptureOutcome(0, 0);
        return new CaptureResult(total, outcome.Added, outcome.AlreadyLogged + plan.KnownUnderOtherId, cancelled, plan.Unmatched, errors, Written: true);
    }
}
