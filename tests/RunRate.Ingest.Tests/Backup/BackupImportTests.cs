using System.Text.Json;
using RunRate.Engine.Crm;
using RunRate.Engine.Forecast;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Ingest.Backup;
using RunRate.Ingest.Tests.Support;

namespace RunRate.Ingest.Tests.Backup;

public sealed class BackupImportTests : IDisposable
{
    private const string Customers = "customer_id,name\nC0,\"Acme, Inc.\"\nC1,Globex\n";
    private const string Lines = Ledgers.LinesHeader + "L0,C0,subscription,Pro,2024-01-01,,100.50,2,USD,1\nL1,C1,addon,Support,2024-02-01,,1200.000,1,USD,12\n";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("runrate-backup-");

    public static CrmBackup Sample { get; } = new(
        new CrmData(
            Pipeline.Default,
            [new AccountProfile(new("C0"), ["acme.example"])],
            [new Contact(new("ct1"), new("C0"), "Ann \"The Boss\" Lee", "ann@acme.example", "+1 555, ext 2", null)],
            [new Deal(new("d1"), new("C0"), "Pro, 2 seats\nrenewal", "won", 2412.10m, CurrencyCode.Usd, DealKind.NewBusiness, new DateOnly(2024, 1, 1), "Bo", null, null, new DateOnly(2023, 11, 2), [new StageChange("lead", new DateOnly(2023, 11, 2)), new StageChange("won", new DateOnly(2024, 1, 1))])],
            [new Activity(new("a1"), ActivityKind.Email, new DateTimeOffset(2024, 1, 2, 9, 30, 0, TimeSpan.Zero).AddTicks(1234567), "Re: \"quote\"", "Line 1\r\nLine 2, with comma\n", new("C0"), new ContactId("ct1"), new DealId("d1"), "email", "<m1@acme.example>")],
            [new SalesTarget("Bo", new YearMonth(2024, 1), 3, 30000.00m, CurrencyCode.Usd)],
            []),
        [new DealLineLink(new("d1"), new("L0"))],
        [new KeyedPayment("evt_1", new Payment(new("C0"), new DateOnly(2024, 2, 1), false, new Money(201.00m, CurrencyCode.Usd), "in_1"))],
        [new ProcessedWebhookEvent("evt_1", "invoice.payment_failed", new DateTimeOffset(2024, 2, 1, 3, 0, 0, TimeSpan.Zero), "payment of 201.00 USD failed")],
        [new Scenario("Bear case", new ScenarioRules { ChurnPoints = 0.50m, NewPercent = -20m })]);

    private string Folder => _folder.FullName;

