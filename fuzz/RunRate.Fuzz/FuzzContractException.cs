namespace RunRate.Fuzz;

/// <summary>Thrown by a target when the code under test returned normally but broke a promise it makes.</summary>
public sealed class FuzzContractException : Exception
{
    public FuzzContractException()
    {
    }

    public FuzzContractException(string message)
        : base(message)
    {
    }

    public FuzzContractException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
