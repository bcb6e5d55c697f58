using System.Collections.Immutable;
using RunRate.Engine.Primitives;

namespace RunRate.Engine.Crm;

/// <summary>
/// CRM facts about an account that the ledger does not carry. The account itself is the ledger's
/// customer (same id, name, owner and attributes); this adds the e-mail domains that identify its
/// people, so a message from anyone at the company is logged on it even before they are a contact.
/// </summary>
/// <param name="AccountId">The ledger customer.</param>
/// <param name="Domains">Lower-case e-mail domains, e.g. "acme.com".</param>
public sealed record AccountProfile(CustomerId AccountId, ImmutableArray<string> Domains);
