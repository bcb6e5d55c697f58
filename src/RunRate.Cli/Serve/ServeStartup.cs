using RunRate.Cli.Common;
using RunRate.Storage.Health;

namespace RunRate.Cli.Serve;

/// <summary>
/// The store check <c>runrate serve</c> makes before it opens the store: a file another process holds locked, a file
/// that is not a database, a malformed PostgreSQL location or a server that does not answer is reported in one line
/// (what and where, never the password) with exit code 4, within <see cref="Wait"/> rather than after the store's own
/// 30 s lock wait. A store that does not exist yet is left to the open, which creates it.
/// </summary>
internal static class ServeStartup
{
    /// <summary>How long start-up waits for a lock or a connection.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    public static void CheckStore(string location)
    {
        var report = StoreHealth.Check(location, Wait);
        if (report.Failing is { Name: "store", Missing: false } failing)
        {
            throw new CliException($"cannot serve: {failing.Detail}", ExitCodes.StoreError);
        }
    }
}
