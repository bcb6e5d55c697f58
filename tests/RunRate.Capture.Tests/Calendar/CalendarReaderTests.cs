using RunRate.Capture.Calendar;
using RunRate.Capture.Pipeline;
using RunRate.Capture.Tests.Support;
using Shouldly;

namespace RunRate.Capture.Tests.Calendar;

public sealed class CalendarReaderTests
{
    private const string Weekly = "040000008200E00074C5B7101A82E0080000000010A1B2C3D4E5F60100000000000000001000000052E8A1F0A7B4C142B6A5F0E0C9A0F7A1";

    private static readonly CalendarWindow Window = CalendarWindow.Around(new DateOnly(2026, 1, 15));

    private static FileRead Read(CaptureFile file, CalendarWindow? window = null) => new CalendarReader(window ?? Window).Read(file);

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void The_default_window_is_the_last_12_months_to_the_next_3()
    {
        Window.ShouldBe(new CalendarWindow(new DateOnly(2025, 1, 15), new DateOnly(2026, 4, 15)));
    }

    [Fact]
    public void An_outlook_weekly_series_gives_one_meeting_per_instance_in_utc_across_daylight_saving()
    {
        var read = Read(Fixtures.File("outlook.ics"));

        read.Errors.ShouldBeEmpty();
        var weekly = read.Items.Where(i => i.ExternalId.StartsWith(Weekly, StringComparison.Ordinal)).OrderBy(i => i.At).ToList();

        // Mondays 10:00 Berlin from 2 March, 6 times: 9 March excluded (EXDATE), 16 March moved to
        // Tuesday 14:00, 23 March cancelled; from 30 March summer time makes 10:00 08:00 UTC.
        weekly.Select(i => (i.ExternalId[Weekly.Length..], i.At, i.Subject)).ShouldBe([
            ("/20260302T090000Z", Utc(3, 2, 9), "Weekly sync with Acme"),
            ("/20260316T090000Z", Utc(3, 17, 13), "Weekly sync with Acme (moved)"),
            ("/20260330T080000Z", Utc(3, 30, 8), "Weekly sync with Acme"),
            ("/20260406T080000Z", Utc(4, 6, 8), "Weekly sync with Acme"),
        ]);
        weekly[0].Body.ShouldBe("Status, blockers and the renewal.\nAgenda in the shared doc.\n\nLocation: Teams");
        weekly[0].From.ShouldBe("me@runrate.io");
        weekly[0].To.ShouldBe(["jane@acme.com"]);
        read.Cancelled.ShouldBe(1);
    }

    [Fact]
    public void One_off_events_keep_their_uid_and_all_day_events_start_at_midnight_utc()
    {
        var items = Read(Fixtures.File("outlook.ics")).Items.Where(i => !i.ExternalId.StartsWith(Weekly, StringComparison.Ordinal)).OrderBy(i => i.At).ToList();

        items.Select(i => (i.ExternalId, i.At, i.Subject, i.Body)).ShouldBe([
            ("initech-qbr-2026q1@runrate.io", Utc(2, 10, 14), "Initech QBR", (string?)null),
            ("acme-onsite@runrate.io", Utc(2, 20, 0), "Acme onsite", "Location: Munich office"),
            ("conference@unknown.org", Utc(3, 5, 15), "Industry panel", null),
        ]);
    }

    [Fact]
    public void Recurring_instances_outside_the_window_are_not_expanded_but_one_off_events_are_kept()
    {
        var read = Read(Fixtures.File("outlook.ics"), new CalendarWindow(new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 31)));

        read.Items.Where(i => i.ExternalId.StartsWith(Weekly, StringComparison.Ordinal)).Select(i => i.At).ShouldBe([Utc(3, 17, 13), Utc(3, 30, 8)]);
        read.Items.Count(i => !i.ExternalId.StartsWith(Weekly, StringComparison.Ordinal)).ShouldBe(3);
        read.Cancelled.ShouldBe(1);
    }

    [Fact]
    public void Cancelled_events_are_skipped_and_counted()
    {
        var read = Read(Fixtures.File("cancelled.ics"));

        read.Cancelled.ShouldBe(1);
        read.Items.ShouldHaveSingleItem().ExternalId.ShouldBe("globex-followup@google.com");
    }

    [Fact]
    public void A_cancelled_series_skips_and_counts_every_instance_in_the_window()
    {
        var ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:s\r\nSTATUS:CANCELLED\r\nDTSTART:20260105T090000Z\r\nRRULE:FREQ=DAILY;COUNT=3\r\nEND:VEVENT\r\n"
            + "BEGIN:VEVENT\r\nUID:r\r\nDTSTART:20260105T090000Z\r\nRDATE:20260107T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

        var read = Read(Fixtures.Text("s.ics", ics));

        read.Cancelled.ShouldBe(3);
        read.Items.Select(i => i.ExternalId).ShouldBe(["r/20260105T090000Z", "r/20260107T100000Z"]);
    }

    [Fact]
    public void An_event_without_uid_gets_the_same_hash_id_on_every_export()
    {
        static string Ics(string stamp) => $"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTAMP:{stamp}\r\nDTSTART:20260110T090000Z\r\nSUMMARY:No uid\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

        var first = Read(Fixtures.Text("a.ics", Ics("20260101T000000Z"))).Items.ShouldHaveSingleItem().ExternalId;
        var second = Read(Fixtures.Text("a.ics", Ics("20260201T000000Z"))).Items.ShouldHaveSingleItem().ExternalId;

        first.ShouldStartWith("sha256-");
        second.ShouldBe(first);
    }

    [Fact]
    public void A_floating_time_is_taken_as_utc()
    {
        var ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:f\r\nDTSTART:20260110T090000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

        var item = Read(Fixtures.Text("f.ics", ics)).Items.ShouldHaveSingleItem();

        item.At.ShouldBe(Utc(1, 10, 9));
        item.Subject.ShouldBe("(no title)");
    }

    [Theory]
    [InlineData("hello, not a calendar", "bad.ics: is not a valid iCalendar file: Could not parse line: 'hello, not a calendar'")]
    [InlineData("", "bad.ics: holds no VCALENDAR; is it an iCalendar (.ics) file?")]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:2026XX10\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", "bad.ics: event 1 (UID x): no DTSTART, or one that is not a date")]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART;TZID=Nowhere/Land:20260110T090000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", "bad.ics: event 1 (UID x): Unrecognized time zone id Nowhere/Land (Parameter 'tzId')")]
    public void A_malformed_calendar_is_an_error_naming_the_file_and_event(string ics, string expected)
    {
        var read = Read(Fixtures.Text("bad.ics", ics));

        read.Items.ShouldBeEmpty();
        read.Errors.ShouldHaveSingleItem().ToString().ShouldBe(expected);
    }
}
