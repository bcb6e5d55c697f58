using RunRate.Capture.Pipeline;
using RunRate.Capture.Tests.Support;
using Shouldly;

namespace RunRate.Capture.Tests.Fuzz;

/// <summary>Control characters in mail (a NUL in an encoded word, an escape in a Message-ID) never reach the store or an error message.</summary>
public sealed class ControlCharacterTests : IDisposable
{
    private readonly CaptureStore _crm = new();

    public void Dispose() => _crm.Dispose();

    [Fact]
    public void A_nul_or_escape_in_subject_body_and_message_id_is_dropped_before_storing()
    {
        var mail = "From: Jane <jane@acme.com>\r\nTo: me@runrate.io\r\nDate: Mon, 05 Jan 2026 09:30:00 +0000\r\n" +
            "Message-ID: <a\u001b[31mb@acme.com>\r\nSubject: =?utf-8?q?Re=00new=1Bal?=\r\n\r\nLine one\u0000\r\n\u0007Line two\r\n";

        var result = CaptureImport.Mail(_crm.Store, [Fixtures.Text("nul.eml", mail)], CaptureStore.Options);

        result.Errors.ShouldBeEmpty();
        var activity = _crm.Activities().ShouldHaveSingleItem();
        activity.Subject.ShouldBe("Re new al");
        activity.Body.ShouldBe("Line one\nLine two");
        activity.ExternalId.ShouldBe("a[31mb@acme.com");
    }

    [Fact]
    public void An_error_message_quoting_a_nul_holds_none()
    {
        var mail = "From: Jane <jane@acme.com>\r\nDate: no\u0000date\r\nSubject: x\r\n\r\nbody\r\n";

        var result = CaptureImport.Mail(_crm.Store, [Fixtures.Text("bad.eml", mail)], CaptureStore.Options);

        var error = result.Errors.ShouldHaveSingleItem();
        error.ToString().ShouldBe("bad.eml: the Date header 'nodate' is not a date, and no date is on an mbox From line");
        _crm.Activities().ShouldBeEmpty();
    }

    [Fact]
    public void A_message_id_of_only_control_characters_gets_a_stable_hash_id_not_an_empty_one()
    {
        // Found by the email fuzzer (fuzz/regressions/email/message-id-of-control-characters.eml).
        var mail = "From: Jane <jane@acme.com>\r\nTo: me@runrate.io\r\nDate: Mon, 05 Jan 2026 09:30:00 +0000\r\n" +
            "Message-ID: \u001c>\r\nSubject: hello\r\n\r\nbody\r\n";

        var first = CaptureImport.Mail(_crm.Store, [Fixtures.Text("ctl.eml", mail)], CaptureStore.Options);
        var again = CaptureImport.Mail(_crm.Store, [Fixtures.Text("ctl.eml", mail)], CaptureStore.Options);

        first.Errors.ShouldBeEmpty();
        again.AlreadyLogged.ShouldBe(1);
        var activity = _crm.Activities().ShouldHaveSingleItem();
        activity.ExternalId.ShouldStartWith("sha256:");
    }
}
