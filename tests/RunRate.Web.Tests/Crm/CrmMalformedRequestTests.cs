using System.Text;
using RunRate.Web.Tests.Support;

namespace RunRate.Web.Tests.Crm;

/// <summary>
/// Bad CRM input of every kind is a 4xx problem details response naming the field at fault, never a 5xx,
/// and leaves the store exactly as it was: same revision, same ledger, same CRM records.
/// </summary>
public sealed class CrmMalformedRequestTests(CrmWebStore web) : IClassFixture<CrmWebStore>
{
    private const string Deal = "\"account_id\":\"C00001\",\"title\":\"T\",\"arr\":100,\"currency\":\"USD\",\"kind\":\"expansion\",\"expected_close\":\"2026-03-01\"";
    private const string Line = "\"line_id\":\"NEWL\",\"customer_id\":\"C00001\",\"kind\":\"subscription\",\"start_date\":\"2026-01-12\",\"amount\":1200,\"currency\":\"USD\",\"interval_months\":12";
    private const string Activity = "\"kind\":\"call\",\"subject\":\"S\",\"account_id\":\"C00001\"";
    private const string Stages = "{\"key\":\"lead\",\"name\":\"Lead\",\"probability\":0.1,\"outcome\":\"open\"},{\"key\":\"proposal\",\"name\":\"Proposal\",\"probability\":0.5,\"outcome\":\"open\"},{\"key\":\"won\",\"name\":\"Won\",\"probability\":1,\"outcome\":\"won\"},{\"key\":\"lost\",\"name\":\"Lost\",\"probability\":0,\"outcome\":\"lost\"}";

