using System.Net;
using System.Text.Json;
using RunRate.Web.Tests.Support;

namespace RunRate.Web.Tests.Crm;

/// <summary>Shortcuts for the CRM tests: send JSON, expect a status, read the body.</summary>
internal static class CrmApi
{
    public static async Task<string> Send(this HttpClient client, HttpMethod method, string url, string? json, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, Http.Url(url)) { Content = json is null ? null : Http.Json(json) };
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, $"{method} {url}: {body}");
        return body;
    }

    public static Task<string> Post(this HttpClient client, string url, string json, HttpStatusCode expected = HttpStatusCode.Created) =>
        client.Send(HttpMethod.Post, url, json, expected);

    public static Task<string> Put(this HttpClient client, string url, string json, HttpStatusCode expected = HttpStatusCode.OK) =>
        client.Send(HttpMethod.Put, url, json, expected);

    public static Task<string> Get(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK) =>
        client.Send(HttpMethod.Get, url, null, expected);

    public static Task<string> Delete(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.NoContent) =>
        client.Send(HttpMethod.Delete, url, null, expected);

    public static JsonElement Json(string body) => JsonDocument.Parse(body).RootElement;

    public static async Task<long> Revision(this HttpClient client) =>
        Json(await client.Get("/api/meta")).GetProperty("revision").GetInt64();
}
