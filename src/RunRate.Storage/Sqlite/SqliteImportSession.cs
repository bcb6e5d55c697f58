using System.Globalization;
using Microsoft.Data.Sqlite;
using RunRate.Engine.Economics;
using RunRate.Engine.Ledger;
using RunRate.Engine.Primitives;
using RunRate.Ingest;

namespace RunRate.Storage.Sqlite;

/// <summary>One import transaction with batched upserts; rolled back unless committed.</summary>
internal sealed partial class SqliteImportSession : ILedgerImportSession
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly bool _replace;
    private readonly TimeProvider _clock;
    private readonly SqliteBulkWriter _writer;
    private readonly BatchedUpsert _rates;
    private readonly bool _rebuildLineIndex;
    private readonly SqliteCommand _customerExists;
    private readonly SqliteCommand _deleteCostMonth;
    private readonly SqliteCommand _insertCost;
    private int _customerCount;
    private int _rateCount;
    private long _lineCount;
    private readonly SqliteLedgerStore? _store;
    private bool _committed;

    public SqliteImportSession(SqliteConnection connection, bool replace, TimeProvider clock, SqliteLedgerStore? store = null)
    {
        _store = store;
        _connection = connection;
        _replace = replace;
        _clock = clock;
        _transaction = connection.BeginTransaction(deferred: false);
        if (replace)
        {
            // CRM rows (contacts, deals, activities) refer to customers; their foreign keys are checked at
            // commit, once the replacement ledger is in, so customers that stay keep their CRM history.
            using var clear = Command("PRAGMA defer_foreign_keys = ON; DELETE FROM lines; DELETE FROM customers; DELETE FROM fx_rates; DELETE FROM costs;");
            clear.ExecuteNonQuery();
        }

        // Into an empty lines table (a first import, or --replace), the index by customer is dropped and built once
        // at commit, from sorted keys, instead of being updated row by row; both happen inside this transaction.
        using (var empty = Command("SELECT NOT EXISTS (SELECT 1 FROM lines)"))
        {
            _rebuildLineIndex = Convert.ToInt64(empty.ExecuteScalar(), CultureInfo.InvariantCulture) == 1;
        }

        if (_rebuildLineIndex)
        {
            using var drop = Command("DROP INDEX IF EXISTS lines_by_customer");
            drop.ExecuteNonQuery();
        }

        _writer = new SqliteBulkWriter(connection);
        _rates = new BatchedUpsert(connection, _transaction, SqliteTable.Fx);
        _customerExists = Command("SELECT 1 FROM customers WHERE customer_id = $id");
        _customerExists.Parameters.Add(new SqliteParameter { ParameterName = "$id" });
        _deleteCostMonth = Command("DELETE FROM costs WHERE month = $p0");
        _deleteCostMonth.Parameters.Add(new SqliteParameter { ParameterName = "$p0" });
        _insertCost = Command(SqliteTable.CostInsertSql);
        for (var i = 0; i < SqliteTable.CostColumns.Length; i++)
        {
            _insertCost.Parameters.Add(new SqliteParameter { ParameterName = "$p" + i.ToString(CultureInfo.InvariantCulture) });
        }
    }

    public bool IsCustomerStored(string customerId)
    {
        // Asked about customers that are not in the import, so rows still queued for the writer cannot change the answer.
        lock (_writer.Gate)
        {
            _customerExists.Parameters[0].Value = customerId;
            return _customerExists.ExecuteScalar() is not null;
        }
    }

    public void Upsert(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        _writer.Add(customer);
        _customerCount++;
    }

    public void Upsert(FxRate rate)
    {
        _writer.Drain();
        _rates.Add(SqliteTable.Values(rate));
        _rateCount++;
    }

    public void Upsert(RevenueLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        _writer.Add(line); // in order after the customers it refers to
        _lineCount++;
    }

    public void ReplaceCosts(YearMonth month, IReadOnlyList<CostEntry> costs)
    {
        ArgumentNullException.ThrowIfNull(costs);
        _writer.Drain();
        _deleteCostMonth.Parameters[0].Value = month.ToString();
        _deleteCostMonth.ExecuteNonQuery();
        foreach (var cost in costs)
        {
            if (cost.Month != month)
            {
                throw new ArgumentException($"A cost of {cost.Month} was given to replace the costs of {month}.", nameof(costs));
            }

            var values = SqliteTable.Values(cost);
            for (var i = 0; i < values.Length; i++)
            {
                _insertCost.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            _insertCost.ExecuteNonQuery();
        }
    }

    public void Commit()
    {
        _writer.Drain();
        _rates.Flush();
        if (_rebuildLineIndex)
        {
            using var index = Command("CREATE INDEX IF NOT EXISTS lines_by_customer ON lines(customer_id)");
            index.ExecuteNonQuery();
        }

        using var log = Command("INSERT INTO imports (at, mode, customers, lines, fx_rates) VALUES ($at, $mode, $c, $l, $f)");
        log.Parameters.AddWithValue("$at", _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        log.Parameters.AddWithValue("$mode", _replace ? "replace" : "merge");
        log.Parameters.AddWithValue("$c", _customerCount);
        log.Parameters.AddWithValue("$l", _lineCount);
        log.Parameters.AddWithValue("$f", _rateCount);
        log.ExecuteNonQuery();
        if (_replace)
        {
            RefuseOrphanedCrmRecords();
        }

        SqliteLedgerStore.BumpRevision(_connection, _transaction);
        _store?.AuditLog.WritePending(_transaction); // the import's audit entries commit with it
        _transaction.Commit();
        _committed = true;
    }

    public void Dispose()
    {
        _writer.Dispose();
        _rates.Dispose();
        _customerExists.Dispose();
        _deleteCostMonth.Dispose();
        _insertCost.Dispose();
        if (!_committed)
        {
            _transaction.Rollback();
        }

        _transaction.Dispose();
    }

    /// <summary>A replacement ledger must keep every customer the CRM still refers to; say which are missing rather than fail on a bare constraint.</summary>
    private void RefuseOrphanedCrmRecords()
    {
        using var orphans = Command(
            """
            SELECT customer_id, what FROM (
                SELECT customer_id, 'contacts' AS what FROM contacts UNION ALL
                SELECT customer_id, 'deals' FROM deals UNION ALL
                SELECT customer_id, 'activities' FROM activities UNION ALL
                SELECT customer_id, 'e-mail domains' FROM crm_accounts)
            WHERE customer_id NOT IN (SELECT customer_id FROM customers)
            GROUP BY customer_id, what ORDER BY customer_id LIMIT 20
            """);
        using var reader = orphans.ExecuteReader();
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

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        return command;
    }
}
