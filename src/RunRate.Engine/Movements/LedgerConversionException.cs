namespace RunRate.Engine.Movements;

/// <summary>
/// Thrown when lines cannot be expressed in the reporting currency (no exchange rate in force on
/// their start date). Lists every such line, not only the first, so the user can fix them at once.
/// </summary>
public sealed class LedgerConversionException : Exception
{
    /// <summary>Creates the exception from the list of problems.</summary>
    public LedgerConversionException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems)) => Problems = problems;

    /// <summary>Creates an exception with one message.</summary>
    public LedgerConversionException(string message)
        : base(message) => Problems = [message];

    /// <summary>Creates an exception with one message and an inner cause.</summary>
    public LedgerConversionException(string message, Exception innerException)
        : base(message, innerException) => Problems = [message];

    /// <summary>Creates an exception without details.</summary>
    public LedgerConversionException()
        : this("The ledger cannot be converted to the reporting currency.")
    {
    }

    /// <summary>One message per line that could not be converted.</summary>
    public IReadOnlyList<string> Problems { get; }
}
