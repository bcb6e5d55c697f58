using System.Text;
using RunRate.Capture.Billing;
using RunRate.Web.Tests.Billing;
using static RunRate.Web.Tests.Billing.StripeEvents;

namespace RunRate.Web.Tests.Fuzz;

/// <summary>
/// Mutated Stripe events, delivered signed with the right secret and with a wrong one: a correctly signed event is
/// applied, recorded as a skip or refused with a 4xx problem; a wrongly signed one is always a 400; neither is ever a
/// 5xx, and a refusal changes nothing. Mutations come from a seeded <see cref="Random"/> (seed in the failure).
/// </summary>
public sealed class StripeWebhookFuzzTests : IDisposable
{
    private const int Seed = 4711;
    private static readonly string[] Tokens = ["\"", "}", "{", "]", ",", "null", "-1", "0", "99999999999999999999999", "1e400", "\"\\u0000\"", "[]", "true", "\\"];

    private readonly StripeWebStore _web = new();

    public void Dispose() => _web.Dispose();

    [Fact]
    public async Task Mutated_events_are_applied_skipped_or_refused_never_a_5xx_and_a_refusal_changes_nothing()
    {
        var valid = Event("evt_1QkLmQ2eZvKYlo2Cabc", "customer.subscription.created", Day1, Subscription(Item("si_RaP1", 5000, 3)));
        var random = new Random(Seed);
        var failures = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            var body = Mutate(valid, random);
            var signed = random.Next(4) != 0;
            var before = await _web.StateAsync();
            var signature = signed ? null : StripeSignature.Sign("whsec_someone_elses_endpoint", _web.Clock.GetUtcNow().ToUnixTimeSeconds(), Encoding.UTF8.GetBytes(body));
            using var response = signed ? await _web.Deliver(body) : await _web.Deliver(body, signature);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
            string? failure = status >= 500 ? $"{status}: {text}"
                : !signed && status != 400 ? $"a wrong signature answered {status}"
                : status >= 400 && !problem ? $"{status} without problem+json"
                : status >= 400 && await _web.StateAsync() != before ? $"{status} but the ledger changed"
                : null;
            if (failure is not null)
            {
                failures.Add($"case {i} (seed {Seed}, signed {signed}): {failure}\n{body}");
            }

            _web.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(5)));
    }

    private static string Mutate(string json, Random random)
    {
        var text = new StringBuilder(json);
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var at = random.Next(text.Length);
            switch (random.Next(3))
            {
                case 0:
                    text.Remove(at, Math.Min(random.Next(1, 12), text.Length - at));
                    break;
                case 1:
                    text.Insert(at, Tokens[random.Next(Tokens.Length)]);
                    break;
                default:
                    text[at] = (char)random.Next(32, 127);
                    break;
            }
        }

        return text.ToString();
    }
}
