using System.Globalization;
using Microsoft.Playwright;
using RunRate.E2E.Tests.Support;

namespace RunRate.E2E.Tests;

/// <summary>
/// The dashboard in a real headless Chromium against the real server: the figures a founder reads
/// must be the CLI's, filters must apply and persist in the URL, and a cancellation made in one tab
/// must move the ARR shown in another without a reload. Screenshots go to artifacts/screenshots.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Period = "from=2025-11&to=2026-10";
    private DashboardServer _server = null!;

    public async Task InitializeAsync() => _server = await DashboardServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Overview_shows_the_cli_arr_and_every_kpi()
    {
        var page = await NewPageAsync(1280, 900);
        await page.OpenAsync("/?" + Period);

        var cli = _server.Cli("summary", "--month", "2026-10").GetProperty("summary");
        Assert.Equal(cli.GetProperty("arr").GetDecimal(), await page.KpiAsync("arr"));
        Assert.Equal(cli.GetProperty("subscription_arr").GetDecimal(), await page.KpiAsync("subscription_arr"));
        Assert.Equal(cli.GetProperty("addon_arr").GetDecimal(), await page.KpiAsync("addon_arr"));
        Assert.Equal(cli.GetProperty("closing_mrr").GetDecimal(), await page.KpiAsync("mrr"));
        foreach (var kpi in new[] { "customers", "growth_yoy", "nrr", "grr", "valuation", "customer_churn_rate", "net_mrr_churn_rate", "arpa", "quick_ratio" })
        {
            Assert.True(await page.Locator($"[data-kpi='{kpi}']").IsVisibleAsync(), kpi);
        }

        var arrText = await page.Locator("[data-kpi='arr']").InnerTextAsync();
        Assert.Contains(cli.GetProperty("arr").GetDecimal().ToString("#,##0.00", CultureInfo.InvariantCulture), arrText, StringComparison.Ordinal);
        foreach (var chart in new[] { "chart-arr", "chart-movements", "chart-bridge" })
        {
            Assert.True(await page.GetByTestId(chart).IsVisibleAsync(), chart);
        }

        await page.ShotAsync("overview-1280-light");
    }

    [Fact]
    public async Task Segment_filter_from_the_filter_bar_matches_the_filtered_cli_and_stays_in_the_url()
    {
        var page = await NewPageAsync(1280, 900);
        await page.OpenAsync("/?" + Period);

        if (!await page.GetByTestId("filter-segment").IsVisibleAsync())
        {
            await page.GetByTestId("filters-toggle").ClickAsync();
        }

        await page.GetByTestId("filter-segment").ClickAsync();
        await page.GetByTestId("filter-segment-option-SMB").CheckAsync();
        await page.WaitForAddressAsync(url => url.Contains("segment=SMB", StringComparison.Ordinal));
        await page.WaitReadyAsync();

        var cli = _server.Cli("summary", "--month", "2026-10", "--segment", "SMB").GetProperty("summary");
        await page.ExpectKpiAsync("arr", cli.GetProperty("arr").GetDecimal());

        // A shared link reproduces the view.
        var shared = await NewPageAsync(1280, 900);
        await shared.GotoAsync(page.Url);
        await shared.WaitReadyAsync();
        Assert.Equal(cli.GetProperty("arr").GetDecimal(), await shared.KpiAsync("arr"));
        await page.ShotAsync("overview-segment-smb");
    }

    [Fact]
    public async Task Cancelling_a_line_on_the_customer_page_drops_the_arr_of_an_open_overview_without_reload()
    {
        var overview = await NewPageAsync(1280, 900);
        await overview.OpenAsync("/?" + Period);
        var before = await overview.KpiAsync("arr");

        // The largest customer with an open recurring line, as the CLI lists it.
        var (customer, line, lineMrr) = LargestOpenLine();
        var page = await NewPageAsync(1280, 900);
        await page.OpenAsync($"/customers/{customer}?to=2026-10");
        await page.GetByTestId($"cancel-line-{line}").ClickAsync();
        await page.GetByTestId("cancel-date").FillAsync("2026-10-01");
        await page.GetByTestId("confirm-cancel").ClickAsync();
        await page.GetByTestId("cancel-dialog").WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        await page.ShotAsync("customer-after-cancel");

        var after = _server.Cli("summary", "--month", "2026-10").GetProperty("summary").GetProperty("arr").GetDecimal();
        Assert.True(after < before, $"the CLI's ARR should drop below {before}, is {after}");
        Assert.Equal(before - (12 * lineMrr), after, 2);
        await overview.ExpectKpiAsync("arr", after); // pushed over SSE: no reload
        await overview.ShotAsync("overview-after-cancel");
    }

    [Fact]
    public async Task Every_page_renders_at_phone_width_in_dark_mode()
    {
        var page = await NewPageAsync(375, 812, ColorScheme.Dark);
        var (customer, _, _) = LargestOpenLine();
        using (var api = new CrmApi(_server))
        {
            await api.ArrangeAccountAsync(customer, "Alice Moreno"); // CRM pages with long titles and every panel filled
        }

        var pages = new[]
        {
            ("/?" + Period, "overview"), ("/cohorts?" + Period, "cohorts"), ("/customers?to=2026-10", "customers"), ($"/customers/{customer}?to=2026-10", "customer"),
            ("/pipeline", "pipeline"), ("/sales", "sales"), ("/renewals", "renewals"), ("/signals", "signals"),
            ("/import", "import"),
        };
        foreach (var (path, name) in pages)
        {
            await page.OpenAsync(path);
            var overflow = await page.SidewaysOverflowAsync();
            Assert.True(overflow is null, $"{name} scrolls sideways at 375 px: {overflow}");
            await page.ShotAsync($"{name}-375-dark");
        }
    }

    [Fact]
    public async Task Customers_table_searches_and_opens_a_customer()
    {
        var page = await NewPageAsync(1280, 900);
        var (customer, _, _) = LargestOpenLine();
        var name = _server.Cli("customer", customer, "--month", "2026-10").GetProperty("name").GetString()!;
        await page.OpenAsync("/customers?to=2026-10");
        await page.GetByTestId("customers-search").FillAsync(name);
        await page.GetByTestId($"customer-row-{customer}").WaitForAsync();
        await page.GetByTestId($"customer-row-{customer}").GetByRole(AriaRole.Link).First.ClickAsync();
        await page.WaitForAddressAsync(url => url.Contains($"/customers/{customer}", StringComparison.Ordinal));
        await page.WaitReadyAsync();

        Assert.Equal(name, await page.GetByTestId("customer-name").InnerTextAsync());
        await page.ShotAsync("customers-to-customer");
    }

    private (string Customer, string Line, decimal LineMrr) LargestOpenLine()
    {
        var customers = _server.Cli("customers", "--month", "2026-10", "--status", "active").GetProperty("customers");
        foreach (var c in customers.EnumerateArray())
        {
            var id = c.GetProperty("customer_id").GetString()!;
            var detail = _server.Cli("customer", id, "--month", "2026-10");
            foreach (var l in detail.GetProperty("lines").EnumerateArray())
            {
                if (l.GetProperty("kind").GetString() != "one_time" && l.GetProperty("end_date").ValueKind == System.Text.Json.JsonValueKind.Null
                    && l.GetProperty("currency").GetString() == "USD" && l.GetProperty("amount").GetDecimal() > 0
                    && string.CompareOrdinal(l.GetProperty("start_date").GetString(), "2026-10-01") < 0)
                {
                    var mrr = l.GetProperty("amount").GetDecimal() * l.GetProperty("quantity").GetDecimal() / l.GetProperty("interval_months").GetInt32();
                    return (id, l.GetProperty("line_id").GetString()!, mrr);
                }
            }
        }

        throw new InvalidOperationException("the demo has no open USD line");
    }

    private Task<IPage> NewPageAsync(int width, int height, ColorScheme scheme = ColorScheme.Light) => browser.NewPageAsync(_server, width, height, scheme);
}
