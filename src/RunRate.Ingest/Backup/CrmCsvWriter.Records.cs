using RunRate.Engine.Crm;
using RunRate.Engine.Forecast;

namespace RunRate.Ingest.Backup;

/// <summary>Activities, targets, scenarios, payments and processed billing events.</summary>
public static partial class CrmCsvWriter
{
    internal static readonly string[] ActivityColumns =
        ["activity_id", "kind", "at", "subject", "body", "account_id", "contact_id", "deal_id", "source", "external_id"];

    internal static readonly string[] TargetColumns = ["owner", "start_month", "months", "arr", "currency"];
    internal static readonly string[] ScenarioColumns =
        ["name", "churn_points", "new_percent", "expansion_percent", "price_percent", "price_from", "pipeline_percent"];

    internal static readonly string[] PaymentColumns = ["payment_key", "account_id", "date", "succeeded", "amount", "currency", "reference"];
    internal static readonly string[] EventColumns = ["event_id", "type", "received_at", "summary"];

    /// <summary>Writes <c>activities.csv</c>.</summary>
    public static long WriteActivities(TextWriter writer, IEnumerable<Activity> activities)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var row = Start(writer, ActivityColumns);
        long count = 0;
        foreach (var activity in activities)
        {
            row.Text(activity.Id.Value);
            row.Text(activity.Kind.ToText());
            row.Text(Instant(activity.At));
            row.Text(activity.Subject);
            row.Text(activity.Body);
            row.Text(activity.AccountId.Value);
            row.Text(activity.ContactId?.Value);
            row.Text(activity.DealId?.Value);
            row.Text(activity.Source);
            row.Text(activity.ExternalId);
            row.End();
            count++;
        }

        return count;
    }

    /// <summary>Writes <c>targets.csv</c>.</summary>
    public static long WriteTargets(TextWriter writer, IEnumerable<SalesTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var row = Start(writer, TargetColumns);
        long count = 0;
        foreach (var target in targets)
        {
            row.Text(target.Owner);
            row.Text(target.Start.ToString());
            row.Int(target.Months);
            row.Decimal(target.Arr);
            row.Text(target.Currency.Value);
            row.End();
            count++;
        }

        return count;
    }

    /// <summary>Writes <c>scenarios.csv</c>: a rule that is not set is an empty field.</summary>
    public static long WriteScenarios(TextWriter writer, IEnumerable<Scenario> scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var row = Start(writer, ScenarioColumns);
        long count = 0;
        foreach (var scenario in scenarios)
        {
            var rules = scenario.Rules ?? ScenarioRules.None;
            row.Text(scenario.Name);
            row.Text(Number(rules.ChurnPoints));
            row.Text(Number(rules.NewPercent));
            row.Text(Number(rules.ExpansionPercent));
            row.Text(Number(rules.PricePercent));
            row.Text(rules.PriceFrom?.ToString());
            row.Text(Number(rules.PipelinePercent));
            row.End();
            count++;
        }

        return count;
    }

    /// <summary>Writes <c>payments.csv</c>: <c>succeeded</c> is true or false; amount and currency are empty when unknown.</summary>
    public static long WritePayments(TextWriter writer, IEnumerable<KeyedPayment> payments)
    {
        ArgumentNullException.ThrowIfNull(payments);
        var row = Start(writer, PaymentColumns);
        long count = 0;
        foreach (var (key, payment) in payments)
        {
            row.Text(key);
            row.Text(payment.AccountId.Value);
            row.Date(payment.On);
            row.Text(payment.Succeeded ? "true" : "false");
            row.Text(Number(payment.Amount?.Amount));
            row.Text(payment.Amount?.Currency.Value);
            row.Text(payment.Reference);
            row.End();
            count++;
        }

        return count;
    }

    /// <summary>Writes <c>webhook_events.csv</c>.</summary>
    public static long WriteWebhookEvents(TextWriter writer, IEnumerable<ProcessedWebhookEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var row = Start(writer, EventColumns);
        long count = 0;
        foreach (var e in events)
        {
            row.Text(e.EventId);
            row.Text(e.Type);
            row.Text(Instant(e.ReceivedAt));
            row.Text(e.Summary);
            row.End();
            count++;
        }

        return count;
    }
}
