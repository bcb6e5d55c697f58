using RunRate.Engine.Crm;
using RunRate.Engine.Forecast;
using RunRate.Engine.Primitives;
using RunRate.Ingest.Csv;
using RunRate.Ingest.Forecast;
using RunRate.Ingest.Validation;

namespace RunRate.Ingest.Backup;

/// <summary>Activities, targets, scenarios, payments and processed billing events.</summary>
internal static partial class CrmCsvReader
{
    private static List<Activity> ReadActivities(CsvFields row, IReadOnlySet<string> customers)
    {
        var activities = new List<Activity>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var externals = new Dictionary<string, int>(StringComparer.Ordinal);
        while (row.Next())
        {
            var id = Unique(row, "activity_id", ids);
            var kindText = row.Id("kind");
            var kind = ActivityKinds.Parse(kindText);
            if (kind is null && kindText.Length > 0)
            {
                row.Fail("kind", $"expected email, call, meeting or note, found '{FieldParser.Shorten(kindText)}'");
            }

            var at = row.Instant("at");
            var subject = row.AnyText("subject");
            var body = row.Text("body");
            var account = Account(row, "account_id", customers);
            var contact = row.OptionalId("contact_id");
            var deal = row.OptionalId("deal_id");
            var source = row.Id("source");
            var external = row.OptionalId("external_id");
            if (external is not null && !externals.TryAdd(external, row.Line))
            {
                row.Fail("external_id", $"'{FieldParser.Shorten(external)}' is already the external id of the activity on line {externals[external]}");
            }

            if (row.Ok)
            {
                activities.Add(new Activity(new(id), kind!.Value, at, subject, body, new(account), contact is null ? null : new ContactId(contact), deal is null ? null : new DealId(deal), source, external));
            }
        }

        return activities;
    }

    private static List<SalesTarget> ReadTargets(CsvFields row)
    {
        var targets = new List<SalesTarget>();
        var seen = new Dictionary<(string, YearMonth, int), int>();
        while (row.Next())
        {
            var owner = row.RequiredText("owner");
            var start = row.Month("start_month");
            var months = row.Int("months", 1, 3);
            if (row.Ok && months == 2)
            {
                row.Fail("months", "expected 1 (a month) or 3 (a quarter), found 2");
            }
            else if (row.Ok && months == 3 && (start.Month - 1) % 3 != 0)
            {
                row.Fail("start_month", $"a quarter starts in January, April, July or October, found {start}");
            }

            var arr = row.Decimal("arr", 0m);
            var currency = row.Currency("currency");
            if (row.Ok && !seen.TryAdd((owner, start, months), row.Line))
            {
                row.Fail("owner", $"a target of {owner} for the same period is already on line {seen[(owner, start, months)]}");
            }

            if (row.Ok)
            {
                targets.Add(new SalesTarget(owner, start, months, arr, currency));
            }
        }

        return targets;
    }

    private static List<Scenario> ReadScenarios(CsvFields row)
    {
        var scenarios = new List<Scenario>();
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<FieldProblem>();
        while (row.Next())
        {
            problems.Clear();
            var scenario = ScenarioFieldRules.Validate(
                new ScenarioFields(row.AnyText("name"), row.OptionalId("churn_points"), row.OptionalId("new_percent"), row.OptionalId("expansion_percent"), row.OptionalId("price_percent"), row.OptionalId("price_from"), row.OptionalId("pipeline_percent")),
                problems);
            foreach (var problem in problems)
            {
                row.Fail(problem.Field, problem.Message);
            }

            if (scenario is not null && !names.TryAdd(scenario.Name, row.Line))
            {
                row.Fail("name", $"'{scenario.Name}' is already on line {names[scenario.Name]} (names are compared ignoring case)");
            }

            if (row.Ok && scenario is not null)
            {
                scenarios.Add(scenario);
            }
        }

        return scenarios;
    }

    private static List<KeyedPayment> ReadPayments(CsvFields row)
    {
        var payments = new List<KeyedPayment>();
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        while (row.Next())
        {
            var key = Unique(row, "payment_key", keys);
            var account = row.Id("account_id");
            var on = row.Date("date");
            var succeeded = row.Boolean("succeeded");
            var amount = row.OptionalDecimal("amount");
            var currency = row.OptionalId("currency") is null ? (CurrencyCode?)null : row.Currency("currency");
            if (amount is null != currency is null)
            {
                row.Fail(amount is null ? "amount" : "currency", "amount and currency go together: give both or neither");
            }

            var reference = row.AnyText("reference");
            if (row.Ok)
            {
                var money = amount is { } value && currency is { } code ? new Money(value, code) : (Money?)null;
                payments.Add(new KeyedPayment(key, new Payment(new(account), on, succeeded, money, reference)));
            }
        }

        return payments;
    }

    private static List<ProcessedWebhookEvent> ReadEvents(CsvFields row)
    {
        var events = new List<ProcessedWebhookEvent>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        while (row.Next())
        {
            var id = Unique(row, "event_id", ids);
            var type = row.Id("type");
            var at = row.Instant("received_at");
            var summary = row.AnyText("summary");
            if (row.Ok)
            {
                events.Add(new ProcessedWebhookEvent(id, type, at, summary));
            }
        }

        return events;
    }
}
