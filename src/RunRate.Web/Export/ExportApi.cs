using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using RunRate.Ingest.Csv;
using RunRate.Web.Infrastructure;

namespace RunRate.Web.Export;

/// <summary><c>GET /api/export/*.csv</c>: the stored ledger in the import format (importing it back gives the same ledger).</summary>
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
        return api;
    }

    private static ContentHttpResult Csv(Action<TextWriter> write)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        write(text);
        return TypedResults.Text(text.ToString(), "text/csv", Encoding.UTF8);
    }
}
