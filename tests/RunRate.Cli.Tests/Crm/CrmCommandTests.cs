using RunRate.Cli.Common;
using RunRate.Cli.Tests.Support;

namespace RunRate.Cli.Tests.Crm;

public sealed class CrmCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public CrmCommandTests()
    {
        var ledger = _cli.Ledger(
            "ledger",
            "customer_id,name,owner\nA,Alpha,Alice\nB,Beta,Ben\n",
            "line_id,customer_id,kind,start_date,amount,currency,interval_months\nA1,A,subscription,2025-01-01,100,USD,1\n");
        Assert.Equal(0, _cli.Run("import", ledger).ExitCode);
    }

    [Fact]
    public void Contacts_are_added_and_listed_as_table_json_and_csv()
    {
        var added = _cli.Run("contact", "add", "--account", "A", "--name", "Jane Doe", "--email", "Jane.Doe@Alpha.com", "--role", "CFO", "--json");
        Assert.Equal(0, added.ExitCode);
        var id = added.Json.GetProperty("contact_id").GetString()!;
        Assert.Matches("^ct_[a-z2-9]{10}$", id);
        Assert.Equal(
            "{\"contacts\":[{\"contact_id\":\"" + id + "\",\"account_id\":\"A\",\"account_name\":\"Alpha\",\"name\":\"Jane Doe\",\"email\":\"jane.doe@alpha.com\",\"phone\":null,\"role\":\"CFO\"}]}\n",
            _cli.Run("contacts", "--json").Output);
        Assert.Equal("{\"contacts\":[]}\n", _cli.Run("contacts", "--account", "B", "--json").Output);
        Assert.Equal($"contact_id,account_id,account_name,name,email,phone,role\n{id},A,Alpha,Jane Doe,jane.doe@alpha.com,,CFO\n", _cli.Run("contacts", "--csv").Output.Replace("\r\n", "\n", StringComparison.Ordinal));

        var quiet = _cli.Run("contact", "add", "--account", "B", "--name", "Bob");
        Assert.Equal(0, quiet.ExitCode);
        Assert.Contains("Added contact ct_", quiet.Console, StringComparison.Ordinal);
        var table = _cli.Run("contacts").Console;
        Assert.Contains("Jane Doe", table, StringComparison.Ordinal);
        Assert.Contains("Bob", table, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--account", "A", "--name", "Jane", "--email", "jane@alpha" }, ExitCodes.InvalidData, "--email: expected an e-mail address such as jane@acme.com, found 'jane@alpha'")]
    [InlineData(new[] { "--account", "NOPE", "--name", "Jane" }, ExitCodes.NotFound, "--account: no customer with id 'NOPE'")]
    [InlineData(new[] { "--account", "A", "--name", "  " }, ExitCodes.InvalidData, "--name: is required")]
    [InlineData(new[] { "--account", "A" }, ExitCodes.Usage, "--name")]
    public void A_bad_contact_is_refused_naming_the_option_and_nothing_is_stored(string[] options, int exit, string message)
    {
        var result = _cli.Run(["contact", "add", .. options]);

        Assert.Equal(exit, result.ExitCode);
        Assert.Contains(message, result.Errors, StringComparison.Ordinal);
        Assert.Equal("{\"contacts\":[]}\n", _cli.Run("contacts", "--json").Output);
    }

    [Fact]
    public void A_second_contact_with_the_same_email_is_refused()
    {
        Assert.Equal(0, _cli.Run("contact", "add", "--account", "A", "--name", "Jane", "--email", "jane@alpha.com").ExitCode);
        var result = _cli.Run("contact", "add", "--account", "B", "--name", "Other Jane", "--email", "JANE@alpha.com");

        Assert.Equal(ExitCodes.InvalidData, result.ExitCode);
        Assert.Contains("--email: another contact already has the e-mail address 'jane@alpha.com'", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deal_is_added_moved_lost_and_listed()
    {
        var added = _cli.Run("deal", "add", "--account", "A", "--title", "Alpha seats", "--arr", "12000.50", "--currency", "usd", "--kind", "expansion", "--close", "2026-03-31", "--owner", "Alice", "--channel", "outbound", "--json");
        Assert.Equal(0, added.ExitCode);
        var id = added.Json.GetProperty("deal_id").GetString()!;
        Assert.Matches("^dl_[a-z2-9]{10}$", id);
        Assert.Equal(
            $$"""{"deal_id":"{{id}}","account_id":"A","account_name":"Alpha","title":"Alpha seats","stage":"lead","stage_name":"Lead","probability":0.10,"outcome":"open","arr":12000.50,"currency":"USD","weighted_arr":1200.05,"kind":"expansion","expected_close":"2026-03-31","owner":"Alice","channel":"outbound","lost_reason":null,"created":"2026-01-15","closed_on":null,"history":[{"stage":"lead","on":"2026-01-15"}],"line_ids":[]}""" + "\n",
            added.Output);

        var moved = _cli.Run("deal", "move", id, "proposal");
        Assert.Equal(0, moved.ExitCode);
        Assert.Contains($"Moved deal {id} to Proposal on 2026-01-15.", moved.Console, StringComparison.Ordinal);

        var noReason = _cli.Run("deal", "move", id, "lost");
        Assert.Equal(ExitCodes.InvalidData, noReason.ExitCode);
        Assert.Contains("--lost-reason: is required for a deal in the lost stage ('lost')", noReason.Errors, StringComparison.Ordinal);

        var lost = _cli.Run("deal", "move", id, "lost", "--lost-reason", "price", "--json").Json;
        Assert.Equal("lost", lost.GetProperty("outcome").GetString());
        Assert.Equal("price", lost.GetProperty("lost_reason").GetString());
        Assert.Equal("2026-01-15", lost.GetProperty("closed_on").GetString());
        Assert.Equal(3, lost.GetProperty("history").GetArrayLength());

        var again = _cli.Run("deal", "move", id, "lost");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("already in Lost; nothing changed", again.Console, StringComparison.Ordinal);

        Assert.Equal(1, _cli.Run("deals", "--stage", "lost", "--json").Json.GetProperty("deals").GetArrayLength());
        Assert.Equal(0, _cli.Run("deals", "--owner", "ben", "--json").Json.GetProperty("deals").GetArrayLength());
        var csv = _cli.Run("deals", "--owner", "ALICE", "--csv").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"{id},A,Alpha,Alpha seats,lost,12000.50,USD,0.00,expansion,2026-01-15,Alice,outbound,price,2026-01-15,2026-01-15", csv[1].TrimEnd('\r'));
        Assert.Contains("Alpha seats", _cli.Run("deals").Console, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--arr", "1,000", "--arr: expected a decimal number")]
    [InlineData("--arr", "-5", "--arr: must be 0 or more")]
    [InlineData("--currency", "EUD", "--currency: expected an ISO 4217 currency code")]
    [InlineData("--kind", "upgrade", "--kind: expected new_business, expansion, cross_sell or renewal")]
    [InlineData("--close", "2026-02-30", "--close: expected a calendar date YYYY-MM-DD")]
    [InlineData("--close", "2026-01-01", "--close: must not be before created (2026-01-15)")]
    [InlineData("--stage", "closing", "--stage: unknown stage 'closing'")]
    [InlineData("--stage", "lost", "--lost-reason: is required")]
    public void A_bad_deal_is_invalid_data_naming_the_option(string option, string value, string message)
    {
        Dictionary<string, string> options = new()
        {
            ["--account"] = "A", ["--title"] = "T", ["--arr"] = "100", ["--currency"] = "USD", ["--kind"] = "new_business", ["--close"] = "2026-03-31",
        };
        options[option] = value;
        var result = _cli.Run(["deal", "add", .. options.SelectMany(o => new[] { o.Key, o.Value })]);

        Assert.Equal(ExitCodes.InvalidData, result.ExitCode);
        Assert.Contains(message, result.Errors, StringComparison.Ordinal);
        Assert.Equal("{\"deals\":[]}\n", _cli.Run("deals", "--json").Output);
    }

    [Fact]
    public void Moving_needs_a_known_deal_and_stage_and_a_day_in_order()
    {
        var id = _cli.Run("deal", "add", "--account", "B", "--title", "T", "--arr", "1", "--currency", "USD", "--kind", "new_business", "--close", "2026-02-01", "--json").Json.GetProperty("deal_id").GetString()!;

        var unknown = _cli.Run("deal", "move", "dl_nope", "won");
        Assert.Equal(ExitCodes.NotFound, unknown.ExitCode);
        Assert.Contains("no deal with id 'dl_nope'", unknown.Errors, StringComparison.Ordinal);
        var stage = _cli.Run("deal", "move", id, "closing");
        Assert.Equal(ExitCodes.InvalidData, stage.ExitCode);
        Assert.Contains("STAGE: unknown stage 'closing'", stage.Errors, StringComparison.Ordinal);
        var early = _cli.Run("deal", "move", id, "won", "--on", "2026-01-14");
        Assert.Equal(ExitCodes.InvalidData, early.ExitCode);
        Assert.Contains("--on: must not be before the deal's last stage change or creation (2026-01-15)", early.Errors, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, _cli.Run("deals", "--stage", "closing").ExitCode);
        Assert.Equal("lead", _cli.Run("deals", "--json").Json.GetProperty("deals")[0].GetProperty("stage").GetString());
    }

    [Fact]
    public void A_won_deal_proposes_its_line_and_creating_it_moves_arr_by_exactly_the_deal()
    {
        var id = _cli.Run("deal", "add", "--account", "B", "--title", "Beta Pro", "--arr", "15000.60", "--currency", "USD", "--kind", "new_business", "--close", "2026-01-20", "--json").Json.GetProperty("deal_id").GetString()!;
        var open = _cli.Run("deal", "lines", id);
        Assert.Equal(ExitCodes.InvalidData, open.ExitCode);
        Assert.Contains("ID:", open.Errors, StringComparison.Ordinal);

        Assert.Equal(0, _cli.Run("deal", "move", id, "won").ExitCode);
        var before = _cli.Run("summary", "--month", "2026-01", "--json").Json.GetProperty("summary");
        var proposal = _cli.Run("deal", "lines", id, "--quantity", "4");
        Assert.Equal(0, proposal.ExitCode);
        Assert.Contains($"{id}-1", proposal.Console, StringComparison.Ordinal);
        Assert.Contains("3750.15", proposal.Console, StringComparison.Ordinal);
        Assert.Equal(before.GetRawText(), _cli.Run("summary", "--month", "2026-01", "--json").Json.GetProperty("summary").GetRawText());

        Assert.Equal(0, _cli.Run("deal", "lines", id, "--quantity", "4", "--create").ExitCode);
        var after = _cli.Run("summary", "--month", "2026-01", "--json").Json.GetProperty("summary");
        Assert.Equal(before.GetProperty("arr").GetDecimal() + 15000.60m, after.GetProperty("arr").GetDecimal());
        Assert.Equal(before.GetProperty("new").GetDecimal() + 1250.05m, after.GetProperty("new").GetDecimal());

        var twice = _cli.Run("deal", "lines", id, "--create");
        Assert.Equal(ExitCodes.InvalidData, twice.ExitCode);
        Assert.Contains($"already created {id}-1", twice.Errors, StringComparison.Ordinal);
        Assert.Equal(after.GetRawText(), _cli.Run("summary", "--month", "2026-01", "--json").Json.GetProperty("summary").GetRawText());
    }

    [Theory]
    [InlineData(new[] { "signals", "--as-of", "2026-13-30" }, "--as-of: expected a date YYYY-MM-DD, found '2026-13-30'")]
    [InlineData(new[] { "signals", "--kind", "everything" }, "--kind: expected churn_risk, upsell or cross_sell, found 'everything'")]
    [InlineData(new[] { "signals", "--min-score", "101" }, "--min-score: expected 0 to 100")]
    [InlineData(new[] { "renewals", "--min-interval", "0" }, "--min-interval: expected a whole number of months from 1 to 120")]
    [InlineData(new[] { "sales", "--from", "2026-05", "--to", "2026-01" }, "--to 2026-01 is before --from 2026-05")]
    public void Crm_report_options_are_checked_and_named(string[] args, string message)
    {
        var result = _cli.Run(args);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(message, result.Errors, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public void Activities_are_logged_and_listed_newest_first()
    {
        var call = _cli.Run("activity", "add", "--account", "A", "--kind", "call", "--subject", "Intro call", "--at", "2026-01-10T10:30:00+01:00", "--json");
        Assert.Equal(0, call.ExitCode);
        var callId = call.Json.GetProperty("activity_id").GetString()!;
        Assert.Equal("2026-01-10T09:30:00Z", call.Json.GetProperty("at").GetString());
        var note = _cli.Run("activity", "add", "--account", "A", "--kind", "note", "--subject", "Follow-up", "--body", "Send pricing", "--json").Json;
        Assert.Equal("2026-01-15T12:00:00Z", note.GetProperty("at").GetString());
        Assert.Equal("manual", note.GetProperty("source").GetString());

        var listed = _cli.Run("activities", "--account", "A", "--json").Json.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("activity_id").GetString()).ToList();
        Assert.Equal([note.GetProperty("activity_id").GetString(), callId], listed);
        Assert.Equal(0, _cli.Run("activities", "--account", "B", "--json").Json.GetProperty("activities").GetArrayLength());
        Assert.Contains("Intro call", _cli.Run("activities").Console, StringComparison.Ordinal);

        var kind = _cli.Run("activity", "add", "--account", "A", "--kind", "fax", "--subject", "x");
        Assert.Equal(ExitCodes.InvalidData, kind.ExitCode);
        Assert.Contains("--kind: expected email, call, meeting or note, found 'fax'", kind.Errors, StringComparison.Ordinal);
        var at = _cli.Run("activity", "add", "--account", "A", "--kind", "call", "--subject", "x", "--at", "2026-01-10 09:30");
        Assert.Equal(ExitCodes.InvalidData, at.ExitCode);
        Assert.Contains("--at: expected an ISO 8601 time with an offset", at.Errors, StringComparison.Ordinal);
        Assert.Equal(2, _cli.Run("activities", "--json").Json.GetProperty("activities").GetArrayLength());
    }

    [Fact]
    public void Targets_are_set_replaced_and_listed()
    {
        Assert.Equal(0, _cli.Run("target", "set", "--owner", "Alice", "--period", "2026-q1", "--arr", "100000", "--currency", "usd").ExitCode);
        Assert.Equal(0, _cli.Run("target", "set", "--owner", "Alice", "--period", "2026-Q1", "--arr", "120000.00", "--currency", "USD").ExitCode);
        Assert.Equal(0, _cli.Run("target", "set", "--owner", "Ben", "--period", "2026-02", "--arr", "5000", "--currency", "EUR").ExitCode);

        Assert.Equal(
            """{"targets":[{"owner":"Alice","period":"2026-Q1","arr":120000.00,"currency":"USD"},{"owner":"Ben","period":"2026-02","arr":5000,"currency":"EUR"}]}""" + "\n",
            _cli.Run("targets", "--json").Output);
        Assert.Contains("120,000.00", _cli.Run("targets").Console, StringComparison.Ordinal);

        var bad = _cli.Run("target", "set", "--owner", "Alice", "--period", "Q1-2026", "--arr", "-1", "--currency", "USD");
        Assert.Equal(ExitCodes.InvalidData, bad.ExitCode);
        Assert.Contains("--period: expected a month YYYY-MM or a quarter YYYY-Qn", bad.Errors, StringComparison.Ordinal);
        Assert.Contains("--arr: must be 0 or more", bad.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Commands_without_a_store_say_so()
    {
        using var empty = new CliHarness();
        var result = empty.Run("deals");
        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.Contains("No ledger store", result.Errors, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
