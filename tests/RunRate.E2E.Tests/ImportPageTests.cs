using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using RunRate.E2E.Tests.Support;

namespace RunRate.E2E.Tests;

/// <summary>
/// The import page in a real headless Chromium against the real server: mail captured through the
/// page is logged once however often it is uploaded, and a ledger with a bad row shows the located
/// error and leaves the store exactly as it was. Screenshots go to artifacts/screenshots.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ImportPageTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Domain = "northwind-import.io";

    private DashboardServer _server = null!;
    private CrmApi _api = null!;

    public async Task InitializeAsync()
    {
        _server = await DashboardServer.StartAsync(customers: 60);
        _api = new CrmApi(_server);
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task The_same_mbox_captured_twice_logs_its_matched_messages_once_and_lists_the_unmatched_both_times()
    {
        var account = _server.Cli("customers", "--month", "2026-10", "--status", "active").GetProperty("customers")[0].GetProperty("customer_id").GetString()!;
        await _api.PutAsync($"/api/accounts/{account}/domains", new { Domains = new[] { Domain } });
        var mbox = Mbox(
            ("alice@" + Domain, "me@runrate.io", "Renewal: seats for next year", "import-1@" + Domain),
            ("me@runrate.io", "bob@" + Domain, "Re: Renewal: seats for next year", "import-2@runrate.io"),
            ("news@unknown-sender.org", "me@runrate.io", "Our autumn newsletter", "import-3@unknown-sender.org"),
            ("someone@elsewhere.net", "me@runrate.io", "Partnership idea", "import-4@elsewhere.net"));

        var page = await browser.NewPageAsync(_server, 1280, 900);
        await page.OpenAsync("/import");
        Assert.True(await page.Locator("#filters").IsHiddenAsync(), "the import page has no filters to show");
        await page.GetByTestId("import-own-domains").FillAsync("runrate.io");

        // First upload: dropped onto the zone.
        var dropped = await page.EvaluateHandleAsync(
            "text => { const t = new DataTransfer(); t.items.add(new File([text], 'inbox.mbox', { type: 'application/mbox' })); return t; }", mbox);
        await page.GetByTestId("mail-drop").DispatchEventAsync("drop", new { dataTransfer = dropped });
        Assert.Equal("inbox.mbox", await page.GetByTestId("mail-drop-file").GetAttributeAsync("data-name"));
        await page.GetByTestId("import-mail-submit").ClickAsync();
        await page.GetByTestId("mail-result").WaitForAsync();
        Assert.Equal((4, 2, 0, 2), await CountsAsync(page));
        var unmatched = page.GetByTestId("mail-unmatched-table").Locator("tbody tr");
        Assert.Equal(2, await unmatched.CountAsync());
        Assert.Contains("news@unknown-sender.org", await unmatched.Nth(0).InnerTextAsync() + await unmatched.Nth(1).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Partnership idea", await page.GetByTestId("mail-unmatched-table").InnerTextAsync(), StringComparison.Ordinal);
        await page.ShotAsync("import-mail-first");

        // Second upload of the same file: chosen with the file picker.
        await page.GetByTestId("mail-drop-clear").ClickAsync();
        await page.GetByTestId("mail-drop-input").SetInputFilesAsync(new FilePayload { Name = "inbox.mbox", MimeType = "application/mbox", Buffer = Encoding.UTF8.GetBytes(mbox) });
        await page.GetByTestId("import-mail-submit").ClickAsync();
        await page.WaitForSelectorAsync("[data-testid='mail-already'][data-value='2']");
        Assert.Equal((4, 0, 2, 2), await CountsAsync(page));
        await page.ShotAsync("import-mail-again");

        var activities = await _api.GetAsync($"/api/activities?account_id={account}&kind=email");
        var captured = activities.GetProperty("activities").EnumerateArray().Where(a => a.GetProperty("source").GetString() == "email").ToList();
        Assert.Equal(2, captured.Count);
    }

    [Fact]
    public async Task A_ledger_with_a_bad_row_shows_the_located_error_and_leaves_the_store_unchanged()
    {
        var before = await StoreAsync();
        var lines = File.ReadAllText(Path.Combine(_server.LedgerFolder, "lines.csv")).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var column = Array.IndexOf(lines[0].Split(','), "start_date");
        var row = lines[1].Split(',');
        row[column] = "2026-02-30";
        lines[1] = string.Join(',', row);

        var page = await browser.NewPageAsync(_server, 1280, 900);
        await page.OpenAsync("/import");
        await page.GetByTestId("ledger-drop-input").SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "customers.csv", MimeType = "text/csv", Buffer = File.ReadAllBytes(Path.Combine(_server.LedgerFolder, "customers.csv")) },
            new FilePayload { Name = "lines.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(string.Join('\n', lines)) },
        });
        Assert.Equal(2, await page.GetByTestId("ledger-drop-file").CountAsync());

        // Replacing asks first; cancelling sends nothing.
        await page.GetByTestId("import-replace").CheckAsync();
        await page.GetByTestId("import-ledger-submit").ClickAsync();
        await page.GetByTestId("confirm-replace-cancel").ClickAsync();
        Assert.Equal(string.Empty, await page.GetByTestId("import-ledger-outcome").InnerTextAsync());

        await page.GetByTestId("import-ledger-submit").ClickAsync();
        await page.GetByTestId("confirm-replace-ok").ClickAsync();
        await page.GetByTestId("ledger-error").WaitForAsync();
        var errors = await page.GetByTestId("ledger-error-list").Locator("li").AllInnerTextsAsync();
        var located = Assert.Single(errors);
        Assert.StartsWith("lines.csv:2: start_date: ", located, StringComparison.Ordinal);
        Assert.Contains("2026-02-30", located, StringComparison.Ordinal);
        Assert.Contains("Nothing was stored", await page.GetByTestId("ledger-error-unchanged").InnerTextAsync(), StringComparison.Ordinal);
        await page.ShotAsync("import-ledger-error");

        Assert.Equal(before, await StoreAsync());
    }

    private static async Task<(int Read, int Logged, int Already, int Unmatched)> CountsAsync(IPage page)
    {
        async Task<int> Figure(string key) => int.Parse(await page.GetByTestId($"mail-{key}").GetAttributeAsync("data-value") ?? "", CultureInfo.InvariantCulture);
        return (await Figure("read"), await Figure("logged"), await Figure("already"), await Figure("unmatched"));
    }

    /// <summary>What an unchanged store answers the same way: the exported CSVs, the month's summary and the revision.</summary>
    private async Task<string> StoreAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(_server.Address) };
        var text = new StringBuilder();
        foreach (var path in new[] { "/api/export/customers.csv", "/api/export/lines.csv", "/api/export/costs.csv", "/api/summary?month=2026-10", "/api/meta" })
        {
            text.Append(path).Append('\n').Append(await http.GetStringAsync(new Uri(path, UriKind.Relative))).Append('\n');
        }

        return text.ToString();
    }

    private static string Mbox(params (string From, string To, string Subject, string MessageId)[] messages)
    {
        var text = new StringBuilder();
        var day = 5;
        foreach (var (from, to, subject, id) in messages)
        {
            var date = new DateTime(2026, 10, day++, 9, 30, 0, DateTimeKind.Utc);
            text.Append(CultureInfo.InvariantCulture, $"From {from} {date:ddd MMM d HH:mm:ss yyyy}\n")
                .Append(CultureInfo.InvariantCulture, $"From: {from}\nTo: {to}\nSubject: {subject}\nDate: {date:ddd, d MMM yyyy HH:mm:ss} +0000\n")
                .Append(CultureInfo.InvariantCulture, $"Message-ID: <{id}>\nContent-Type: text/plain; charset=us-ascii\n\n{subject}: see below.\n\n");
        }

        return text.ToString();
    }
}
