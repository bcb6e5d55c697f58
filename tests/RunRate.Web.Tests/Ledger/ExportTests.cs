using System.Net;
using RunRate.Web.Tests.Support;

namespace RunRate.Web.Tests.Ledger;

/// <summary>The CSV export is the import format: uploading it into an empty store gives the same ledger and the same reports.</summary>
public sealed class ExportTests(WebStore web) : IClassFixture<WebStore>
{
    [Fact]
    public async Task Exported_files_import_back_to_an_identical_ledger()
    {
        var files = new List<(string, byte[])>();
        foreach (var file in new[] { "customers.csv", "lines.csv", "fx.csv" })
        {
            using var response = await web.Client.GetAsync(Http.Url("/api/export/" + file));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
            files.Add((file, await response.Content.ReadAsByteArrayAsync()));
        }

        File.ReadAllLines(Path.Combine(Samples.Folder("random-medium"), "lines.csv")).Length
            .ShouldBe(System.Text.Encoding.UTF8.GetString(files[1].Item2).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        using var copy = new EmptyWebStore();
        using (var upload = Http.Files([.. files]))
        using (var imported = await copy.Client.PostAsync(Http.Url("/api/ledger"), upload))
        {
            imported.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await copy.ExportAsync()).ShouldBe(await web.ExportAsync());
        foreach (var report in new[] { "/api/mrr?from=2022-01&to=2025-12", "/api/cohorts?from=2022-01&to=2025-12", "/api/customers?month=2025-06" })
        {
            (await copy.Client.GetStringAsync(Http.Url(report))).ShouldBe(await web.Client.GetStringAsync(Http.Url(report)));
        }
    }
}
