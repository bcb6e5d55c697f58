using RunRate.Cli.Common;
using RunRate.Cli.Tests.Support;
using RunRate.Engine.Crm;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Storage;

namespace RunRate.Cli.Tests.Capture;

public sealed class CaptureCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public CaptureCommandTests()
    {
        using var store = _cli.OpenStore(create: true);
        foreach (var (id, name) in new[] { ("C1", "Acme"), ("C2", "Globex"), ("C3", "Initech") })
        {
            Assert.Equal(WriteOutcome.Done, store.SaveCustomer(new Customer(new CustomerId(id), name), WriteMode.Create));
        }

        Assert.Equal(WriteOutcome.Done, store.Crm.SaveContact(new Contact(new ContactId("ct_jane"), new CustomerId("C1"), "Jane", "jane@acme.com", null, null), WriteMode.Create));
        Assert.Equal(WriteOutcome.Done, store.Crm.SaveContact(new Contact(new ContactId("ct_bob"), new CustomerId("C2"), "Bob", "bob@partner.io", null, null), WriteMode.Create));
        Assert.Equal(WriteOutcome.Done, store.Crm.SaveDomains(new CustomerId("C1"), ["acme.com"]));
        Assert.Equal(WriteOutcome.Done, store.Crm.SaveDomains(new CustomerId("C2"), ["globex.com"]));
        Assert.Equal(WriteOutcome.Done, store.Crm.SaveDomains(new CustomerId("C3"), ["initech.com"]));
    }

    public void Dispose() => _cli.Dispose();

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

    private (int Activities, long Revision) Stored()
    {
        using var store = _cli.OpenStore(create: false);
        return (store.Crm.Load().Activities.Length, store.Revision());
    }

    [Fact]
    public void Importing_the_same_mbox_twice_logs_each_message_once()
    {
        var first = _cli.Run("capture", "mail", Fixture("inbox.mbox"), "--ignore-domain", "runrate.io", "--json");
        var afterFirst = Stored();
        var second = _cli.Run("capture", "mail", Fixture("inbox.mbox"), "--ignore-domain", "runrate.io", "--json");

        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.Equal((5, 5, 0), (first.Json.GetProperty("messages").GetInt32(), first.Json.GetProperty("logged").GetInt32(), first.Json.GetProperty("already_logged").GetInt32()));
        Assert.Equal((5, 0, 5), (second.Json.GetProperty("messages").GetInt32(), second.Json.GetProperty("logged").GetInt32(), second.Json.GetProperty("already_logged").GetInt32()));
        var unmatched = Assert.Single(first.Json.GetProperty("unmatched").EnumerateArray());
        Assert.Equal("news-5@unknown.org", unmatched.GetProperty("external_id").GetString());
        Assert.Equal("2026-01-09T11:00:00Z", unmatched.GetProperty("at").GetString());
        Assert.Equal("someone@unknown.org", unmatched.GetProperty("from").GetString());
        Assert.Equal(["me@runrate.io"], unmatched.GetProperty("to").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(5, afterFirst.Activities);
        Assert.Equal(afterFirst, Stored());
    }

    [Fact]
    public void The_table_shows_the_counts_and_the_unmatched_messages()
    {
        var result = _cli.Run("capture", "mail", Fixture("inbox.mbox"));

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("Read 5 message(s) from 1 file(s): 5 logged, 0 already logged, 1 unmatched.", result.Console, StringComparison.Ordinal);
        Assert.Contains("news-5@unknown.org", result.Console, StringComparison.Ordinal);
        Assert.Contains("Newsletter", result.Console, StringComparison.Ordinal);
        Assert.Contains("2026-01-09T11:00:00Z", result.Console, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_captures_every_eml_and_mbox_inside_it()
    {
        var folder = Path.Combine(_cli.Folder, "mail");
        Directory.CreateDirectory(Path.Combine(folder, "2026"));
        File.Copy(Fixture("inbox.mbox"), Path.Combine(folder, "inbox.mbox"));
        File.Copy(Fixture("multipart.eml"), Path.Combine(folder, "2026", "offer.EML"));
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not mail");

        var json = _cli.Run("capture", "mail", folder, "--json").Json;

        Assert.Equal((6, 6), (json.GetProperty("messages").GetInt32(), json.GetProperty("logged").GetInt32()));
    }

    [Fact]
    public void A_missing_path_exits_3_and_captures_nothing()
    {
        var result = _cli.Run("capture", "mail", Fixture("inbox.mbox"), Path.Combine(_cli.Folder, "nope.mbox"));

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.Contains("nope.mbox", result.Errors, StringComparison.Ordinal);
        Assert.Equal(0, Stored().Activities);
    }

    [Fact]
    public void A_malformed_file_exits_2_naming_it_and_nothing_of_it_is_written()
    {
        var broken = Path.Combine(_cli.Folder, "broken.mbox");
        File.WriteAllText(broken, "From a@acme.com\nFrom: a@acme.com\nSubject: no date\n\nbody\n");

        var result = _cli.Run("capture", "mail", broken, Fixture("multipart.eml"), "--json");

        Assert.Equal(ExitCodes.InvalidData, result.ExitCode);
        Assert.Contains("broken.mbox: message 1 (byte 0): no Date header, and no date on an mbox From line", result.Errors, StringComparison.Ordinal);
        var error = Assert.Single(result.Json.GetProperty("errors").EnumerateArray());
        Assert.Equal("broken.mbox", error.GetProperty("file").GetString());
        Assert.Equal(1, result.Json.GetProperty("logged").GetInt32());
        Assert.Equal(1, Stored().Activities);
    }

    [Fact]
    public void Ignored_domains_never_decide_an_account()
    {
        var ignored = _cli.Run("capture", "mail", Fixture("multipart.eml"), "--ignore-domain", "ACME.com", "--json");
        Assert.Equal(0, ignored.Json.GetProperty("logged").GetInt32());
        Assert.Single(ignored.Json.GetProperty("unmatched").EnumerateArray());

        _cli.Environment["RunRate__Capture__OwnDomains"] = "example.org, acme.com";
        Assert.Equal(0, _cli.Run("capture", "mail", Fixture("multipart.eml"), "--json").Json.GetProperty("logged").GetInt32());

        var bad = _cli.Run("capture", "mail", Fixture("multipart.eml"), "--ignore-domain", "me@x.com");
        Assert.Equal(ExitCodes.Usage, bad.ExitCode);
        Assert.Contains("--ignore-domain: expected a domain such as example.com, found 'me@x.com'", bad.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Importing_the_same_calendar_twice_logs_each_meeting_once()
    {
        var first = _cli.Run("capture", "calendar", Fixture("outlook.ics"), Fixture("cancelled.ics"), "--ignore-domain", "runrate.io", "--json").Json;
        var afterFirst = Stored();
        var second = _cli.Run("capture", "calendar", Fixture("outlook.ics"), Fixture("cancelled.ics"), "--ignore-domain", "runrate.io", "--json").Json;

        // Clock 2026-01-15: the window runs to 2026-04-15, so all four weekly instances are in.
        Assert.Equal((10, 7, 0, 2), (first.GetProperty("events").GetInt32(), first.GetProperty("logged").GetInt32(), first.GetProperty("already_logged").GetInt32(), first.GetProperty("cancelled").GetInt32()));
        Assert.Equal((10, 0, 7, 2), (second.GetProperty("events").GetInt32(), second.GetProperty("logged").GetInt32(), second.GetProperty("already_logged").GetInt32(), second.GetProperty("cancelled").GetInt32()));
        Assert.Equal("conference@unknown.org", Assert.Single(first.GetProperty("unmatched").EnumerateArray()).GetProperty("external_id").GetString());
        Assert.Equal(afterFirst, Stored());
    }

    [Fact]
    public void The_window_limits_recurring_instances()
    {
        var json = _cli.Run("capture", "calendar", Fixture("outlook.ics"), "--from", "2026-03-01", "--to", "2026-03-20", "--json").Json;

        // Two weekly instances (2 and 17 March), the cancelled 23 March is outside; three one-off events.
        Assert.Equal((5, 4, 0), (json.GetProperty("events").GetInt32(), json.GetProperty("logged").GetInt32(), json.GetProperty("cancelled").GetInt32()));
    }

    [Fact]
    public void A_window_ending_before_it_starts_is_a_usage_error()
    {
        var result = _cli.Run("capture", "calendar", Fixture("outlook.ics"), "--from", "2026-03-01", "--to", "2026-02-01");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--to 2026-02-01 is before --from 2026-03-01", result.Errors, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, _cli.Run("capture", "calendar", Fixture("outlook.ics"), "--from", "March").ExitCode);
    }

    [Fact]
    public void Without_a_store_the_capture_exits_3()
    {
        var result = _cli.Run("capture", "mail", Fixture("inbox.mbox"), "--db", _cli.NewStore("none.db"));

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
    }
}
