using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RunRate.Web.Tests.Billing;
using RunRate.Web.Tests.Support;
using static RunRate.Web.Tests.Billing.StripeEvents;

namespace RunRate.Web.Tests.Audit;

/// <summary><c>/api/audit</c> and <c>/api/audit.csv</c>: API writes show up with their actor and before/after; bad filters are 400s naming the field.</summary>
public sealed class AuditApiTests(EmptyWebStore web) : IClassFixture<EmptyWebStore>
{
    [Fact]
    public async Task An_api_write_shows_up_newest_first_as_demo_with_the_record_before_and_after()
    {
        var client = web.Client;
        (await client.PostAsync(Http.Url("/api/customers"), Http.Json("""{"customer_id":"AU1","name":"Audited","segment":"SMB"}"""))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.PutAsync(Http.Url("/api/customers/AU1"), Http.Json("""{"name":"Audited Inc","segment":"SMB"}"""))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsync(Http.Url("/api/customers"), Http.Json("""{"customer_id":"AU1"}"""))).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var entries = (await Get("/api/audit?entity=customer&entity_id=AU1")).GetProperty("entries");
        entries.GetArrayLength().ShouldBe(2);
        var update = entries[0];
        update.GetProperty("action").GetString().ShouldBe("customer.update");
        update.GetProperty("actor").GetString().ShouldBe("demo");
        update.GetProperty("entity_id").GetString().ShouldBe("AU1");
        update.GetProperty("before").GetProperty("name").GetString().ShouldBe("Audited");
        update.GetProperty("after").GetProperty("name").GetString().ShouldBe("Audited Inc");
        update.GetProperty("seq").GetInt64().ShouldBeGreaterThan(entries[1].GetProperty("seq").GetInt64());
        entries[1].GetProperty("action").GetString().ShouldBe("customer.create");
        entries[1].GetProperty("before").ValueKind.ShouldBe(JsonValueKind.Null);
        DateTimeOffset.Parse(update.GetProperty("at").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task Pages_follow_next_before_until_the_oldest_entry()
    {
        var client = web.Client;
        foreach (var id in new[] { "PG1", "PG2", "PG3" })
        {
            (await client.PostAsync(Http.Url("/api/customers"), Http.Json($$"""{"customer_id":"{{id}}","segment":"Paging"}"""))).EnsureSuccessStatusCode();
        }

        var seen = new List<string>();
        string? before = null;
        do
        {
            var page = await Get("/api/audit?actor=demo&entity=customer&limit=2" + (before is null ? "" : "&before=" + before));
            seen.AddRange(page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("entity_id").GetString()!).Where(id => id.StartsWith("PG", StringComparison.Ordinal)));
            before = page.GetProperty("next_before") is { ValueKind: JsonValueKind.Number } next ? next.GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        }
        while (before is not null);

        seen.ShouldBe(["PG3", "PG2", "PG1"]);
    }

    [Fact]
    public async Task The_csv_export_has_every_matching_entry_with_the_same_fields_as_the_json()
    {
        var client = web.Client;
        (await client.PostAsync(Http.Url("/api/customers"), Http.Json("""{"customer_id":"CSV1","name":"Comma, \"Quote\" Ltd"}"""))).EnsureSuccessStatusCode();
        (await client.PostAsync(Http.Url("/api/lines"), Http.Json("""{"line_id":"CSV1-a","customer_id":"CSV1","kind":"subscription","start_date":"2025-03-01","amount":120.50,"currency":"USD","interval_months":1}"""))).EnsureSuccessStatusCode();
        (await client.DeleteAsync(Http.Url("/api/lines/CSV1-a"))).EnsureSuccessStatusCode();

        var json = (await Get("/api/audit?limit=1000")).GetProperty("entries").EnumerateArray().ToList();
        using var response = await client.GetAsync(Http.Url("/api/audit.csv"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var rows = ParseCsv(await response.Content.ReadAsStringAsync());
        rows[0].ShouldBe(["seq", "at", "actor", "action", "entity", "entity_id", "before", "after", "detail"]);
        rows.Count.ShouldBe(json.Count + 1);
        for (var i = 0; i < json.Count; i++)
        {
            var (row, entry) = (rows[i + 1], json[i]);
            row[0].ShouldBe(entry.GetProperty("seq").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
            row[1].ShouldBe(entry.GetProperty("at").GetString());
            row[2..6].ShouldBe([Text(entry, "actor"), Text(entry, "action"), Text(entry, "entity"), Text(entry, "entity_id")]);
            SameJson(row[6], entry.GetProperty("before")).ShouldBeTrue(row[6]);
            SameJson(row[7], entry.GetProperty("after")).ShouldBeTrue(row[7]);
            row[8].ShouldBe(Text(entry, "detail"));
        }

        var filtered = ParseCsv(await client.GetStringAsync(Http.Url("/api/audit.csv?entity=line&entity_id=CSV1-a")));
        filtered.Skip(1).Select(r => r[3]).ShouldBe(["line.delete", "line.create"]);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("before=-3", "before")]
    [InlineData("entity=", "entity")]
    [InlineData("actor=%20", "actor")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-01", "to")]
    [InlineData("from=2026-03-02&to=2026-03-01", "to")]
    public async Task A_bad_filter_is_a_400_problem_naming_the_field(string query, string field)
    {
        foreach (var path in new[] { "/api/audit?", "/api/audit.csv?" })
        {
            if (path.Contains(".csv", StringComparison.Ordinal) && field is "limit" or "before")
            {
                continue;
            }

            using var response = await web.Client.GetAsync(Http.Url(path + query));
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            (await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(path + query);
        }
    }

    [Fact]
    public async Task A_stripe_event_is_recorded_as_the_webhook_without_its_payload_or_secret()
    {
        using var stripe = new StripeWebStore();
        await stripe.Accepted(Event("evt_au1", "customer.subscription.created", Day1, Subscription(Item("si_Au", 4999, 1))));

        var entry = (await stripe.Client.GetFromJsonElement("/api/audit?actor=webhook:stripe")).GetProperty("entries").EnumerateArray().ShouldHaveSingleItem();
        entry.GetProperty("action").GetString().ShouldBe("billing.event");
        entry.GetProperty("entity_id").GetString().ShouldBe("evt_au1");
        entry.GetProperty("after").GetProperty("lines")[0].GetString().ShouldBe("si_Au");
        var csv = await stripe.Client.GetStringAsync(Http.Url("/api/audit.csv"));
        csv.ShouldNotContain(StripeWebStore.Secret);
        csv.ShouldNotContain("4999");
    }

    private async Task<JsonElement> Get(string url) => await web.Client.GetFromJsonElement(url);

    private static string Text(JsonElement entry, string name) => entry.GetProperty(name).ValueKind == JsonValueKind.Null ? "" : entry.GetProperty(name).GetString()!;

    private static bool SameJson(string csv, JsonElement json) =>
        json.ValueKind == JsonValueKind.Null ? csv.Length == 0 : JsonNode.DeepEquals(JsonNode.Parse(csv), JsonNode.Parse(json.GetRawText()));

    /// <summary>RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks.</summary>
    private static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        return rows;
    }
}

internal static class AuditHttp
{
    public static async Task<JsonElement> GetFromJsonElement(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(Http.Url(url));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }
}
