using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using RunRate.Reliability.Tests.Support;
using RunRate.Storage;
using RunRate.Storage.Audit;
using RunRate.Testing;

namespace RunRate.Reliability.Tests.Crash;

/// <summary>
/// What a store holds after a crash, split in two: the <see cref="Content"/> (counts and the report figures the CLI
/// prints from it) and the <see cref="Book"/> keeping (revision, import history, audit log), which grows by exactly one
/// per committed import. The store is opened fresh every time, through the storage API and through the real CLI.
/// </summary>
internal sealed record StoreState(bool Exists, Content Content, Book Book)
{
    public static readonly TimeSpan CliTimeout = TimeSpan.FromSeconds(90);

    /// <summary>True when the store holds no ledger at all (absent, or created and still empty).</summary>
    public bool IsEmpty => !Exists || (Content.Customers == 0 && Content.Lines == 0 && Book.Revision == 0 && Book.Imports == 0);

    public static StoreState Read(string location, bool withReports = true)
    {
        if (!TestStores.Exists(location))
        {
            return new StoreState(false, Content.None, new Book(0, 0, 0));
        }

        CheckIntegrity(location);
        Book book;
        int customers;
        int lines;
        int rates;
        int costs;
        using (var store = StoreFactory.Open(location, create: false))
        {
            var snapshot = store.LoadSnapshot();
            customers = snapshot.Ledger.Customers.Count;
            lines = snapshot.Ledger.Lines.Count;
            rates = snapshot.Ledger.Fx.Rates.Count;
            costs = snapshot.Ledger.Costs.Length;
            book = new Book(snapshot.Revision, store.Imports().Count, store.Audit.List(new AuditQuery(Limit: 10_000)).Count);
        }

        if (customers == 0 && lines == 0 || !withReports)
        {
            return new StoreState(true, new Content(customers, lines, rates, costs, "", ""), book);
        }

        return new StoreState(true, new Content(customers, lines, rates, costs, Cli(location, "mrr"), Cli(location, "summary")), book);
    }

    /// <summary>One line for the test log: revision, counts and the size of the report outputs.</summary>
    public string Describe() => !Exists
        ? "absent"
        : string.Create(CultureInfo.InvariantCulture, $"revision {Book.Revision}, {Content.Customers} customers, {Content.Lines} lines, {Book.Imports} imports, {Book.AuditEntries} audit entries, mrr {Content.Mrr.Length} B, summary {Content.Summary.Length} B");

    /// <summary>Runs <c>runrate REPORT --json --db LOCATION</c>; it must succeed.</summary>
    private static string Cli(string location, string report)
    {
        var (exit, output, errors) = RunRateProcess.Run([report, "--json", "--db", location], CliTimeout);
        return exit == 0 ? output : throw new InvalidOperationException($"runrate {report} --json failed ({exit}) after the crash: {errors}{output}");
    }

    /// <summary>SQLite: the file passes <c>integrity_check</c> and <c>foreign_key_check</c> (PostgreSQL checks itself).</summary>
    private static void CheckIntegrity(string location)
    {
        if (TestStores.OnPostgres)
        {
            return;
        }

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = location, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var result = command.ExecuteScalar() as string;
        if (!string.Equals(result, "ok", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"integrity_check of {location}: {result}");
        }

        command.CommandText = "PRAGMA foreign_key_check";
        using var reader = command.ExecuteReader();
        if (reader.Read())
        {
            throw new InvalidOperationException($"foreign_key_check of {location}: a row of {reader.GetString(0)} refers to a missing row");
        }
    }

    /// <summary>
    /// PostgreSQL: waits until no session of the killed client is left on the server (the server notices the closed
    /// socket, rolls the transaction back and ends the backend). Returns how long that took.
    /// </summary>
    public static TimeSpan WaitForServerRollback(string location, TimeSpan timeout)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        if (!TestStores.OnPostgres)
        {
            return TimeSpan.Zero;
        }

        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(location) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL AND application_name NOT LIKE 'runrate-tests%'",
            connection);
        while (Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0)
        {
            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"the server still holds an open transaction of the killed client after {timeout}");
            }

            Thread.Sleep(20);
        }

        return watch.Elapsed;
    }
}

/// <summary>What the ledger holds, and the reports the CLI prints from it.</summary>
internal sealed record Content(int Customers, int Lines, int FxRates, int Costs, string Mrr, string Summary)
{
    public static readonly Content None = new(0, 0, 0, 0, "", "");
}

/// <summary>The store's book keeping: every committed import adds one to each.</summary>
internal sealed record Book(long Revision, int Imports, int AuditEntries)
{
    public Book Next() => new(Revision + 1, Imports + 1, AuditEntries + 1);
}
