using System.Text.Json;
using RunRate.Web.Tests.Support;

namespace RunRate.Web.Tests.OpenApi;

/// <summary>The OpenAPI document describes every endpoint of the API.</summary>
public sealed class OpenApiTests(EmptyWebStore web) : IClassFixture<EmptyWebStore>
{
    [Fact]
    public async Task Every_api_route_is_in_the_openapi_document_with_an_operation_id()
    {
        var document = JsonDocument.Parse(await web.Client.GetStringAsync(Http.Url("/openapi/v1.json"))).RootElement;
        var paths = document.GetProperty("paths");
        var expected = new Dictionary<string, string[]>
        {
            ["/api/mrr"] = ["get"],
            ["/api/summary"] = ["get"],
            ["/health/live"] = ["get"],
            ["/health/ready"] = ["get"],
            ["/api/arr-bridge"] = ["get"],
            ["/api/cohorts"] = ["get"],
            ["/api/report"] = ["get"],
            ["/api/customers"] = ["get", "post"],
            ["/api/customers/{id}"] = ["get", "put", "delete"],
            ["/api/lines"] = ["post"],
            ["/api/lines/{id}"] = ["get", "put", "delete"],
            ["/api/lines/{id}/end"] = ["post"],
            ["/api/ledger"] = ["post"],
            ["/api/export/customers.csv"] = ["get"],
            ["/api/export/lines.csv"] = ["get"],
            ["/api/export/fx.csv"] = ["get"],
            ["/api/export/costs.csv"] = ["get"],
            ["/api/export/backup.zip"] = ["get"],
            ["/api/meta"] = ["get"],
            ["/api/events"] = ["get"],
            ["/api/webhooks/stripe"] = ["post"],
            ["/api/webhooks/events"] = ["get"],
            ["/api/sales"] = ["get"],
            ["/api/renewals"] = ["get"],
            ["/api/signals"] = ["get"],
            ["/api/capture/mail"] = ["post"],
            ["/api/capture/calendar"] = ["post"],
            ["/api/accounts/{id}"] = ["get"],
            ["/api/accounts/{id}/domains"] = ["put"],
            ["/api/contacts"] = ["get", "post"],
            ["/api/contacts/{id}"] = ["get", "put", "delete"],
            ["/api/pipeline"] = ["get"],
            ["/api/pipeline/stages"] = ["put"],
            ["/api/deals"] = ["get", "post"],
            ["/api/deals/{id}"] = ["get", "put", "delete"],
            ["/api/deals/{id}/stage"] = ["post"],
            ["/api/deals/{id}/proposed-lines"] = ["get"],
            ["/api/deals/{id}/lines"] = ["post"],
            ["/api/activities"] = ["get", "post"],
            ["/api/activities/{id}"] = ["put", "delete"],
            ["/api/targets"] = ["get", "put", "delete"],
            ["/api/forecast"] = ["get"],
            ["/api/scenarios"] = ["get"],
            ["/api/scenarios/{name}"] = ["get", "put", "delete"],
            ["/api/economics"] = ["get"],
            ["/api/valuation"] = ["get"],
            ["/api/webhooks/stripe/{workspace}"] = ["post"],
            ["/api/auth/login"] = ["post"],
            ["/api/auth/logout"] = ["post"],
            ["/api/auth/me"] = ["get"],
            ["/api/auth/workspace"] = ["post"],
            ["/api/tokens"] = ["get", "post"],
            ["/api/tokens/{id}"] = ["delete"],
            ["/api/users"] = ["get"],
            ["/api/audit"] = ["get"],
            ["/api/audit.csv"] = ["get"],
        };
        paths.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ShouldBe(expected.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, methods) in expected)
        {
            var item = paths.GetProperty(path);
            item.EnumerateObject().Select(o => o.Name).Where(n => n is "get" or "put" or "post" or "delete").Order(StringComparer.Ordinal).ShouldBe(methods.Order(StringComparer.Ordinal), path);
            foreach (var method in methods)
            {
                item.GetProperty(method).GetProperty("operationId").GetString().ShouldNotBeNullOrEmpty();
                item.GetProperty(method).GetProperty("summary").GetString().ShouldNotBeNullOrEmpty();
            }
        }

        var mrrParameters = paths.GetProperty("/api/mrr").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        mrrParameters.ShouldBe(["currency", "segment", "channel", "country", "owner", "product", "attr", "format", "from", "to", "by"], ignoreOrder: true);
    }

    [Fact]
    public async Task The_reference_page_is_served_from_the_package()
    {
        var page = await web.Client.GetStringAsync(Http.Url("/api-docs/index.html"));
        page.ShouldContain("swagger-ui");
        var config = await web.Client.GetStringAsync(Http.Url("/api-docs/index.js"));
        config.ShouldContain("/openapi/v1.json");
    }
}
