using System.IO.Compression;
using System.Net;
using System.Text;
using RunRate.Engine.Forecast;
using RunRate.Web.Tests.Crm;
using RunRate.Web.Tests.Support;

namespace RunRate.Web.Tests.Export;

/// <summary><c>GET /api/export/backup.zip</c> is the whole store; uploading it with replace=true into an empty store gives the same reports.</summary>
public sealed class BackupZipTests(CrmWebStore web) : IClassFixture<CrmWebStore>
{
    private static readonly string[] Reports =
    [
        "/api/summary", "/api/mrr?from=2022-01&to=2025-12", "/api/cohorts?from=2022-01&to=2025-12", "/api/customers?month=2025-06", "/api/customers/C00001",
        "/api/sales", "/api/renewals", "/api/signals", "/api/deals", "/api/contacts", "/api/activities", "/api/targets", "/api/pipeline",
        "/api/scenarios", "/api/forecast?scenario=Bear", "/api/economics", "/api/valuation", "/api/webhooks/events",
    ];

    [Fact]
    public async Task The_backup_zip_restores_into_an_empty_store_with_identical_reports_and_exports_again_identically()
    {
        using (var store = web.OpenStore(create: false))
        {
            store.Scenarios.Save(new Scenario("Bear", new ScenarioRules { ChurnPoints = 1.25m })).ShouldBe(Storage.WriteOutcome.Done);
        }

        var zip = await BackupAsync(web);
        var entries = Entries(zip);
        entries.Keys.ShouldBe([.. Ingest.Backup.BackupFiles.All, Ingest.Backup.BackupFiles.Manifest], ignoreOrder: true);
        entries["contacts.csv"].ShouldContain("ct_ann,C00001,Ann,ann@c1.com,,CTO\n");

        using var copy = new EmptyWebStore();
        using (var upload = Http.Files(("backup.zip", zip)))
        using (var imported = await copy.Client.PostAsync(Http.Url("/api/ledger?replace=true"), upload))
        {
            imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        }

        foreach (var report in Reports)
        {
            var original = await web.Client.GetAsync(Http.Url(report));
            original.StatusCode.ShouldBe(HttpStatusCode.OK, report);
            (await copy.Client.GetStringAsync(Http.Url(report))).ShouldBe(await original.Content.ReadAsStringAsync(), report);
        }

        var again = Entries(await BackupAsync(copy));
        foreach (var (name, text) in entries.Where(e => e.Key != Ingest.Backup.BackupFiles.Manifest))
        {
            again[name].ShouldBe(text, name);
        }
    }

    [Fact]
    public async Task A_tampered_backup_zip_is_refused_with_the_file_named_and_the_store_unchanged()
    {
        var zip = await BackupAsync(web);
        var entries = Entries(zip);
        entries["deals.csv"] = entries["deals.csv"].Replace("dl_open", "dl_OPEN", StringComparison.Ordinal);
        var before = Without(Entries(await BackupAsync(web)));

        using (var upload = Http.Files(("backup.zip", Zip(entries))))
        using (var response = await web.Client.PostAsync(Http.Url("/api/ledger?replace=true"), upload))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            (await response.Content.ReadAsStringAsync()).ShouldContain("deals.csv: sha256");
        }

        Without(Entries(await BackupAsync(web))).ShouldBe(before);
    }

    [Fact]
    public async Task A_backup_zip_without_replace_is_refused()
    {
        using var upload = Http.Files(("backup.zip", await BackupAsync(web)));
        using var response = await web.Client.PostAsync(Http.Url("/api/ledger"), upload);
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).ShouldContain("only together with --replace (replace=true)");
    }

    private static async Task<byte[]> BackupAsync(WebStore store)
    {
        using var response = await store.Client.GetAsync(Http.Url("/api/export/backup.zip"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static Dictionary<string, string> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var reader = new StreamReader(e.Open(), Encoding.UTF8);
            return reader.ReadToEnd();
        }, StringComparer.Ordinal);
    }

    private static byte[] Zip(Dictionary<string, string> entries)
    {
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var stream = archive.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return output.ToArray();
    }

    private static Dictionary<string, string> Without(Dictionary<string, string> entries) =>
        entries.Where(e => e.Key != Ingest.Backup.BackupFiles.Manifest).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
}