    [Fact]
    public void An_export_restores_its_ledger_and_its_CRM_in_one_commit()
    {
        var manifest = Export();
        Assert.Equal(BackupFiles.All, manifest.Files.Select(f => f.Name));
        Assert.Equal(2, manifest.Files.Single(f => f.Name == "lines.csv").Rows);

        var target = new MemoryTarget();
        var result = Restore(target, out var errors);

        Assert.Empty(errors.Items);
        Assert.True(result.Succeeded);
        Assert.Equal(1, target.Commits);
        Assert.Equal(1200.000m, target.Lines["L1"].Amount);
        Assert.Equal("1200.000", target.Lines["L1"].Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(JsonSerializer.Serialize(Sample), JsonSerializer.Serialize(target.Crm));
    }

    [Fact]
    public void Awkward_text_is_quoted_per_RFC_4180_in_the_files()
    {
        Export();
        var contacts = File.ReadAllText(Path.Combine(Folder, BackupFiles.Contacts));
        Assert.Equal("contact_id,account_id,name,email,phone,role\nct1,C0,\"Ann \"\"The Boss\"\" Lee\",ann@acme.example,\"+1 555, ext 2\",\n", contacts);
        var activities = File.ReadAllText(Path.Combine(Folder, BackupFiles.Activities));
        Assert.Contains("a1,email,2024-01-02T09:30:00.1234567Z,\"Re: \"\"quote\"\"\",\"Line 1\r\nLine 2, with comma\n\",C0,ct1,d1,email,<m1@acme.example>\n", activities, StringComparison.Ordinal);
        Assert.Contains("d1,C0,\"Pro, 2 seats\nrenewal\",won,2412.10,USD,new_business,2024-01-01,Bo,,,2023-11-02\n", File.ReadAllText(Path.Combine(Folder, BackupFiles.Deals)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("contacts.csv", "changed")]
    [InlineData("lines.csv", "truncated")]
    public void A_file_changed_after_the_export_is_refused_before_anything_is_written(string file, string how)
    {
        Export();
        var path = Path.Combine(Folder, file);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, how == "truncated" ? bytes[..^5] : [.. bytes, .. "ct2,C1,Eve,,,\n"u8.ToArray()]);

        var target = new MemoryTarget();
        var result = Restore(target, out var errors);

        Assert.False(result.Succeeded);
        Assert.Equal(0, target.Commits);
        var error = Assert.Single(errors.Items);
        Assert.StartsWith($"{file}: sha256: differs from runrate-export.json (the file was changed or truncated after the export)", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_listed_in_the_manifest_but_missing_is_refused()
    {
        Export();
        File.Delete(Path.Combine(Folder, BackupFiles.Payments));
        var target = new MemoryTarget();
        Restore(target, out var errors);
        Assert.Equal(0, target.Commits);
        Assert.Equal("payments.csv: file: is listed in runrate-export.json but missing", Assert.Single(errors.Items).ToString());
    }

    [Fact]
    public void A_manifest_of_a_newer_format_is_refused()
    {
        Export();
        var path = Path.Combine(Folder, BackupFiles.Manifest);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"format_version\": 1", "\"format_version\": 2", StringComparison.Ordinal));
        var target = new MemoryTarget();
        Restore(target, out var errors);
        Assert.Equal(0, target.Commits);
        Assert.StartsWith("runrate-export.json: format_version: is 2; this RunRate reads version 1", Assert.Single(errors.Items).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CRM_files_without_replace_are_refused_rather_than_merged()
    {
        Export();
        var target = new MemoryTarget();
        Restore(target, out var errors, replace: false);
        Assert.Equal(0, target.Commits);
        Assert.Contains("only together with --replace", Assert.Single(errors.Items).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_ledger_folder_imports_as_before_and_leaves_the_CRM_alone()
    {
        File.WriteAllText(Path.Combine(Folder, "customers.csv"), Customers);
        File.WriteAllText(Path.Combine(Folder, "lines.csv"), Lines);
        var target = new MemoryTarget();
        var result = Restore(target, out var errors, replace: false);
        Assert.Empty(errors.Items);
        Assert.True(result.Succeeded);
        Assert.Null(result.Crm);
        Assert.Null(target.Crm);
        Assert.Equal(2, target.Lines.Count);
    }

    [Fact]
    public void Errors_in_the_ledger_and_in_the_CRM_are_reported_together()
    {
        File.WriteAllText(Path.Combine(Folder, "customers.csv"), Customers);
        File.WriteAllText(Path.Combine(Folder, "lines.csv"), Ledgers.LinesHeader + "L0,C0,subscription,Pro,2024-13-01,,1,1,USD,1\n");
        File.WriteAllText(Path.Combine(Folder, BackupFiles.Contacts), "contact_id,account_id,name\nct1,C9,Eve\n");
        var target = new MemoryTarget();
        Restore(target, out var errors);
        Assert.Equal(0, target.Commits);
        Assert.Equal(
            ["contacts.csv:2: account_id: account 'C9' is not a customer in customers.csv", "lines.csv:2: start_date: expected a calendar date YYYY-MM-DD, found '2024-13-01'"],
            errors.Items.Select(e => e.ToString()).Order(StringComparer.Ordinal));
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private BackupManifest Export()
    {
        var target = new MemoryTarget();
        Assert.True(Ledgers.Import(Customers, Lines, target: target).Succeeded);
        var ledger = new RevenueLedger(target.Customers.Values.OrderBy(c => c.Id.Value, StringComparer.Ordinal), target.Lines.Values.OrderBy(l => l.Id.Value, StringComparer.Ordinal));
        return BackupWriter.WriteFolder(Folder, ledger, Sample, new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));
    }

    private BackupImportResult Restore(MemoryTarget target, out LedgerErrors errors, bool replace = true)
    {
        errors = new LedgerErrors();
        var source = BackupSource.FromFolder(Folder, errors);
        Assert.NotNull(source);
        return BackupImport.Run(source, Folder, target, replace, errors);
    }
}
