using RunRate.Engine.Crm;
using RunRate.Engine.Primitives;
using RunRate.Ingest.Validation;

namespace RunRate.Ingest.Crm;

/// <summary>A contact's fields as an API request or the CLI carries them (null or empty for absent values).</summary>
public sealed record ContactFields(string ContactId, string? AccountId, string? Name, string? Email, string? Phone, string? Role);

/// <summary>
/// The rules of one contact, shared by the API and the CLI: an id, a stored account, a name, and an
/// e-mail address (optional) that is syntactically valid and stored lower-cased, because captured
/// mail is matched on it. Uniqueness of the address is the store's to check (it sees every contact).
/// </summary>
public static class ContactRules
{
    /// <summary>Validates and returns the contact, or null with every problem added to <paramref name="problems"/>.</summary>
    public static Contact? Validate(ContactFields fields, Func<string, bool> accountKnown, ICollection<FieldProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(accountKnown);
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Count;
        var id = CrmText.Required(fields.ContactId, "contact_id", problems);
        var account = CrmText.Required(fields.AccountId, "account_id", problems);
        if (account is not null && !accountKnown(account))
        {
            problems.Add(new("account_id", $"unknown account '{CrmText.Shorten(account)}': accounts are the ledger's customers"));
        }

        var name = CrmText.Required(fields.Name, "name", problems);
        var emailText = CrmText.Optional(fields.Email);
        var email = EmailAddress.Normalize(emailText);
        if (emailText is not null && email is null)
        {
            problems.Add(new("email", $"expected an e-mail address such as jane@acme.com, found '{CrmText.Shorten(emailText)}'"));
        }

        return problems.Count > before
            ? null
            : new Contact(new ContactId(id!), new CustomerId(account!), name!, email, CrmText.Optional(fields.Phone), CrmText.Optional(fields.Role));
    }
}
