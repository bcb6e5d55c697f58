using RunRate.Engine.Crm;

namespace RunRate.Storage.Crm;

/// <summary>What <see cref="ICrmStore.ReplaceAll"/> checks before writing anything, the same for every engine.</summary>
internal static class CrmReplaceRules
{
    /// <summary><see cref="WriteOutcome.Done"/> when <paramref name="data"/> may replace the stored CRM, else why not.</summary>
    public static WriteOutcome Check(CrmData data, Func<string, bool> customerStored)
    {
        var accounts = data.Accounts.Select(a => a.AccountId)
            .Concat(data.Contacts.Select(c => c.AccountId))
            .Concat(data.Deals.Select(d => d.AccountId))
            .Concat(data.Activities.Select(a => a.AccountId))
            .ToHashSet();
        if (accounts.Any(id => !customerStored(id.Value)))
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

        return WriteOutcome.Done;
    }

    private static bool Repeats(IEnumerable<string> values)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return values.Any(v => !seen.Add(v));
    }
}
