using RunRate.Engine.Crm;
using RunRate.Engine.Primitives;
using RunRate.Ingest.Validation;

namespace RunRate.Ingest.Crm;

/// <summary>An activity's fields as an API request or the CLI carries them (null or empty for absent values).</summary>
public sealed record ActivityFields(string ActivityId, string? Kind, string? At, string? Subject, string? Body, string? AccountId, string? ContactId, string? DealId);

/// <summary>How the rules look up what an activity refers to.</summary>
/// <param name="AccountKnown">Whether a customer id is stored.</param>
/// <param name="FindContact">A stored contact by id, or null.</param>
/// <param name="FindDeal">A stored deal by id, or null.</param>
public sealed record CrmLookups(Func<string, bool> AccountKnown, Func<string, Contact?> FindContact, Func<string, Deal?> FindDeal);

/// <summary>
/// The rules of a hand-logged activity, shared by the API and the CLI: a kind, a time (default now), a
/// subject, a stored account, and a contact and a deal (both optional) that belong to that same account,
/// since a touch logged on the wrong account would mislead every "last contacted" figure.
/// </summary>
public static class ActivityRules
{
    /// <summary>The source of activities logged by hand.</summary>
    public const string ManualSource = "manual";

    /// <summary>Validates and returns the activity (source manual, no external id), or null with every problem added.</summary>
    public static Activity? Validate(ActivityFields fields, DateTimeOffset now, CrmLookups lookups, ICollection<FieldProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(lookups);
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Count;
        var id = CrmText.Required(fields.ActivityId, "activity_id", problems);
        var kindText = CrmText.Optional(fields.Kind);
        var kind = ActivityKinds.Parse(kindText);
        if (kind is null)
        {
            problems.Add(new("kind", kindText is null
                ? "is required: email, call, meeting or note"
                : $"expected email, call, meeting or note, found '{CrmText.Shorten(kindText)}'"));
        }

        var atText = CrmText.Optional(fields.At);
        var at = atText is null ? now.ToUniversalTime() : CrmText.Instant(atText, "at", problems);
        var subject = CrmText.Required(fields.Subject, "subject", problems);
        var account = CrmText.Required(fields.AccountId, "account_id", problems);
        if (account is not null && !lookups.AccountKnown(account))
        {
            problems.Add(new("account_id", $"unknown account '{CrmText.Shorten(account)}': accounts are the ledger's customers"));
            account = null;
        }

        var contactId = CrmText.Optional(fields.ContactId);
        if (contactId is not null)
        {
            var contact = lookups.FindContact(contactId);
            if (contact is null)
            {
                problems.Add(new("contact_id", $"unknown contact '{CrmText.Shorten(contactId)}'"));
            }
            else if (account is not null && contact.AccountId.Value != account)
            {
                problems.Add(new("contact_id", $"contact '{contactId}' works for account '{contact.AccountId}', not '{account}'"));
            }
        }

        var dealId = CrmText.Optional(fields.DealId);
        if (dealId is not null)
        {
            var deal = lookups.FindDeal(dealId);
            if (deal is null)
            {
                problems.Add(new("deal_id", $"unknown deal '{CrmText.Shorten(dealId)}'"));
            }
            else if (account is not null && deal.AccountId.Value != account)
            {
                problems.Add(new("deal_id", $"deal '{dealId}' belongs to account '{deal.AccountId}', not '{account}'"));
            }
        }

        if (problems.Count > before)
        {
            return null;
        }

        var body = string.IsNullOrWhiteSpace(fields.Body) ? null : fields.Body.Trim();
        return new Activity(
            new ActivityId(id!),
            kind!.Value,
            at!.Value,
            subject!,
            body,
            new CustomerId(account!),
            contactId is null ? null : new ContactId(contactId),
            dealId is null ? null : new DealId(dealId),
            ManualSource,
            null);
    }
}
