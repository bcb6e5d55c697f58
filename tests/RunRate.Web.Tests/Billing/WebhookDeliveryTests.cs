using System.Globalization;
using System.Net;
using System.Text;
using RunRate.Capture.Billing;
using RunRate.Web.Tests.Support;
using static RunRate.Web.Tests.Billing.StripeEvents;

namespace RunRate.Web.Tests.Billing;

/// <summary>Deliveries to /api/webhooks/stripe: signatures, replays, configuration and malformed bodies.</summary>
public sealed class WebhookDeliveryTests : IDisposable
{
    private readonly StripeWebStore _web = new();

    private static string Created => Event("evt_1QkLmQ2eZvKYlo2Cabc", "customer.subscription.created", Day1, Subscription(Item("si_RaP1", 5000, 3)));

    [Fact]
    public async Task A_webhook_replayed_five_times_changes_the_ledger_once()
    {
        var first = await _web.Accepted(Created);
        first.GetProperty("event_id").GetString().ShouldBe("evt_1QkLmQ2eZvKYlo2Cabc");
        first.GetProperty("applied").GetBoolean().ShouldBeTrue();
        first.GetProperty("summary").GetString().ShouldBe("created customer cus_Qx9 (Acme Analytics); created line si_RaP1 (Pro, 3 × 50.00 USD / 1 month) for cus_Qx9");
        var afterFirst = await _web.StateAsync();
        afterFirst.ShouldContain("si_RaP1,cus_Qx9,subscription,Pro,2026-01-15,,50.00,3,USD,1");

        for (var replay = 2; replay <= 5; replay++)
        {
            _web.Clock.Advance(TimeSpan.FromSeconds(30));
            var again = await _web.Accepted(Created);
            again.GetProperty("applied").GetBoolean().ShouldBeFalse($"replay {replay}");
            again.GetProperty("summary").GetString().ShouldBe(first.GetProperty("summary").GetString());
        }

        (await _web.StateAsync()).ShouldBe(afterFirst);
        var events = (await _web.Client.GetAsync(Http.Url("/api/webhooks/events"))).JsonAsync();
        (await events).GetProperty("events").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task A_bad_signature_is_rejected_and_changes_nothing()
    {
        var before = await _web.StateAsync();
        var body = Encoding.UTF8.GetBytes(Created);
        var now = _web.Clock.GetUtcNow().ToUnixTimeSeconds();

        using var response = await _web.Deliver(Created, StripeSignature.Sign("whsec_someone_elses_endpoint", now, body));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.JsonAsync();
        problem.GetProperty("signature").GetString().ShouldBe("mismatch");
        problem.GetProperty("errors").GetProperty("Stripe-Signature")[0].GetString()!.ShouldContain("configured secret");
        (await _web.StateAsync()).ShouldBe(before);
        (await (await _web.Client.GetAsync(Http.Url("/api/webhooks/events"))).JsonAsync()).GetProperty("events").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("tampered", "mismatch")]
    [InlineData("missing", "missing")]
    [InlineData("malformed", "malformed")]
    [InlineData("stale", "stale")]
    [InlineData("future", "stale")]
    [InlineData("second-v1", "valid")]
    public async Task Each_kind_of_bad_signature_is_a_400_saying_which(string kind, string expected)
    {
        var now = _web.Clock.GetUtcNow().ToUnixTimeSeconds();
        string Sign(long t, string json) => StripeSignature.Sign(StripeWebStore.Secret, t, Encoding.UTF8.GetBytes(json));
        var header = kind switch
        {
            "tampered" => Sign(now, Created.Replace("\"quantity\": 3", "\"quantity\": 300", StringComparison.Ordinal)),
            "missing" => null,
            "malformed" => "v1=" + new string('a', 64),
            "stale" => Sign(now - 301, Created),
            "future" => Sign(now + 301, Created),
            _ => $"t={now},v1={new string('0', 64)},{Sign(now, Created).Split(',')[1]}",
        };
        var before = await _web.StateAsync();

        using var response = await _web.Deliver(Created, header);

        if (expected == "valid")
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            return;
        }

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.JsonAsync();
        problem.GetProperty("signature").GetString().ShouldBe(expected);
        problem.GetProperty("title").GetString().ShouldBe($"The Stripe signature is {expected}; nothing was processed.");
        (await _web.StateAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Without_a_configured_secret_the_endpoint_is_unavailable_and_stores_nothing()
    {
        using var unconfigured = new StripeWebStore(secret: null);
        var before = await unconfigured.StateAsync();

        using var response = await unconfigured.Deliver(Created);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.JsonAsync()).GetProperty("errors").GetProperty("secret")[0].GetString()!.ShouldContain("RUNRATE_STRIPE_WEBHOOK_SECRET");
        (await unconfigured.StateAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("""{"hello":"world"}""", "id")]
    [InlineData("""{"id":"evt_1","object":"event","type":"customer.subscription.created","created":1768478400,"data":{"object":{"id":"sub_1","object":"subscription","customer":"cus_1","items":{"object":"list","data":[{"id":"si_1","price":{"currency":840,"recurring":{"interval":"month"}}}]}}}}""", "data.object.items.data[0].price.currency")]
    [InlineData("{not json", "body")]
    public async Task A_signed_body_that_is_not_a_Stripe_event_is_a_400_naming_the_JSON_path(string body, string path)
    {
        using var response = await _web.Deliver(body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("errors").TryGetProperty(path, out _).ShouldBeTrue(await response.Content.ReadAsStringAsync());
        (await (await _web.Client.GetAsync(Http.Url("/api/webhooks/events"))).JsonAsync()).GetProperty("events").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_body_over_one_megabyte_is_refused()
    {
        var padded = Created.Replace("\"livemode\": false,\n  \"pending", $"\"padding\": \"{new string('x', 1024 * 1024)}\",\n  \"livemode\": false,\n  \"pending", StringComparison.Ordinal);
        padded.Length.ShouldBeGreaterThan(1024 * 1024);

        using var response = await _web.Deliver(padded);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Processed_events_are_listed_newest_first_and_the_limit_is_checked()
    {
        await _web.Accepted(Created);
        _web.Clock.Advance(TimeSpan.FromMinutes(1));
        var ignored = await _web.Accepted("""{"id":"evt_ignored1","object":"event","api_version":"2024-06-20","created":1768478460,"data":{"object":{"id":"cus_Qx9","object":"customer"}},"type":"customer.updated"}""");
        ignored.GetProperty("applied").GetBoolean().ShouldBeFalse();
        ignored.GetProperty("summary").GetString().ShouldBe("ignored: customer.updated");

        var listed = await (await _web.Client.GetAsync(Http.Url("/api/webhooks/events?limit=1"))).JsonAsync();
        var only = listed.GetProperty("events").EnumerateArray().ShouldHaveSingleItem();
        only.GetProperty("event_id").GetString().ShouldBe("evt_ignored1");
        only.GetProperty("type").GetString().ShouldBe("customer.updated");
        only.GetProperty("received_at").GetString().ShouldBe(_web.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        only.GetProperty("summary").GetString().ShouldBe("ignored: customer.updated");

        using var bad = await _web.Client.GetAsync(Http.Url("/api/webhooks/events?limit=0"));
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.JsonAsync()).GetProperty("errors").TryGetProperty("limit", out _).ShouldBeTrue();
    }

    public void Dispose() => _web.Dispose();
}
