using RunRate.Engine.Crm;
using RunRate.Engine.Primitives;

namespace RunRate.Capture.Matching;

/// <summary>An account a captured message or meeting concerns, with the contact that tied it there when one did.</summary>
/// <param name="Account">The account (ledger customer).</param>
/// <param name="Contact">The first contact of the account among the participants; null when only a domain matched.</param>
internal sealed record AccountMatch(CustomerId Account, ContactId? Contact);

/// <summary>
/// Decides which accounts a set of e-mail addresses (a message's From/To/Cc, a meeting's organizer and
/// attendees) belongs to. Pure: built from a CRM snapshot, it never touches the store, so mail and
/// calendars share exactly the same rules and tests can state them directly.
/// </summary>
/// <remarks>
/// For each address, in order: addresses at the user's own domains (or their subdomains) are ignored;
/// an address that is a contact's e-mail (case-insensitive) gives the contact's account and the contact,
/// and no domain is consulted for it (a contact match beats a domain match); otherwise the most specific
/// account domain that equals the address's domain or a parent of it gives its account(s).
/// </remarks>
internal sealed class AddressMatcher
{
    private readonly Dictionary<string, Contact> _contacts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<CustomerId>> _domains = new(StringComparer.Ordinal);
    private readonly HashSet<string> _own = new(StringComparer.Ordinal);

    public AddressMatcher(IEnumerable<Contact> contacts, IEnumerable<AccountProfile> accounts, IEnumerable<string> ownDomains)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(ownDomains);
        foreach (var contact in contacts.OrderBy(c => c.Id.Value, StringComparer.Ordinal))
        {
            if (EmailAddresses.Normalize(contact.Email) is { } email)
            {
                _contacts.TryAdd(email, contact);
            }
        }

        foreach (var account in accounts.OrderBy(a => a.AccountId.Value, StringComparer.Ordinal))
        {
            foreach (var domain in account.Domains.Select(EmailAddresses.NormalizeDomain).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                if (!_domains.TryGetValue(domain, out var owners))
                {
                    _domains[domain] = owners = [];
                }

                owners.Add(account.AccountId);
            }
        }

        _own.UnionWith(ownDomains.Select(EmailAddresses.NormalizeDomain).OfType<string>());
    }

    /// <summary>Builds a matcher over a CRM snapshot.</summary>
    public static AddressMatcher For(CrmData crm, IEnumerable<string> ownDomains)
    {
        ArgumentNullException.ThrowIfNull(crm);
        return new AddressMatcher(crm.Contacts, crm.Accounts, ownDomains);
    }

    /// <summary>True when the address is at one of the user's own domains or a subdomain of one.</summary>
    public bool IsOwn(string address) =>
        EmailAddresses.Normalize(address) is { } normalized && EmailAddresses.SelfAndParents(EmailAddresses.DomainOf(normalized)).Any(_own.Contains);

    /// <summary>
    /// The accounts the addresses belong to, each once, in the order their first address appears; an
    /// account first reached through its domain takes the contact of a later address when one matches.
    /// </summary>
    public IReadOnlyList<AccountMatch> Match(IEnumerable<string?> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        var found = new List<AccountMatch>();
        foreach (var raw in addresses)
        {
            if (EmailAddresses.Normalize(raw) is not { } address || IsOwn(address))
            {
                continue;
            }

            if (_contacts.TryGetValue(address, out var contact))
            {
                Add(found, contact.AccountId, contact.Id);
                continue;
            }

            var owners = EmailAddresses.SelfAndParents(EmailAddresses.DomainOf(address))
                .Select(d => _domains.GetValueOrDefault(d))
                .FirstOrDefault(o => o is not null);
            foreach (var account in owners ?? [])
            {
                Add(found, account, null);
            }
        }

        return found;
    }

    private static void Add(List<AccountMatch> found, CustomerId account, ContactId? contact)
    {
        var index = found.FindIndex(m => m.Account == account);
        if (index < 0)
        {
            found.Add(new AccountMatch(account, contact));
        }
        else if (found[index].Contact is null && contact is not null)
        {
            found[index] = found[index] with { Contact = contact };
        }
    }
}
