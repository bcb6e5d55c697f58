using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using RunRate.E2E.Tests.Support;

namespace RunRate.E2E.Tests;

/// <summary>
/// The line dialogs send If-Match: an edit saved after someone else changed the line writes nothing, says the line
/// changed meanwhile, and reloads its current values on request; the save after that goes through.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LineConcurrencyTests(BrowserFixture browser) : IAsyncLifetime
{
    private DashboardServer _server = null!;

    public async Task InitializeAsync() => _server = await DashboardServer.StartAsync(customers: 40);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task An_edit_of_a_line_changed_meanwhile_is_refused_and_the_current_values_can_be_reloaded()
    {
        var (customer, lineId) = FirstOpenLine();
        var page = await browser.NewPageAsync(_server, 1280, 900, ColorScheme.Light);
        await page.OpenAsync($"/customers/{customer}?to=2026-10");
        await page.GetByTestId($"edit-line-{lineId}").ClickAsync();
        var quantity = page.GetByTestId("edit-field-quantity");
        await quantity.WaitForAsync();

        // Someone else changes the line after the dialog opened (no If-Match: last writer wins for them).
        using var http = new HttpClient { BaseAddress = new Uri(_server.Address) };
        var stored = JsonDocument.Parse(await http.GetStringAsync(new Uri($"/api/lines/{lineId}", UriKind.Relative))).RootElement;
        var theirs = stored.GetProperty("quantity").GetDecimal() + 7;
        using (var put = await http.PutAsync(new Uri($"/api/lines/{lineId}", UriKind.Relative), Body(stored, theirs)))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        await page.WaitForTimeoutAsync(300); // the dialog has read its version by now
        await quantity.FillAsync("999");
        await page.GetByTestId("save-line").ClickAsync();
        var error = page.GetByTestId("edit-form-error");
        await error.WaitForAsync();
        Assert.Contains("changed meanwhile", await error.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(theirs, Quantity(await http.GetStringAsync(new Uri($"/api/lines/{lineId}", UriKind.Relative)))); // nothing written

        await page.GetByTestId("reload-line").ClickAsync();
        await Assertions.Expect(quantity).ToHaveValueAsync(theirs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await quantity.FillAsync("3");
        await page.GetByTestId("save-line").ClickAsync();
        await page.GetByTestId("edit-dialog").WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        Assert.Equal(3m, Quantity(await http.GetStringAsync(new Uri($"/api/lines/{lineId}", UriKind.Relative))));
    }

    private static decimal Quantity(string json) => JsonDocument.Parse(json).RootElement.GetProperty("quantity").GetDecimal();

    private static StringContent Body(JsonElement line, decimal quantity)
    {
        var fields = line.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone(), StringComparer.Ordinal);
        fields["quantity"] = quantity;
        return new StringContent(JsonSerializer.Serialize(fields), Encoding.UTF8, "application/json");
    }

    private (string Customer, string Line) FirstOpenLine()
    {
        foreach (var c in _server.Cli("customers", "--month", "2026-10", "--status", "active").GetProperty("customers").EnumerateArray())
        {
            var id = c.GetProperty("customer_id").GetString()!;
            foreach (var l in _server.Cli("customer", id, "--month", "2026-10").GetProperty("lines").EnumerateArray())
            {
                if (l.GetProperty("kind").GetString() != "one_time" && l.GetProperty("end_date").ValueKind == JsonValueKind.Null)
                {
                    return (id, l.GetProperty("line_id").GetString()!);
                }
            }
        }

        throw new InvalidOperationException("the demo has no open line");
    }
}
