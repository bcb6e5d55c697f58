using RunRate.Ingest.Backup;
using Shouldly;

namespace RunRate.Cli.Tests.Export;

/// <summary>A restore that cannot be done whole is not done at all: the store's own export is the same before and after.</summary>
public sealed class RestoreRefusalTests(BackupStoreFixture fixture) : IClassFixture<BackupStoreFixture>
{
    [Theory]
    [InlineData("pipeline_stages.csv", "9,closed,Closed,0.5,maybe", "pipeline_stages.csv:8: outcome: expected open, won or lost, found 'maybe'")]
    [InlineData("account_domains.csv", "C999999,nowhere.example", "account_id: account 'C999999' is not a customer in customers.csv")]
    [InlineData("contacts.csv", "ct_new,C999999,Eve,,,", "account_id: account 'C999999' is not a customer in customers.csv")]
    [InlineData("deals.csv", "dl_new,C000001,New,lead,-5,USD,expansion,2026-05-01,,,,2026-04-01", "arr: must be 0 or more, found -5")]
    [InlineData("deal_stage_history.csv", "dl_missing,1,lead,2026-01-01", "deal_id: deal 'dl_missing' is not in deals.csv")]
    [InlineData("deal_lines.csv", "dl_missing,L1", "deal_id: deal 'dl_missing' is not in deals.csv")]
    [InlineData("activities.csv", "ac_new,fax,2026-01-02T10:00:00Z,Hi,,C000001,,,manual,", "kind: expected email, call, meeting or note, found 'fax'")]
    [InlineData("targets.csv", "Bo,2026-13,1,100,USD", "start_month: expected a month YYYY-MM, found '2026-13'")]
    [InlineData("scenarios.csv", "base,1,,,,,", "scenarios.csv:4: name:")]
    [InlineData("payments.csv", "evt_new,C000001,2026-01-02,true,10,,in_9", "amount and currency go together")]
    [InlineData("webhook_events.csv", "evt_new,invoice.paid,yesterday,x", "received_at: expected an instant")]
    public void A_malformed_row_in_any_CRM_file_is_located_and_leaves_the_store_unchanged(string file, string row, string expected)
    {
        var before = ExportNow();
        var folder = ExportFolders.Copy(fixture.Export, Path.Combine(fixture.Cli.Folder, $"bad-{Guid.NewGuid():N}"));
        ExportFolders.Rewrite(folder, file, File.ReadAllText(Path.Combine(folder, file)) + row + "\n");

        var result = fixture.Cli.Run("import", folder, "--replace");

        result.ExitCode.ShouldBe(2, result.Errors);
        result.Errors.ShouldContain(file + ":");
        result.Errors.ShouldContain(expected);
        result.Errors.ShouldContain("nothing was imported, the store is unchanged");
        ExportNow().ShouldBe(before);
    }

    [Fact]
    public void A_tampered_export_is_refused_before_anything_is_written()
    {
        var before = ExportNow();
        var folder = ExportFolders.Copy(fixture.Export, Path.Combine(fixture.Cli.Folder, $"tampered-{Guid.NewGuid():N}"));
        var deals = Path.Combine(folder, BackupFiles.Deals);
        File.WriteAllText(deals, File.ReadAllText(deals).Replace(",won,", ",lost,", StringComparison.Ordinal));

        var result = fixture.Cli.Run("import", folder, "--replace");

        result.ExitCode.ShouldBe(2, result.Errors);
        result.Errors.ShouldContain("deals.csv: sha256: differs from runrate-export.json (the file was changed or truncated after the export)");
        ExportNow().ShouldBe(before);
    }

    [Fact]
    public void An_export_without_replace_is_refused_and_says_how()
    {
        var before = ExportNow();
        var result = fixture.Cli.Run("import", fixture.Export);
        result.ExitCode.ShouldBe(2, result.Errors);
        result.Errors.ShouldContain("CRM files restore only together with --replace");
        ExportNow().ShouldBe(before);
    }

    private SortedDictionary<string, string> ExportNow()
    {
        var folder = Path.Combine(fixture.Cli.Folder, $"now-{Guid.NewGuid():N}");
        fixture.Cli.Run("export", folder).ExitCode.ShouldBe(0);
        return ExportFolders.Read(folder);
    }
}
