using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
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
    public async Task Ready_answers_503_naming_the_store_check_while_the_store_cannot_be_read()
    {
        if (TestStores.OnPostgres)
        {
            // The PostgreSQL case (a server that went away) is RunRate.Storage.Tests' StoreHealthTests; this one locks the file.
            return;
        }

        using (var holder = new SqliteConnection($"Data Source={web.Db};Pooling=False"))
        {
            holder.Open();
            using (var lockIt = holder.CreateCommand())
            {
                lockIt.CommandText = "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE;";
                lockIt.ExecuteNonQuery();
            }

            using var ready = await web.Client.GetAsync(Http.Url("/health/ready"));
            ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            var body = Parse(await ready.Content.ReadAsStringAsync());
            body.GetProperty("status").GetString().ShouldBe("not_ready");
            body.GetProperty("failing").GetString().ShouldBe("store");
            body.GetProperty("checks")[0].GetProperty("detail").GetString()!.ShouldContain("locked by another process");
        }

        using var again = await web.Client.GetAsync(Http.Url("/health/ready"));
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
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
