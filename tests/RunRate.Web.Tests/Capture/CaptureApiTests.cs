using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using RunRate.Engine.Crm;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Storage;
using RunRate.Web.Tests.Support;

namespace RunRate.Web.Tests.Capture;

/// <summary><c>POST /api/capture/mail</c> and <c>/calendar</c>: uploads logged like <c>runrate capture</c>, all or nothing.</summary>
public sealed class CaptureApiTests : IDisposable
{
    private readonly EmptyWebStore _web = new();

    public CaptureApiTests()
    {
        using var store = _web.OpenStore(create: false);
        foreach (var (id, name) in new[] { ("C1", "Acme"), ("C2", "Globex"), ("C3", "Initech") })
        {
            store.SaveCustomer(new Customer(new CustomerId(id), name), WriteMode.Create).ShouldBe(WriteOutcome.Done);
        }

        store.Crm.SaveContact(new Contact(new ContactId("ct_jane"), new CustomerId("C1"), "Jane", "jane@acme.com", null, null), WriteMode.Create).ShouldBe(WriteOutcome.Done);
        store.Crm.SaveContact(new Contact(new ContactId("ct_bob"), new CustomerId("C2"), "Bob", "bob@partner.io", null, null), WriteMode.Create).ShouldBe(WriteOutcome.Done);
        store.Crm.SaveDomains(new CustomerId("C1"), ["acme.com"]).ShouldBe(WriteOutcome.Done);
        store.Crm.SaveDomains(new CustomerId("C2"), ["globex.com"]).ShouldBe(WriteOutcome.Done);
        store.Crm.SaveDomains(new CustomerId("C3"), ["initech.com"]).ShouldBe(WriteOutcome.Done);
    }

    public void Dispose() => _web.Dispose();

    private static string Fixture(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RunRate.slnx")))
            {
                return Path.Combine(dir.FullName, "tests", "RunRate.Capture.Tests", "Fixtures", name);
            }
        }

