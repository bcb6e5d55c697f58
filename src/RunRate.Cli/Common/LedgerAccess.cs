using RunRate.Engine.Ledger;
using RunRate.Engine.Metrics;
using RunRate.Engine.Model;
using RunRate.Engine.Movements;
using RunRate.Reporting.Common;
using RunRate.Reporting.Filters;
using RunRate.Storage;

namespace RunRate.Cli.Common;

/// <summary>Opens the store a command names and turns engine and store failures into user-facing errors.</summary>
internal static class LedgerAccess
{
    public static string ResolveDb(CliContext context, string? option) => StoreLocation.Resolve(option, context.Environment);

    /// <summary>The store's location as messages may show it: a PostgreSQL location without its password.</summary>
    public static string Shown(string location) => StoreFactory.IsPostgres(location) ? PostgresLocation.Redact(location) : location;

    /// <summary>Who the audit log names for writes from this command line: <c>cli:</c> and the OS user.</summary>
    public static string Actor => "cli:" + Environment.UserName;

    /// <summary>Opens the store; any write through it (import, CRM, scenarios, webhook, capture, demo) is recorded as <see cref="Actor"/>.</summary>
    public static ILedgerStore Open(CliContext context, string? option, bool create)
    {
        var location = ResolveDb(context, option);
        try
        {
            return StoreFactory.Open(location, create, clock: context.Clock, actor: Actor);
        }
        catch (StoreException ex)
        {
            throw new CliException(ex.Message, ExitCode(ex, location, create));
        }
    }

    /// <summary>
    /// Not found when there is no store yet to read (no SQLite file, no workspace schema on the server); anything else
    /// (an unreachable server, a refused login, a damaged file) is a store error.
    /// </summary>
    private static int ExitCode(StoreException ex, string location, bool create) =>
        StoreFactory.IsPostgres(location)
            ? (ex.IsMissingStore && !create ? ExitCodes.NotFound : ExitCodes.StoreError)
            : (File.Exists(location) || create ? ExitCodes.StoreError : ExitCodes.NotFound);

    public static RevenueLedger Load(CliContext context, string? option)
    {
        using var store = Open(context, option, create: false);
        return store.Load();
    }

    /// <summary>
    /// The monthly bridge of <paramref name="request"/>. An unfiltered report streams the store into the in-memory
    /// model (a few numbers per line, no snapshot), which is what keeps a million-customer ledger within memory;
    /// a filtered one, or a ledger the model refuses, is computed from the snapshot by the reference engine,
    /// which also words any conversion error.
    /// </summary>
    public static BridgeReport Bridge(CliContext context, string? option, ReportRequest request)
    {
        using var store = Open(context, option, create: false);
        if (request.Filter.IsEmpty)
        {
            var builder = RevenueModel.CreateBuilder(request.Currency);
            store.StreamLedger(builder.Add, builder.Add, builder.Add);
            try
            {
                return builder.Build().Compute(request);
            }
            catch (Exception e) when (e is LedgerConversionException or NotSupportedException)
            {
                // The reference engine below reports the same problem in its own canonical order, or handles the ledger.
            }
        }

        var ledger = store.Load();
        return Compute(() => RevenueEngine.Compute(ledger, request));
    }

    /// <summary>Runs an engine computation, reporting missing exchange rates as invalid data.</summary>
    public static T Compute<T>(Func<T> compute)
    {
        try
        {
            return compute();
        }
        catch (LedgerConversionException ex)
        {
            throw new CliException("cannot convert to the reporting currency:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", ex.Problems), ExitCodes.InvalidData);
        }
    }

    /// <summary>The groups of a <c>--by</c> breakdown (see <see cref="ReportFilters.Groups"/>), with the CLI's usage error.</summary>
    public static IReadOnlyList<(string Label, LedgerFilter Filter)> Groups(RevenueLedger ledger, LedgerFilter filter, string by)
    {
        try
        {
            return ReportFilters.Groups(ledger, filter, by);
        }
        catch (ReportInputException ex)
        {
            throw new CliException($"--by {by}: {ex.Message}", ExitCodes.Usage);
        }
    }
}
