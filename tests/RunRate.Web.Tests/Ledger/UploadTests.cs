using System.IO.Compression;
using System.Net;
using System.Text;
using RunRate.Web.Tests.Support;

namespace RunRate.Web.Tests.Ledger;

/// <summary><c>POST /api/ledger</c>: the CSV files or a zip, imported all or nothing like <c>runrate import</c>.</summary>
public sealed class UploadTests(EmptyWebStore web) : IClassFixture<EmptyWebStore>
{
    private static byte[] Sample(string file) => File.ReadAllBytes(Path.Combine(Samples.Folder("random-small"), file));

    private static byte[] Zip(params (string Name, byte[] Bytes)[] files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in files)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(bytes);
            }
        }

        return buffer.ToArray();
    }

    [Fact]
    public async Task Files_and_a_zip_import_the_same_ledger_and_answer_like_the_CLI()
    {
        using var files = Http.Files(("customers.csv", Sample("customers.csv")), ("lines.csv", Sample("lines.csv")), ("fx.csv", Sample("fx.csv")));
        using var response = await web.Client.PostAsync(Http.Url("/api/ledger?replace=true"), files);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync();
        var fromFiles = await web.ExportAsync();

        // The CLI's JSON for the same folder, into a scratch store.
        var (exit, cli) = web.Cli("import", Samples.Folder("random-small"), "--json");
        exit.ShouldBe(0);
        body.ShouldBe(cli);
        (await web.ExportAsync()).ShouldBe(fromFiles);

        // A zip with the files in a folder, uploaded with replace: the same ledger again.
        var zip = Zip(("ledger/customers.csv", Sample("customers.csv")), ("ledger/lines.csv", Sample("lines.csv")), ("ledger/fx.csv", Sample("fx.csv")), ("ledger/README.txt", "hello"u8.ToArray()));
        using var zipped = Http.Files(("ledger.zip", zip));
        using var fromZip = await web.Client.PostAsync(Http.Url("/api/ledger?replace=true"), zipped);
        fromZip.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await fromZip.JsonAsync()).GetProperty("lines").GetInt64().ShouldBeGreaterThan(400);
        (await web.ExportAsync()).ShouldBe(fromFiles);
    }

    [Fact]
    public async Task A_ledger_with_any_error_changes_nothing_and_lists_every_error()
    {
        using (var seed = Http.Files(("customers.csv", Sample("customers.csv")), ("lines.csv", Sample("lines.csv")), ("fx.csv", Sample("fx.csv"))))
        using (var seeded = await web.Client.PostAsync(Http.Url("/api/ledger?replace=true"), seed))
        {
            seeded.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var before = await web.ExportAsync();
        var lines = Encoding.UTF8.GetString(Sample("lines.csv"))
            + "BAD1,NOPE,subscription,Pro,2024-01-01,,10,,USD,1\n"
            + "BAD2,C00001,one_time,Fee,2024-01-01,2024-02-01,10,,USD,3\n";
        var customers = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Sample("customers.csv")) + "NEW1,New,,,,\n");
        foreach (var upload in new Func<MultipartFormDataContent>[]
        {
            () => Http.Files(("customers.csv", customers), ("lines.csv", Encoding.UTF8.GetBytes(lines))),
            () => Http.Files(("ledger.zip", Zip(("customers.csv", customers), ("lines.csv", Encoding.UTF8.GetBytes(lines))))),
        })
        {
            foreach (var replace in new[] { "true", "false" })
            {
                using var content = upload();
                using var response = await web.Client.PostAsync(Http.Url("/api/ledger?replace=" + replace), content);
                response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
                response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
                var problem = await response.JsonAsync();
                problem.GetProperty("error_count").GetInt64().ShouldBe(3);
                var errors = problem.GetProperty("errors");
                errors.EnumerateObject().Select(e => e.Name).ShouldContain(name => name.EndsWith(": customer_id", StringComparison.Ordinal));
                errors.EnumerateObject().Select(e => e.Name).ShouldContain(name => name.EndsWith(": end_date", StringComparison.Ordinal));
                problem.GetProperty("ledger_errors")[0].GetProperty("file").GetString().ShouldBe("lines.csv");
                (await web.ExportAsync()).ShouldBe(before);
            }
        }
    }

    [Fact]
    public async Task Costs_upload_with_the_ledger_export_back_and_a_bad_cost_changes_nothing()
    {
        const string costs = "month,category,amount,currency,channel,description\n2024-01,cogs,1200.50,USD,,Hosting\n2024-01,marketing,300,EUR,inbound,\"Ads, January\"\n";
        var zip = Zip(("customers.csv", Sample("customers.csv")), ("lines.csv", Sample("lines.csv")), ("fx.csv", Sample("fx.csv")), ("costs.csv", Encoding.UTF8.GetBytes(costs)));
        using (var zipped = Http.Files(("ledger.zip", zip)))
        using (var response = await web.Client.PostAsync(Http.Url("/api/ledger?replace=true"), zipped))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await response.JsonAsync()).GetProperty("costs").GetInt32().ShouldBe(2);
        }

        (await web.Client.GetStringAsync(Http.Url("/api/export/costs.csv"))).ShouldBe(costs);
        var before = await web.ExportAsync();

        using var bad = Http.Files(("customers.csv", Sample("customers.csv")), ("lines.csv", Sample("lines.csv")), ("costs.csv", Encoding.UTF8.GetBytes("month,category,amount,currency\n2024-02,cogs,5,USD\n2024-13,cogs,5,USD\n")));
        using var rejected = await web.Client.PostAsync(Http.Url("/api/ledger"), bad);
        rejected.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = await rejected.JsonAsync();
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["costs.csv:3: month"]);
        (await web.ExportAsync()).ShouldBe(before);
    }
}
