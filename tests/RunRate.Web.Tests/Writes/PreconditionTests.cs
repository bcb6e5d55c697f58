using System.Net;
using System.Net.Http.Headers;
using RunRate.Web.Tests.Support;

namespace RunRate.Web.Tests.Writes;

/// <summary>
/// Optimistic concurrency: a record's responses carry its version as a strong ETag, and an amend with a stale
/// <c>If-Match</c> is a 412 that names the header, carries the current ETag and writes nothing.
/// </summary>
public sealed class PreconditionTests(EmptyWebStore web) : IClassFixture<EmptyWebStore>
{
    [Fact]
    public async Task A_line_ETag_round_trips_through_create_get_and_put_and_changes_with_the_content()
    {
        await CustomerAsync("E1");
        using var created = await web.Client.PostAsync(Http.Url("/api/lines"), Http.Json(LineJson("E1-a", "E1", "10.50", 2)));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var first = Tag(created);
        first.IsWeak.ShouldBeFalse();

        (await ETagAsync("/api/lines/E1-a")).ShouldBe(first.Tag);

        using var replaced = await SendAsync(HttpMethod.Put, "/api/lines/E1-a", LineJson("E1-a", "E1", "10.50", 3), first.Tag);
        replaced.StatusCode.ShouldBe(HttpStatusCode.OK);
        var second = Tag(replaced).Tag;
        second.ShouldNotBe(first.Tag);
        (await ETagAsync("/api/lines/E1-a")).ShouldBe(second);

        // The same content written again (10.5 is 10.50) keeps its version.
        using var same = await SendAsync(HttpMethod.Put, "/api/lines/E1-a", LineJson("E1-a", "E1", "10.5", 3), second);
        same.StatusCode.ShouldBe(HttpStatusCode.OK);
        Tag(same).Tag.ShouldBe(second);

        using var ended = await SendAsync(HttpMethod.Post, "/api/lines/E1-a/end", """{"end_date":"2025-06-01"}""", second);
        ended.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ETagAsync("/api/lines/E1-a")).ShouldBe(Tag(ended).Tag);
    }

    [Fact]
    public async Task A_stale_If_Match_on_put_end_and_delete_of_a_line_is_a_412_with_the_current_ETag_and_nothing_written()
    {
        await CustomerAsync("E2");
        using (var created = await web.Client.PostAsync(Http.Url("/api/lines"), Http.Json(LineJson("E2-a", "E2", "100", 1))))
        {
            created.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var stale = await ETagAsync("/api/lines/E2-a");
        using (var other = await SendAsync(HttpMethod.Put, "/api/lines/E2-a", LineJson("E2-a", "E2", "100", 2), stale))
        {
            other.StatusCode.ShouldBe(HttpStatusCode.OK); // another user's change lands first
        }

        var current = await ETagAsync("/api/lines/E2-a");
        var before = await web.ExportAsync();
        using var store = web.OpenStore();
        var revision = store.Revision();

        foreach (var (method, url, body) in new[]
        {
            (HttpMethod.Put, "/api/lines/E2-a", LineJson("E2-a", "E2", "100", 5)),
            (HttpMethod.Post, "/api/lines/E2-a/end", """{"end_date":"2025-06-01"}"""),
            (HttpMethod.Delete, "/api/lines/E2-a", null),
        })
        {
            using var response = await SendAsync(method, url, body, stale);
            response.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed, $"{method} {url}");
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            Tag(response).Tag.ShouldBe(current);
            var problem = await response.JsonAsync();
            var message = problem.GetProperty("errors").GetProperty("If-Match")[0].GetString()!;
            message.ShouldContain("reload");
            message.ShouldContain("/api/lines/E2-a");
            problem.GetProperty("current_etag").GetString().ShouldBe(current);
        }

        (await web.ExportAsync()).ShouldBe(before);
        store.Revision().ShouldBe(revision);

        using var deleted = await SendAsync(HttpMethod.Delete, "/api/lines/E2-a", null, current);
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_customer_ETag_round_trips_and_a_stale_If_Match_on_put_or_delete_is_a_412()
    {
        using (var created = await web.Client.PostAsync(Http.Url("/api/customers"), Http.Json("""{"customer_id":"E3","name":"Epsilon","attributes":{"tier":"gold"}}""")))
        {
            created.StatusCode.ShouldBe(HttpStatusCode.Created);
            (await ETagAsync("/api/customers/E3")).ShouldBe(Tag(created).Tag);
        }

        var stale = await ETagAsync("/api/customers/E3");
        string current;
        using (var renamed = await SendAsync(HttpMethod.Put, "/api/customers/E3", """{"name":"Epsilon Ltd","attributes":{"tier":"gold"}}""", stale))
        {
            renamed.StatusCode.ShouldBe(HttpStatusCode.OK);
            current = Tag(renamed).Tag;
            (await ETagAsync("/api/customers/E3")).ShouldBe(current);
        }

        var before = await web.ExportAsync();
        using (var lost = await SendAsync(HttpMethod.Put, "/api/customers/E3", """{"name":"Epsilon Inc"}""", stale))
        {
            lost.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
            Tag(lost).Tag.ShouldBe(current);
            (await lost.JsonAsync()).GetProperty("errors").GetProperty("If-Match")[0].GetString()!.ShouldContain("customer changed since you read it");
        }

        using (var gone = await SendAsync(HttpMethod.Delete, "/api/customers/E3", null, stale))
        {
            gone.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        }

        (await web.ExportAsync()).ShouldBe(before);
        using var deleted = await SendAsync(HttpMethod.Delete, "/api/customers/E3", null, current);
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task If_Match_star_needs_the_record_to_exist_and_a_list_matches_any_of_its_tags()
    {
        await CustomerAsync("E4");
        using (var created = await web.Client.PostAsync(Http.Url("/api/lines"), Http.Json(LineJson("E4-a", "E4", "7", 1))))
        {
            created.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        using (var any = await SendAsync(HttpMethod.Put, "/api/lines/E4-a", LineJson("E4-a", "E4", "8", 1), "*"))
        {
            any.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using (var missing = await SendAsync(HttpMethod.Put, "/api/lines/E4-none", LineJson("E4-none", "E4", "8", 1), "*"))
        {
            missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using (var missingCustomer = await SendAsync(HttpMethod.Delete, "/api/customers/E4-none", null, "*"))
        {
            missingCustomer.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        var current = await ETagAsync("/api/lines/E4-a");
        using (var weak = await SendAsync(HttpMethod.Put, "/api/lines/E4-a", LineJson("E4-a", "E4", "9", 1), "W/" + current))
        {
            weak.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed); // If-Match compares strongly: a weak tag never matches
        }

        using var listed = await SendAsync(HttpMethod.Put, "/api/lines/E4-a", LineJson("E4-a", "E4", "9", 1), "\"0000\", " + current);
        listed.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("\"abc")]
    [InlineData("*, \"abc\"")]
    [InlineData("\"a\" \"b\"")]
    [InlineData("\"a b\"")]
    [InlineData(",")]
    public async Task A_malformed_If_Match_is_a_400_naming_the_header_and_writes_nothing(string header)
    {
        await CustomerAsync("E5");
        using (var created = await web.Client.PostAsync(Http.Url("/api/lines"), Http.Json(LineJson("E5-" + header.Length, "E5", "7", 1))))
        {
            created.StatusCode.ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.Conflict);
        }

        var id = "E5-" + header.Length;
        var before = await web.ExportAsync();
        foreach (var (method, url, body) in new[]
        {
            (HttpMethod.Put, $"/api/lines/{id}", LineJson(id, "E5", "70", 1)),
            (HttpMethod.Post, $"/api/lines/{id}/end", """{"end_date":"2025-06-01"}"""),
            (HttpMethod.Delete, $"/api/lines/{id}", null),
            (HttpMethod.Put, "/api/customers/E5", """{"name":"Renamed"}"""),
            (HttpMethod.Delete, "/api/customers/E5", null),
        })
        {
            using var response = await SendAsync(method, url, body, header);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, $"{method} {url} with If-Match: {header}");
            (await response.JsonAsync()).GetProperty("errors").TryGetProperty("If-Match", out _).ShouldBeTrue();
        }

        (await web.ExportAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Without_If_Match_the_last_writer_wins_as_before()
    {
        await CustomerAsync("E6");
        using (var created = await web.Client.PostAsync(Http.Url("/api/lines"), Http.Json(LineJson("E6-a", "E6", "7", 1))))
        {
            created.StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        using (var first = await SendAsync(HttpMethod.Put, "/api/lines/E6-a", LineJson("E6-a", "E6", "7", 2), null))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using (var second = await SendAsync(HttpMethod.Put, "/api/lines/E6-a", LineJson("E6-a", "E6", "7", 3), null))
        {
            second.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var line = await web.Client.GetAsync(Http.Url("/api/lines/E6-a"));
        (await line.JsonAsync()).GetProperty("quantity").GetDecimal().ShouldBe(3m);
    }

    [Fact]
    public async Task The_openapi_document_describes_ETag_If_Match_and_412_on_the_amends()
    {
        var paths = (await web.Client.GetAsync(Http.Url("/openapi/v1.json")).ContinueWith(t => t.Result.JsonAsync()).Unwrap()).GetProperty("paths");
        foreach (var (path, method) in new[] { ("/api/lines/{id}", "put"), ("/api/lines/{id}/end", "post"), ("/api/lines/{id}", "delete"), ("/api/customers/{id}", "put"), ("/api/customers/{id}", "delete") })
        {
            var operation = paths.GetProperty(path).GetProperty(method);
            operation.GetProperty("parameters").EnumerateArray().ShouldContain(p => p.GetProperty("name").GetString() == "If-Match" && p.GetProperty("in").GetString() == "header", $"{method} {path}");
            operation.GetProperty("responses").GetProperty("412").GetProperty("headers").TryGetProperty("ETag", out _).ShouldBeTrue($"{method} {path}");
        }

        foreach (var (path, method, status) in new[] { ("/api/lines/{id}", "get", "200"), ("/api/lines", "post", "201"), ("/api/lines/{id}", "put", "200"), ("/api/customers/{id}", "get", "200"), ("/api/customers", "post", "201") })
        {
            paths.GetProperty(path).GetProperty(method).GetProperty("responses").GetProperty(status).GetProperty("headers").TryGetProperty("ETag", out _).ShouldBeTrue($"{method} {path}");
        }
    }

    private static string LineJson(string id, string customer, string amount, int quantity) =>
        $$"""{"line_id":"{{id}}","customer_id":"{{customer}}","kind":"subscription","product":"Pro","start_date":"2025-01-01","amount":{{amount}},"quantity":{{quantity}},"currency":"USD","interval_months":1}""";

    private static EntityTagHeaderValue Tag(HttpResponseMessage response) =>
        response.Headers.ETag ?? throw new InvalidOperationException($"no ETag on {(int)response.StatusCode}");

    private async Task CustomerAsync(string id)
    {
        using var response = await web.Client.PostAsync(Http.Url("/api/customers"), Http.Json($$"""{"customer_id":"{{id}}","name":"Test {{id}}"}"""));
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.Conflict);
    }

    private async Task<string> ETagAsync(string url)
    {
        using var response = await web.Client.GetAsync(Http.Url(url));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return Tag(response).Tag;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(method, Http.Url(url));
        if (body is not null)
        {
            request.Content = Http.Json(body);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch).ShouldBeTrue();
        }

        return await web.Client.SendAsync(request);
    }
}
