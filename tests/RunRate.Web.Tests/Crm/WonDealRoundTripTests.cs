using System.Net;
using RunRate.Web.Tests.Support;

namespace RunRate.Web.Tests.Crm;

/// <summary>A deal moves through the pipeline, is won, and its lines bring exactly its ARR into the ledger's reports.</summary>
public sealed class WonDealRoundTripTests(WebStore web) : IClassFixture<WebStore>
{
    [Fact]
    public async Task Winning_a_deal_and_creating_its_lines_adds_exactly_its_ARR_as_new_business()
    {
        var client = web.Client;
        async Task<(decimal Arr, decimal NewMrr, decimal NewArr)> Figures()
        {
            var summary = CrmApi.Json(await client.Get("/api/summary?month=2026-01")).GetProperty("summary");
            var bridge = CrmApi.Json(await client.Get("/api/arr-bridge?from=2026-01&to=2026-01"));
            return (summary.GetProperty("arr").GetDecimal(), summary.GetProperty("new").GetDecimal(), bridge.GetProperty("new").GetDecimal());
        }

        var before = await Figures();
        await client.Post("/api/customers", """{"customer_id":"WONKA","name":"Wonka Industries","channel":"outbound","owner":"Dev"}""");
        await client.Post("/api/deals", """{"deal_id":"dl_wonka","account_id":"WONKA","title":"Wonka Platform","arr":15000.60,"currency":"USD","kind":"new_business","expected_close":"2026-02-28","owner":"Dev","channel":"outbound","created":"2025-11-03"}""");
        foreach (var (stage, on) in new[] { ("qualified", "2025-11-20"), ("proposal", "2025-12-10"), ("negotiation", "2026-01-05") })
        {
            CrmApi.Json(await client.Post("/api/deals/dl_wonka/stage", $$"""{"stage":"{{stage}}","on":"{{on}}"}""", HttpStatusCode.OK)).GetProperty("stage").GetString().ShouldBe(stage);
        }

        // Proposed lines exist only once the deal is won; the open deal moves nothing in the ledger.
        await client.Get("/api/deals/dl_wonka/proposed-lines", HttpStatusCode.UnprocessableEntity);
        (await Figures()).ShouldBe(before);

        var revision = await client.Revision();
        var same = await client.Post("/api/deals/dl_wonka/stage", """{"stage":"negotiation"}""", HttpStatusCode.OK);
        (await client.Revision()).ShouldBe(revision); // moving to the stage it is in writes nothing
        CrmApi.Json(same).GetProperty("history").GetArrayLength().ShouldBe(4);

        var won = CrmApi.Json(await client.Post("/api/deals/dl_wonka/stage", """{"stage":"won","on":"2026-01-12"}""", HttpStatusCode.OK));
        won.GetProperty("outcome").GetString().ShouldBe("won");
        won.GetProperty("closed_on").GetString().ShouldBe("2026-01-12");
        won.GetProperty("expected_close").GetString().ShouldBe("2026-01-12");
        won.GetProperty("weighted_arr").GetDecimal().ShouldBe(15000.60m);
        won.GetProperty("history").GetRawText().ShouldBe("""[{"stage":"lead","on":"2025-11-03"},{"stage":"qualified","on":"2025-11-20"},{"stage":"proposal","on":"2025-12-10"},{"stage":"negotiation","on":"2026-01-05"},{"stage":"won","on":"2026-01-12"}]""");
        (await Figures()).ShouldBe(before); // winning alone books nothing: lines do

        var proposed = await client.Get("/api/deals/dl_wonka/proposed-lines");
        proposed.ShouldBe("""{"lines":[{"line_id":"dl_wonka-1","customer_id":"WONKA","kind":"subscription","product":"Wonka Platform","start_date":"2026-01-12","end_date":null,"amount":15000.60,"quantity":1,"currency":"USD","interval_months":12}]}""");

        var created = await client.Post("/api/deals/dl_wonka/lines", proposed);
        created.ShouldBe(proposed);
        var after = await Figures();
        (after.Arr - before.Arr).ShouldBe(15000.60m);
        (after.NewMrr - before.NewMrr).ShouldBe(1250.05m);
        (after.NewArr - before.NewArr).ShouldBe(15000.60m);

        CrmApi.Json(await client.Get("/api/deals/dl_wonka")).GetProperty("line_ids").GetRawText().ShouldBe("""["dl_wonka-1"]""");
        var account = CrmApi.Json(await client.Get("/api/accounts/WONKA"));
        account.GetProperty("lines_from_deals").GetRawText().ShouldBe("""{"dl_wonka":["dl_wonka-1"]}""");
        account.GetProperty("arr").GetDecimal().ShouldBe(15000.60m);
        account.GetProperty("status").GetString().ShouldBe("active");

        // Creating the same lines again is refused whole, and the next proposal takes the next free id.
        revision = await client.Revision();
        var again = CrmApi.Json(await client.Post("/api/deals/dl_wonka/lines", proposed, HttpStatusCode.Conflict));
        again.GetProperty("errors").GetProperty("lines[0].line_id")[0].GetString().ShouldBe("a line with id 'dl_wonka-1' already exists; choose another id");
        (await client.Revision()).ShouldBe(revision);
        CrmApi.Json(await client.Get("/api/deals/dl_wonka/proposed-lines")).GetProperty("lines")[0].GetProperty("line_id").GetString().ShouldBe("dl_wonka-2");
        (await Figures()).ShouldBe(after);
    }
}
