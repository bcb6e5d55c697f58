using Shouldly;

namespace RunRate.Cli.Tests.Export;

/// <summary>The bar of issue 7: export → import into an empty store → every report identical, and the export itself reproducible.</summary>
public sealed class ExportRoundTripTests(BackupStoreFixture fixture) : IClassFixture<BackupStoreFixture>
{
    [Fact]
    public void Every_report_of_a_store_restored_into_an_empty_store_is_identical_byte_for_byte()
    {
        var restored = fixture.Cli.NewStore($"restored-{Guid.NewGuid():N}.db");
        var import = fixture.Cli.Run("import", fixture.Export, "--replace", "--db", restored);
        import.ExitCode.ShouldBe(0, import.Errors);
        import.Console.ShouldContain("Restored the CRM");

        var customer = fixture.Cli.Run("customers", "--json").Json.GetProperty("customers")[0].GetProperty("customer_id").GetString()!;
        string[][] reports =
        [
            ["summary"], ["mrr"], ["mrr", "--by", "segment"], ["arr-bridge"], ["cohorts"], ["customers"], ["customer", customer], ["customer", fixture.Account],
            ["sales"], ["renewals"], ["signals"], ["deals"], ["contacts"], ["activities"], ["activities", "--account", fixture.Account], ["targets"],
            ["forecast"], ["forecast", "--scenario", "Bear case", "--scenario", "Price rise", "--scenario", "base"], ["scenario", "list"],
            ["economics"], ["valuation"], ["webhook", "events"],
        ];
        foreach (var report in reports)
        {
            var original = fixture.Cli.Run([.. report, "--json"]);
            var copy = fixture.Cli.Run([.. report, "--json", "--db", restored]);
            original.ExitCode.ShouldBe(0, $"{string.Join(' ', report)}: {original.Errors}");
            copy.ExitCode.ShouldBe(0, $"{string.Join(' ', report)}: {copy.Errors}");
            copy.Output.ShouldBe(original.Output, $"runrate {string.Join(' ', report)} --json differs after the restore");
        }

        // The extras the demo does not have are really in both stores, so the comparison above covered them.
        fixture.Cli.Run("scenario", "list", "--json", "--db", restored).Output.ShouldContain("Price rise");
        fixture.Cli.Run("webhook", "events", "--json", "--db", restored).Output.ShouldContain("evt_backup_1");
        fixture.Cli.Run("activities", "--account", fixture.Account, "--json", "--db", restored).Output.ShouldContain("ac_quoted");
    }

    [Fact]
    public void Exporting_the_restored_store_gives_the_same_files_except_the_manifest_timestamp()
    {
        var restored = fixture.Cli.NewStore($"restored-{Guid.NewGuid():N}.db");
        fixture.Cli.Run("import", fixture.Export, "--replace", "--db", restored).ExitCode.ShouldBe(0);
        var again = Path.Combine(fixture.Cli.Folder, $"again-{Guid.NewGuid():N}");
        fixture.Cli.Clock.Advance(TimeSpan.FromHours(1));
        fixture.Cli.Run("export", again, "--db", restored).ExitCode.ShouldBe(0);

        var first = ExportFolders.Read(fixture.Export);
        var second = ExportFolders.Read(again);
        second.Keys.ShouldBe(first.Keys);
        first.Count.ShouldBe(16);
        foreach (var (name, text) in first)
        {
            second[name].ShouldBe(text, $"{name} differs between the two exports");
        }

        File.ReadAllText(Path.Combine(again, "runrate-export.json")).ShouldNotBe(File.ReadAllText(Path.Combine(fixture.Export, "runrate-export.json")));
    }

    [Fact]
    public void A_replayed_billing_event_is_still_recognised_after_the_restore()
    {
        var restored = fixture.Cli.NewStore($"restored-{Guid.NewGuid():N}.db");
        fixture.Cli.Run("import", fixture.Export, "--replace", "--db", restored).ExitCode.ShouldBe(0);
        using var store = Storage.StoreFactory.Open(restored, create: false);
        var outcome = store.Crm.ApplyBillingEvent("evt_backup_1", "invoice.payment_failed", DateTimeOffset.UnixEpoch, _ => throw new InvalidOperationException("applied twice"));
        outcome.Applied.ShouldBeFalse();
        outcome.Summary.ShouldBe("payment of 297.38 USD failed");
    }

    [Fact]
    public void Export_json_prints_the_manifest_and_the_folder_holds_every_file()
    {
        var folder = Path.Combine(fixture.Cli.Folder, $"json-{Guid.NewGuid():N}");
        var result = fixture.Cli.Run("export", folder, "--json");
        result.ExitCode.ShouldBe(0, result.Errors);
        var files = result.Json.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("name").GetString()!).ToList();
        files.ShouldBe(Ingest.Backup.BackupFiles.All.ToList());
        result.Json.GetProperty("format_version").GetInt32().ShouldBe(1);
        Directory.EnumerateFiles(folder).Count().ShouldBe(16);
    }
}
