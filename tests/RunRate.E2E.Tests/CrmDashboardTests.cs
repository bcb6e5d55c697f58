using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using RunRate.E2E.Tests.Support;

namespace RunRate.E2E.Tests;

/// <summary>
/// The CRM pages in a real headless Chromium against the real server: a deal won on the board must
/// land in the ledger to the cent (the overview and the CLI agree on the new ARR), and a signal is
/// never shown without the reasons behind its score. Screenshots go to artifacts/screenshots.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CrmDashboardTests(BrowserFixture browser) : IAsyncLifetime
{
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
    public async Task A_deal_created_dragged_to_won_and_given_its_lines_moves_the_overview_arr_and_new_business_by_the_cli_figures()
    {
        // The prospect: a ledger customer without lines yet, so its first line is new business.
        await _api.PostAsync("/api/customers", new { CustomerId = "P900", Name = "Zephyr Robotics", Country = "US", Segment = "SMB", Channel = "outbound", Owner = "Alice Moreno" });
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime); // the server closes the deal today
        var month = today.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var from = today.AddMonths(-11).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var arrBefore = CliArr(month);
        var newBefore = CliNewMrr(month);

        var overview = await NewPageAsync(1280, 900);
        await overview.OpenAsync($"/?from={from}&to={month}");
        Assert.Equal(arrBefore, await overview.KpiAsync("arr"));
        await overview.ExpectValueAsync(NewCell(month), newBefore);

        var page = await NewPageAsync(1280, 900);
        await page.OpenAsync("/pipeline");
        var lead = page.GetByTestId("stage-lead");
        var leadCount = int.Parse(await lead.GetAttributeAsync("data-count") ?? "", CultureInfo.InvariantCulture);
        var leadArr = decimal.Parse(await lead.GetAttributeAsync("data-arr") ?? "", CultureInfo.InvariantCulture);

        // New deal: every field through the dialog, the account found by searching.
        await page.GetByTestId("new-deal").ClickAsync();
        await page.GetByTestId("save-deal").ClickAsync();
        Assert.True(await page.GetByTestId("deal-field-error-account_id").IsVisibleAsync(), "an account is required");
        await page.GetByTestId("deal-field-account").FillAsync("Zephyr");
        await page.GetByTestId("deal-field-account-option-P900").ClickAsync();
        await page.GetByTestId("deal-field-title").FillAsync("Zephyr platform, 40 seats");
        await page.GetByTestId("deal-field-kind").SelectOptionAsync("new_business");
        await page.GetByTestId("deal-field-arr").FillAsync("12345.60");
        await page.GetByTestId("deal-field-owner").FillAsync("Alice Moreno");
        await page.GetByTestId("save-deal").ClickAsync();
        await page.GetByTestId("deal-dialog").WaitForAsync(new() { State = WaitForSelectorState.Hidden });

        var card = page.Locator("[data-stage-list='lead'] .deal-card", new() { HasText = "Zephyr platform, 40 seats" });
        await card.WaitForAsync();
        var dealId = await card.GetAttributeAsync("data-deal-id");
        await page.WaitForSelectorAsync($"[data-testid='stage-lead'][data-count='{leadCount + 1}'][data-arr='{(leadArr + 12345.60m).ToString("0.00", CultureInfo.InvariantCulture)}']");
        await page.ShotAsync("pipeline-new-deal");

        // Won by drag and drop: the dialog proposes one yearly line worth the deal's ARR.
        await card.DragToAsync(page.GetByTestId("stage-won"));
        await page.GetByTestId("won-amount-0").WaitForAsync();
        Assert.Equal(12345.60m, decimal.Parse(await page.GetByTestId("won-amount-0").InputValueAsync(), CultureInfo.InvariantCulture));
        Assert.Equal("12", await page.GetByTestId("won-interval_months-0").InputValueAsync());
        Assert.Equal(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), await page.GetByTestId("won-start_date-0").InputValueAsync());
        Assert.Equal("12345.60", await page.GetByTestId("won-total").Locator("strong").GetAttributeAsync("data-value"));
        await page.ShotAsync("pipeline-won-dialog");
        await page.GetByTestId("create-lines").ClickAsync();
        await page.GetByTestId("won-dialog").WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        await page.Locator($"[data-stage-list='won'] [data-deal-id='{dealId}']").WaitForAsync();
        await page.GetByTestId($"create-lines-{dealId}").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.ShotAsync("pipeline-after-won");

        // The ledger moved by exactly the deal: ARR + 12,345.60, new-business MRR + 1,028.80 (12,345.60 ÷ 12).
        var arrAfter = CliArr(month);
        var newAfter = CliNewMrr(month);
        Assert.Equal(arrBefore + 12345.60m, arrAfter);
        Assert.Equal(newBefore + 1028.80m, newAfter);
        await overview.ExpectKpiAsync("arr", arrAfter); // pushed over SSE: no reload
        await overview.ExpectValueAsync(NewCell(month), newAfter);
        await overview.ShotAsync("overview-after-won-deal");
    }

    [Fact]
    public async Task Every_signal_on_the_signals_page_shows_its_score_and_every_reason_the_api_gives()
    {
        var signals = (await _api.GetAsync("/api/signals")).GetProperty("signals").EnumerateArray().ToList();
        Assert.NotEmpty(signals);
        var page = await NewPageAsync(1280, 900);
        await page.OpenAsync("/signals");
        foreach (var (tab, kinds) in new[] { ("churn", new[] { "churn_risk" }), ("growth", new[] { "upsell", "cross_sell" }) })
        {
            await page.GetByTestId($"signals-tab-{tab}").ClickAsync();
            await page.WaitForSelectorAsync($"[data-testid='signals-tab-{tab}'][aria-selected='true']");
            while (await page.GetByTestId("signals-more").CountAsync() > 0)
            {
                await page.GetByTestId("signals-more").ClickAsync(); // the list grows by pages of 50
            }

            var expected = signals.Where(s => kinds.Contains(s.GetProperty("kind").GetString())).ToList();
            var shown = JsonDocument.Parse(await page.EvaluateAsync<string>(
                """
                () => JSON.stringify([...document.querySelectorAll('[data-testid=signals-list] > li')].map(li => ({
                  id: li.dataset.testid, score: li.querySelector('.score-figure').textContent,
                  reasons: [...li.querySelectorAll('.reason')].map(r => ({ text: r.querySelector('.reason-text')?.textContent ?? '', points: r.querySelector('.reason-points')?.dataset.value ?? '' }))
                })))
                """)).RootElement;

            Assert.Equal(expected.Count, shown.GetArrayLength());
            foreach (var s in expected)
            {
                var id = $"signal-{s.GetProperty("customer_id").GetString()}-{s.GetProperty("kind").GetString()}";
                var row = shown.EnumerateArray().Single(r => r.GetProperty("id").GetString() == id);
                Assert.Equal(s.GetProperty("score").GetInt32().ToString(CultureInfo.InvariantCulture), row.GetProperty("score").GetString());
                var reasons = s.GetProperty("reasons").EnumerateArray().ToList();
                Assert.NotEmpty(reasons); // a score always has its why
                Assert.Equal(
                    reasons.Select(r => $"+{r.GetProperty("points").GetInt32().ToString(CultureInfo.InvariantCulture)} {r.GetProperty("text").GetString()}"),
                    row.GetProperty("reasons").EnumerateArray().Select(r => $"+{r.GetProperty("points").GetString()} {r.GetProperty("text").GetString()}"));
            }

            await page.ShotAsync($"signals-{tab}-1280-light");
        }
    }

    [Fact]
    public async Task Sales_and_renewals_pages_show_the_figures_of_the_api()
    {
        var customer = _server.Cli("customers", "--month", "2026-10", "--status", "active").GetProperty("customers")[0].GetProperty("customer_id").GetString()!;
        await _api.ArrangeAccountAsync(customer, "Ben Okafor");
        var page = await NewPageAsync(1280, 900);

        var sales = await _api.GetAsync("/api/sales");
        await page.OpenAsync("/sales");
        Assert.Equal(sales.GetProperty("open").GetProperty("arr").GetDecimal(), await page.KpiAsync("open_arr"));
        Assert.Equal(sales.GetProperty("new_arr").GetProperty("by_channel").EnumerateArray().Sum(g => g.GetProperty("arr").GetDecimal()), await page.KpiAsync("new_arr"));
        foreach (var stage in sales.GetProperty("pipeline").EnumerateArray())
        {
            var cells = page.Locator($"[data-testid='pipeline-table'] tr[data-stage='{stage.GetProperty("stage").GetString()}'] td[data-value]");
            Assert.Equal(Cents(stage.GetProperty("arr").GetDecimal()), await cells.Nth(0).GetAttributeAsync("data-value"));
            Assert.Equal(Cents(stage.GetProperty("weighted_arr").GetDecimal()), await cells.Nth(1).GetAttributeAsync("data-value"));
        }

        await page.ShotAsync("sales-1280-light");

        var renewals = await _api.GetAsync("/api/renewals");
        await page.OpenAsync("/renewals");
        var months = renewals.GetProperty("months").EnumerateArray().ToList();
        Assert.NotEmpty(months);
        foreach (var m in months)
        {
            var month = m.GetProperty("month").GetString();
            Assert.Equal(Cents(m.GetProperty("due_arr").GetDecimal()), await page.GetByTestId($"renewal-month-{month}").GetAttributeAsync("data-due"));
            var rate = m.GetProperty("renewal_rate");
            var shown = await page.GetByTestId($"renewal-rate-{month}").GetAttributeAsync("data-value");
            if (rate.ValueKind == JsonValueKind.Null)
            {
                Assert.Equal("", shown);
            }
            else
            {
                Assert.Equal(rate.GetDouble(), double.Parse(shown!, CultureInfo.InvariantCulture), 12); // an unrounded ratio, as a browser number
            }
        }

        var busiest = months.OrderByDescending(m => m.GetProperty("items").GetArrayLength()).First();
        await page.GetByTestId($"renewal-month-{busiest.GetProperty("month").GetString()}").ClickAsync();
        await page.WaitForSelectorAsync($"[data-testid='renewal-month-{busiest.GetProperty("month").GetString()}'][aria-pressed='true']");
        Assert.Equal(busiest.GetProperty("items").GetArrayLength(), await page.Locator("[data-testid='renewal-items'] tbody tr").CountAsync());
        await page.ShotAsync("renewals-1280-light");
    }

    [Fact]
    public async Task The_account_page_shows_the_crm_panels_and_logs_a_call()
    {
        var customer = _server.Cli("customers", "--month", "2026-10", "--status", "active").GetProperty("customers")[0].GetProperty("customer_id").GetString()!;
        var dealId = await _api.ArrangeAccountAsync(customer, "Ben Okafor");
        var account = await _api.GetAsync($"/api/accounts/{customer}");
        var page = await NewPageAsync(1280, 900);
        await page.OpenAsync($"/customers/{customer}?to=2026-10");

        Assert.Equal(account.GetProperty("contacts").GetArrayLength(), await page.GetByTestId("contacts").Locator("li").CountAsync());
        Assert.Contains("Maria Lopez-Hernández", await page.GetByTestId("contacts").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("@example.com", await page.GetByTestId("domains").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(account.GetProperty("deals").GetArrayLength(), await page.GetByTestId("deals").Locator("li").CountAsync());
        Assert.Equal(account.GetProperty("activities").GetArrayLength(), await page.GetByTestId("activities").Locator("li").CountAsync());

        await page.GetByTestId("log-activity").ClickAsync();
        await page.GetByTestId("activity-field-kind").SelectOptionAsync("meeting");
        await page.GetByTestId("activity-field-subject").FillAsync("Quarterly business review");
        await page.GetByTestId("save-activity").ClickAsync();
        var newest = page.GetByTestId("activities").Locator("li").First;
        await page.WaitForSelectorAsync("[data-testid='activities'] li:first-child[data-kind='meeting']");
        Assert.Contains("Quarterly business review", await newest.InnerTextAsync(), StringComparison.Ordinal);
        var stored = (await _api.GetAsync($"/api/activities?account_id={customer}")).GetProperty("activities");
        Assert.Equal(account.GetProperty("activities").GetArrayLength() + 1, stored.GetArrayLength());
        Assert.Equal("Quarterly business review", stored[0].GetProperty("subject").GetString());
        await page.ShotAsync("account-1280-light");

        // A deal links to the board, which brings it into view.
        await page.GetByTestId($"account-deal-{dealId}").GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForAddressAsync(url => url.Contains("/pipeline?", StringComparison.Ordinal) && url.Contains($"deal={dealId}", StringComparison.Ordinal));
        await page.WaitReadyAsync();
        await page.Locator($"[data-deal-id='{dealId}'].is-highlighted").WaitForAsync();
    }

    private static string Cents(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string NewCell(string month) => $"[data-testid='monthly-table'] tr[data-month='{month}'] td[data-mv='new']";

    private decimal CliArr(string month) => _server.Cli("summary", "--month", month).GetProperty("summary").GetProperty("arr").GetDecimal();

    private decimal CliNewMrr(string month) => _server.Cli("mrr", "--from", month, "--to", month).GetProperty("months")[0].GetProperty("new").GetDecimal();

    private Task<IPage> NewPageAsync(int width, int height, ColorScheme scheme = ColorScheme.Light) => browser.NewPageAsync(_server, width, height, scheme);
}
