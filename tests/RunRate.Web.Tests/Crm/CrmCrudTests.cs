using System.Net;
using RunRate.Web.Tests.Support;

namespace RunRate.Web.Tests.Crm;

/// <summary>Contacts, deals, activities, targets, the pipeline and accounts through the API, with the exact JSON they answer.</summary>
public sealed class CrmCrudTests(EmptyWebStore web) : IClassFixture<EmptyWebStore>
{
    private HttpClient Client => web.Client;

    [Fact]
    public async Task A_contact_is_created_listed_replaced_and_deleted()
    {
        await Client.Post("/api/customers", """{"customer_id":"ACME","name":"Acme Corp","owner":"Alice"}""");

        var created = await Client.Post("/api/contacts", """{"contact_id":"ct_jane","account_id":"ACME","name":" Jane Doe ","email":"Jane.Doe@ACME.com","role":"CFO"}""");
        created.ShouldBe("""{"contact_id":"ct_jane","account_id":"ACME","account_name":"Acme Corp","name":"Jane Doe","email":"jane.doe@acme.com","phone":null,"role":"CFO"}""");
        var generated = CrmApi.Json(await Client.Post("/api/contacts", """{"account_id":"ACME","name":"Bob Stone"}""")).GetProperty("contact_id").GetString()!;
        generated.ShouldMatch("^ct_[a-z2-9]{10}$");

        (await Client.Get("/api/contacts?account_id=ACME")).ShouldBe(
            "{\"contacts\":[{\"contact_id\":\"" + generated + "\",\"account_id\":\"ACME\",\"account_name\":\"Acme Corp\",\"name\":\"Bob Stone\",\"email\":null,\"phone\":null,\"role\":null}," +
            """{"contact_id":"ct_jane","account_id":"ACME","account_name":"Acme Corp","name":"Jane Doe","email":"jane.doe@acme.com","phone":null,"role":"CFO"}]}""");
        CrmApi.Json(await Client.Get("/api/contacts?q=cfo")).GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("contact_id").GetString()).ShouldBe(["ct_jane"]);

        (await Client.Put("/api/contacts/ct_jane", """{"account_id":"ACME","name":"Jane Doe","email":"jane@acme.com","phone":"+1 555 0100","role":"CFO"}"""))
            .ShouldBe("""{"contact_id":"ct_jane","account_id":"ACME","account_name":"Acme Corp","name":"Jane Doe","email":"jane@acme.com","phone":"+1 555 0100","role":"CFO"}""");
        (await Client.Get("/api/contacts/ct_jane")).ShouldContain("\"phone\":\"+1 555 0100\"");

        var duplicate = CrmApi.Json(await Client.Post("/api/contacts", """{"account_id":"ACME","name":"Impostor","email":"JANE@acme.com"}""", HttpStatusCode.Conflict));
        duplicate.GetProperty("errors").GetProperty("email")[0].GetString().ShouldBe("another contact already has the e-mail address 'jane@acme.com'");

