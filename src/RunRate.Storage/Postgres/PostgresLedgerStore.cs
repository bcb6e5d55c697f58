using System.Data;
using System.Globalization;
using Npgsql;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Ingest;
using RunRate.Storage.Audit;
using RunRate.Storage.Crm;
using RunRate.Storage.Forecast;

namespace RunRate.Storage.Postgres;

/// <summary>
/// The server store: one workspace in its own PostgreSQL schema, reached through a pooled data source. Every write
/// runs in one transaction that first locks the revision row (writers of a workspace take turns, as in SQLite) and
/// bumps it on commit; snapshots are read in one repeatable-read transaction. Like the SQLite store, an instance is
/// used by one thread at a time; each call borrows a pooled connection.
/// </summary>
public sealed class PostgresLedgerStore : ILedgerStore
{
    private readonly NpgsqlDataSource _source;
    private readonly TimeProvider _clock;
    private readonly PostgresAuditLog _audit;

    private PostgresLedgerStore(NpgsqlDataSource source, string shown, string schema, TimeProvider clock)
    {
        _source = source;
        _clock = clock;
        Location = shown;
        Schema = schema;
        Crm = new PostgresCrmStore(this);
        Scenarios = new PostgresScenarioStore(this, clock);
        _audit = new PostgresAuditLog(this);
    }

    /// <inheritdoc />
    public IAuditLog Audit => _audit;

    /// <inheritdoc />
    public ICrmStore Crm { get; }

    /// <inheritdoc />
    public IScenarioStore Scenarios { get; }

    /// <summary>The location without its password, and the workspace's schema.</summary>
    public string Location { get; }

    /// <summary>The PostgreSQL schema holding the workspace (<c>ws_KEY</c>).</summary>
    public string Schema { get; }

    /// <summary>The schema version of the open store.</summary>
    public int SchemaVersion => Run(() => PostgresSchema.Version(_source));

    /// <summary>
    /// Opens (and with <paramref name="create"/>, creates) the workspace's schema and brings it up to date. A missing
    /// schema without <paramref name="create"/> is an error, as a missing SQLite file is: reports never create stores.
    /// Connection failures become a <see cref="StoreException"/> naming the location without its password.
    /// </summary>
    public static PostgresLedgerStore Open(string location, string workspace, bool create, TimeProvider? clock = null)
    {
        var connectionString = PostgresLocation.ToConnectionString(location);
        var schema = PostgresSchema.Name(Workspaces.Workspace.Check(workspace));
        var shown = PostgresLocation.Redact(location);
        try
        {
            var source = PostgresSchema.Source(connectionString, schema);
            PostgresSchema.Prepare(source, schema, create, shown);
            return new PostgresLedgerStore(source, shown, schema, clock ?? TimeProvider.System);
        }
        catch (NpgsqlException ex)
        {
            throw new StoreException($"Cannot open the PostgreSQL store {shown}: {ex.Message}", ex);
        }
    }

    /// <inheritdoc />
    public ILedgerImportSession Begin(bool replace) => Run(() => new PostgresImportSession(this, Connect(writing: true), replace, _clock));

    /// <inheritdoc />
    public RevenueLedger Load() => LoadSnapshot().Ledger;

    /// <inheritdoc />
    public LedgerSnapshot LoadSnapshot() => Read(session =>
    {
        var revision = ReadRevision(session);
        var customers = PostgresRows.ReadCustomers(session);
        var rates = PostgresRows.ReadFx(session);
        var lines = PostgresRows.ReadLines(session);
        var costs = PostgresRows.ReadCosts(session);
        return new LedgerSnapshot(new RevenueLedger(customers, lines, new FxTable(rates), costs), revision);
    });

    /// <inheritdoc />
    public long StreamLedger(Action<FxRate> onFx, Action<Customer> onCustomer, Action<RevenueLine> onLine)
    {
        ArgumentNullException.ThrowIfNull(onFx);
        ArgumentNullException.ThrowIfNull(onCustomer);
        ArgumentNullException.ThrowIfNull(onLine);
        return Read(session =>
        {
            var revision = ReadRevision(session);
            PostgresRows.StreamFx(session, onFx);
            PostgresRows.StreamCustomers(session, onCustomer);
            PostgresRows.StreamLines(session, onLine);
            return revision;
        });
    }

    /// <inheritdoc />
    public long Revision() => Read(ReadRevision, snapshot: false);

    /// <inheritdoc />
    public Customer? FindCustomer(CustomerId id) => Read(s => PostgresRows.ReadCustomers(s, id.Value).SingleOrDefault(), snapshot: false);

    /// <inheritdoc />
    public RevenueLine? FindLine(LineId id) => Read(s => PostgresRows.ReadLines(s, id.Value).SingleOrDefault(), snapshot: false);

