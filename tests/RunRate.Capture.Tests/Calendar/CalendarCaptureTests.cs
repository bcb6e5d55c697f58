using RunRate.Capture.Calendar;
using RunRate.Capture.Pipeline;
using RunRate.Capture.Tests.Support;
using RunRate.Engine.Crm;
using RunRate.Engine.Primitives;
using Shouldly;

namespace RunRate.Capture.Tests.Calendar;

public sealed class CalendarCaptureTests : IDisposable
{
    private static readonly CalendarWindow Window = CalendarWindow.Around(new DateOnly(2026, 1, 15));

    private readonly CaptureStore _crm = new();

    public void Dispose() => _crm.Dispose();

    private CaptureResult Capture(params CaptureFile[] files) => CaptureImport.Calendar(_crm.Store, files, CaptureStore.Options, Window);

    [Fact]
    public void Importing_the_same_calendar_twice_logs_each_meeting_once()
    {
        var first = Capture(Fixtures.File("outlook.ics"), Fixtures.File("cancelled.ics"));
        var afterFirst = _crm.Activities();
        var revision = _crm.Store.Revision();

        var second = Capture(Fixtures.File("outlook.ics"), Fixtures.File("cancelled.ics"));

        // outlook.ics: 4 weekly instances (Jane, Acme), Initech's QBR, Acme's onsite, 1 cancelled instance,
        // 1 unmatched panel; cancelled.ics: a cancelled demo and Globex's follow-up.
        (first.Read, first.Logged, first.AlreadyLogged, first.Cancelled, first.Unmatched.Count).ShouldBe((10, 7, 0, 2, 1));
        (second.Read, second.Logged, second.AlreadyLogged, second.Cancelled, second.Unmatched.Count).ShouldBe((10, 0, 7, 2, 1));
        _crm.Activities().ShouldBe(afterFirst);
        _crm.Store.Revision().ShouldBe(revision);
    }

    [Fact]
    public void Meetings_are_logged_on_the_attendees_accounts()
    {
        Capture(Fixtures.File("outlook.ics"));

        var activities = _crm.Activities();
        activities.Count.ShouldBe(6);
        activities.ShouldAllBe(a => a.Kind == ActivityKind.Meeting && a.Source == "calendar" && a.Id.Value.StartsWith("mt_"));
        activities.Count(a => a.AccountId == new CustomerId("C1") && a.ContactId == new ContactId("ct_jane")).ShouldBe(4);
        var qbr = activities.Single(a => a.ExternalId == "initech-qbr-2026q1@runrate.io");
        (qbr.AccountId, qbr.ContactId, qbr.At).ShouldBe((new CustomerId("C3"), (ContactId?)null, new DateTimeOffset(2026, 2, 10, 14, 0, 0, TimeSpan.Zero)));
        activities.Single(a => a.ExternalId == "acme-onsite@runrate.io").AccountId.ShouldBe(new CustomerId("C1"));
    }

    [Fact]
    public void A_malformed_calendar_writes_nothing_of_itself()
    {
        var result = Capture(Fixtures.Text("broken.ics", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n"), Fixtures.File("cancelled.ics"));

        result.Errors.ShouldHaveSingleItem().File.ShouldBe("broken.ics");
        _crm.Activities().Select(a => a.ExternalId).ShouldBe(["globex-followup@google.com"]);
    }
}
