using System.Text;
using RunRate.Capture.Billing;
using RunRate.Cli.Common;
using RunRate.Cli.Tests.Support;
using Shouldly;

namespace RunRate.Cli.Tests.Billing;

public sealed class WebhookEventsCommandTests
{
    private static readonly DateTimeOffset Received = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Processed_events_are_listed_newest_first_as_a_table_and_as_json()
    {
        using var cli = new CliHarness();
        using (var store = cli.OpenStore(create: true))
        {
            StripeWebhook.Process(Encoding.UTF8.GetBytes(PaidInvoice), store.Crm, Received);
            StripeWebhook.Process(Encoding.UTF8.GetBytes("""{"id":"evt_2","object":"event","type":"customer.updated","created":1768478460,"data":{"object":{"id":"cus_9"}}}"""), store.Crm, Received.AddMinutes(1));
        }

        var json = cli.Run("webhook", "events", "--json");
        json.ExitCode.ShouldBe(ExitCodes.Success, json.Errors);
        json.Output.ShouldBe("""
            {"events":[{"event_id":"evt_2","type":"customer.updated","received_at":"2026-01-15T12:01:00Z","summary":"ignored: customer.updated"},{"event_id":"evt_1","type":"invoice.paid","received_at":"2026-01-15T12:00:00Z","summary":"created customer cus_9 (Acme Inc); recorded payment of 49.00 USD for invoice in_1 by cus_9 on 2026-01-15"}]}

            """.ReplaceLineEndings("\n"), StringCompareShould.IgnoreLineEndings);

        var table = cli.Run("webhook", "events", "--limit", "1");
        table.ExitCode.ShouldBe(ExitCodes.Success);
        table.Console.ShouldContain("evt_2");
        table.Console.ShouldContain("2026-01-15 12:01:00");
        table.Console.ShouldNotContain("evt_1");
    }

    [Fact]
    public void An_empty_store_says_how_to_receive_events_and_a_missing_one_is_not_found()
    {
        using var cli = new CliHarness();
        cli.Run("webhook", "events").ExitCode.ShouldBe(ExitCodes.NotFound);

        using (cli.OpenStore(create: true))
        {
        }

        var empty = cli.Run("webhook", "events");
        empty.ExitCode.ShouldBe(ExitCodes.Success);
        empty.Console.ShouldContain("No billing events yet");
        cli.Run("webhook", "events", "--limit", "0").ExitCode.ShouldBe(ExitCodes.Usage);
    }

    private const string PaidInvoice = """
        {"id":"evt_1","object":"event","type":"invoice.paid","created":1768478400,
         "data":{"object":{"id":"in_1","object":"invoice","customer":"cus_9","customer_name":"Acme Inc","currency":"usd",
                            "amount_due":4900,"amount_paid":4900,"status_transitions":{"paid_at":1768478400}}}}
        """;
}
