namespace RunRate.Storage;

/// <summary>A store that cannot be opened or used, with a message meant for the user.</summary>
public sealed class StoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public StoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// True when the store does not exist yet (no SQLite file, no workspace schema) and was not to be created:
    /// adapters answer "not found" rather than "store error".
    /// </summary>
    public bool IsMissingStore { get; init; }

    /// <summary>Creates the exception without details.</summary>
    public StoreException()
    {
    }
}
