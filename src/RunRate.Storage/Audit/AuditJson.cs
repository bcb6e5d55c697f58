using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using RunRate.Engine.Crm;
using RunRate.Engine.Forecast;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;

namespace RunRate.Storage.Audit;

/// <summary>
/// The compact JSON an audit entry keeps of a record: one flat object per record with the ledger
/// format's snake_case column names, null fields left out, amounts as exact JSON numbers. Written by
/// hand (no reflection) so the shape is stable and nothing but the record's own fields can appear.
/// </summary>
internal static class AuditJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string? Of(Customer? customer) => customer is null ? null : Write(w =>
    {
        Text(w, "customer_id", customer.Id.Value);
        Text(w, "name", customer.Name);
        Text(w, "country", customer.Country);
        Text(w, "segment", customer.Segment);
        Text(w, "channel", customer.Channel);
        Text(w, "owner", customer.Owner);
        if (!customer.Attributes.IsEmpty)
        {
            w.WriteStartObject("attributes");
            foreach (var (key, value) in customer.Attributes)
            {
                w.WriteString(key, value);
            }

            w.WriteEndObject();
        }
    });

    public static string? Of(RevenueLine? line) => line is null ? null : Write(w => Line(w, line));

    public static string? Of(Contact? contact) => contact is null ? null : Write(w =>
    {
        Text(w, "contact_id", contact.Id.Value);
        Text(w, "account_id", contact.AccountId.Value);
        Text(w, "name", contact.Name);
        Text(w, "email", contact.Email);
        Text(w, "phone", contact.Phone);
        Text(w, "role", contact.Role);
    });

    public static string? Of(Deal? deal) => deal is null ? null : Write(w =>
    {
        Text(w, "deal_id", deal.Id.Value);
        Text(w, "account_id", deal.AccountId.Value);
        Text(w, "title", deal.Title);
        Text(w, "stage", deal.Stage);
        w.WriteNumber("arr", deal.Arr);
        Text(w, "currency", deal.Currency.Value);
        Text(w, "kind", deal.Kind.ToText());
        Text(w, "expected_close", Date(deal.ExpectedClose));
        Text(w, "owner", deal.Owner);
        Text(w, "channel", deal.Channel);
        Text(w, "lost_reason", deal.LostReason);
        Text(w, "created", Date(deal.Created));
        Text(w, "history", string.Join(", ", deal.History.Select(h => $"{h.Stage} {Date(h.On)}")));
    });

    public static string? Of(Activity? activity) => activity is null ? null : Write(w =>
    {
        Text(w, "activity_id", activity.Id.Value);
        Text(w, "kind", activity.Kind.ToText());
        Text(w, "at", activity.At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        Text(w, "subject", activity.Subject);
        Text(w, "body", activity.Body);
        Text(w, "account_id", activity.AccountId.Value);
        Text(w, "contact_id", activity.ContactId?.Value);
        Text(w, "deal_id", activity.DealId?.Value);
        Text(w, "source", activity.Source);
        Text(w, "external_id", activity.ExternalId);
    });

    public static string? Of(SalesTarget? target) => target is null ? null : Write(w =>
    {
        Text(w, "owner", target.Owner);
        Text(w, "period", target.Period);
        Text(w, "start", target.Start.ToString());
        w.WriteNumber("months", target.Months);
        w.WriteNumber("arr", target.Arr);
        Text(w, "currency", target.Currency.Value);
    });

    public static string? Of(Pipeline? pipeline) => pipeline is null ? null : Write(w =>
    {
        foreach (var stage in pipeline.Stages)
        {
            Text(w, stage.Key, string.Create(CultureInfo.InvariantCulture, $"{stage.Name} ({stage.Probability}, {stage.Outcome.ToString().ToLowerInvariant()})"));
        }
    });

    public static string? Of(Scenario? scenario) => scenario is null ? null : Write(w =>
    {
        Text(w, "name", scenario.Name);
        var rules = scenario.Rules ?? ScenarioRules.None;
        Number(w, "churn_points", rules.ChurnPoints);
        Number(w, "new_percent", rules.NewPercent);
        Number(w, "expansion_percent", rules.ExpansionPercent);
        Number(w, "price_percent", rules.PricePercent);
        Text(w, "price_from", rules.PriceFrom?.ToString());
        Number(w, "pipeline_percent", rules.PipelinePercent);
    });

    public static string? Domains(CustomerId account, IReadOnlyList<string>? domains) => domains is null || domains.Count == 0 ? null : Write(w =>
    {
        Text(w, "account_id", account.Value);
        Text(w, "domains", string.Join(", ", domains));
    });

    /// <summary>A flat object of counts and short texts (an import's, a capture's, a billing event's).</summary>
    public static string Facts(params (string Name, object? Value)[] facts) => Write(w =>
    {
        foreach (var (name, value) in facts)
        {
            switch (value)
            {
                case null: break;
                case int i: w.WriteNumber(name, i); break;
                case long l: w.WriteNumber(name, l); break;
                case IEnumerable<string> list:
                    w.WriteStartArray(name);
                    foreach (var item in list)
                    {
                        w.WriteStringValue(item);
                    }

                    w.WriteEndArray();
                    break;
                default: w.WriteString(name, Convert.ToString(value, CultureInfo.InvariantCulture)); break;
            }
        }
    });

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Line(Utf8JsonWriter w, RevenueLine line)
    {
        Text(w, "line_id", line.Id.Value);
        Text(w, "customer_id", line.CustomerId.Value);
        Text(w, "kind", line.Kind.ToLedgerText());
        Text(w, "product", line.Product);
        Text(w, "start", Date(line.Start));
        Text(w, "end", line.End is { } end ? Date(end) : null);
        w.WriteNumber("amount", line.Amount);
        w.WriteNumber("quantity", line.Quantity);
        Text(w, "currency", line.Currency.Value);
        if (line.IntervalMonths is { } months)
        {
            w.WriteNumber("interval_months", months);
        }
    }

    private static void Text(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void Number(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
