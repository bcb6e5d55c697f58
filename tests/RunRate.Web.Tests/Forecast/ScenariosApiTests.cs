using System.Net;
using RunRate.Web.Tests.Crm;
using RunRate.Web.Tests.Support;

namespace RunRate.Web.Tests.Forecast;

/// <summary><c>/api/scenarios</c>: saved, replaced, read and deleted; bad input named and nothing written; the CLI sees the same records.</summary>
public sealed class ScenariosApiTests(EmptyWebStore store) : IClassFixture<EmptyWebStore>
{
    [Fact]
    public async Task A_scenario_is_created_replaced_read_listed_and_deleted()
    {
        var created = await store.Client.Put("/api/scenarios/bull", """{"new_percent":20,"expansion_percent":10}""", HttpStatusCode.Created);
        created.ShouldBe("""{"name":"bull","churn_points":null,"new_percent":20,"expansion_percent":10,"price_percent":null,"price_from":null,"pipeline_percent":null}""");

        var replaced = await store.Client.Put("/api/scenarios/BULL", """{"new_percent":25,"price_percent":5,"price_from":"2026-07"}""");
        CrmApi.Json(replaced).GetProperty("price_from").GetString().ShouldBe("2026-07");
        var one = CrmApi.Json(await store.Client.Get("/api/scenarios/Bull"));
        one.GetProperty("new_percent").GetDecimal().ShouldBe(25m);
        one.GetProperty("expansion_percent").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null); // a replace is whole, not a patch

        var list = await store.Client.Get("/api/scenarios");
        CrmApi.Json(list).GetProperty("scenarios").GetArrayLength().ShouldBe(1);
        var (exit, cli) = store.Cli("scenario", "list", "--json");
        exit.ShouldBe(0);
        cli.ShouldBe(list + "\n");

        await store.Client.Delete("/api/scenarios/bull");
        await store.Client.Delete("/api/scenarios/bull", HttpStatusCode.NotFound);
        await store.Client.Get("/api/scenarios/bull", HttpStatusCode.NotFound);
        (await store.Client.Get("/api/scenarios")).ShouldBe("""{"scenarios":[]}""");
    }

    [Fact]
    public async Task A_scenario_saved_by_the_cli_is_served_by_the_api()
    {
        store.Cli("scenario", "save", "from cli", "--pipeline-percent", "50").Exit.ShouldBe(0);

        CrmApi.Json(await store.Client.Get("/api/scenarios/from%20cli")).GetProperty("pipeline_percent").GetDecimal().ShouldBe(50m);
        await store.Client.Delete("/api/scenarios/FROM%20CLI");
    }

    [Theory]
    [InlineData("ok", """{"churn_points":"1"}""", HttpStatusCode.BadRequest, "churn_points")]
    [InlineData("ok", """{"churn":1}""", HttpStatusCode.BadRequest, "churn")]
    [InlineData("ok", """{"new_percent":-150}""", HttpStatusCode.UnprocessableEntity, "new_percent")]
    [InlineData("ok", """{"churn_points":101}""", HttpStatusCode.UnprocessableEntity, "churn_points")]
    [InlineData("ok", """{"price_percent":5,"price_from":"2026-13"}""", HttpStatusCode.UnprocessableEntity, "price_from")]
    [InlineData("ok", """{"price_from":"2026-07"}""", HttpStatusCode.UnprocessableEntity, "price_from")]
    [InlineData("base", """{"churn_points":1}""", HttpStatusCode.UnprocessableEntity, "name")]
    [InlineData("%20", """{"churn_points":1}""", HttpStatusCode.UnprocessableEntity, "name")]
    [InlineData("ok", "[1]", HttpStatusCode.BadRequest, "body")]
    public async Task Bad_input_is_problem_details_naming_the_field_and_nothing_is_written(string name, string json, HttpStatusCode status, string field)
    {
        var revision = await store.Client.Revision();
        var before = await store.Client.Get("/api/scenarios");

        using var response = await store.Client.PutAsync(Http.Url("/api/scenarios/" + name), Http.Json(json));

        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(await response.Content.ReadAsStringAsync());
        (await store.Client.Get("/api/scenarios")).ShouldBe(before);
        (await store.Client.Revision()).ShouldBe(revision);
    }

    [Fact]
    public async Task Saving_a_scenario_moves_the_revision_so_open_dashboards_refresh()
    {
        var revision = await store.Client.Revision();

        await store.Client.Put("/api/scenarios/rev", """{"churn_points":0.5}""", HttpStatusCode.Created);

        (await store.Client.Revision()).ShouldBeGreaterThan(revision);
        await store.Client.Delete("/api/scenarios/rev");
    }
}
