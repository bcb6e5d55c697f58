using System.Collections.Immutable;
using System.Runtime.Serialization;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;
using RunRate.Capture.Pipeline;

namespace RunRate.Capture.Calendar;

/// <summary>
/// Reads <c>.ics</c> files with Ical.Net. A one-off event is one meeting whatever its date; a recurring
/// event gives one meeting per instance that starts inside the <see cref="CalendarWindow"/>, an instance
/// moved or changed by a RECURRENCE-ID override taking the override's time and text. Cancelled events
/// and instances are skipped and counted. Any event that cannot be read makes the whole file an error.
/// </summary>
internal sealed class CalendarReader(CalendarWindow window) : ICaptureReader
{
    /// <summary>A runaway rule (every minute, no end) is cut here rather than exhausting memory.</summary>
    private const int MaxInstancesPerEvent = 5000;

    public FileRead Read(CaptureFile file)
    {
        CalendarCollection calendars;
        try
        {
            using var reader = new StreamReader(file.Open(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            calendars = CalendarCollection.Load(IcsUids.Ensure(reader.ReadToEnd()));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return FileRead.Failed(new CaptureError(file.Name, "", $"cannot be read: {ex.Message}"));
        }
        catch (Exception ex) when (ex is SerializationException or ArgumentException or FormatException or InvalidOperationException or OverflowException)
        {
            return FileRead.Failed(new CaptureError(file.Name, "", $"is not a valid iCalendar file: {ex.Message}"));
        }

        if (calendars.Count == 0)
        {
            return FileRead.Failed(new CaptureError(file.Name, "", "holds no VCALENDAR; is it an iCalendar (.ics) file?"));
        }

        var items = new List<CapturedItem>();
        var errors = new List<CaptureError>();
        var cancelled = 0;
        var index = 0;
        using var zones = IcsTimeZones.Scope(calendars.SelectMany(c => c.TimeZones));
        foreach (var ev in calendars.SelectMany(c => c.Events))
        {
            index++;
            try
            {
                cancelled += Read(ev, calendars, items);
            }
            catch (Exception ex) when (ex is ArgumentException or EvaluationException or InvalidOperationException or FormatException)
            {
                errors.Add(new CaptureError(file.Name, $"event {index} (UID {ev.Uid})", ex.Message));
            }
        }

        return errors.Count > 0 ? FileRead.Failed([.. errors])
            : new FileRead([.. items.OrderBy(i => i.At).ThenBy(i => i.ExternalId, StringComparer.Ordinal)], cancelled, []);
    }

    /// <summary>Adds the event's meetings; returns how many cancelled ones it skipped.</summary>
    private int Read(CalendarEvent ev, CalendarCollection calendars, List<CapturedItem> items)
    {
        if (ev.DtStart is not { } start)
        {
            throw new FormatException("no DTSTART, or one that is not a date");
        }

        var cancelled = IsCancelled(ev);
        if (ev.RecurrenceIdentifier is { } instance)
        {
            // An override: one instance of a recurring event, at its own (possibly moved) time.
            if (!Inside(start))
            {
                return 0;
            }

            return Add(ev, start, $"{ev.Uid}/{Stamp(instance.StartTime)}", cancelled, items);
        }

        if (ev.RecurrenceRule is null && !ev.RecurrenceDates.GetAllDates().Any())
        {
            return Add(ev, start, ev.Uid!, cancelled, items);
        }

        // Instances replaced by an override are the override's to log (above).
        var overridden = calendars.SelectMany(c => c.Events)
            .Where(o => o.RecurrenceIdentifier is not null && string.Equals(o.Uid, ev.Uid, StringComparison.Ordinal))
            .Select(o => Stamp(o.RecurrenceIdentifier!.StartTime))
            .ToHashSet(StringComparer.Ordinal);
        var skipped = 0;
        var from = new CalDateTime(window.Start, CalDateTime.UtcTzId, hasTime: true);
        var to = new CalDateTime(window.End, CalDateTime.UtcTzId, hasTime: true);
        foreach (var occurrence in ev.GetOccurrences(from, null).TakeWhileBefore(to).Take(MaxInstancesPerEvent))
        {
            var at = occurrence.Period.StartTime;
            var stamp = Stamp(at);
            if (Inside(at) && !overridden.Contains(stamp))
            {
                skipped += Add(ev, at, $"{ev.Uid}/{stamp}", cancelled, items);
            }
        }

        return skipped;
    }

    private bool Inside(CalDateTime at)
    {
        var utc = Utc(at);
        return utc >= window.Start && utc < window.End;
    }

    private static int Add(CalendarEvent ev, CalDateTime start, string externalId, bool cancelled, List<CapturedItem> items)
    {
        if (cancelled)
        {
            return 1;
        }

        var organizer = Mailto(ev.Organizer?.Value);
        var attendees = ev.Attendees.Select(a => Mailto(a.Value)).OfType<string>()
            .Where(a => !string.Equals(a, organizer, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToImmutableArray();
        var location = string.IsNullOrWhiteSpace(ev.Location) ? null : "Location: " + ev.Location.Trim();
        var body = string.Join("\n\n", new[] { ev.Description?.Trim(), location }.Where(p => !string.IsNullOrEmpty(p)));
        var at = new DateTimeOffset(Utc(start), TimeSpan.Zero);
        items.Add(new CapturedItem(externalId, at, CaptureText.Line(ev.Summary, "(no title)"), CaptureText.Body(body), organizer, attendees));
        return 0;
    }

    private static bool IsCancelled(CalendarEvent ev) => string.Equals(ev.Status?.Trim(), EventStatus.Cancelled, StringComparison.OrdinalIgnoreCase);

    private static string? Mailto(Uri? uri)
    {
        var text = uri?.OriginalString.Trim();
        return text is not null && text.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? Matching.EmailAddresses.Normalize(text) : null;
    }

    /// <summary>
    /// The instant in UTC: a zoned time through its TZID (IANA or Windows names), a date (all-day event)
    /// at 00:00 UTC, and a floating time (no zone) as if it were UTC, since no zone is known for it.
    /// </summary>
    internal static DateTime Utc(CalDateTime value) =>
        !value.HasTime ? value.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)
        : value.IsFloating ? DateTime.SpecifyKind(value.Value, DateTimeKind.Utc)
        : DateTime.SpecifyKind(value.AsUtc, DateTimeKind.Utc);

    /// <summary>An instance's key in an external id: <c>20260105T090000Z</c>, or <c>20260105</c> for all-day instances.</summary>
    private static string Stamp(CalDateTime value) =>
        value.HasTime ? CaptureText.Stamp(new DateTimeOffset(Utc(value), TimeSpan.Zero)) : value.Date.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
}
