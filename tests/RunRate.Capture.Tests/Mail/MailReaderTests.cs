using RunRate.Capture.Mail;
using RunRate.Capture.Pipeline;
using RunRate.Capture.Tests.Support;
using Shouldly;

namespace RunRate.Capture.Tests.Mail;

public sealed class MailReaderTests
{
    private static FileRead Read(CaptureFile file) => new MailReader().Read(file);

    [Fact]
    public void An_mbox_gives_each_message_with_its_date_subject_and_plain_text_body()
    {
        var read = Read(Fixtures.File("inbox.mbox"));

        read.Errors.ShouldBeEmpty();
        read.Items.Count.ShouldBe(5);
        var first = read.Items[0];
        first.ExternalId.ShouldBe("renewal-1@mail.acme.com");
        first.At.ShouldBe(new DateTimeOffset(2026, 1, 5, 9, 30, 0, TimeSpan.Zero));
        first.At.Offset.ShouldBe(TimeSpan.Zero);
        first.Subject.ShouldBe("Renouvellement à l’étude");
        first.Body.ShouldBe("Bonjour, nous souhaitons renouveler l’abonnement — merci.");
        first.From.ShouldBe("jane@acme.com");
        first.To.ShouldBe(["me@runrate.io"]);
        read.Items[1].To.ShouldBe(["ops@eu.acme.com", "ann@globex.com", "colleague@sales.runrate.io"]);
    }

    [Fact]
    public void A_base64_body_and_an_encoded_word_subject_are_decoded()
    {
        var fourth = Read(Fixtures.File("inbox.mbox")).Items[3];

        fourth.Subject.ShouldBe("Re: Échéancier");
        fourth.Body.ShouldBe("Très bien, merci !");
    }

    [Fact]
    public void A_message_without_date_header_takes_the_date_of_its_mbox_from_line()
    {
        Read(Fixtures.File("inbox.mbox")).Items[3].At.ShouldBe(new DateTimeOffset(2026, 1, 8, 16, 45, 0, TimeSpan.Zero));
    }

    [Fact]
    public void A_message_without_message_id_gets_a_stable_hash_id()
    {
        var id = Read(Fixtures.File("inbox.mbox")).Items[2].ExternalId;

        id.ShouldStartWith("sha256:");
        id.Length.ShouldBe("sha256:".Length + 64);
        Read(Fixtures.File("inbox.mbox")).Items[2].ExternalId.ShouldBe(id);
        id.ShouldBe(MailReader.ExternalId(null, "sales@initech.com", ["me@runrate.io"], new DateTimeOffset(2026, 1, 7, 8, 15, 0, TimeSpan.Zero), "Pricing question"));
        id.ShouldNotBe(MailReader.ExternalId(null, "sales@initech.com", ["me@runrate.io"], new DateTimeOffset(2026, 1, 7, 8, 15, 0, TimeSpan.Zero), "Pricing question 2"));
    }

    [Fact]
    public void A_multipart_eml_with_latin1_quoted_printable_text_and_attachment_reads_its_plain_part()
    {
        var read = Read(Fixtures.File("multipart.eml"));

        read.Errors.ShouldBeEmpty();
        var item = read.Items.ShouldHaveSingleItem();
        item.ExternalId.ShouldBe("offer-2026@acme.com");
        item.Subject.ShouldBe("Angebot für 2026 – Nächste Schritte");
        item.Body.ShouldBe("Grüße aus München,\nhier ist das Angebot.");
        item.From.ShouldBe("jerome@acme.com");
        item.At.ShouldBe(new DateTimeOffset(2026, 1, 15, 13, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void An_html_only_message_gets_its_text_without_styles()
    {
        Read(Fixtures.File("html-only.eml")).Items.ShouldHaveSingleItem().Body.ShouldBe("Seats: 120\nChurn: 0 & growing");
    }

    [Fact]
    public void A_file_starting_with_a_from_line_is_an_mbox_whatever_its_name()
    {
        var content = File.ReadAllText(Fixtures.Path("inbox.mbox"));

        Read(Fixtures.Text("export.eml", content)).Items.Count.ShouldBe(5);
        Read(Fixtures.Text("Inbox", content)).Items.Count.ShouldBe(5);
    }

    [Fact]
    public void A_file_named_mbox_without_from_line_is_an_error_and_an_empty_mbox_holds_nothing()
    {
        var error = Read(Fixtures.Text("archive.mbox", File.ReadAllText(Fixtures.Path("multipart.eml")))).Errors.ShouldHaveSingleItem();
        error.ToString().ShouldBe("archive.mbox: an mbox archive must start with a \"From \" line; this file does not");

        var empty = Read(Fixtures.Text("empty.mbox", ""));
        empty.Errors.ShouldBeEmpty();
        empty.Items.ShouldBeEmpty();
        Read(Fixtures.Text("empty.eml", "")).Errors.ShouldHaveSingleItem().ToString().ShouldBe("empty.eml: the file is empty");
    }

    [Fact]
    public void A_message_without_any_date_is_located_by_index_and_byte_offset()
    {
        var mbox = "From a@acme.com Mon Jan  5 09:30:00 2026\nFrom: a@acme.com\nSubject: one\nDate: Mon, 5 Jan 2026 09:30:00 +0000\n\nbody\n\n"
            + "From b@acme.com\nFrom: b@acme.com\nSubject: two\n\nbody\n\n"
            + "From c@acme.com Wed Jan  7 09:30:00 2026\nFrom: c@acme.com\nSubject: three\nDate: not a date\n\nbody\n";

        var read = Read(Fixtures.Text("broken.mbox", mbox));

        read.Items.ShouldBeEmpty();
        read.Errors.Select(e => e.ToString()).ShouldBe([
            "broken.mbox: message 2 (byte 115): no Date header, and no date on an mbox From line",
        ]);
    }

    [Fact]
    public void A_file_that_is_not_mail_is_an_error_naming_it()
    {
        var error = Read(Fixtures.Text("notes.eml", "\u0001\u0002 binary junk\n")).Errors.ShouldHaveSingleItem();

        error.File.ShouldBe("notes.eml");
        error.Message.ShouldStartWith("is not an e-mail message");
    }

    [Fact]
    public void A_bad_date_header_falls_back_to_the_from_line()
    {
        var mbox = "From c@acme.com Wed Jan  7 09:30:00 2026\nFrom: c@acme.com\nSubject: three\nDate: not a date\n\nbody\n";

        Read(Fixtures.Text("a.mbox", mbox)).Items.ShouldHaveSingleItem().At.ShouldBe(new DateTimeOffset(2026, 1, 7, 9, 30, 0, TimeSpan.Zero));
        Read(Fixtures.Text("a.eml", "From: c@acme.com\nDate: not a date\n\nbody\n")).Errors.ShouldHaveSingleItem().Message
            .ShouldBe("the Date header 'not a date' is not a date, and no date is on an mbox From line");
    }
}
