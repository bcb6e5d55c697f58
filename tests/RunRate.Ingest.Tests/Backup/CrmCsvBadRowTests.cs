using System.Text;
using RunRate.Ingest.Backup;

namespace RunRate.Ingest.Tests.Backup;

/// <summary>Each CRM file refuses a malformed row with an error naming the file, line and column, like the ledger files.</summary>
public sealed class CrmCsvBadRowTests
{
    private static readonly string[] Customers = ["C0", "C1"];

    // Line numbers are physical lines: the sample deal and activity hold line breaks inside quoted text.
    [Theory]
    [InlineData("pipeline_stages.csv", "7,closed,Closed,1.5,won", "pipeline_stages.csv:8: probability: must be between 0 and 1, found 1.5")]
    [InlineData("account_domains.csv", "C0,Acme.Example", "account_domains.csv:3: domain: expected a lower-case domain such as acme.com, found 'Acme.Example'")]
    [InlineData("contacts.csv", "ct2,C1,Eve,ann@acme.example,,", "contacts.csv:3: email: 'ann@acme.example' belongs to the contact on line 2 already")]
    [InlineData("deals.csv", "d2,C1,Upsell,signed,10,USD,expansion,2024-05-01,,,,2024-04-01", "deals.csv:4: stage: 'signed' is not a stage of the pipeline (lead, qualified, proposal, negotiation, won, lost)")]
    [InlineData("deal_stage_history.csv", "d1,3,won,2024-02-30", "deal_stage_history.csv:4: date: expected a calendar date YYYY-MM-DD, found '2024-02-30'")]
    [InlineData("deal_lines.csv", "d9,L1", "deal_lines.csv:3: deal_id: deal 'd9' is not in deals.csv")]
    [InlineData("activities.csv", "a2,email,2024-01-02 10:00,Hi,,C0,,,email,", "activities.csv:5: at: expected an instant YYYY-MM-DDTHH:MM:SSZ (UTC, or with an offset such as +01:00), found '2024-01-02 10:00'")]
    [InlineData("targets.csv", "Bo,2024-02,3,100,USD", "targets.csv:3: start_month: a quarter starts in January, April, July or October, found 2024-02")]
    [InlineData("scenarios.csv", "Bull case,,2000,,,,", "scenarios.csv:3: new_percent: must be from -100 to 1000 (percent), found 2000")]
    [InlineData("payments.csv", "evt_2,C1,2024-03-01,maybe,10,USD,in_2", "payments.csv:3: succeeded: expected true or false, found 'maybe'")]
    [InlineData("webhook_events.csv", "evt_1,invoice.paid,2024-03-01T00:00:00Z,again", "webhook_events.csv:3: event_id: duplicate id 'evt_1' (first on line 2)")]
    public void A_malformed_row_is_a_located_error(string file, string row, string expected)
    {
        var files = CrmFiles.Write(BackupImportTests.Sample);
        var content = Encoding.UTF8.GetString(files[file]) + row + "\n";
        var errors = new LedgerErrors();

        CrmFiles.Read(files.With(file, content), Customers, errors);

        Assert.Equal(expected, Assert.Single(errors.Items).ToString());
    }

    [Fact]
    public void An_unknown_column_and_a_missing_required_one_are_header_errors()
    {
        var files = CrmFiles.Write(BackupImportTests.Sample).With(BackupFiles.Deals, "deal_id,account_id,title,stage,arr,currency,kind,expected_close,created,colour\n");
        var errors = new LedgerErrors();

        CrmFiles.Read(files, Customers, errors);

        Assert.Contains("deals.csv:1: header: unknown column 'colour'", errors.Items.Select(e => e.ToString()).First(), StringComparison.Ordinal);
    }
}
