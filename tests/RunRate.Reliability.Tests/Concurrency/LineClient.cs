using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Shouldly;

namespace RunRate.Reliability.Tests.Concurrency;

/// <summary>
/// One API client of a running <c>runrate serve</c> (its own <see cref="HttpClient"/>, so its own connections): creates
/// lines and increments a line's quantity by read-modify-write with <c>If-Match</c>, retrying on 412. Every status it
/// sees is counted, so a test can assert that none was a 5xx.
/// </summary>
internal sealed class LineClient(string address) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>412s answered to this client's amends (each followed by a reload and a retry).</summary>
    public int Retries { get; private set; }

    /// <summary>Every response status this client received, with its count.</summary>
    public Dictionary<int, int> Statuses { get; } = [];

    /// <summary>GET, add <paramref name="by"/> to the quantity, PUT with the ETag read; on 412 start again. Returns the tries taken.</summary>
    public async Task<int> IncrementAsync(string lineId, decimal by)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var get = await SendAsync(HttpMethod.Get, "/api/lines/" + lineId, null, null);
            get.StatusCode.ShouldBe(HttpStatusCode.OK);
            var etag = get.Headers.ETag?.Tag ?? throw new InvalidOperationException("GET /api/lines/" + lineId + " has no ETag");
            var line = JsonDocument.Parse(await get.Content.ReadAsStringAsync()).RootElement;
            var body = Body(line, line.GetProperty("quantity").GetDecimal() + by);

            using var put = await SendAsync(HttpMethod.Put, "/api/lines/" + lineId, body, etag);
            if (put.StatusCode == HttpStatusCode.OK)
            {
                return attempt;
            }

            put.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed, await put.Content.ReadAsStringAsync());
            put.Headers.ETag.ShouldNotBeNull(); // the 412 names the version that won
            Retries++;
        }
    }

    /// <summary>POSTs a new line; true when acknowledged (201).</summary>
    public async Task<bool> CreateAsync(string json)
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/lines", json, null);
        return response.StatusCode == HttpStatusCode.Created;
    }

    /// <summary>A GET of <paramref name="path"/>'s body (status 200 required).</summary>
    public async Task<string> GetStringAsync(string path)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    public void Dispose() => _http.Dispose();

    private static string Body(JsonElement line, decimal quantity)
    {
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in line.EnumerateObject())
        {
            fields[property.Name] = property.Value.Clone();
        }

        fields["quantity"] = quantity;
        return JsonSerializer.Serialize(fields);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json, string? ifMatch)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        var response = await _http.SendAsync(request);
        var status = (int)response.StatusCode;
        lock (Statuses)
        {
            Statuses[status] = Statuses.GetValueOrDefault(status) + 1;
        }

        return response;
    }

    /// <summary>A decimal as invariant text.</summary>
    public static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
