using System.CommandLine;
using RunRate.Cli.Common;

namespace RunRate.Cli.Billing;

/// <summary><c>runrate webhook</c>: the billing webhook's side of the store (the server receives the events).</summary>
internal sealed class WebhookCommand(CliContext context)
{
    public Command Build() => new("webhook", "Billing webhook: what the Stripe endpoint of `runrate serve` has processed")
    {
        new WebhookEventsCommand(context).Build(),
    };
}