        throw new DirectoryNotFoundException("RunRate.slnx not found above the test binaries.");
    }

    private static MultipartFormDataContent Upload(params (string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            form.Add(Http.File(bytes, name.EndsWith(".ics", StringComparison.Ordinal) ? "text/calendar" : "application/mbox"), "files", name);
        }

        return form;
    }

    private static MultipartFormDataContent Upload(params string[] fixtures) =>
        Upload([.. fixtures.Select(f => (f, File.ReadAllBytes(Fixture(f))))]);

    private (int Activities, long Revision) Stored()
    {
        using var store = _web.OpenStore(create: false);
        return (store.Crm.Load().Activities.Length, store.Revision());
    }

    [Fact]
    public async Task Importing_the_same_mbox_twice_logs_each_message_once_and_answers_like_the_CLI()
    {
        using var first = await _web.Client.PostAsync(Http.Url("/api/capture/mail?ignore_domain=runrate.io"), Upload("inbox.mbox"));
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await first.JsonAsync();
        (json.GetProperty("messages").GetInt32(), json.GetProperty("logged").GetInt32(), json.GetProperty("already_logged").GetInt32()).ShouldBe((5, 5, 0));
        var unmatched = json.GetProperty("unmatched").EnumerateArray().ShouldHaveSingleItem();
        unmatched.GetProperty("external_id").GetString().ShouldBe("news-5@unknown.org");
        unmatched.GetProperty("at").GetString().ShouldBe("2026-01-09T11:00:00Z");
        var afterFirst = Stored();
        afterFirst.Activities.ShouldBe(5);

        using var second = await _web.Client.PostAsync(Http.Url("/api/capture/mail?ignore_domain=runrate.io"), Upload("inbox.mbox"));
        var again = await second.Content.ReadAsStringAsync();
        var (exit, cli) = _web.Cli("capture", "mail", Fixture("inbox.mbox"), "--ignore-domain", "runrate.io", "--json");

        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        exit.ShouldBe(0);
        again.ShouldBe(cli);
        (await second.JsonAsync()).GetProperty("already_logged").GetInt32().ShouldBe(5);
        Stored().ShouldBe(afterFirst);
    }

    [Fact]
    public async Task Importing_the_same_calendar_twice_logs_each_meeting_once()
    {
        using var first = await _web.Client.PostAsync(Http.Url("/api/capture/calendar"), Upload("outlook.ics", "cancelled.ics"));
        var afterFirst = Stored();
        using var second = await _web.Client.PostAsync(Http.Url("/api/capture/calendar"), Upload("outlook.ics", "cancelled.ics"));

        // The test clock is 2026-01-15: the default window runs to 2026-04-15.
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var a = await first.JsonAsync();
        var b = await second.JsonAsync();
        (a.GetProperty("events").GetInt32(), a.GetProperty("logged").GetInt32(), a.GetProperty("already_logged").GetInt32(), a.GetProperty("cancelled").GetInt32()).ShouldBe((10, 7, 0, 2));
        (b.GetProperty("events").GetInt32(), b.GetProperty("logged").GetInt32(), b.GetProperty("already_logged").GetInt32(), b.GetProperty("cancelled").GetInt32()).ShouldBe((10, 0, 7, 2));
        afterFirst.Activities.ShouldBe(7);
        Stored().ShouldBe(afterFirst);
    }

    [Fact]
    public async Task The_window_comes_from_the_query()
    {
        using var response = await _web.Client.PostAsync(Http.Url("/api/capture/calendar?from=2026-03-01&to=2026-03-20"), Upload("outlook.ics"));

        var json = await response.JsonAsync();
        (json.GetProperty("events").GetInt32(), json.GetProperty("logged").GetInt32(), json.GetProperty("cancelled").GetInt32()).ShouldBe((5, 4, 0));
    }

    [Fact]
    public async Task A_malformed_file_is_a_422_naming_it_and_nothing_is_written()
    {
        var before = Stored();
        var broken = Encoding.UTF8.GetBytes("From a@acme.com\nFrom: a@acme.com\nSubject: no date\n\nbody\n");

        using var response = await _web.Client.PostAsync(Http.Url("/api/capture/mail"), Upload(("broken.mbox", broken), ("offer.eml", File.ReadAllBytes(Fixture("multipart.eml")))));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await response.JsonAsync();
        problem.GetProperty("title").GetString().ShouldBe("1 file(s) cannot be read; nothing was captured.");
        problem.GetProperty("errors").GetProperty("broken.mbox: message 1 (byte 0)")[0].GetString().ShouldBe("no Date header, and no date on an mbox From line");
        var error = problem.GetProperty("capture_errors").EnumerateArray().ShouldHaveSingleItem();
        error.GetProperty("file").GetString().ShouldBe("broken.mbox");
        Stored().ShouldBe(before);
    }

    [Fact]
    public async Task A_malformed_calendar_is_a_422_naming_it()
    {
        using var response = await _web.Client.PostAsync(Http.Url("/api/capture/calendar"), Upload(("team.ics", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n"u8.ToArray())));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.JsonAsync()).GetProperty("errors").GetProperty("team.ics")[0].GetString().ShouldBe("is not a valid iCalendar file: Unclosed component VEVENT");
    }

    [Theory]
    [InlineData("/api/capture/calendar?from=March", "from", "expected a date YYYY-MM-DD, found 'March'")]
    [InlineData("/api/capture/calendar?from=2026-03-01&to=2026-02-01", "to", "2026-02-01 is before from 2026-03-01")]
    [InlineData("/api/capture/mail?ignore_domain=me@x.com", "ignore_domain", "expected a domain such as example.com, found 'me@x.com'")]
    public async Task Bad_query_values_are_400_naming_the_field(string url, string field, string message)
    {
        using var response = await _web.Client.PostAsync(Http.Url(url), Upload("cancelled.ics"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("errors").GetProperty(field)[0].GetString().ShouldBe(message);
    }

    [Fact]
    public async Task A_body_without_files_is_refused()
    {
        using var json = await _web.Client.PostAsync(Http.Url("/api/capture/mail"), Http.Json("{}"));
        json.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);

        using var empty = new MultipartFormDataContent { { new StringContent("x"), "note" } };
        using var none = await _web.Client.PostAsync(Http.Url("/api/capture/mail"), empty);
        none.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await none.JsonAsync()).GetProperty("errors").GetProperty("files")[0].GetString().ShouldBe("expected one or more .eml files or mbox archives as files of a multipart/form-data upload");
    }

    [Fact]
    public async Task The_own_domains_setting_keeps_those_addresses_from_deciding_an_account()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting(WebOptions.StoreSetting, _web.Db);
            web.UseSetting("RunRate:Open", "true");
            web.UseSetting("RunRate:Capture:OwnDomains", "runrate.io, acme.com");
        });
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(Http.Url("/api/capture/mail"), Upload("multipart.eml"));

        var json = await response.JsonAsync();
        json.GetProperty("logged").GetInt32().ShouldBe(0);
        json.GetProperty("unmatched").EnumerateArray().ShouldHaveSingleItem().GetProperty("from").GetString().ShouldBe("jerome@acme.com");
    }

    [Fact]
    public async Task Capture_uploads_may_exceed_the_json_body_cap()
    {
        // 2 MB of mail: over the 1 MB cap of JSON requests, well under the upload cap.
        var body = new StringBuilder("From: ann@globex.com\nTo: me@runrate.io\nSubject: Big\nDate: Fri, 16 Jan 2026 09:00:00 +0000\nMessage-ID: <big@globex.com>\n\n");
        while (body.Length < 2 * 1024 * 1024)
        {
            body.Append("All the numbers of the quarter, line after line.\n");
        }

        using var response = await _web.Client.PostAsync(Http.Url("/api/capture/mail"), Upload(("big.eml", Encoding.UTF8.GetBytes(body.ToString()))));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.JsonAsync()).GetProperty("logged").GetInt32().ShouldBe(1);
        using var store = _web.OpenStore(create: false);
        store.Crm.Load().Activities.ShouldHaveSingleItem().Body!.Length.ShouldBe(4000);
    }
}
