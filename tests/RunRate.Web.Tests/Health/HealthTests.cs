using System.Net;
using System.Text.Json;
using Npgsql;
using RunRate.Testing;
using RunRate.Web.Tests.Support;

namespace RunRate.Web.Tests.Health;

/// <summary>A web app that requires sign-in (the default outside demo mode).</summary>
public sealed class SignInWebStore() : WebStore("random-medium", new Dictionary<string, string> { ["RunRate:Open"] = "false" });

/// <summary><c>/health/live</c> and <c>/health/ready</c>: anonymous, outside /api, in the OpenAPI document.</summary>
public sealed class HealthTests(SignInWebStore web) : IClassFixture<SignInWebStore>
{
    [Fact]
    public async Task Live_and_ready_answer_200_without_sign_in_while_the_api_needs_it()
    {
        using var api = await web.Client.GetAsync(Http.Url("/api/summary"));
        api.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var live = await web.Client.GetAsync(Http.Url("/health/live"));
        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        Parse(await live.Content.ReadAsStringAsync()).GetProperty("status").GetString().ShouldBe("live");

        using var ready = await web.Client.GetAsync(Http.Url("/health/ready"));
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = Parse(await ready.Content.ReadAsStringAsync());
        body.GetProperty("status").GetString().ShouldBe("ready");
        body.GetProperty("checks").EnumerateArray().Select(c => (c.GetProperty("name").GetString(), c.GetProperty("status").GetString()))
            .ShouldBe([("store", "ok"), ("schema", "ok")]);
    }

    [Fact]
    public async Task Ready_answers_503_naming_the_store_check_while_the_store_is_gone_and_200_once_it_is_back()
    {
        // SQLite: the file moved away; PostgreSQL: the workspace's schema renamed. Either way the store cannot be found.
        Hide(web.Db, hide: true);
        try
        {
            using var ready = await web.Client.GetAsync(Http.Url("/health/ready"));
            ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            var body = Parse(await ready.Content.ReadAsStringAsync());
            body.GetProperty("status").GetString().ShouldBe("not_ready");
            body.GetProperty("failing").GetString().ShouldBe("store");
            body.GetProperty("checks")[0].GetProperty("detail").GetString()!.ShouldContain("no store at");
        }
        finally
        {
            Hide(web.Db, hide: false);
        }

        using var again = await web.Client.GetAsync(Http.Url("/health/ready"));
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static void Hide(string location, bool hide)
    {
        if (!TestStores.OnPostgres)
        {
            File.Move(hide ? location : location + ".away", hide ? location + ".away" : location);
            return;
        }

        using var connection = new NpgsqlConnection(location);
        connection.Open();
        using var rename = new NpgsqlCommand(hide ? "ALTER SCHEMA ws_default RENAME TO ws_default_away" : "ALTER SCHEMA ws_default_away RENAME TO ws_default", connection);
        rename.ExecuteNonQuery();
    }

    [Fact]
    public async Task The_health_endpoints_are_in_the_openapi_document()
    {
        var paths = Parse(await web.Client.GetStringAsync(Http.Url("/openapi/v1.json"))).GetProperty("paths");
        paths.TryGetProperty("/health/live", out _).ShouldBeTrue();
        paths.GetProperty("/health/ready").GetProperty("get").GetProperty("responses").TryGetProperty("503", out _).ShouldBeTrue();
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
