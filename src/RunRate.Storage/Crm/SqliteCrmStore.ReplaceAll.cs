using Microsoft.Data.Sqlite;
using RunRate.Engine.Crm;

namespace RunRate.Storage.Crm;

/// <summary>Replacing the whole CRM side in one transaction (see <see cref="ICrmStore.ReplaceAll"/>).</summary>
internal sealed partial class SqliteCrmStore
{
    public WriteOutcome ReplaceAll(CrmData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return store.Write(transaction => ReplaceAllIn(transaction, data));
    }

    /// <summary>The body of <see cref="ReplaceAll"/> inside a caller's transaction (also a backup restore's); writes nothing unless <see cref="WriteOutcome.Done"/>.</summary>
    internal WriteOutcome ReplaceAllIn(SqliteTransaction transaction, CrmData data)
    {
        var accounts = data.Accounts.Select(a => a.AccountId)
            .Concat(data.Contacts.Select(c => c.AccountId))
            .Concat(data.Deals.Select(d => d.AccountId))
            .Concat(data.Activities.Select(a => a.AccountId))
            .ToHashSet();
        if (accounts.Any(id => !store.Exists(transaction, "customers", "customer_id", id.Value)))
        {
            return WriteOutcome.UnknownCustomer;
        }

        if (data.Deals.Any(d => data.Pipeline.Find(d.Stage) is null || d.History.Any(h => data.Pipeline.Find(h.Stage) is null)))
        {
            return WriteOutcome.Invalid;
        }

        if (Repeats(data.Accounts.Select(a => a.AccountId.Value)) || Repeats(data.Contacts.Select(c => c.Id.Value)) || Repeats(data.Contacts.Select(c => c.Email).OfType<string>())
            || Repeats(data.Deals.Select(d => d.Id.Value)) || Repeats(data.Activities.Select(a => a.Id.Value)) || Repeats(data.Activities.Select(a => a.ExternalId).OfType<string>())
            || Repeats(data.Targets.Select(t => $"{t.Owner}\n{t.Start}\n{t.Months}")))
        {
            return WriteOutcome.Conflict;
        }

        // Deal history and deal-line links go with their deals (ON DELETE CASCADE); the ledger lines stay.
        store.Execute(transaction, "DELETE FROM activities; DELETE FROM deals; DELETE FROM contacts; DELETE FROM crm_accounts; DELETE FROM targets;");
        ReplaceStages(transaction, data.Pipeline);
        foreach (var account in data.Accounts.Where(a => a.Domains.Length > 0))
        {
            UpsertDomains(transaction, account.AccountId, account.Domains);
        }

        foreach (var contact in data.Contacts)
        {
            UpsertContact(transaction, contact);
        }

        foreach (var deal in data.Deals)
        {
            UpsertDeal(transaction, deal);
        }

        foreach (var activity in data.Activities)
        {
            Insert(transaction, activity, upsert: false);
        }

        foreach (var target in data.Targets)
        {
            UpsertTarget(transaction, target);
        }

        return WriteOutcome.Done;
    }

    private static bool Repeats(IEnumerable<string> values)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return values.Any(v => !seen.Add(v));
    }
}
