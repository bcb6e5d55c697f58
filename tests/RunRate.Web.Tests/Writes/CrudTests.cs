using System.Net;
using RunRate.Web.Tests.Support;

namespace RunRate.Web.Tests.Writes;

/// <summary>Single-row writes through the API change the reports exactly as the ledger says they should.</summary>
public sealed class CrudTests(EmptyWebStore web) : IClassFixture<EmptyWebStore>
{
    [Fact]
    public async Task A_customer_and_its_lines_round_trip_and_move_ARR_as_expected()
    {
        var client = web.Client;
        async Task<decimal> Arr(string month)
        {
            using var summary = await client.GetAsync(Http.Url($"/api/summary?month={month}&segment=CrudTest"));
            summary.EnsureSuccessStatusCode();
            return (await summary.JsonAsync()).GetProperty("summary").GetProperty("arr").GetDecimal();
        }

        using (var created = await client.PostAsync(Http.Url("/api/customers"), Http.Json("""{"customer_id":"K1","name":"Kappa","segment":"CrudTest","attributes":{"tier":"gold"}}""")))
        {
            created.StatusCode.ShouldBe(HttpStatusCode.Created);
            created.Headers.Location!.ToString().ShouldBe("/api/customers/K1");
            (await created.JsonAsync()).GetProperty("attributes").GetProperty("tier").GetString().ShouldBe("gold");
        }

        // 3 seats × 120 per quarter = 120 MRR = 1,440 ARR from March 2025.
        using (var line = await client.PostAsync(Http.Url("/api/lines"), Http.Json("""{"line_id":"K1-sub","customer_id":"K1","kind":"subscription","product":"Pro","start_date":"2025-03-01","amount":120,"quantity":3,"currency":"USD","interval_months":3}""")))
        {
            line.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        (await Arr("2025-02")).ShouldBe(0m);
        (await Arr("2025-03")).ShouldBe(1440m);

        // An add-on of 10 a month: 120 ARR more, and it shows as add-on ARR.
        using (var addon = await client.PostAsync(Http.Url("/api/lines"), Http.Json("""{"line_id":"K1-support","customer_id":"K1","kind":"addon","start_date":"2025-04-15","amount":10.00,"currency":"usd","interval_months":1}""")))
        {
            addon.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        (await Arr("2025-04")).ShouldBe(1560m);

        // A price change replaces the line: 4 seats → 1,920 + 120.
        using (var replaced = await client.PutAsync(Http.Url("/api/lines/K1-sub"), Http.Json("""{"customer_id":"K1","kind":"subscription","product":"Pro","start_date":"2025-03-01","amount":120,"quantity":4,"currency":"USD","interval_months":3}""")))
        {
            replaced.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await replaced.JsonAsync()).GetProperty("quantity").GetDecimal().ShouldBe(4m);
        }

        (await Arr("2025-04")).ShouldBe(2040m);

        // Cancelling the subscription at the start of June leaves the add-on.
        using (var ended = await client.PostAsync(Http.Url("/api/lines/K1-sub/end"), Http.Json("""{"end_date":"2025-06-01"}""")))
        {
            ended.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await ended.JsonAsync()).GetProperty("end_date").GetString().ShouldBe("2025-06-01");
        }

        (await Arr("2025-05")).ShouldBe(2040m);
        (await Arr("2025-06")).ShouldBe(120m);

        using (var customer = await client.GetAsync(Http.Url("/api/customers/K1?month=2025-06")))
        {
            var json = await customer.JsonAsync();
            json.GetProperty("lines").GetArrayLength().ShouldBe(2);
            json.GetProperty("movements").EnumerateArray().Select(m => m.GetProperty("type").GetString()).ShouldBe(["new", "expansion", "contraction"]); // the replaced line counts from its start
        }

        // The customer's segment moves it out of the filtered report.
        using (var moved = await client.PutAsync(Http.Url("/api/customers/K1"), Http.Json("""{"name":"Kappa","segment":"Elsewhere"}""")))
        {
            moved.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await Arr("2025-06")).ShouldBe(0m);

        // A customer with lines cannot go; without them it can.
        using (var refused = await client.DeleteAsync(Http.Url("/api/customers/K1")))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        }

        foreach (var id in new[] { "K1-sub", "K1-support" })
        {
            using var deleted = await client.DeleteAsync(Http.Url("/api/lines/" + id));
            deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        using (var gone = await client.DeleteAsync(Http.Url("/api/customers/K1")))
        {
            gone.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        using var missing = await client.GetAsync(Http.Url("/api/customers/K1"));
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_line_comes_back_exactly_as_written()
    {
        using (var customer = await web.Client.PostAsync(Http.Url("/api/customers"), Http.Json("""{"customer_id":"X1"}""")))
        {
            customer.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        using (var created = await web.Client.PostAsync(Http.Url("/api/lines"), Http.Json("""{"line_id":"X1-setup","customer_id":"X1","kind":"one_time","product":"Setup, \"premium\"","start_date":"2024-02-29","amount":1234.5600,"currency":"EUR"}""")))
        {
            created.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        using var line = await web.Client.GetAsync(Http.Url("/api/lines/X1-setup"));
        (await line.Content.ReadAsStringAsync()).ShouldBe("""{"line_id":"X1-setup","customer_id":"X1","kind":"one_time","product":"Setup, \"premium\"","start_date":"2024-02-29","end_date":null,"amount":1234.5600,"quantity":1,"currency":"EUR","interval_months":null}""");
        var export = await web.ExportAsync();
        export.ShouldContain("X1-setup,X1,one_time,\"Setup, \"\"premium\"\"\",2024-02-29,,1234.5600,1,EUR,\n");
    }
}
