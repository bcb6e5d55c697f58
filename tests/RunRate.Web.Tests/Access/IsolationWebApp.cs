using RunRate.Web.Tests.Support;

namespace RunRate.Web.Tests.Access;

/// <summary>
/// <see cref="AccessWebApp"/> with the same kinds of records in both workspaces, written through the API by each
/// workspace's admin token: a customer, a line, a contact, a deal, an activity, a target, a scenario and account
/// domains. Every id and name of beta contains <see cref="BetaMark"/> (and of the default workspace "alpha"), so
/// a leak shows as text.
/// </summary>
public sealed class IsolationWebApp : AccessWebApp
{
    public const string BetaMark = "zqbeta";

    public IsolationWebApp()
    {
        using var alpha = WithToken(Tokens[Storage.Access.Role.Admin]);
        using var beta = WithToken(BetaAdminToken);
        Seed(alpha, "alpha").GetAwaiter().GetResult();
        Seed(beta, BetaMark).GetAwaiter().GetResult();
    }

    /// <summary>Valid bodies and ids of a workspace's records, by mark.</summary>
    public static Dictionary<string, string> Ids(string mark) => new(StringComparer.Ordinal)
    {
        ["customers"] = mark.ToUpperInvariant() + "-C1",
        ["accounts"] = mark.ToUpperInvariant() + "-C1",
        ["lines"] = mark.ToUpperInvariant() + "-L1",
        ["contacts"] = mark + "-ct",
        ["deals"] = mark + "-dl",
        ["activities"] = mark + "-ac",
        ["scenarios"] = mark + "-plan",
    };

    /// <summary>A valid body for a write on a resource's by-id endpoint (the same fields it was created with).</summary>
    public static string Body(string mark, string method, string pattern)
    {
        var c = mark.ToUpperInvariant() + "-C1";
        return pattern switch
        {
            _ when pattern.EndsWith("/domains", StringComparison.Ordinal) => $$"""{"domains":["{{mark}}.example"]}""",
            _ when pattern.EndsWith("/end", StringComparison.Ordinal) => """{"end_date":"2026-06-01"}""",
            _ when pattern.EndsWith("/stage", StringComparison.Ordinal) => """{"stage":"proposal"}""",
            _ when pattern.EndsWith("/{id}/lines", StringComparison.Ordinal) => $$"""{"lines":[{"customer_id":"{{c}}","kind":"subscription","product":"p","start_date":"2026-02-01","amount":10,"currency":"USD","interval_months":1}]}""",
            _ when pattern.StartsWith("/api/customers", StringComparison.Ordinal) => $$"""{"name":"{{mark}} Corp","owner":"{{mark}}-owner"}""",
            _ when pattern.StartsWith("/api/lines", StringComparison.Ordinal) => $$"""{"customer_id":"{{c}}","kind":"subscription","product":"{{mark}}-product","start_date":"2025-06-01","amount":100,"quantity":1,"currency":"USD","interval_months":1}""",
            _ when pattern.StartsWith("/api/contacts", StringComparison.Ordinal) => $$"""{"account_id":"{{c}}","name":"{{mark}} Person"}""",
            _ when pattern.StartsWith("/api/deals", StringComparison.Ordinal) => $$"""{"account_id":"{{c}}","title":"{{mark}} deal","arr":1000,"currency":"USD","kind":"new_business","expected_close":"2026-03-31","owner":"{{mark}}-owner","created":"2026-01-05"}""",
            _ when pattern.StartsWith("/api/activities", StringComparison.Ordinal) => $$"""{"kind":"call","at":"2026-01-10T10:30:00Z","subject":"{{mark}} call","account_id":"{{c}}"}""",
            _ when pattern.StartsWith("/api/scenarios", StringComparison.Ordinal) => """{"new_percent":20}""",
            _ => "{}",
        };
    }

    private static async Task Seed(HttpClient client, string mark)
    {
        var ids = Ids(mark);
        await Send(client, "POST", "/api/customers", Body(mark, "POST", "/api/customers").Replace("{", $$"""{"customer_id":"{{ids["customers"]}}",""", StringComparison.Ordinal));
        await Send(client, "POST", "/api/lines", Body(mark, "POST", "/api/lines").Replace("{", $$"""{"line_id":"{{ids["lines"]}}",""", StringComparison.Ordinal));
        await Send(client, "POST", "/api/contacts", Body(mark, "POST", "/api/contacts").Replace("{", $$"""{"contact_id":"{{ids["contacts"]}}",""", StringComparison.Ordinal));
        await Send(client, "POST", "/api/deals", Body(mark, "POST", "/api/deals").Replace("{", $$"""{"deal_id":"{{ids["deals"]}}",""", StringComparison.Ordinal));
        await Send(client, "POST", "/api/activities", Body(mark, "POST", "/api/activities").Replace("{", $$"""{"activity_id":"{{ids["activities"]}}",""", StringComparison.Ordinal));
        await Send(client, "PUT", "/api/targets", $$"""{"owner":"{{mark}}-owner","period":"2026-Q1","arr":5000,"currency":"USD"}""");
        await Send(client, "PUT", "/api/scenarios/" + ids["scenarios"], """{"new_percent":20}""");
        await Send(client, "PUT", $"/api/accounts/{ids["accounts"]}/domains", $$"""{"domains":["{{mark}}.example"]}""");
    }

    private static async Task Send(HttpClient client, string method, string path, string json)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), Http.Url(path)) { Content = Http.Json(json) };
        using var response = await client.SendAsync(request);
        ((int)response.StatusCode).ShouldBeInRange(200, 299, $"{method} {path}: {await response.Content.ReadAsStringAsync()}");
    }
}