    /// <inheritdoc />
    public WriteOutcome SaveCustomer(Customer customer, WriteMode mode)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return Write(session =>
        {
            var exists = session.Exists("customers", "customer_id", customer.Id.Value);
            if (exists != (mode == WriteMode.Replace))
            {
                return exists ? WriteOutcome.AlreadyExists : WriteOutcome.NotFound;
            }

            session.Execute(PostgresRows.UpsertCustomer, PostgresRows.Values(customer));
            return WriteOutcome.Done;
        });
    }

    /// <inheritdoc />
    public WriteOutcome DeleteCustomer(CustomerId id) => Write(session =>
    {
        if (!session.Exists("customers", "customer_id", id.Value))
        {
            return WriteOutcome.NotFound;
        }

        if (session.Exists("lines", "customer_id", id.Value))
        {
            return WriteOutcome.HasLines;
        }

        if (session.Exists("contacts", "customer_id", id.Value) || session.Exists("deals", "customer_id", id.Value) || session.Exists("activities", "customer_id", id.Value))
        {
            return WriteOutcome.InUse;
        }

        session.Execute("DELETE FROM crm_accounts WHERE customer_id = $1", id.Value);
        session.Execute("DELETE FROM customers WHERE customer_id = $1", id.Value);
        return WriteOutcome.Done;
    });

    /// <inheritdoc />
    public WriteOutcome SaveLine(RevenueLine line, WriteMode mode)
    {
        ArgumentNullException.ThrowIfNull(line);
        return Write(session =>
        {
            var exists = session.Exists("lines", "line_id", line.Id.Value);
            if (exists != (mode == WriteMode.Replace))
            {
                return exists ? WriteOutcome.AlreadyExists : WriteOutcome.NotFound;
            }

            if (!session.Exists("customers", "customer_id", line.CustomerId.Value))
            {
                return WriteOutcome.UnknownCustomer;
            }

            session.Execute(PostgresRows.UpsertLine, PostgresRows.Values(line));
            return WriteOutcome.Done;
        });
    }

    /// <inheritdoc />
    public WriteOutcome DeleteLine(LineId id) => Write(session =>
        session.Execute("DELETE FROM lines WHERE line_id = $1", id.Value) == 0 ? WriteOutcome.NotFound : WriteOutcome.Done);

    /// <inheritdoc />
    public WriteOutcome EndLine(LineId id, DateOnly end) => Write(session =>
    {
        if (!session.Exists("lines", "line_id", id.Value))
        {
            return WriteOutcome.NotFound;
        }

        var changed = session.Execute("UPDATE lines SET end_date = $2 WHERE line_id = $1 AND kind <> 'one_time' AND start_date < $2", id.Value, end);
        return changed == 0 ? WriteOutcome.Invalid : WriteOutcome.Done;
    });

    /// <inheritdoc />
    public IReadOnlyList<ImportRecord> Imports() => Read(
        session =>
        {
            using var reader = session.Query("SELECT id, at, mode, customers, lines, fx_rates FROM imports ORDER BY id DESC");
            var result = new List<ImportRecord>();
            while (reader.Read())
            {
                result.Add(new ImportRecord(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt64(4), reader.GetInt32(5)));
            }

            return result;
        },
        snapshot: false);

    /// <inheritdoc />
    public void Dispose()
    {
        // Connections go back to the process-wide pool after every call; there is nothing to release here.
    }

    /// <summary>The audit log, for the import session to append its armed entries inside its transaction.</summary>
    internal PostgresAuditLog AuditLog => _audit;

    /// <summary>Bumps the revision inside a write transaction (every committed write calls this once).</summary>
    internal static void BumpRevision(PgSession session) => session.Execute("UPDATE meta SET value = value + 1 WHERE key = 'revision'");

    /// <summary>
    /// A connection, with a write transaction that holds the revision row: writers of one workspace take turns, so a
    /// check-then-write (does the id exist? then insert) sees no other writer's half-done work.
    /// </summary>
    internal PgSession Connect(bool writing)
    {
        var connection = _source.OpenConnection();
        try
        {
            if (!writing)
            {
                return new PgSession(connection, null);
            }

            var session = new PgSession(connection, connection.BeginTransaction(IsolationLevel.ReadCommitted));
            session.Execute("SELECT value FROM meta WHERE key = 'revision' FOR UPDATE");
            return session;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Runs one write in its own transaction; commits (bumping the revision, and appending the audit entries armed for it) only when it is done.</summary>
    internal WriteOutcome Write(Func<PgSession, WriteOutcome> write) => Run(() =>
    {
        using var session = Connect(writing: true);
        var outcome = write(session);
        if (outcome == WriteOutcome.Done)
        {
            BumpRevision(session);
            _audit.WritePending(session);
            session.Transaction!.Commit();
        }
        else
        {
            session.Transaction!.Rollback();
        }

        return outcome;
    });

    /// <summary>Runs a read; with <paramref name="snapshot"/> inside one repeatable-read transaction (one consistent view).</summary>
    internal T Read<T>(Func<PgSession, T> read, bool snapshot = true) => Run(() =>
    {
        var connection = _source.OpenConnection();
        using var session = new PgSession(connection, snapshot ? connection.BeginTransaction(IsolationLevel.RepeatableRead) : null);
        var result = read(session);
        session.Transaction?.Commit();
        return result;
    });

    /// <summary>Turns server and connection failures into a <see cref="StoreException"/> naming the store (never its password).</summary>
    internal T Run<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (NpgsqlException ex)
        {
            throw new StoreException($"Cannot use the PostgreSQL store {Location} (schema {Schema}): {ex.Message}", ex);
        }
    }

    private static long ReadRevision(PgSession session) =>
        Convert.ToInt64(session.Scalar("SELECT value FROM meta WHERE key = 'revision'"), CultureInfo.InvariantCulture);
}
