using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using RunRate.Ingest.Backup;
using RunRate.Ingest.Csv;
using RunRate.Storage.Backup;
using RunRate.Web.Infrastructure;

namespace RunRate.Web.Export;

/// <summary>
/// <c>GET /api/export/*.csv</c>: the stored ledger in the import format (importing it back gives the same ledger);
/// <c>GET /api/export/backup.zip</c>: the whole store, CRM included, as <c>runrate export</c> writes it.
/// </summary>
internal static class ExportApi
{
    public static RouteGroupBuilder MapExport(this RouteGroupBuilder api)
    {
        var export = api.MapGroup("/export").WithTags("Ledger");
        export.MapGet("/customers.csv", (LedgerStores stores) => Csv(w => LedgerCsvWriter.WriteCustomers(w, stores.Snapshot().Ledger.Customers)))
            .WithName("ExportCustomers")
            .WithSummary("customers.csv of the stored ledger")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
        export.MapGet("/lines.csv", (LedgerStores stores) => Csv(w => LedgerCsvWriter.WriteLines(w, stores.Snapshot().Ledger.Lines)))
            .WithName("ExportLines")
            .WithSummary("lines.csv of the stored ledger")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
        export.MapGet("/fx.csv", (LedgerStores stores) => Csv(w => LedgerCsvWriter.WriteFx(w, stores.Snapshot().Ledger.Fx.Rates)))
            .WithName("ExportFx")
            .WithSummary("fx.csv of the stored ledger (a header only when there are no rates)")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
        export.MapGet("/costs.csv", (LedgerStores stores) => Csv(w => LedgerCsvWriter.WriteCosts(w, stores.Snapshot().Ledger.Costs)))
            .WithName("ExportCosts")
            .WithSummary("costs.csv of the stored ledger (a header only when there are no costs)")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
        export.MapGet("/backup.zip", Backup)
            .WithName("ExportBackup")
            .WithSummary("The whole store as one zip: the ledger and CRM files and runrate-export.json (restore with POST /api/ledger?replace=true or runrate import --replace)")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip");
        return api;
    }

    private static FileStreamHttpResult Backup(LedgerStores stores, TimeProvider clock)
    {
        StoreContents contents;
        using (var store = stores.Open())
        {
            contents = StoreBackup.Read(store);
        }

        // A temporary file rather than memory: a large ledger's export can be hundreds of megabytes.
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        var now = clock.GetUtcNow();
        BackupWriter.WriteZip(file, contents.Ledger, contents.Crm, now);
        file.Position = 0;
        return TypedResults.File(file, "application/zip", $"runrate-export-{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}.zip");
    }

    private static ContentHttpResult Csv(Action<TextWriter> write)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        write(text);
        return TypedResults.Text(text.ToString(), "text/csv", Encoding.UTF8);
    }
}