        await Client.Delete("/api/contacts/ct_jane");
        await Client.Get("/api/contacts/ct_jane", HttpStatusCode.NotFound);
        await Client.Delete("/api/contacts/" + generated);
        await Client.Delete("/api/customers/ACME");
    }

    [Fact]
    public async Task A_deal_and_its_activities_come_back_exactly_as_written()
    {
        await Client.Post("/api/customers", """{"customer_id":"GLOBEX","name":"Globex","owner":"Ben"}""");
        await Client.Post("/api/contacts", """{"contact_id":"ct_hank","account_id":"GLOBEX","name":"Hank Scorpio"}""");

        var deal = await Client.Post("/api/deals", """{"deal_id":"dl_globex","account_id":"GLOBEX","title":"Globex platform","arr":24000.50,"currency":"eur","kind":"new_business","expected_close":"2026-03-31","owner":"Ben","channel":"outbound","created":"2026-01-02"}""");
        const string Expected = """{"deal_id":"dl_globex","account_id":"GLOBEX","account_name":"Globex","title":"Globex platform","stage":"lead","stage_name":"Lead","probability":0.10,"outcome":"open","arr":24000.50,"currency":"EUR","weighted_arr":2400.05,"kind":"new_business","expected_close":"2026-03-31","owner":"Ben","channel":"outbound","lost_reason":null,"created":"2026-01-02","closed_on":null,"history":[{"stage":"lead","on":"2026-01-02"}],"line_ids":[]}""";
        deal.ShouldBe(Expected);
        (await Client.Get("/api/deals/dl_globex")).ShouldBe(Expected);
        (await Client.Get("/api/deals?owner=ben")).ShouldBe("{\"deals\":[" + Expected + "]}");
        (await Client.Get("/api/deals?stage=won")).ShouldBe("""{"deals":[]}""");

        var call = await Client.Post("/api/activities", """{"activity_id":"ac_call","kind":"call","at":"2026-01-10T10:30:00+01:00","subject":"Discovery call","body":"Budget approved.","account_id":"GLOBEX","contact_id":"ct_hank","deal_id":"dl_globex"}""");
        call.ShouldBe("""{"activity_id":"ac_call","kind":"call","at":"2026-01-10T09:30:00Z","subject":"Discovery call","body":"Budget approved.","account_id":"GLOBEX","account_name":"Globex","contact_id":"ct_hank","deal_id":"dl_globex","source":"manual","external_id":null}""");
        var note = CrmApi.Json(await Client.Post("/api/activities", """{"kind":"note","subject":"Sent the proposal","account_id":"GLOBEX"}"""));
        note.GetProperty("at").GetString().ShouldBe("2026-01-15T12:00:00Z"); // now, on the fixed clock
        var noteId = note.GetProperty("activity_id").GetString()!;
        noteId.ShouldMatch("^ac_[a-z2-9]{10}$");

        CrmApi.Json(await Client.Get("/api/activities?account_id=GLOBEX")).GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("activity_id").GetString()).ShouldBe([noteId, "ac_call"]);
        CrmApi.Json(await Client.Get("/api/activities?kind=call&limit=5")).GetProperty("activities").GetArrayLength().ShouldBe(1);
        CrmApi.Json(await Client.Get("/api/activities?deal_id=dl_globex")).GetProperty("activities")[0].GetProperty("activity_id").GetString().ShouldBe("ac_call");

        (await Client.Put("/api/activities/ac_call", """{"kind":"meeting","subject":"Discovery meeting","account_id":"GLOBEX","deal_id":"dl_globex"}"""))
            .ShouldBe("""{"activity_id":"ac_call","kind":"meeting","at":"2026-01-10T09:30:00Z","subject":"Discovery meeting","body":null,"account_id":"GLOBEX","account_name":"Globex","contact_id":null,"deal_id":"dl_globex","source":"manual","external_id":null}""");

        var refused = CrmApi.Json(await Client.Send(HttpMethod.Delete, "/api/customers/GLOBEX", null, HttpStatusCode.Conflict));
        refused.GetProperty("errors").GetProperty("id")[0].GetString().ShouldBe("customer 'GLOBEX' still has contacts, deals or activities; delete them first");

        await Client.Delete("/api/activities/ac_call");
        await Client.Delete("/api/activities/" + noteId);
        await Client.Delete("/api/activities/ac_call", HttpStatusCode.NotFound);
        await Client.Delete("/api/deals/dl_globex");
        await Client.Get("/api/deals/dl_globex", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Targets_are_set_replaced_listed_and_deleted()
    {
        (await Client.Put("/api/targets", """{"owner":"Alice","period":"2026-q1","arr":100000,"currency":"usd"}""")).ShouldBe("""{"owner":"Alice","period":"2026-Q1","arr":100000,"currency":"USD"}""");
        await Client.Put("/api/targets", """{"owner":"Alice","period":"2026-Q1","arr":120000.00,"currency":"USD"}""");
        await Client.Put("/api/targets", """{"owner":"Alice","period":"2026-02","arr":30000,"currency":"EUR"}""");

        (await Client.Get("/api/targets")).ShouldBe("""{"targets":[{"owner":"Alice","period":"2026-Q1","arr":120000.00,"currency":"USD"},{"owner":"Alice","period":"2026-02","arr":30000,"currency":"EUR"}]}""");
        await Client.Delete("/api/targets?owner=Alice&period=2026-Q1");
        await Client.Delete("/api/targets?owner=Alice&period=2026-Q1", HttpStatusCode.NotFound);
        await Client.Delete("/api/targets?owner=Alice&period=2026-02");
        (await Client.Get("/api/targets")).ShouldBe("""{"targets":[]}""");
    }

    [Fact]
    public async Task The_board_sums_each_stage_in_the_reporting_currency_and_its_stages_can_be_edited()
    {
        await Client.Post("/api/customers", """{"customer_id":"INITECH","name":"Initech"}""");
        await Client.Post("/api/deals", """{"deal_id":"dl_i1","account_id":"INITECH","title":"Seats","stage":"proposal","arr":1000.01,"currency":"USD","kind":"expansion","expected_close":"2026-02-01","created":"2026-01-05"}""");
        await Client.Post("/api/deals", """{"deal_id":"dl_i2","account_id":"INITECH","title":"Support","stage":"proposal","arr":333.33,"currency":"USD","kind":"cross_sell","expected_close":"2026-02-15","created":"2026-01-05"}""");

        var board = CrmApi.Json(await Client.Get("/api/pipeline"));
        board.GetProperty("currency").GetString().ShouldBe("USD");
        var proposal = board.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "proposal");
        proposal.GetRawText().ShouldBe("""{"key":"proposal","name":"Proposal","probability":0.50,"outcome":"open","deals":2,"arr":1333.34,"weighted_arr":666.67}""");
        board.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("key").GetString()).ShouldBe(["lead", "qualified", "proposal", "negotiation", "won", "lost"]);
        board.GetProperty("deals").EnumerateArray().Select(d => d.GetProperty("deal_id").GetString()).ShouldBe(["dl_i1", "dl_i2"]);
        (await Client.Get("/api/pipeline?currency=EUR", HttpStatusCode.UnprocessableEntity)).ShouldContain("no exchange rate from USD to EUR on or before 2026-01-15");

        await Client.Post("/api/deals", """{"deal_id":"dl_i3","account_id":"INITECH","title":"Upgrade","stage":"proposal","arr":200,"currency":"USD","kind":"expansion","expected_close":"2026-02-15","created":"2026-01-05","owner":"Bo"}""");
        var bo = CrmApi.Json(await Client.Get("/api/pipeline?owner=Bo"));
        bo.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "proposal").GetRawText()
            .ShouldBe("""{"key":"proposal","name":"Proposal","probability":0.50,"outcome":"open","deals":1,"arr":200,"weighted_arr":100.00}""");
        bo.GetProperty("deals").EnumerateArray().Select(d => d.GetProperty("deal_id").GetString()).ShouldBe(["dl_i3"]);
        await Client.Delete("/api/deals/dl_i3");

        const string Stages = """{"stages":[{"key":"lead","name":"New lead","probability":0.05,"outcome":"open"},{"key":"proposal","name":"Proposal","probability":0.6,"outcome":"open"},{"key":"won","name":"Won","probability":1,"outcome":"won"},{"key":"lost","name":"Lost","probability":0,"outcome":"lost"}]}""";
        (await Client.Put("/api/pipeline/stages", Stages)).ShouldBe(Stages);
        CrmApi.Json(await Client.Get("/api/deals/dl_i1")).GetProperty("weighted_arr").GetDecimal().ShouldBe(600.01m);

        var revision = await Client.Revision();
        var inUse = CrmApi.Json(await Client.Put("/api/pipeline/stages", Stages.Replace("\"proposal\"", "\"offer\"", StringComparison.Ordinal), HttpStatusCode.Conflict));
        inUse.GetProperty("errors").GetProperty("stages")[0].GetString().ShouldBe("deals use stage(s) proposal that this pipeline drops; keep them, or move or delete those deals first");
        (await Client.Revision()).ShouldBe(revision);

        await Client.Delete("/api/deals/dl_i1");
        await Client.Delete("/api/deals/dl_i2");
        await Client.Put("/api/pipeline/stages", """{"stages":[{"key":"lead","name":"Lead","probability":0.10,"outcome":"open"},{"key":"qualified","name":"Qualified","probability":0.25,"outcome":"open"},{"key":"proposal","name":"Proposal","probability":0.50,"outcome":"open"},{"key":"negotiation","name":"Negotiation","probability":0.75,"outcome":"open"},{"key":"won","name":"Won","probability":1,"outcome":"won"},{"key":"lost","name":"Lost","probability":0,"outcome":"lost"}]}""");
    }

    [Fact]
    public async Task An_account_gathers_its_standing_domains_contacts_deals_and_activities()
    {
        await Client.Post("/api/customers", """{"customer_id":"UMBRELLA","name":"Umbrella","segment":"Enterprise","channel":"partner","country":"GB","owner":"Chloé","attributes":{"industry":"Pharma"}}""");
        await Client.Post("/api/lines", """{"line_id":"U-1","customer_id":"UMBRELLA","kind":"subscription","start_date":"2025-06-01","amount":1200,"currency":"USD","interval_months":12}""");
        (await Client.Put("/api/accounts/UMBRELLA/domains", """{"domains":["Umbrella.co.uk","@umbrella.com","umbrella.com"]}""")).ShouldBe("""{"customer_id":"UMBRELLA","domains":["umbrella.co.uk","umbrella.com"]}""");
        await Client.Post("/api/contacts", """{"contact_id":"ct_alice","account_id":"UMBRELLA","name":"Alice Wesker","email":"alice@umbrella.com"}""");
        await Client.Post("/api/deals", """{"deal_id":"dl_u","account_id":"UMBRELLA","title":"Umbrella support","arr":600,"currency":"USD","kind":"cross_sell","expected_close":"2026-02-01","created":"2026-01-03"}""");
        await Client.Post("/api/activities", """{"activity_id":"ac_u","kind":"meeting","at":"2026-01-12T15:00:00Z","subject":"QBR","account_id":"UMBRELLA","deal_id":"dl_u"}""");

        var account = CrmApi.Json(await Client.Get("/api/accounts/UMBRELLA"));
        account.GetProperty("account").GetRawText().ShouldBe("""{"customer_id":"UMBRELLA","name":"Umbrella","segment":"Enterprise","channel":"partner","country":"GB","owner":"Chloé","attributes":{"industry":"Pharma"},"domains":["umbrella.co.uk","umbrella.com"]}""");
        account.GetProperty("status").GetString().ShouldBe("active");
        account.GetProperty("mrr").GetDecimal().ShouldBe(100m);
        account.GetProperty("arr").GetDecimal().ShouldBe(1200m);
        account.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("contact_id").GetString()).ShouldBe(["ct_alice"]);
        account.GetProperty("deals").EnumerateArray().Select(d => d.GetProperty("deal_id").GetString()).ShouldBe(["dl_u"]);
        account.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("activity_id").GetString()).ShouldBe(["ac_u"]);
        account.GetProperty("lines_from_deals").GetRawText().ShouldBe("{}");

        await Client.Post("/api/customers", """{"customer_id":"OTHER"}""");
        var taken = CrmApi.Json(await Client.Put("/api/accounts/OTHER/domains", """{"domains":["umbrella.com"]}""", HttpStatusCode.Conflict));
        taken.GetProperty("errors").GetProperty("domains")[0].GetString().ShouldBe("'umbrella.com' already identifies account 'UMBRELLA'; mail from it could not tell the two apart");
        (await Client.Put("/api/accounts/UMBRELLA/domains", """{"domains":[]}""")).ShouldBe("""{"customer_id":"UMBRELLA","domains":[]}""");
        await Client.Put("/api/accounts/OTHER/domains", """{"domains":["umbrella.com"]}""");
    }
}
