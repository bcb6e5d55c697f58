namespace RunRate.Cli.Common;

/// <summary>Stable process exit codes; scripts depend on them, so never renumber.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Bad command line (unknown option, malformed month, …).</summary>
    public const int Usage = 1;

    /// <summary>The ledger's data is invalid (import errors, a missing exchange rate).</summary>
    public const int InvalidData = 2;

    /// <summary>Something named does not exist (the store, a customer, a folder).</summary>
    public const int NotFound = 3;

    /// <summary>The store cannot be opened or written.</summary>
    public const int StoreError = 4;

    /// <summary>A network resource is unavailable (the port to serve on is taken).</summary>
    public const int Unavailable = 5;

    /// <summary>An unexpected failure: a bug.</summary>
    public const int Internal = 70;
}
