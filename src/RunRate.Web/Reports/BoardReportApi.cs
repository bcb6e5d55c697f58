using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using RunRate.Reporting.Board;
using RunRate.Web.Infrastructure;

namespace RunRate.Web.Reports;

/// <summary><c>GET /api/report</c>: the board report of a month as a download, the same file as <c>runrate report</c> writes.</summary>
internal static class BoardReportApi
{
    public static RouteGroupBuilder MapBoardReport(this RouteGroupBuilder api)
    {
        api.MapGet("/report", Get)
            .WithName("GetBoardReport")
            .WithSummary("Board report of a month (.xlsx, .html or .pdf)")
            .WithDescription("The board report of `month` (default: the current month) as an attachment: `format=xlsx` (default) a workbook with Summary, Bridge (the 12 months to `month`), Cohorts, Customers, Forecast, Unit economics and Valuation sheets; `html` a self-contained printable page with SVG charts; `pdf` that page printed by headless Chromium (503 when the server has none). Same file as `runrate report --month M --out FILE`.")
            .Produces(StatusCodes.Status200OK, typeof(byte[]), BoardFormats.ContentType(BoardFormat.Xlsx), "text/html", "application/pdf")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesValidationProblem(StatusCodes.Status503ServiceUnavailable);
        return api;
    }

    private static FileContentHttpResult Get(
        [Description("The month, YYYY-MM (default: the current month).")] string? month,
        [Description("xlsx (default), html or pdf.")] string? format,
        [Description("Reporting currency (ISO 4217), default USD.")] string? currency,
        [Description("Forecast horizon in months, 1 to 36 (default 12).")] string? months,
        LedgerStores stores,
        IConfiguration configuration,
        TimeProvider clock)
    {
        var m = ReportMonths.Month(month, "month", clock);
        var kind = BoardFormat.Xlsx;
        if (!string.IsNullOrEmpty(format) && !BoardFormats.TryParse(format, out kind))
        {
            throw ApiException.BadRequest("format", $"expected xlsx, html or pdf, found '{format}'");
        }

        var horizon = 12;
        if (!string.IsNullOrEmpty(months) && (!int.TryParse(months, NumberStyles.None, CultureInfo.InvariantCulture, out horizon) || horizon is < 1 or > 36))
        {
            throw ApiException.BadRequest("months", $"expected a forecast horizon of 1 to 36 months, found '{months}'");
        }

        var request = new BoardRequest(new ReportQuery { Currency = currency }.ReportCurrency(), m, horizon);
        BoardReportData data;
        using (var store = stores.Open())
        {
            data = BoardReportBuilder.Assemble(stores.Snapshot(store).Ledger, store.Crm.Load(), request);
        }

        byte[] bytes;
        try
        {
            bytes = BoardFormats.Render(data, kind, name => configuration[name] ?? Environment.GetEnvironmentVariable(name));
        }
        catch (PdfUnavailableException ex)
        {
            throw new ApiException(StatusCodes.Status503ServiceUnavailable, "A PDF cannot be printed on this server.", ApiException.Single("format", ex.Message));
        }

        return TypedResults.File(bytes, BoardFormats.ContentType(kind), $"runrate-board-{m}.{BoardFormats.Extension(kind)}");
    }
}
