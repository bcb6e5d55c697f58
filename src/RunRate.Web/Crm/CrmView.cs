using System.Globalization;
using RunRate.Engine.Crm;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Reporting.Common;
using RunRate.Storage.Crm;

namespace RunRate.Web.Crm;

/// <summary>
/// The CRM as the API (and the CLI's <c>--json</c>) show it: records joined with their account's name and
/// their pipeline stage, filtered and ordered the same way everywhere. Built per request over one CRM
/// snapshot and the current ledger.
/// </summary>
internal sealed class CrmView(RevenueLedger ledger, CrmData crm, ICrmStore store)
{
    public CrmData Data => crm;

    public Pipeline Pipeline => crm.Pipeline;

    public string? AccountName(CustomerId id) => ledger.CustomersById.TryGetValue(id, out var customer) ? customer.Name : null;

    public ContactDto Contact(Contact c) => new(c.Id.Value, c.AccountId.Value, AccountName(c.AccountId), c.Name, c.Email, c.Phone, c.Role);

    public DealDto Deal(Deal d)
    {
        var stage = crm.Pipeline.Find(d.Stage);
        var probability = stage?.Probability ?? 0m;
        return new DealDto(
            d.Id.Value,
            d.AccountId.Value,
            AccountName(d.AccountId),
            d.Title,
            d.Stage,
            stage?.Name,
            probability,
            Outcome(stage?.Outcome ?? StageOutcome.Open),
            d.Arr,
            d.Currency.Value,
            Cents(d.Arr * probability),
            d.Kind.ToText(),
            ReportText.Date(d.ExpectedClose),
            d.Owner,
            d.Channel,
            d.LostReason,
            ReportText.Date(d.Created),
            ReportText.Date(d.ClosedOn(crm.Pipeline)),
            [.. d.History.Select(h => new StageChangeDto(h.Stage, ReportText.Date(h.On)))],
            [.. store.DealLines(d.Id).Select(l => l.Value)]);
    }

    public ActivityDto Activity(Activity a) => new(
        a.Id.Value, a.Kind.ToText(), Timestamp(a.At), a.Subject, a.Body, a.AccountId.Value, AccountName(a.AccountId), a.ContactId?.Value, a.DealId?.Value, a.Source, a.ExternalId);

    public static TargetDto Target(SalesTarget t) => new(t.Owner, t.Period, t.Arr, t.Currency.Value);

    public static StageDto Stage(PipelineStage s) => new(s.Key, s.Name, s.Probability, Outcome(s.Outcome));

    /// <summary>Contacts of an account (all when null) whose name, e-mail, role or account name contains <paramref name="q"/>, by name.</summary>
    public IEnumerable<Contact> Contacts(string? accountId, string? q) => crm.Contacts
        .Where(c => accountId is null || c.AccountId.Value == accountId)
        .Where(c => q is null || new[] { c.Name, c.Email, c.Role, AccountName(c.AccountId) }.Any(t => t?.Contains(q, StringComparison.OrdinalIgnoreCase) == true))
        .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
        .ThenBy(c => c.Id.Value, StringComparer.Ordinal);

    /// <summary>Deals in board order (stage, then expected close, then id), filtered by stage, owner (ignoring case) and account.</summary>
    public IEnumerable<Deal> Deals(string? stage = null, string? owner = null, string? accountId = null) => crm.Deals
        .Where(d => stage is null || d.Stage == stage)
        .Where(d => owner is null || string.Equals(d.Owner, owner, StringComparison.OrdinalIgnoreCase))
        .Where(d => accountId is null || d.AccountId.Value == accountId)
        .OrderBy(d => crm.Pipeline.IndexOf(d.Stage))
        .ThenBy(d => d.ExpectedClose)
        .ThenBy(d => d.Id.Value, StringComparer.Ordinal);

    /// <summary>Activities newest first (ties by id), filtered by account, deal, contact and kind.</summary>
    public IEnumerable<Activity> Activities(string? accountId = null, string? dealId = null, string? contactId = null, ActivityKind? kind = null) => crm.Activities
        .Where(a => accountId is null || a.AccountId.Value == accountId)
        .Where(a => dealId is null || a.DealId?.Value == dealId)
        .Where(a => contactId is null || a.ContactId?.Value == contactId)
        .Where(a => kind is null || a.Kind == kind)
        .OrderByDescending(a => a.At)
        .ThenBy(a => a.Id.Value, StringComparer.Ordinal);

    public static string Outcome(StageOutcome outcome) => outcome switch
    {
        StageOutcome.Won => "won",
        StageOutcome.Lost => "lost",
        _ => "open",
    };

    /// <summary>ISO 8601 in UTC with a Z, fractions of a second only when there are any: 2026-05-04T09:30:00Z.</summary>
    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    public static decimal Cents(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