    private static readonly Dictionary<string, (int Status, string Field, Func<HttpRequestMessage> Request)> Requests = new()
    {
        ["contact: name is a number"] = (400, "name", () => Send("POST", "/api/contacts", """{"account_id":"C00001","name":5}""")),
        ["contact: unknown field"] = (400, "nickname", () => Send("POST", "/api/contacts", """{"account_id":"C00001","name":"N","nickname":"x"}""")),
        ["contact: missing name"] = (422, "name", () => Send("POST", "/api/contacts", """{"account_id":"C00001"}""")),
        ["contact: bad e-mail"] = (422, "email", () => Send("POST", "/api/contacts", """{"account_id":"C00001","name":"N","email":"n@c1"}""")),
        ["contact: unknown account"] = (422, "account_id", () => Send("POST", "/api/contacts", """{"account_id":"NOPE","name":"N"}""")),
        ["contact: e-mail of another contact"] = (409, "email", () => Send("POST", "/api/contacts", """{"account_id":"C00001","name":"N","email":"ANN@c1.com"}""")),
        ["contact: id already stored"] = (409, "contact_id", () => Send("POST", "/api/contacts", """{"contact_id":"ct_ann","account_id":"C00001","name":"N"}""")),
        ["contact: replace an unknown id"] = (404, "id", () => Send("PUT", "/api/contacts/ct_nope", """{"account_id":"C00001","name":"N"}""")),
        ["contact: body id differs from the path"] = (422, "contact_id", () => Send("PUT", "/api/contacts/ct_ann", """{"contact_id":"ct_x","account_id":"C00001","name":"N"}""")),
        ["contact: get an unknown id"] = (404, "id", () => Send("GET", "/api/contacts/ct_nope")),
        ["contact: delete an unknown id"] = (404, "id", () => Send("DELETE", "/api/contacts/ct_nope")),
        ["customer: delete one with CRM records"] = (409, "id", () => Send("DELETE", "/api/customers/CRMONLY")),
        ["account: unknown id"] = (404, "id", () => Send("GET", "/api/accounts/NOPE")),
        ["account: malformed currency"] = (400, "currency", () => Send("GET", "/api/accounts/C00001?currency=DOLLARS")),
        ["account: domains of an unknown account"] = (404, "id", () => Send("PUT", "/api/accounts/NOPE/domains", """{"domains":["nope.com"]}""")),
        ["account: domains is a string"] = (400, "domains", () => Send("PUT", "/api/accounts/C00001/domains", """{"domains":"c1.com"}""")),
        ["account: malformed domain"] = (422, "domains", () => Send("PUT", "/api/accounts/C00001/domains", """{"domains":["c1"]}""")),
        ["account: domains missing"] = (422, "domains", () => Send("PUT", "/api/accounts/C00001/domains", "{}")),
        ["account: domain of another account"] = (409, "domains", () => Send("PUT", "/api/accounts/C00002/domains", """{"domains":["c1.com"]}""")),
        ["deal: arr is text"] = (400, "arr", () => Send("POST", "/api/deals", "{" + Deal.Replace("\"arr\":100", "\"arr\":\"lots\"", StringComparison.Ordinal) + "}")),
        ["deal: stage is a number"] = (400, "stage", () => Send("POST", "/api/deals", "{" + Deal + ",\"stage\":3}")),
        ["deal: unknown field"] = (400, "amount", () => Send("POST", "/api/deals", "{" + Deal + ",\"amount\":3}")),
        ["deal: negative arr"] = (422, "arr", () => Send("POST", "/api/deals", "{" + Deal.Replace("\"arr\":100", "\"arr\":-100", StringComparison.Ordinal) + "}")),
        ["deal: unknown currency"] = (422, "currency", () => Send("POST", "/api/deals", "{" + Deal.Replace("USD", "USS", StringComparison.Ordinal) + "}")),
        ["deal: unknown stage"] = (422, "stage", () => Send("POST", "/api/deals", "{" + Deal + ",\"stage\":\"closing\"}")),
        ["deal: unknown kind"] = (422, "kind", () => Send("POST", "/api/deals", "{" + Deal.Replace("expansion", "upgrade", StringComparison.Ordinal) + "}")),
        ["deal: unknown account"] = (422, "account_id", () => Send("POST", "/api/deals", "{" + Deal.Replace("C00001", "NOPE", StringComparison.Ordinal) + "}")),
        ["deal: lost without a reason"] = (422, "lost_reason", () => Send("POST", "/api/deals", "{" + Deal + ",\"stage\":\"lost\"}")),
        ["deal: closes before it was created"] = (422, "expected_close", () => Send("POST", "/api/deals", "{" + Deal + ",\"created\":\"2026-04-01\"}")),
        ["deal: impossible date"] = (422, "expected_close", () => Send("POST", "/api/deals", "{" + Deal.Replace("2026-03-01", "2026-02-30", StringComparison.Ordinal) + "}")),
        ["deal: id already stored"] = (409, "deal_id", () => Send("POST", "/api/deals", "{\"deal_id\":\"dl_open\"," + Deal + "}")),
        ["deal: replace an unknown id"] = (404, "id", () => Send("PUT", "/api/deals/dl_nope", "{" + Deal + "}")),
        ["deal: replace into the lost stage without a reason"] = (422, "lost_reason", () => Send("PUT", "/api/deals/dl_open", "{" + Deal + ",\"stage\":\"lost\"}")),
        ["deal: get an unknown id"] = (404, "id", () => Send("GET", "/api/deals/dl_nope")),
        ["deal: list by an unknown stage"] = (400, "stage", () => Send("GET", "/api/deals?stage=closing")),
        ["deal: move an unknown deal"] = (404, "id", () => Send("POST", "/api/deals/dl_nope/stage", """{"stage":"won"}""")),
        ["deal: move to an unknown stage"] = (422, "stage", () => Send("POST", "/api/deals/dl_open/stage", """{"stage":"closing"}""")),
        ["deal: move without a stage"] = (422, "stage", () => Send("POST", "/api/deals/dl_open/stage", "{}")),
        ["deal: lose without a reason"] = (422, "lost_reason", () => Send("POST", "/api/deals/dl_open/stage", """{"stage":"lost"}""")),
        ["deal: move on a future day"] = (422, "on", () => Send("POST", "/api/deals/dl_open/stage", """{"stage":"won","on":"2026-01-16"}""")),
        ["deal: move before its last move"] = (422, "on", () => Send("POST", "/api/deals/dl_open/stage", """{"stage":"won","on":"2026-01-09"}""")),
        ["deal: move with a malformed day"] = (422, "on", () => Send("POST", "/api/deals/dl_open/stage", """{"stage":"won","on":"15/01/2026"}""")),
        ["deal: proposed lines of an open deal"] = (422, "stage", () => Send("GET", "/api/deals/dl_open/proposed-lines")),
        ["deal: proposed lines of an unknown deal"] = (404, "id", () => Send("GET", "/api/deals/dl_nope/proposed-lines")),
        ["deal: lines for a deal that is not won"] = (422, "stage", () => Send("POST", "/api/deals/dl_open/lines", "{\"lines\":[{" + Line + "}]}")),
        ["deal: lines for an unknown deal"] = (404, "id", () => Send("POST", "/api/deals/dl_nope/lines", "{\"lines\":[{" + Line + "}]}")),
        ["deal: a line for another customer"] = (422, "lines[0].customer_id", () => Send("POST", "/api/deals/dl_won/lines", "{\"lines\":[{" + Line.Replace("C00001", "C00002", StringComparison.Ordinal) + "}]}")),
        ["deal: a line that breaks the ledger's rules"] = (422, "lines[1].amount", () => Send("POST", "/api/deals/dl_won/lines", "{\"lines\":[{" + Line + "},{" + Line.Replace("NEWL", "NEWL2", StringComparison.Ordinal).Replace("1200", "-1", StringComparison.Ordinal) + "}]}")),
        ["deal: a line amount is text"] = (400, "lines[0].amount", () => Send("POST", "/api/deals/dl_won/lines", "{\"lines\":[{" + Line.Replace("1200", "\"1200\"", StringComparison.Ordinal) + "}]}")),
        ["deal: the same line twice"] = (422, "lines[1].line_id", () => Send("POST", "/api/deals/dl_won/lines", "{\"lines\":[{" + Line + "},{" + Line + "}]}")),
        ["deal: a line id already stored"] = (409, "lines[1].line_id", () => Send("POST", "/api/deals/dl_won/lines", "{\"lines\":[{" + Line + "},{" + Line.Replace("NEWL", "L000159", StringComparison.Ordinal) + "}]}")),
        ["deal: no lines"] = (422, "lines", () => Send("POST", "/api/deals/dl_won/lines", """{"lines":[]}""")),
        ["deal: lines missing"] = (422, "lines", () => Send("POST", "/api/deals/dl_won/lines", "{}")),
        ["deal: delete an unknown id"] = (404, "id", () => Send("DELETE", "/api/deals/dl_nope")),
        ["pipeline: a stage in use disappears"] = (409, "stages", () => Send("PUT", "/api/pipeline/stages", "{\"stages\":[" + Stages.Replace("\"proposal\"", "\"offer\"", StringComparison.Ordinal) + "]}")),
        ["pipeline: two won stages"] = (422, "stages", () => Send("PUT", "/api/pipeline/stages", "{\"stages\":[" + Stages.Replace("\"lost\"}", "\"won\"}", StringComparison.Ordinal) + "]}")),
        ["pipeline: unknown outcome"] = (422, "stages[0].outcome", () => Send("PUT", "/api/pipeline/stages", "{\"stages\":[" + Stages.Replace("\"open\"}", "\"maybe\"}", StringComparison.Ordinal) + "]}")),
        ["pipeline: probability is text"] = (400, "stages[1].probability", () => Send("PUT", "/api/pipeline/stages", "{\"stages\":[" + Stages.Replace("0.5", "\"half\"", StringComparison.Ordinal) + "]}")),
        ["pipeline: stages missing"] = (422, "stages", () => Send("PUT", "/api/pipeline/stages", "{}")),
        ["pipeline: currency without rates"] = (422, "currency", () => Send("GET", "/api/pipeline?currency=EUR")),
        ["pipeline: malformed currency"] = (400, "currency", () => Send("GET", "/api/pipeline?currency=E")),
        ["activity: unknown kind"] = (422, "kind", () => Send("POST", "/api/activities", "{" + Activity.Replace("call", "fax", StringComparison.Ordinal) + "}")),
        ["activity: a time without an offset"] = (422, "at", () => Send("POST", "/api/activities", "{" + Activity + ",\"at\":\"2026-01-10T09:00:00\"}")),
        ["activity: subject is a list"] = (400, "subject", () => Send("POST", "/api/activities", """{"kind":"call","subject":["S"],"account_id":"C00001"}""")),
        ["activity: missing subject"] = (422, "subject", () => Send("POST", "/api/activities", """{"kind":"call","account_id":"C00001"}""")),
        ["activity: unknown account"] = (422, "account_id", () => Send("POST", "/api/activities", "{" + Activity.Replace("C00001", "NOPE", StringComparison.Ordinal) + "}")),
        ["activity: a contact of another account"] = (422, "contact_id", () => Send("POST", "/api/activities", "{" + Activity + ",\"contact_id\":\"ct_pat\"}")),
        ["activity: unknown deal"] = (422, "deal_id", () => Send("POST", "/api/activities", "{" + Activity + ",\"deal_id\":\"dl_nope\"}")),
        ["activity: id already stored"] = (409, "activity_id", () => Send("POST", "/api/activities", "{\"activity_id\":\"ac_1\"," + Activity + "}")),
        ["activity: replace an unknown id"] = (404, "id", () => Send("PUT", "/api/activities/ac_nope", "{" + Activity + "}")),
        ["activity: delete an unknown id"] = (404, "id", () => Send("DELETE", "/api/activities/ac_nope")),
        ["activity: list an unknown kind"] = (400, "kind", () => Send("GET", "/api/activities?kind=fax")),
        ["activity: limit zero"] = (400, "limit", () => Send("GET", "/api/activities?limit=0")),
        ["target: malformed period"] = (422, "period", () => Send("PUT", "/api/targets", """{"owner":"Alice","period":"2026-Q5","arr":1,"currency":"USD"}""")),
        ["target: negative arr"] = (422, "arr", () => Send("PUT", "/api/targets", """{"owner":"Alice","period":"2026-Q2","arr":-1,"currency":"USD"}""")),
        ["target: unknown currency"] = (422, "currency", () => Send("PUT", "/api/targets", """{"owner":"Alice","period":"2026-Q2","arr":1,"currency":"ABC"}""")),
        ["target: missing owner"] = (422, "owner", () => Send("PUT", "/api/targets", """{"period":"2026-Q2","arr":1,"currency":"USD"}""")),
        ["target: arr is text"] = (400, "arr", () => Send("PUT", "/api/targets", """{"owner":"Alice","period":"2026-Q2","arr":"1","currency":"USD"}""")),
        ["target: delete without an owner"] = (400, "owner", () => Send("DELETE", "/api/targets?period=2026-Q1")),
        ["target: delete a malformed period"] = (400, "period", () => Send("DELETE", "/api/targets?owner=Alice&period=Q1")),
        ["target: delete one that does not exist"] = (404, "period", () => Send("DELETE", "/api/targets?owner=Alice&period=2026-Q2")),
    };

    public static TheoryData<string> Cases => [.. Requests.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_CRM_input_is_a_4xx_problem_naming_the_field_and_changes_nothing(string name)
    {
        var (status, field, build) = Requests[name];
        var before = await StateAsync();

        using var request = build();
        using var response = await web.Client.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        var problem = System.Text.Json.JsonDocument.Parse(body).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe(status);
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldContain(field, body);
        (await StateAsync()).ShouldBe(before);
    }

    [Fact]
    public void There_are_at_least_sixty_cases() => Requests.Count.ShouldBeGreaterThanOrEqualTo(60);

    /// <summary>The revision, the ledger and every CRM record as the API lists them.</summary>
    private async Task<string> StateAsync()
    {
        var state = new StringBuilder(await web.ExportAsync());
        foreach (var url in new[] { "/api/meta", "/api/contacts", "/api/deals", "/api/activities", "/api/targets", "/api/pipeline", "/api/accounts/C00001", "/api/accounts/C00002" })
        {
            state.Append(await web.Client.GetStringAsync(Http.Url(url)));
        }

        return state.ToString();
    }

    private static HttpRequestMessage Send(string method, string url, string? json = null) =>
        new(new HttpMethod(method), Http.Url(url)) { Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json") };
}
