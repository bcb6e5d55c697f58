using RunRate.Engine.Primitives;

namespace RunRate.Engine.Crm;

/// <summary>A person at an account. The e-mail address is what captured mail and meetings are matched on.</summary>
/// <param name="Id">Unique contact id.</param>
/// <param name="AccountId">The account (the ledger customer) the person works for.</param>
/// <param name="Name">Full name.</param>
/// <param name="Email">E-mail address, lower-cased when stored; unique across contacts when given.</param>
/// <param name="Phone">Phone number as entered.</param>
/// <param name="Role">Job role, e.g. "CFO" or "champion".</param>
public sealed record Contact(ContactId Id, CustomerId AccountId, string Name, string? Email, string? Phone, string? Role);
