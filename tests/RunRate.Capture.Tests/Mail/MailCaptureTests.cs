using RunRate.Capture.Pipeline;
using RunRate.Capture.Tests.Support;
using RunRate.Engine.Crm;
using RunRate.Engine.Primitives;
using Shouldly;

namespace RunRate.Capture.Tests.Mail;

public sealed class MailCaptureTests : IDisposable
{
    private readonly CaptureStore _crm = new();

    public void Dispose() => _crm.Dispose();

    private CaptureResult Capture(params CaptureFile[] files) => CaptureImport.Mail(_crm.Store, files, CaptureStore.Options);

    [Fact]
    public void Importing_the_same_mbox_twice_logs_each_message_once()
    {
        var first = Capture(Fixtures.File("inbox.mbox"));
        var afterFirst = _crm.Activities();
        var revision = _crm.Store.Revision();

        var second = Capture(Fixtures.File("inbox.mbox"));

        // 5 messages: Jane (Acme), one to Acme and Globex (two activities), Initech's pricing question,
        // Bob's reply (Globex); the newsletter matches nothing.
        (first.Read, first.Logged, first.AlreadyLogged, first.Unmatched.Count).ShouldBe((5, 5, 0, 1));
        (second.Read, second.Logged, second.AlreadyLogged, second.Unmatched.Count).ShouldBe((5, 0, 5, 1));
        _crm.Activities().ShouldBe(afterFirst);
        afterFirst.Count.ShouldBe(5);
        _crm.Store.Revision().ShouldBe(revision);
    }

    [Fact]
    public void Each_message_is_logged_on_its_accounts_with_deterministic_ids()
    {
        Capture(Fixtures.File("inbox.mbox"));

        var byExternal = _crm.Activities().ToDictionary(a => a.ExternalId!, StringComparer.Ordinal);
        byExternal.Keys.Order(StringComparer.Ordinal).ShouldBe([
            "re-4@partner.io", "renewal-1@mail.acme.com", "rollout-2@runrate.io#C1", "rollout-2@runrate.io#C2",
            byExternal.Keys.Single(k => k.StartsWith("sha256:", StringComparison.Ordinal)),
        ]);
        var jane = byExternal["renewal-1@mail.acme.com"];
        jane.Id.ShouldBe(new ActivityId("em_" + CaptureText.Sha256("renewal-1@mail.acme.com")[..16]));
        jane.Kind.ShouldBe(ActivityKind.Email);
        jane.AccountId.ShouldBe(new CustomerId("C1"));
        jane.ContactId.ShouldBe(new ContactId("ct_jane"));
        jane.Source.ShouldBe("email");
        jane.At.ShouldBe(new DateTimeOffset(2026, 1, 5, 9, 30, 0, TimeSpan.Zero));
        jane.Subject.ShouldBe("Renouvellement à l’étude");
        byExternal["rollout-2@runrate.io#C1"].ContactId.ShouldBeNull();
        byExternal["rollout-2@runrate.io#C2"].AccountId.ShouldBe(new CustomerId("C2"));
        byExternal["re-4@partner.io"].ContactId.ShouldBe(new ContactId("ct_bob"));
        byExternal.Values.Single(a => a.ExternalId!.StartsWith("sha256:", StringComparison.Ordinal)).AccountId.ShouldBe(new CustomerId("C3"));
    }

    [Fact]
    public void Unmatched_messages_are_listed_not_stored()
    {
        var result = Capture(Fixtures.File("inbox.mbox"));

        var unmatched = result.Unmatched.ShouldHaveSingleItem();
        unmatched.ShouldBe(new UnmatchedItem("news-5@unknown.org", new DateTimeOffset(2026, 1, 9, 11, 0, 0, TimeSpan.Zero), "Newsletter", "someone@unknown.org", ["me@runrate.io"]), new UnmatchedComparer());
        _crm.Activities().ShouldNotContain(a => a.ExternalId == "news-5@unknown.org");
    }

