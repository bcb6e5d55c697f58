using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RunRate.Web.Infrastructure;
using RunRate.Web.Tests.Support;

namespace RunRate.Web.Tests.Reports;

/// <summary>The live model under concurrent API writes and reads: every write applied in place, no reload, exact figures.</summary>
public sealed class LiveModelConcurrencyTests(EmptyWebStore web) : IClassFixture<EmptyWebStore>
{
    private async Task<decimal> ArrAsync(string month)
    {
        using var summary = await web.Client.GetAsync(Http.Url($"/api/summary?month={month}"));
        return (await summary.JsonAsync()).GetProperty("summary").GetProperty("arr").GetDecimal();
    }

    private async Task<decimal> FilteredArrAsync(string month)
    {
        using var summary = await web.Client.GetAsync(Http.Url($"/api/summary?month={month}&segment=Live"));
        return (await summary.JsonAsync()).GetProperty("summary").GetProperty("arr").GetDecimal();
    }

    private async Task SendAsync(HttpMethod method, string url, string? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, Http.Url(url)) { Content = body is null ? null : Http.Json(body) };
        using var response = await web.Client.SendAsync(request);
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Concurrent_line_writes_and_reads_apply_in_place_without_a_reload()
    {
        await SendAsync(HttpMethod.Post, "/api/customers", """{"customer_id":"P1","segment":"Live"}""", HttpStatusCode.Created);
        (await ArrAsync("2025-09")).ShouldBeGreaterThanOrEqualTo(0m); // builds the model at the current revision
        var models = web.Services.GetRequiredService<WorkspaceStores>().Get(RunRate.Storage.Workspaces.Workspace.Default).Models;
        var builds = models.Builds;
        var before = await ArrAsync("2025-09");

        // Six writers and four readers at once: every write must reach the model in place (the write gate keeps the
        // revision steps to one, and a reader that sees the store ahead waits for the writes in flight).
        var writers = Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await SendAsync(HttpMethod.Post, "/api/lines", $$"""{"line_id":"P1-{{w}}-{{i}}","customer_id":"P1","kind":"subscription","start_date":"2025-06-01","amount":10,"currency":"USD","interval_months":1}""", HttpStatusCode.Created);
            }
        }));
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 15; i++)
            {
                await ArrAsync("2025-09");
            }
        }));
        await Task.WhenAll(writers.Concat(readers));

        (await ArrAsync("2025-09")).ShouldBe(before + (60 * 10m * 12));
        models.Builds.ShouldBe(builds);
        (await FilteredArrAsync("2025-09")).ShouldBe(before + (60 * 10m * 12)); // the snapshot path agrees
    }
}
