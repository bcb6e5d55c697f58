namespace RunRate.Reporting.Common;

/// <summary>
/// A report parameter that cannot be honoured (an unknown breakdown attribute, a malformed filter).
/// The CLI turns it into a usage error, the web API into a 400 naming <see cref="Field"/>.
/// </summary>
public sealed class ReportInputException : Exception
{
    /// <summary>Creates the exception for a parameter.</summary>
    public ReportInputException(string field, string message)
        : base(message) => Field = field;

    /// <summary>Creates the exception without a parameter name.</summary>
    public ReportInputException()
        : this("", "invalid report parameter")
    {
    }

    /// <summary>Creates the exception without a parameter name.</summary>
    public ReportInputException(string message)
        : this("", message)
    {
    }

    /// <summary>Creates the exception without a parameter name.</summary>
    public ReportInputException(string message, Exception innerException)
        : base(message, innerException) => Field = "";

    /// <summary>The parameter at fault, as the API names it (<c>by</c>, <c>attr</c>, …).</summary>
    public string Field { get; }
}
