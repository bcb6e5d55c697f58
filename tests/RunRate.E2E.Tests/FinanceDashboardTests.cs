using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Playwright;
using RunRate.E2E.Tests.Support;

namespace RunRate.E2E.Tests;

/// <summary>
/// The forecast, unit economics and valuation pages in a real headless Chromium against the real
/// server holding the demo ledger (with its costs) as of October 2026: every figure shown is the API's
/// to the cent, a scenario saved in the editor appears side by side with the base, the economics page
/// says what it needs when the costs go, and no page scrolls sideways on a phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FinanceDashboardTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Month = "2026-10";
    private DashboardServer _server = null!;
    private CrmApi _api = null!;

    public async Task InitializeAsync()
    {
        _server = await DashboardServer.StartAsync();
        _api = new CrmApi(_server);
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Forecast_page_shows_every_layer_and_the_carr_tile_of_the_api()
    {
        var api = await _api.GetAsync($"/api/forecast?as_of={Month}");
        var page = await NewPageAsync(1280, 900);
        await page.OpenAsync($"/forecast?to={Month}");

        Assert.Equal(api.GetProperty("carr").GetDecimal(), await page.KpiAsync("carr"));
        Assert.Equal(api.GetProperty("arr").GetDecimal(), await page.KpiAsync("arr"));
        Assert.NotEqual(api.GetProperty("arr").GetDecimal(), api.GetProperty("carr").GetDecimal()); // the demo has signed changes ahead
        var months = api.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(12, await page.Locator("[data-testid='forecast-table'] tbody tr").CountAsync());
        foreach (var m in months)
        {
            foreach (var layer in new[] { "contracted", "trend", "pipeline", "total", "arr", "low", "high" })
            {
                var cell = page.Locator($"[data-testid='forecast-table'] tr[data-month='{m.GetProperty("month").GetString()}'] td[data-layer='{layer}']");
                Assert.Equal(Cents(m.GetProperty(layer).GetDecimal()), await cell.GetAttributeAsync("data-value"));
            }
        }

        Assert.Equal(api.GetProperty("months")[11].GetProperty("arr").GetDecimal(), await page.KpiAsync("forecast_arr"));
        Assert.True(await page.GetByTestId("chart-forecast").IsVisibleAsync());
        Assert.Equal(api.GetProperty("rates").GetArrayLength(), await page.Locator("[data-testid='rates-table'] tbody tr").CountAsync());
        var measured = api.GetProperty("backtest").GetProperty("mape").EnumerateArray().Count(h => h.GetProperty("samples").GetInt32() > 0);
        Assert.True(measured > 0, "the demo ledger is old enough to backtest");
        Assert.Equal(measured, await page.Locator("[data-testid='backtest-table'] tbody tr").CountAsync());
        await page.ShotAsync("forecast-1280-light");
    }

    [Fact]
    public async Task A_scenario_saved_in_the_editor_is_stored_and_shown_side_by_side_with_the_base()
    {
        var page = await NewPageAsync(1280, 900);
        await page.OpenAsync($"/forecast?to={Month}");
        await page.GetByTestId("scenario-field-name").FillAsync("Bear case");
        await page.GetByTestId("scenario-field-churn_points").FillAsync("1");
        await page.GetByTestId("scenario-field-new_percent").FillAsync("-20%");
        await page.GetByTestId("save-scenario").ClickAsync();

        Assert.True(await page.GetByTestId("sc-field-error-new_percent").IsVisibleAsync(), "a number field with a % is refused in place");
        Assert.Equal(0, (await _api.GetAsync("/api/scenarios")).GetProperty("scenarios").GetArrayLength());

        await page.GetByTestId("scenario-field-new_percent").FillAsync("-20");
        await page.GetByTestId("save-scenario").ClickAsync();
        await page.WaitForAddressAsync(url => url.Contains("scenario=Bear", StringComparison.Ordinal));
        await page.Locator("[data-testid='compare-table'] td[data-scenario='Bear case']").First.WaitForAsync();
        await page.WaitReadyAsync();

        var stored = (await _api.GetAsync("/api/scenarios/Bear%20case"));
        Assert.Equal(1m, stored.GetProperty("churn_points").GetDecimal());
        Assert.Equal(-20m, stored.GetProperty("new_percent").GetDecimal());
        Assert.True(await page.GetByTestId("compare-Bear case").IsCheckedAsync());
        var compared = (await _api.GetAsync($"/api/forecast?as_of={Month}&backtest=false&scenario=base&scenario=Bear%20case")).GetProperty("scenarios");
        Assert.Equal(["base", "Bear case"], compared.EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        foreach (var scenario in compared.EnumerateArray())
        {
            foreach (var m in scenario.GetProperty("months").EnumerateArray())
            {
                var cell = page.Locator($"[data-testid='compare-table'] tr[data-month='{m.GetProperty("month").GetString()}'] td[data-scenario='{scenario.GetProperty("name").GetString()}']");
                Assert.Equal(Cents(m.GetProperty("arr").GetDecimal()), await cell.GetAttributeAsync("data-value"));
            }
        }

        var last = compared[0].GetProperty("months").GetArrayLength() - 1;
        Assert.True(compared[1].GetProperty("months")[last].GetProperty("arr").GetDecimal() < compared[0].GetProperty("months")[last].GetProperty("arr").GetDecimal(), "more churn and less new business forecast less");
        Assert.True(await page.GetByTestId("chart-compare").IsVisibleAsync());
        await page.ShotAsync("forecast-scenarios-1280-light");

        // Deleted elsewhere (the CLI, another tab): the open page says so by itself and offers to drop it.
        using (var http = new HttpClient { BaseAddress = new Uri(_server.Address) })
        using (var deleted = await http.DeleteAsync(new Uri("/api/scenarios/BEAR%20CASE", UriKind.Relative)))
        {
            Assert.Equal(System.Net.HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await page.GetByTestId("drop-missing-scenarios").ClickAsync();
        await page.WaitForAddressAsync(url => !url.Contains("scenario=", StringComparison.Ordinal));
        await page.GetByTestId("forecast-compare").GetByText("Nothing to compare yet").WaitForAsync();
    }

    [Fact]
    public async Task Economics_page_shows_the_apis_figures_with_the_demo_costs_and_says_it_needs_costs_csv_once_they_are_gone()
    {
        var api = await _api.GetAsync($"/api/economics?to={Month}");
        Assert.True(api.GetProperty("has_costs").GetBoolean());
        var last = api.GetProperty("months").EnumerateArray().Last();
        var page = await NewPageAsync(1280, 900);
        await page.OpenAsync($"/economics?to={Month}");

        Assert.True(await page.GetByTestId("needs-costs").IsHiddenAsync());
        Assert.Equal(last.GetProperty("cac").GetDecimal(), await page.KpiAsync("cac"));
        Assert.Equal(last.GetProperty("ltv").GetDecimal(), await page.KpiAsync("ltv"));
        foreach (var ratio in new[] { "gross_margin", "ltv_to_cac", "payback_months", "customer_churn_rate" })
        {
            var shown = await page.Locator($"[data-kpi='{ratio}']").GetAttributeAsync("data-value");
            Assert.Equal(last.GetProperty(ratio).GetDouble(), double.Parse(shown!, CultureInfo.InvariantCulture), 12);
        }

        Assert.Equal(api.GetProperty("channels").GetArrayLength(), await page.Locator("[data-testid='channels-table'] tbody tr").CountAsync());
        Assert.True(await page.GetByTestId("chart-ltv-cac").IsVisibleAsync());
        await page.ShotAsync("economics-1280-light");

        // The same ledger without costs.csv replaces the stored one: the open page follows by itself.
        await UploadWithoutCostsAsync();
        await page.GetByTestId("needs-costs").WaitForAsync();
        await page.WaitForSelectorAsync("[data-kpi='cac'][data-missing*='costs.csv']");
        Assert.Contains("costs.csv", await page.GetByTestId("needs-costs").InnerTextAsync(), StringComparison.Ordinal);
        foreach (var figure in new[] { "gross_margin", "cac", "ltv", "ltv_to_cac", "payback_months" })
        {
            Assert.Equal("", await page.Locator($"[data-kpi='{figure}']").GetAttributeAsync("data-value"));
            Assert.Contains("costs.csv", await page.Locator($"[data-kpi-tile='{figure}']").InnerTextAsync(), StringComparison.Ordinal);
        }

        await page.ShotAsync("economics-without-costs-1280-light");
    }

    [Fact]
    public async Task Valuation_page_shows_the_apis_valuation_sensitivity_grid_and_limits()
    {
        var page = await NewPageAsync(1280, 900);
        await page.OpenAsync($"/valuation?to={Month}");
        await ExpectGridAsync(page, await _api.GetAsync($"/api/valuation?month={Month}"));
        await page.ShotAsync("valuation-1280-light");

        await page.GetByTestId("valuation-growth_step").SelectOptionAsync("20");
        await page.WaitForAddressAsync(url => url.Contains("growth_step=20", StringComparison.Ordinal));
        await page.WaitReadyAsync();
        var wider = await _api.GetAsync($"/api/valuation?month={Month}&growth_step=20");
        await page.ExpectValueAsync("[data-testid='sensitivity-grid'] td[data-cell='0-0']", wider.GetProperty("sensitivity")[0][0].GetDecimal());
        await ExpectGridAsync(page, wider);
    }

    [Fact]
    public async Task The_new_pages_render_at_phone_width_in_dark_mode_without_sideways_scroll()
    {
        await _api.PutAsync("/api/scenarios/Price%20%2B5%20from%20spring", new { PricePercent = 5m, PriceFrom = "2027-04" });
        var page = await NewPageAsync(375, 812, ColorScheme.Dark);
        foreach (var (path, name) in new[]
        {
            ($"/forecast?to={Month}&scenario=Price%20%2B5%20from%20spring", "forecast"), ($"/economics?to={Month}", "economics"), ($"/valuation?to={Month}", "valuation"),
        })
        {
            await page.OpenAsync(path);
            var overflow = await page.SidewaysOverflowAsync();
            Assert.True(overflow is null, $"{name} scrolls sideways at 375 px: {overflow}");
            await page.ShotAsync($"{name}-375-dark");
        }

        Assert.True(await page.GetByTestId("nav-valuation").IsHiddenAsync(), "the navigation is folded into the menu on a phone");
        await page.GetByTestId("nav-toggle").ClickAsync();
        await page.GetByTestId("nav-forecast").ClickAsync();
        await page.WaitForAddressAsync(url => url.Contains("/forecast", StringComparison.Ordinal));
        await page.WaitReadyAsync();
        Assert.True(await page.GetByTestId("forecast-table").IsVisibleAsync());
    }

    private static async Task ExpectGridAsync(IPage page, JsonElement api)
    {
        Assert.Equal(api.GetProperty("valuation").GetDecimal(), await page.KpiAsync("valuation"));
        var grid = api.GetProperty("sensitivity");
        Assert.Equal(5, grid.GetArrayLength());
        for (var i = 0; i < grid.GetArrayLength(); i++)
        {
            for (var j = 0; j < grid[i].GetArrayLength(); j++)
            {
                Assert.Equal(Cents(grid[i][j].GetDecimal()), await page.Locator($"[data-testid='sensitivity-grid'] td[data-cell='{i}-{j}']").GetAttributeAsync("data-value"));
            }
        }

        Assert.Equal(Cents(api.GetProperty("valuation").GetDecimal()), await page.Locator("[data-testid='sensitivity-grid'] td.is-actual").GetAttributeAsync("data-value"));
        Assert.Equal(api.GetProperty("limits").GetArrayLength(), await page.Locator("[data-testid='limits'] li").CountAsync());
    }

    /// <summary>Replaces the stored ledger with the demo's customers, lines and rates only, as an upload from the dashboard would.</summary>
    private async Task UploadWithoutCostsAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(_server.Address) };
        using var form = new MultipartFormDataContent();
        foreach (var file in new[] { "customers.csv", "lines.csv", "fx.csv" })
        {
            var content = new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(_server.LedgerFolder, file)));
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(content, "files", file);
        }

        using var response = await http.PostAsync(new Uri("/api/ledger?replace=true", UriKind.Relative), form);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Cents(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private Task<IPage> NewPageAsync(int width, int height, ColorScheme scheme = ColorScheme.Light) => browser.NewPageAsync(_server, width, height, scheme);
}
