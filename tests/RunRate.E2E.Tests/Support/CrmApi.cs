using System.Net.Http.Json;
using System.Text.Json;

namespace RunRate.E2E.Tests.Support;

/// <summary>
/// The server's REST API for arranging CRM data around a browser test (accounts, deals, contacts,
/// activities): plain HTTP, snake_case JSON like the dashboard sends.
/// </summary>
public sealed class CrmApi(DashboardServer server) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly HttpClient _http = new() { BaseAddress = new Uri(server.Address) };

    public async Task<JsonElement> GetAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
        return await ReadAsync(response, path);
    }

    public async Task<JsonElement> PostAsync(string path, object body)
    {
        using var response = await _http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, Json);
        return await ReadAsync(response, path);
    }

    public async Task<JsonElement> PutAsync(string path, object body)
    {
        using var response = await _http.PutAsJsonAsync(new Uri(path, UriKind.Relative), body, Json);
        return await ReadAsync(response, path);
    }

    /// <summary>
    /// Gives an account what the CRM pages show: a contact, its domain, an open deal with a long title,
    /// a lost deal and a logged call. Returns the open deal's id.
    /// </summary>
    public async Task<string> ArrangeAccountAsync(string accountId, string owner)
    {
        await PostAsync("/api/contacts", new { AccountId = accountId, Name = "Maria Lopez-Hernández", Email = $"maria.{accountId.ToLowerInvariant()}@example.com", Role = "Chief Financial Officer" });
        await PutAsync($"/api/accounts/{accountId}/domains", new { Domains = new[] { "example.com" } });
        var open = await PostAsync("/api/deals", new
        {
            AccountId = accountId, Title = "Enterprise platform renewal with premium support and extra storage", Arr = 48000.50m,
            Currency = "USD", Kind = "expansion", Stage = "proposal", ExpectedClose = "2026-12-15", Owner = owner, Channel = "outbound",
        });
        var lost = await PostAsync("/api/deals", new { AccountId = accountId, Title = "Analytics add-on", Arr = 6000m, Currency = "USD", Kind = "cross_sell", ExpectedClose = "2026-11-30", Owner = owner, Channel = "partner" });
        await PostAsync($"/api/deals/{lost.GetProperty("deal_id").GetString()}/stage", new { Stage = "lost", LostReason = "Chose a competitor's bundled analytics at a lower price" });
        await PostAsync("/api/activities", new { Kind = "call", At = "2026-10-20T10:00:00Z", Subject = "Renewal call: seats, pricing and the support add-on", Body = "Asked for a proposal by Friday.", AccountId = accountId });
        return open.GetProperty("deal_id").GetString()!;
    }

    public void Dispose() => _http.Dispose();

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, string path)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
