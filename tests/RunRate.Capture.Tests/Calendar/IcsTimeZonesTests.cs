using RunRate.Capture.Calendar;
using RunRate.Capture.Tests.Support;
using Shouldly;

namespace RunRate.Capture.Tests.Calendar;

public sealed class IcsTimeZonesTests
{
    private const string Custom = """
        BEGIN:VCALENDAR
        VERSION:2.0
        BEGIN:VTIMEZONE
        TZID:Customized Time Zone
        BEGIN:STANDARD
        DTSTART:16011028T030000
        RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10
        TZOFFSETFROM:+0200
        TZOFFSETTO:+0100
        END:STANDARD
        BEGIN:DAYLIGHT
        DTSTART:16010325T020000
        RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3
        TZOFFSETFROM:+0100
        TZOFFSETTO:+0200
        END:DAYLIGHT
        END:VTIMEZONE
        BEGIN:VTIMEZONE
        TZID:Fixed minus five thirty
        BEGIN:STANDARD
        DTSTART:16010101T000000
        TZOFFSETFROM:-0530
        TZOFFSETTO:-0530
        END:STANDARD
        END:VTIMEZONE
        BEGIN:VEVENT
        UID:weekly
        DTSTART;TZID="Customized Time Zone":20260316T100000
        RRULE:FREQ=WEEKLY;COUNT=3
        SUMMARY:Across the spring change
        END:VEVENT
        BEGIN:VEVENT
        UID:fixed
        DTSTART;TZID=Fixed minus five thirty:20260110T090000
        SUMMARY:Fixed offset
        END:VEVENT
        END:VCALENDAR
        """;

    [Fact]
    public void A_zone_only_the_file_defines_is_read_from_its_vtimezone()
    {
        var read = new CalendarReader(CalendarWindow.Around(new DateOnly(2026, 1, 15))).Read(Fixtures.Text("custom.ics", Custom.Replace("\n", "\r\n", StringComparison.Ordinal)));

        read.Errors.ShouldBeEmpty();
        read.Items.Select(i => (i.ExternalId, i.At)).ShouldBe([
            ("fixed", new DateTimeOffset(2026, 1, 10, 14, 30, 0, TimeSpan.Zero)),
            ("weekly/20260316T090000Z", new DateTimeOffset(2026, 3, 16, 9, 0, 0, TimeSpan.Zero)),
            ("weekly/20260323T090000Z", new DateTimeOffset(2026, 3, 23, 9, 0, 0, TimeSpan.Zero)),
            ("weekly/20260330T080000Z", new DateTimeOffset(2026, 3, 30, 8, 0, 0, TimeSpan.Zero)),
        ]);
    }

    [Fact]
    public void Two_files_may_define_the_same_zone_name_differently()
    {
        static string Ics(string offset) =>
            $"BEGIN:VCALENDAR\r\nBEGIN:VTIMEZONE\r\nTZID:Office\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\nTZOFFSETFROM:{offset}\r\nTZOFFSETTO:{offset}\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
            + "BEGIN:VEVENT\r\nUID:x\r\nDTSTART;TZID=Office:20260110T090000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        var reader = new CalendarReader(CalendarWindow.Around(new DateOnly(2026, 1, 15)));

        reader.Read(Fixtures.Text("a.ics", Ics("+0300"))).Items.ShouldHaveSingleItem().At.Hour.ShouldBe(6);
        reader.Read(Fixtures.Text("b.ics", Ics("-0200"))).Items.ShouldHaveSingleItem().At.Hour.ShouldBe(11);
    }
}
