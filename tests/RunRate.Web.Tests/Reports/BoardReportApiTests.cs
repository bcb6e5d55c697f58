using System.Net;
using ClosedXML.Excel;
using RunRate.Web.Tests.Support;

namespace RunRate.Web.Tests.Reports;

/// <summary><c>GET /api/report</c>: the same file as <c>runrate report</c>, as an attachment; bad input is a problem naming the parameter.</summary>
public sealed class BoardReportApiTests(WebStore web) : IClassFixture<WebStore>
{
    [Fact]
    public async Task Xlsx_is_an_attachment_with_the_cells_the_cli_writes()
    {
        using var response = await web.Client.GetAsync(Http.Url("/api/report?month=2025-06&format=xlsx"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("runrate-board-2025-06.xlsx");
        var path = Path.Combine(web.Folder, "cli.xlsx");
        web.Cli("report", "--month", "2025-06", "--out", path).Exit.ShouldBe(0);
        using var api = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        using var cli = new XLWorkbook(path);
        Cells(api).ShouldBe(Cells(cli));
        api.Worksheets.Select(s => s.Name).ShouldContain("Bridge");
    }

    [Fact]
    public async Task Html_is_byte_for_byte_the_page_the_cli_writes()
    {
        using var response = await web.Client.GetAsync(Http.Url("/api/report?month=2025-03&format=html"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("runrate-board-2025-03.html");
        var path = Path.Combine(web.Folder, "cli.html");
        web.Cli("report", "--month", "2025-03", "--out", path).Exit.ShouldBe(0);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task Pdf_is_printed_when_the_server_has_chromium()
    {
        if (!File.Exists("/usr/bin/chromium"))
        {
            return; // test.sh installs Debian's chromium; NoChromiumReportTests covers the server without one
        }

        using var response = await web.Client.GetAsync(Http.Url("/api/report?month=2025-06&format=pdf"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        System.Text.Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        bytes.Length.ShouldBeGreaterThan(50_000);
    }

    [Theory]
    [InlineData("/api/report?month=2025-06&format=docx", 400, "format")]
    [InlineData("/api/report?month=2025-13", 400, "month")]
    [InlineData("/api/report?month=2025-06&months=0", 400, "months")]
    [InlineData("/api/report?month=2025-06&months=37", 400, "months")]
    [InlineData("/api/report?month=2025-06&months=twelve", 400, "months")]
    [InlineData("/api/report?month=2025-06&currency=US", 400, "currency")]
    [InlineData("/api/report?month=2025-06&currency=JPY", 422, null)]
    public async Task Bad_input_is_a_problem_naming_the_parameter(string url, int status, string? field)
    {
        using var response = await web.Client.GetAsync(Http.Url(url));

        ((int)response.StatusCode).ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        if (field is not null)
        {
            (await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
        }
    }

    /// <summary>Every used cell of every sheet: sheet, address, value as text, number format.</summary>
    private static List<string> Cells(XLWorkbook workbook) =>
        [.. workbook.Worksheets.SelectMany(s => s.CellsUsed().Select(c => $"{s.Name}!{c.Address}={c.GetString()}|{c.Style.NumberFormat.Format}"))];
}

/// <summary>A server without a browser answers a PDF request with 503 saying what to install; the other formats still work.</summary>
public sealed class NoChromiumReportTests(NoChromiumWebStore web) : IClassFixture<NoChromiumWebStore>
{
    [Fact]
    public async Task Pdf_is_503_naming_the_missing_browser()
    {
        using var response = await web.Client.GetAsync(Http.Url("/api/report?month=2025-06&format=pdf"));

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var problem = await response.JsonAsync();
        problem.GetProperty("errors").GetProperty("format")[0].GetString()!.ShouldContain("RUNRATE_CHROMIUM");
        using var html = await web.Client.GetAsync(Http.Url("/api/report?month=2025-06&format=html"));
        html.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
