using System.Net;
using System.Text.Json;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Storage;
using Microsoft.Extensions.DependencyInjection;
using RunRate.Web.Infrastructure;
using RunRate.Web.Tests.Support;

namespace RunRate.Web.Tests.Reports;

/// <summary>
/// Unfiltered monthly reports come from the workspace's live in-memory model, filtered ones from the snapshot.
/// Whatever changes the ledger (the lines API updating the model in place, or a write the server did not make),
/// both paths must answer the same figures.
/// </summary>
public sealed class LiveModelTests(EmptyWebStore web) : IClassFixture<EmptyWebStore>
{
    // Every customer of this store is in segment "Live", so ?segment=Live selects everything through the snapshot path.
    private async Task<string> Months(string query)
    {
        using var response = await web.Client.GetAsync(Http.Url($"/api/mrr?from=2025-01&to=2026-01{query}"));
        response.EnsureSuccessStatusCode();
        return (await response.JsonAsync()).GetProperty("months").GetRawText();
    }

    private async Task ShouldAgreeAsync()
    {
        (await Months("")).ShouldBe(await Months("&segment=Live"));
        foreach (var url in new[] { "/api/summary?month=2025-09", "/api/cohorts?from=2025-01&to=2026-01", "/api/arr-bridge?from=2025-01&to=2025-12" })
        {
            using var all = await web.Client.GetAsync(Http.Url(url));
            using var filtered = await web.Client.GetAsync(Http.Url(url + "&segment=Live"));
            var a = await all.JsonAsync();
            var f = await filtered.JsonAsync();
            Strip(a).ShouldBe(Strip(f), url);
        }
    }

    private static string Strip(JsonElement json) =>
        string.Join(",", json.EnumerateObject().Where(p => p.Name != "filter" && p.Name != "filters").Select(p => p.Value.GetRawText()));

    private async Task<decimal> ArrAsync(string month)
    {
        using var summary = await web.Client.GetAsync(Http.Url($"/api/summary?month={month}"));
        return (await summary.JsonAsync()).GetProperty("summary").GetProperty("arr").GetDecimal();
    }

    private async Task SendAsync(HttpMethod method, string url, string? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, Http.Url(url)) { Content = body is null ? null : Http.Json(body) };
        using var response = await web.Client.SendAsync(request);
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Line_writes_through_the_api_and_behind_its_back_show_in_the_unfiltered_reports_exactly()
    {
        await SendAsync(HttpMethod.Post, "/api/customers", """{"customer_id":"V1","segment":"Live"}""", HttpStatusCode.Created);
        await SendAsync(HttpMethod.Post, "/api/customers", """{"customer_id":"V2","segment":"Live"}""", HttpStatusCode.Created);
        await SendAsync(HttpMethod.Post, "/api/lines", """{"line_id":"V1-a","customer_id":"V1","kind":"subscription","start_date":"2025-02-01","amount":1200,"currency":"USD","interval_months":12}""", HttpStatusCode.Created);
        (await ArrAsync("2025-09")).ShouldBe(1200m); // builds the model
        await ShouldAgreeAsync();
        var models = web.Services.GetRequiredService<WorkspaceStores>().Get(RunRate.Storage.Workspaces.Workspace.Default).Models;
        var builds = models.Builds;

        // Each of these updates the model in place.
        await SendAsync(HttpMethod.Post, "/api/lines", """{"line_id":"V2-a","customer_id":"V2","kind":"subscription","start_date":"2025-03-10","amount":49.99,"quantity":3,"currency":"USD","interval_months":1}""", HttpStatusCode.Created);
        (await ArrAsync("2025-09")).ShouldBe(1200m + (49.99m * 3 * 12));
        await SendAsync(HttpMethod.Post, "/api/lines", """{"line_id":"V2-support","customer_id":"V2","kind":"addon","start_date":"2025-05-01","amount":7,"currency":"USD","interval_months":1}""", HttpStatusCode.Created);
        await SendAsync(HttpMethod.Put, "/api/lines/V2-a", """{"customer_id":"V2","kind":"subscription","start_date":"2025-03-10","amount":49.99,"quantity":5,"currency":"USD","interval_months":1}""", HttpStatusCode.OK);
        await SendAsync(HttpMethod.Post, "/api/lines/V1-a/end", """{"end_date":"2025-08-01"}""", HttpStatusCode.OK);
        (await ArrAsync("2025-09")).ShouldBe((49.99m * 5 * 12) + 84m);
        await ShouldAgreeAsync();
        await SendAsync(HttpMethod.Delete, "/api/lines/V2-support", null, HttpStatusCode.NoContent);
        await SendAsync(HttpMethod.Post, "/api/lines", """{"line_id":"V1-win-back","customer_id":"V1","kind":"subscription","product":"Win-back","start_date":"2025-11-20","amount":300,"currency":"USD","interval_months":3}""", HttpStatusCode.Created);
        await ShouldAgreeAsync();
        using (var meta = await web.Client.GetAsync(Http.Url("/api/meta")))
        {
            var json = await meta.JsonAsync();
            json.GetProperty("products").EnumerateArray().Select(p => p.GetString()).ShouldContain("Win-back");
            json.GetProperty("last_month").GetString().ShouldBe("2025-11");
        }

        models.Builds.ShouldBe(builds); // six writes and the meta request, no reload
        models.Applied.ShouldBeGreaterThanOrEqualTo(6);

        // A write the server did not make (another process, e.g. the CLI): the revision moved, the model is rebuilt.
        using (var store = web.OpenStore())
        {
            store.SaveLine(
                new RevenueLine(new LineId("V2-b"), new CustomerId("V2"), LineKind.Subscription, null, new DateOnly(2025, 9, 1), null, 10m, 1m, CurrencyCode.Usd, 1),
                WriteMode.Create).ShouldBe(WriteOutcome.Done);
        }

        (await ArrAsync("2025-09")).ShouldBe((49.99m * 5 * 12) + 120m);
        await ShouldAgreeAsync();
        models.Builds.ShouldBe(builds + 1);
    }
}
