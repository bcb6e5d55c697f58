using RunRate.Ingest.Validation;

namespace RunRate.Capture.Billing;

/// <summary>
/// A well-formed billing event that cannot be represented in the ledger (a weekly price, a metered
/// price, a cancellation on the day a line starts). Thrown inside the event's transaction, so
/// nothing is written and the event is not recorded as processed: once the cause is fixed, the
/// billing system's retry (or a resend) applies it.
/// </summary>
public sealed class BillingEventRejectedException : Exception
{
    /// <summary>Creates the exception with every broken rule (field as in lines.csv, message naming the line).</summary>
    public BillingEventRejectedException(IReadOnlyList<FieldProblem> problems)
        : base(string.Join("; ", problems.Select(p => $"{p.Field}: {p.Message}")))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception with one broken rule.</summary>
    public BillingEventRejectedException(string field, string message)
        : this([new FieldProblem(field, message)])
    {
    }

    /// <summary>The broken rules, field by field.</summary>
    public IReadOnlyList<FieldProblem> Problems { get; }
}
