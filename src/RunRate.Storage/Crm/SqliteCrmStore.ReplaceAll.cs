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
        if (CrmReplaceRules.Check(data, id => store.Exists(transaction, "customers", "customer_id", id)) is var check && check != WriteOutcome.Done)
        {
            return check;
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
}