    [Fact]
    public void A_contact_match_beats_a_domain_match()
    {
        var file = _crm.Write("peter.eml", "From: Peter <peter@acme.com>\nTo: me@runrate.io\nSubject: Hi\nDate: Mon, 12 Jan 2026 10:00:00 +0000\nMessage-ID: <peter-1@acme.com>\n\nHello\n");

        Capture(file).Logged.ShouldBe(1);

        var activity = _crm.Activities().ShouldHaveSingleItem();
        activity.AccountId.ShouldBe(new CustomerId("C3"));
        activity.ContactId.ShouldBe(new ContactId("ct_peter"));
        activity.ExternalId.ShouldBe("peter-1@acme.com");
    }

    [Fact]
    public void Without_own_domains_the_users_address_is_just_unmatched()
    {
        var file = _crm.Write("internal.eml", "From: me@runrate.io\nTo: colleague@runrate.io\nSubject: Lunch\nDate: Mon, 12 Jan 2026 10:00:00 +0000\n\n");

        CaptureImport.Mail(_crm.Store, [file], new CaptureOptions()).Unmatched.Count.ShouldBe(1);
    }

    [Fact]
    public void A_malformed_file_is_named_and_nothing_of_it_is_written_while_clean_files_are()
    {
        var broken = _crm.Write("broken.mbox", "From a@acme.com Mon Jan  5 09:30:00 2026\nFrom: a@acme.com\nSubject: one\nMessage-ID: <ok@acme.com>\n\nbody\n\nFrom b@acme.com\nFrom: b@acme.com\nSubject: two\n\nbody\n");

        var result = Capture(broken, Fixtures.File("multipart.eml"));

        result.Errors.Select(e => e.ToString()).ShouldBe(["broken.mbox: message 2 (byte 104): no Date header, and no date on an mbox From line"]);
        (result.Read, result.Logged).ShouldBe((1, 1));
        _crm.Activities().Select(a => a.ExternalId).ShouldBe(["offer-2026@acme.com"]);
    }

    [Fact]
    public void All_or_nothing_mode_writes_nothing_when_any_file_is_malformed()
    {
        var revision = _crm.Store.Revision();

        var result = CaptureImport.Mail(_crm.Store, [Fixtures.File("inbox.mbox"), Fixtures.Text("bad.eml", "")], CaptureStore.Options with { StoreCleanFilesDespiteErrors = false });

        result.Written.ShouldBeFalse();
        result.Errors.ShouldHaveSingleItem().File.ShouldBe("bad.eml");
        _crm.Activities().ShouldBeEmpty();
        _crm.Store.Revision().ShouldBe(revision);
    }

    [Fact]
    public void A_message_that_later_matches_a_second_account_is_not_logged_again_on_the_first()
    {
        var file = _crm.Write("one.eml", "From: ceo@hooli.com\nTo: jane@acme.com\nSubject: Intro\nDate: Mon, 12 Jan 2026 10:00:00 +0000\nMessage-ID: <intro@hooli.com>\n\n");
        Capture(file).Logged.ShouldBe(1);
        _crm.Store.Crm.SaveDomains(new CustomerId("C4"), ["hooli.com"]);

        var again = Capture(file);

        (again.Logged, again.AlreadyLogged).ShouldBe((1, 1));
        _crm.Activities().Select(a => (a.ExternalId, a.AccountId.Value)).Order().ShouldBe([("intro@hooli.com", "C1"), ("intro@hooli.com#C4", "C4")]);
    }

    [Fact]
    public void The_same_message_in_two_files_is_logged_once()
    {
        var eml = File.ReadAllText(Fixtures.Path("multipart.eml"));
        var result = Capture(Fixtures.File("multipart.eml"), Fixtures.Text("copy.mbox", "From jerome@acme.com Thu Jan 15 13:00:00 2026\n" + eml));

        (result.Read, result.Logged, result.AlreadyLogged).ShouldBe((2, 1, 1));
    }

    private sealed class UnmatchedComparer : IEqualityComparer<UnmatchedItem>
    {
        public bool Equals(UnmatchedItem? x, UnmatchedItem? y) =>
            x is not null && y is not null && x.ExternalId == y.ExternalId && x.At == y.At && x.Subject == y.Subject && x.From == y.From && x.To.SequenceEqual(y.To);

        public int GetHashCode(UnmatchedItem obj) => obj.ExternalId.GetHashCode(StringComparison.Ordinal);
    }
}
