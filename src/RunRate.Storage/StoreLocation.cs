namespace RunRate.Storage;

/// <summary>
/// Resolves which store a command uses: the <c>--db</c> option, else the <c>RUNRATE_DB</c>
/// environment variable, else <c>./runrate.db</c>.
/// </summary>
public static class StoreLocation
{
    /// <summary>The default file name in the working folder.</summary>
    public const string DefaultFile = "runrate.db";

    /// <summary>The environment variable naming the store.</summary>
    public const string EnvironmentVariable = "RUNRATE_DB";

    /// <summary>The store to use.</summary>
    public static string Resolve(string? option, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrWhiteSpace(option))
        {
            return option;
        }

        var fromEnvironment = environment(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(fromEnvironment) ? DefaultFile : fromEnvironment;
    }
}
