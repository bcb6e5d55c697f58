namespace RunRate.Web.Tests.Crm;

/// <summary>The CLI's <c>--json</c> of CRM records is the API's answer, byte for byte, on the same store.</summary>
public sealed class CrmCliParityTests(CrmWebStore web) : IClassFixture<CrmWebStore>
{
    [Theory]
    [InlineData("/api/contacts", new[] { "contacts", "--json" })]
    [InlineData("/api/contacts?account_id=C00001", new[] { "contacts", "--account", "C00001", "--json" })]
    [InlineData("/api/deals", new[] { "deals", "--json" })]
    [InlineData("/api/deals?stage=won&owner=alice", new[] { "deals", "--stage", "won", "--owner", "alice", "--json" })]
    [InlineData("/api/activities?account_id=C00001", new[] { "activities", "--account", "C00001", "--json" })]
    [InlineData("/api/targets", new[] { "targets", "--json" })]
    public async Task The_CLI_prints_what_the_API_answers(string url, string[] args)
    {
        var api = await web.Client.Get(url);
        var (exit, output) = web.Cli(args);

        exit.ShouldBe(0);
        CrmApi.Json(api).EnumerateObject().Single().Value.GetArrayLength().ShouldBeGreaterThan(0); // the fixture has records of every kind
        output.ShouldBe(api + "\n");
    }
}
