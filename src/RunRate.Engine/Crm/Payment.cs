using RunRate.Engine.Primitives;

namespace RunRate.Engine.Crm;

/// <summary>
/// A billing outcome for an account, as the billing system reported it (for example through the
/// Stripe webhook). Failed payments not followed by a successful one raise churn risk.
/// </summary>
/// <param name="AccountId">The account billed.</param>
/// <param name="On">The day of the attempt.</param>
/// <param name="Succeeded">Paid (true) or failed (false).</param>
/// <param name="Amount">The invoice amount, when known.</param>
/// <param name="Reference">The billing system's invoice id.</param>
public sealed record Payment(CustomerId AccountId, DateOnly On, bool Succeeded, Money? Amount, string Reference);
