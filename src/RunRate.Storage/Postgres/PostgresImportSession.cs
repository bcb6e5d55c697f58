using Npgsql;
using NpgsqlTypes;
using RunRate.Engine.Economics;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Ingest;
using RunRate.Storage.Sqlite;

namespace RunRate.Storage.Postgres;

/// <summary>
/// One import transaction. Rows are buffered and sent in chunks over binary COPY into temporary staging tables, then
/// upserted into the ledger by key with one INSERT … SELECT per chunk (the last row of a key wins, as in the SQLite
/// import). Everything happens inside the import's transaction: disposing without <see cref="Commit"/> rolls it all
/// back, staging tables included.
/// </summary>
internal sealed partial class PostgresImportSession : ILedgerImportSession
{
    private const int ChunkRows = 50_000;

    private readonly PgSession _session;
    private readonly bool _replace;
    private readonly TimeProvider _clock;
    private readonly List<Customer> _customers = [];
    private readonly List<RevenueLine> _lines = [];
    private readonly List<FxRate> _rates = [];
    private int _customerCount;
    private int _rateCount;
    private long _lineCount;
    private readonly PostgresLedgerStore _store;
    private bool _committed;

    public PostgresImportSession(PostgresLedgerStore store, PgSession session, bool replace, TimeProvider clock)
    {
        _store = store;
        _session = session;
        _replace = replace;
        _clock = clock;
        try
        {
            if (replace)
            {
                // CRM rows refer to customers; their (deferrable) foreign keys are checked at commit, once the replacement
                // ledger is in, so customers that stay keep their CRM history.
                session.Execute("SET CONSTRAINTS ALL DEFERRED; DELETE FROM lines; DELETE FROM customers; DELETE FROM fx_rates; DELETE FROM costs;");
            }

            session.Execute(
                """
                CREATE TEMP TABLE runrate_stage_customers (ord bigint GENERATED ALWAYS AS IDENTITY, LIKE customers) ON COMMIT DROP;
                CREATE TEMP TABLE runrate_stage_lines (ord bigint GENERATED ALWAYS AS IDENTITY, LIKE lines) ON COMMIT DROP;
                CREATE TEMP TABLE runrate_stage_fx (ord bigint GENERATED ALWAYS AS IDENTITY, LIKE fx_rates) ON COMMIT DROP;
                """);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public bool IsCustomerStored(string customerId) => _session.Exists("customers", "customer_id", customerId);

    public void Upsert(Customer customer)
    {
        _customers.Add(customer);
        _customerCount++;
        if (_customers.Count == ChunkRows)
        {
            FlushCustomers();
        }
    }

    public void Upsert(FxRate rate)
    {
        _rates.Add(rate);
        _rateCount++;
        if (_rates.Count == ChunkRows)
        {
            FlushRates();
        }
    }

    public void Upsert(RevenueLine line)
    {
        FlushCustomers(); // lines reference customers: they must be in the table first
        _lines.Add(line);
        _lineCount++;
        if (_lines.Count == ChunkRows)
        {
            FlushLines();
        }
    }

    public void ReplaceCosts(YearMonth month, IReadOnlyList<CostEntry> costs)
    {
        ArgumentNullException.ThrowIfNull(costs);
        if (costs.FirstOrDefault(c => c.Month != month) is { } stray)
        {
            throw new ArgumentException($"A cost of {stray.Month} was given to replace the costs of {month}.", nameof(costs));
        }

        _session.Execute("DELETE FROM costs WHERE month = $1", PgValues.Month(month));
        using var copy = _session.Connection.BeginBinaryImport($"COPY costs ({PostgresRows.CostColumns}) FROM STDIN (FORMAT BINARY)");
        foreach (var cost in costs)
        {
            copy.StartRow();
            copy.Write(PgValues.Month(cost.Month), NpgsqlDbType.Date);
            copy.Write(cost.Category.ToText(), NpgsqlDbType.Text);
            copy.Write(cost.Amount, NpgsqlDbType.Numeric);
            copy.Write(cost.Currency.Value, NpgsqlDbType.Text);
            Text(copy, cost.Channel);
            Text(copy, cost.Description);
        }

        copy.Complete();
    }

    public void Commit()
    {
        FlushCustomers();
        FlushRates();
        FlushLines();
        _session.Execute(
            "INSERT INTO imports (at, mode, customers, lines, fx_rates) VALUES ($1, $2, $3, $4, $5)",
            _clock.GetUtcNow().ToUniversalTime(),
            _replace ? "replace" : "merge",
            _customerCount,
            _lineCount,
            _rateCount);
        if (_replace)
        {
            RefuseOrphanedCrmRecords();
        }

        PostgresLedgerStore.BumpRevision(_session);
        _store.AuditLog.WritePending(_session); // the import's audit entries commit with it
        _session.Transaction!.Commit();
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed)
        {
            try
            {
                _session.Transaction!.Rollback();
            }
            catch (InvalidOperationException)
            {
                // The transaction is already over (the connection broke); nothing was committed.
            }
        }

        _session.Dispose();
    }

    private void FlushCustomers()
    {
        if (_customers.Count == 0)
        {
            return;
        }

        using (var copy = _session.Connection.BeginBinaryImport($"COPY runrate_stage_customers ({PostgresRows.CustomerColumns}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var customer in _customers)
            {
                copy.StartRow();
                copy.Write(customer.Id.Value, NpgsqlDbType.Text);
                Text(copy, customer.Name);
                Text(copy, customer.Country);
                Text(copy, customer.Segment);
                Text(copy, customer.Channel);
                Text(copy, customer.Owner);
                copy.Write(SqliteRows.Attributes(customer), NpgsqlDbType.Jsonb);
            }

            copy.Complete();
        }

        _customers.Clear();
        Merge("runrate_stage_customers", "customers", "customer_id", PostgresRows.CustomerColumns);
    }

    private void FlushRates()
    {
        if (_rates.Count == 0)
        {
            return;
        }

        using (var copy = _session.Connection.BeginBinaryImport($"COPY runrate_stage_fx ({PostgresRows.FxColumns}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var rate in _rates)
            {
                copy.StartRow();
                copy.Write(rate.Date, NpgsqlDbType.Date);
                copy.Write(rate.From.Value, NpgsqlDbType.Text);
                copy.Write(rate.To.Value, NpgsqlDbType.Text);
                copy.Write(rate.Rate, NpgsqlDbType.Numeric);
            }

            copy.Complete();
        }

        _rates.Clear();
        Merge("runrate_stage_fx", "fx_rates", "date, from_currency, to_currency", PostgresRows.FxColumns);
    }

    private void FlushLines()
    {
        if (_lines.Count == 0)
        {
            return;
        }

        using (var copy = _session.Connection.BeginBinaryImport($"COPY runrate_stage_lines ({PostgresRows.LineColumns}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var line in _lines)
            {
                copy.StartRow();
                copy.Write(line.Id.Value, NpgsqlDbType.Text);
                copy.Write(line.CustomerId.Value, NpgsqlDbType.Text);
                copy.Write(line.Kind.ToLedgerText(), NpgsqlDbType.Text);
                Text(copy, line.Product);
                copy.Write(line.Start, NpgsqlDbType.Date);
                if (line.End is { } end)
                {
                    copy.Write(end, NpgsqlDbType.Date);
                }
                else
                {
                    copy.WriteNull();
                }

                copy.Write(line.Amount, NpgsqlDbType.Numeric);
                copy.Write(line.Quantity, NpgsqlDbType.Numeric);
                copy.Write(line.Currency.Value, NpgsqlDbType.Text);
                if (line.IntervalMonths is { } interval)
                {
                    copy.Write(interval, NpgsqlDbType.Integer);
                }
                else
                {
                    copy.WriteNull();
                }
            }

            copy.Complete();
        }

        _lines.Clear();
        Merge("runrate_stage_lines", "lines", "line_id", PostgresRows.LineColumns);
    }

    /// <summary>Upserts the staged rows by key (the last staged row of a key wins) and empties the stage.</summary>
    private void Merge(string stage, string table, string key, string columns)
    {
        var keys = key.Split(", ");
        var updates = string.Join(", ", columns.Split(", ").Where(c => !keys.Contains(c)).Select(c => $"{c} = excluded.{c}"));
        _session.Execute(
            $"INSERT INTO {table} ({columns}) SELECT DISTINCT ON ({key}) {columns} FROM {stage} ORDER BY {key}, ord DESC " +
            $"ON CONFLICT ({key}) DO UPDATE SET {updates}; TRUNCATE {stage};");
    }

    /// <summary>A replacement ledger must keep every customer the CRM still refers to; say which are missing rather than fail on a bare constraint.</summary>
    private void RefuseOrphanedCrmRecords()
    {
        using var reader = _session.Query(
            """
            SELECT customer_id, what FROM (
                SELECT customer_id, 'contacts' AS what FROM contacts UNION ALL
                SELECT customer_id, 'deals' FROM deals UNION ALL
                SELECT customer_id, 'activities' FROM activities UNION ALL
                SELECT customer_id, 'e-mail domains' FROM crm_accounts) AS refs
            WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.customer_id = refs.customer_id)
            GROUP BY customer_id, what ORDER BY customer_id, what LIMIT 20
            """);
        var missing = new List<string>();
        while (reader.Read())
        {
            missing.Add($"{reader.GetString(0)} ({reader.GetString(1)})");
        }

        if (missing.Count > 0)
        {
            throw new StoreException(
                "The replacement ledger leaves out customers that CRM records refer to: " + string.Join(", ", missing) +
                ". Keep those customers in customers.csv, or delete their CRM records first. Nothing was changed.");
        }
    }

    private static void Text(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, NpgsqlDbType.Text);
        }
    }
}
