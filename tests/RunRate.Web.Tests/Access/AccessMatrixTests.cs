using System.Net;
using RunRate.Storage.Access;
using RunRate.Web.Infrastructure.Access;
using RunRate.Web.Tests.Support;

namespace RunRate.Web.Tests.Access;

/// <summary>
/// Every endpoint the app serves (read from its EndpointDataSource, so a new one is covered without editing this
/// test) against the one access matrix (EndpointAccess, the table of docs/security.md): each role via a token, one
/// role via a signed-in session, and no credentials at all.
/// </summary>
public sealed class AccessMatrixTests(AccessWebApp app) : IClassFixture<AccessWebApp>
{
    [Fact]
    public void Every_api_endpoint_has_an_entry_in_the_access_matrix_and_every_entry_an_endpoint()
    {
        var served = app.Endpoints().Select(e => EndpointAccess.Key(e.Method, e.Pattern)).ToHashSet(StringComparer.Ordinal);
        served.Where(key => !EndpointAccess.Matrix.ContainsKey(key)).ShouldBeEmpty("endpoints missing from EndpointAccess.Matrix");

        EndpointAccess.Matrix.Keys.Where(key => !served.Contains(key)).ShouldBeEmpty("matrix entries without an endpoint");
    }

    [Theory]
    [InlineData(Role.Viewer)]
    [InlineData(Role.Sales)]
    [InlineData(Role.Finance)]
    [InlineData(Role.Admin)]
    public async Task Each_role_with_a_token_is_allowed_or_refused_exactly_as_the_matrix_says(Role role)
    {
        using var client = app.WithToken(app.Tokens[role]);
        await CheckMatrix(client, role);
    }

    [Fact]
    public async Task A_signed_in_sales_user_is_allowed_or_refused_exactly_as_the_matrix_says()
    {
        using var client = await app.LoginAsync("sales");
        await CheckMatrix(client, Role.Sales);
    }

    [Fact]
    public async Task Without_credentials_every_api_endpoint_but_login_and_the_stripe_webhooks_answers_401()
    {
        using var client = app.Anonymous();
        foreach (var (method, pattern, accepts) in app.Endpoints())
        {
            var need = EndpointAccess.Find(method, pattern);
            using var response = await Call(client, method, pattern, accepts);
            if (need == Need.Anonymous)
            {
                response.StatusCode.ShouldNotBe(HttpStatusCode.Unauthorized, $"{method} {pattern}");
            }
            else
            {
                response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"{method} {pattern}");
                response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
            }
        }

        using var openApi = await client.GetAsync(Http.Url("/openapi/v1.json"));
        openApi.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_signed_in_change_without_the_csrf_header_is_refused()
    {
        using var client = await app.LoginAsync("admin");
        client.DefaultRequestHeaders.Remove("X-RunRate-Csrf");
        using var refused = await client.PostAsync(Http.Url("/api/contacts"), Http.Json("{}"));
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("X-RunRate-Csrf");

        client.DefaultRequestHeaders.Add("X-RunRate-Csrf", "forged");
        using var forged = await client.PostAsync(Http.Url("/api/contacts"), Http.Json("{}"));
        forged.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var read = await client.GetAsync(Http.Url("/api/contacts"));
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task CheckMatrix(HttpClient client, Role role)
    {
        var checkedCount = 0;
        foreach (var (method, pattern, accepts) in app.Endpoints())
        {
            var need = EndpointAccess.Find(method, pattern) ?? throw new ShouldAssertException($"{method} {pattern} has no matrix entry");
            using var response = await Call(client, method, pattern, accepts);
            var where = $"{role} {method} {pattern}: {await Body(response)}";
            if (need == Need.Anonymous || EndpointAccess.Allows(need, role))
            {
                response.StatusCode.ShouldNotBe(HttpStatusCode.Unauthorized, where);
                response.StatusCode.ShouldNotBe(HttpStatusCode.Forbidden, where);
            }
            else
            {
                response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, where);
            }

            checkedCount++;
        }

        checkedCount.ShouldBeGreaterThan(60);
    }

    /// <summary>A minimal request: placeholders in the route, an empty JSON object (or form) as the body of a write.</summary>
    internal static async Task<HttpResponseMessage> Call(HttpClient client, string method, string pattern, string? accepts)
    {
        var path = pattern.Replace("{workspace}", "default", StringComparison.Ordinal).Replace("{id}", "no-such-id", StringComparison.Ordinal).Replace("{name}", "no-such-name", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(method), Http.Url(path));
        if (method is "POST" or "PUT")
        {
            request.Content = accepts?.StartsWith("multipart/", StringComparison.Ordinal) == true ? new MultipartFormDataContent() : Http.Json("{}");
        }

        // The event stream never ends: its status and headers are the answer.
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    private static async Task<string> Body(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType == "text/event-stream" ? "(stream)" : await response.Content.ReadAsStringAsync();
}
