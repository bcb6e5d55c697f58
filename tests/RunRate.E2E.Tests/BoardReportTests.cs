using ClosedXML.Excel;
using RunRate.E2E.Tests.Support;

namespace RunRate.E2E.Tests;

/// <summary>The overview's one-click board report: the buttons follow the month shown and download the server's files.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BoardReportTests(BrowserFixture browser) : IAsyncLifetime
{
    private DashboardServer _server = null!;

    public async Task InitializeAsync() => _server = await DashboardServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Xlsx_button_downloads_the_workbook_of_the_month_shown_with_the_cli_arr()
    {
        var page = await browser.NewPageAsync(_server, 1280, 900);
        await page.OpenAsync("/?from=2025-11&to=2026-10&currency=USD");
        await page.WaitForSelectorAsync("[data-testid='board-report'][data-month='2026-10']");
        Assert.Equal("/api/report?month=2026-10&currency=USD&format=xlsx", await page.GetByTestId("board-report-xlsx").GetAttributeAsync("href"));

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("board-report-xlsx").ClickAsync());

        Assert.Equal("runrate-board-2026-10.xlsx", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"runrate-e2e-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(path);
        try
        {
            using var workbook = new XLWorkbook(path);
            var summary = workbook.Worksheet("Summary");
            var arr = _server.Cli("summary", "--month", "2026-10").GetProperty("summary").GetProperty("arr").GetDecimal();
            Assert.Equal("2026-10", summary.Cell(2, 2).GetString());
            Assert.Equal(arr, summary.Cell(5, 2).GetValue<decimal>());
        }
        finally
        {
            File.Delete(path);
        }

        await page.GetByTestId("toast-success").WaitForAsync();
        await page.ShotAsync("overview-board-report");
    }

    [Fact]
    public async Task Pdf_button_downloads_the_printed_report()
    {
        var page = await browser.NewPageAsync(_server, 1280, 900);
        await page.OpenAsync("/?from=2025-11&to=2026-10");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("board-report-pdf").ClickAsync(), new() { Timeout = 60_000 });

        Assert.Equal("runrate-board-2026-10.pdf", download.SuggestedFilename);
        var path = await download.PathAsync();
        var head = new byte[5];
        await using (var file = File.OpenRead(path))
        {
            await file.ReadExactlyAsync(head);
        }

        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(head));
    }
}
