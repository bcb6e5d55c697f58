using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RunRate.Web.Tests.Support;

namespace RunRate.Web.Tests.Fuzz;

/// <summary>
/// Every POST/PUT/PATCH operation of the OpenAPI document that takes a JSON body (so a new endpoint is covered the
/// day it is added) receives broken bodies: wrong types, huge numbers, deep nesting, invalid UTF-8, wrong content
/// types, random JSON. Each must answer 2xx or a 4xx problem+json, never a 5xx, and a 4xx must leave the store's
/// revision unchanged.
/// </summary>
public sealed class ApiBodyFuzzTests(FuzzWebStore web) : IClassFixture<FuzzWebStore>
{
    private const int Seed = 20260901;
    private const int RandomBodiesPerOperation = 12;

    private static readonly string[] Writes = ["post", "put", "patch"];

    [Fact]
    public async Task Broken_json_bodies_on_every_write_endpoint_get_a_4xx_problem_and_change_nothing()
    {
        var document = JsonDocument.Parse(await web.Client.GetStringAsync(Http.Url("/openapi/v1.json"))).RootElement;
        var components = document.GetProperty("components");
        var random = new Random(Seed);
        var failures = new List<string>();
        var operations = 0;
        var requests = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => Writes.Contains(o.Name)))
            {
                // The Stripe webhook is signed raw bytes, not an API body: StripeWebhookFuzzTests covers it with a secret set.
                if (path.Name.StartsWith("/api/webhooks/", StringComparison.Ordinal) ||
                    !operation.Value.TryGetProperty("requestBody", out var body) || !body.GetProperty("content").TryGetProperty("application/json", out var json))
                {
                    continue;
                }

                operations++;
                var url = Url(path.Name);
                var sample = json.TryGetProperty("schema", out var schema) ? JsonBodies.Sample(schema, components) : new JsonObject();
                var sampleText = sample?.ToJsonString() ?? "{}";
                var cases = new List<(string Name, byte[] Body, string ContentType)>();
                cases.AddRange(JsonBodies.WholeBodies(sampleText).Select(c => (c.Name, c.Body, "application/json")));
                cases.Add(("text/plain content type", Encoding.UTF8.GetBytes(sampleText), "text/plain"));
                cases.Add(("xml content type", "<line/>"u8.ToArray(), "application/xml"));
                cases.Add(("form content type", "a=1"u8.ToArray(), "application/x-www-form-urlencoded"));
                if (sample is JsonObject shape)
                {
                    foreach (var property in shape.Select(p => p.Key).ToList())
                    {
                        foreach (var wrong in JsonBodies.WrongValues)
                        {
                            var broken = (JsonObject)shape.DeepClone();
                            broken[property] = wrong?.DeepClone();
                            cases.Add(($"{property} = {Show(wrong)}", Encoding.UTF8.GetBytes(broken.ToJsonString()), "application/json"));
                        }

                        var without = (JsonObject)shape.DeepClone();
                        without.Remove(property);
                        cases.Add(($"without {property}", Encoding.UTF8.GetBytes(without.ToJsonString()), "application/json"));
                    }
                }

                for (var i = 0; i < RandomBodiesPerOperation; i++)
                {
                    var value = JsonBodies.Random(random);
                    cases.Add(($"random #{i} (seed {Seed})", Encoding.UTF8.GetBytes(value?.ToJsonString() ?? "null"), "application/json"));
                }

                foreach (var (name, bytes, contentType) in cases)
                {
                    requests++;
                    var failure = await SendAsync(operation.Name, url, bytes, contentType);
                    if (failure is not null)
                    {
                        failures.Add($"{operation.Name.ToUpperInvariant()} {url} [{name}]: {failure}");
                    }
                }
            }
        }

        Assert.True(operations >= 10, $"only {operations} JSON write operations found in the OpenAPI document");
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} requests failed:\n" + string.Join("\n", failures.Take(40)));
    }

    private async Task<string?> SendAsync(string method, string url, byte[] bytes, string contentType)
    {
        var before = web.Revision();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), Http.Url(url)) { Content = content };
        using var response = await web.Client.SendAsync(request);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        if (status >= 500)
        {
            return $"{status} {Cut(text)}";
        }

        if (status < 400)
        {
            return null;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"{status} with content type '{response.Content.Headers.ContentType?.MediaType}': {Cut(text)}";
        }

        var after = web.Revision();
        return after != before ? $"{status} but the revision moved from {before} to {after}" : null;
    }

    /// <summary>Path parameters become ids that exist in the sample where the path is about customers or lines.</summary>
    private static string Url(string template)
    {
        var url = template;
        while (url.IndexOf('{', StringComparison.Ordinal) is var open and >= 0)
        {
            var close = url.IndexOf('}', open);
            var value = template.StartsWith("/api/customers", StringComparison.Ordinal) ? "C00001" : template.StartsWith("/api/lines", StringComparison.Ordinal) ? "L000220" : "fuzz-1";
            url = string.Concat(url.AsSpan(0, open), value, url.AsSpan(close + 1));
        }

        return url;
    }

    private static string Show(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length > 40 ? text[..37] + "..." : text;
    }

    private static string Cut(string text) => text.Length > 300 ? text[..300] + "..." : text;
}
