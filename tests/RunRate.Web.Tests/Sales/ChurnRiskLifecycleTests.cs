using System.Text.Json;
using RunRate.Web.Tests.Support;

namespace RunRate.Web.Tests.Sales;

/// <summary>The bar: a customer moves into and out of churn risk as its data changes through the API.</summary>
public sealed class ChurnRiskLifecycleTests : IDisposable
{
    private readonly EmptyWebStore _store = new();

    [Fact]
    public async Task A_customer_moves_into_churn_risk_when_its_line_is_set_to_end_and_out_when_the_end_is_removed()
    {
        var client = _store.Client;
        (await client.PostAsync(Http.Url("/api/customers"), Http.Json("""{"customer_id":"C1","name":"Acme"}"""))).EnsureSuccessStatusCode();
        const string line = """{"line_id":"L1","customer_id":"C1","kind":"subscription","product":"Pro","start_date":"2025-01-01","end_date":null,"amount":250,"quantity":2,"currency":"USD","interval_months":1}""";
        (await client.PostAsync(Http.Url("/api/lines"), Http.Json(line))).EnsureSuccessStatusCode();
        (await ChurnRisk()).ShouldBeEmpty();

        (await client.PostAsync(Http.Url("/api/lines/L1/end"), Http.Json("""{"end_date":"2026-02-01"}"""))).EnsureSuccessStatusCode();
        var risk = (await ChurnRisk()).ShouldHaveSingleItem();
        risk.GetProperty("customer_id").GetString().ShouldBe("C1");
        risk.GetProperty("score").GetInt32().ShouldBe(40);
        risk.GetProperty("arr").GetDecimal().ShouldBe(6000m);
        var reason = risk.GetProperty("reasons").EnumerateArray().ShouldHaveSingleItem();
        reason.GetProperty("code").GetString().ShouldBe("line_ending");
        reason.GetProperty("text").GetString().ShouldBe("Pro (line L1) ends from 2026-02-01, in 17 days, with no renewal line (6,000.00 USD ARR)");

        (await client.PutAsync(Http.Url("/api/lines/L1"), Http.Json(line))).EnsureSuccessStatusCode();
        (await ChurnRisk()).ShouldBeEmpty();
    }

    public void Dispose() => _store.Dispose();

    private async Task<List<JsonElement>> ChurnRisk()
    {
        using var response = await _store.Client.GetAsync(Http.Url("/api/signals?kind=churn_risk"));
        response.EnsureSuccessStatusCode();
        return [.. (await response.JsonAsync()).GetProperty("signals").EnumerateArray()];
    }
}
