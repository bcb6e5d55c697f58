using System.Text.Json;
using Microsoft.Playwright;
using RunRate.E2E.Tests.Support;

namespace RunRate.E2E.Tests;

/// <summary>
/// The audit page in a real headless Chromium against the real server: a line cancelled on the customer
/// page shows up on /audit as <c>line.end</c> by <c>demo</c> with its end date before → after, the filters
/// narrow the list, and the page fits a phone in dark mode. Screenshots go to artifacts/screenshots.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AuditPageTests(BrowserFixture browser) : IAsyncLifetime
{
    private DashboardServer _server = null!;

    public async Task InitializeAsync() => _server = await DashboardServer.StartAsync(customers: 60);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_line_cancelled_on_the_customer_page_is_on_the_audit_page_with_who_and_what_changed()
    {
        var (customer, line) = OpenLine();
        using (var api = new CrmApi(_server))
        {
            await api.PutAsync("/api/scenarios/Bear", new { ChurnPoints = 1 }); // an earlier write, so the filters have something to leave out
        }

        var page = await browser.NewPageAsync(_server, 1280, 900);
        await page.OpenAsync($"/customers/{customer}?to=2026-10");
        await page.GetByTestId($"cancel-line-{line}").ClickAsync();
        await page.GetByTestId("cancel-date").FillAsync("2026-10-01");
        await page.GetByTestId("confirm-cancel").ClickAsync();
        await page.GetByTestId("cancel-dialog").WaitForAsync(new() { State = WaitForSelectorState.Hidden });

        await page.GetByTestId("nav-audit").ClickAsync();
        await page.WaitForAddressAsync(url => url.Contains("/audit", StringComparison.Ordinal));
        await page.WaitReadyAsync();
        var newest = page.GetByTestId("audit-row").First;
        Assert.Equal("line.end", await newest.GetAttributeAsync("data-action"));
        var text = await newest.InnerTextAsync();
        Assert.Contains("demo", text, StringComparison.Ordinal);
        Assert.Contains(line, text, StringComparison.Ordinal);
        var end = newest.Locator("[data-field='end']");
        Assert.Equal("2026-10-01", await end.Locator("ins").InnerTextAsync());

        // Filtering by record id leaves out the scenario saved before.
        await page.GetByTestId("audit-filter-id").FillAsync(line);
        await page.GetByTestId("audit-apply").ClickAsync();
        await page.WaitForAddressAsync(url => url.Contains("entity_id=", StringComparison.Ordinal));
        await page.WaitReadyAsync();
        Assert.Equal(1, await page.GetByTestId("audit-row").CountAsync());
        Assert.EndsWith($"/api/audit.csv?entity_id={Uri.EscapeDataString(line)}", await page.GetByTestId("audit-csv").GetAttributeAsync("href"), StringComparison.Ordinal);
        await page.ShotAsync("audit-1280");

        var phone = await browser.NewPageAsync(_server, 375, 812, ColorScheme.Dark);
        await phone.OpenAsync("/audit");
        Assert.Equal(2, await phone.GetByTestId("audit-row").CountAsync());
        Assert.Equal("scenario.save", await phone.GetByTestId("audit-row").Nth(1).GetAttributeAsync("data-action"));
        var overflow = await phone.SidewaysOverflowAsync();
        Assert.True(overflow is null, $"audit scrolls sideways at 375 px: {overflow}");
        await phone.ShotAsync("audit-375-dark");
    }

    private (string Customer, string Line) OpenLine()
    {
        foreach (var c in _server.Cli("customers", "--month", "2026-10", "--status", "active").GetProperty("customers").EnumerateArray())
        {
            var id = c.GetProperty("customer_id").GetString()!;
            foreach (var l in _server.Cli("customer", id, "--month", "2026-10").GetProperty("lines").EnumerateArray())
            {
                if (l.GetProperty("kind").GetString() != "one_time" && l.GetProperty("end_date").ValueKind == JsonValueKind.Null
                    && string.CompareOrdinal(l.GetProperty("start_date").GetString(), "2026-10-01") < 0)
                {
                    return (id, l.GetProperty("line_id").GetString()!);
                }
            }
        }

        throw new InvalidOperationException("the demo has no open recurring line");
    }
}
