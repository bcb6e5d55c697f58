using System.Globalization;
using Microsoft.Data.Sqlite;
using RunRate.Engine.Ledger;
using RunRate.Ingest;

namespace RunRate.Storage.Sqlite;

/// <summary>One import transaction with batched upserts; rolled back unless committed.</summary>
internal sealed class SqliteImportSession : ILedgerImportSession
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly bool _replace;
    private readonly TimeProvider _clock;
    private readonly BatchedUpsert _customers;
    private readonly BatchedUpsert _lines;
    private readonly BatchedUpsert _rates;
    private readonly SqliteCommand _customerExists;
    private int _customerCount;
    private int _rateCount;
    private long _lineCount;
    private bool _committed;

    public SqliteImportSession(SqliteConnection connection, bool replace, TimeProvider clock)
    {
        _connection = connection;
        _replace = replace;
        _clock = clock;
        _transaction = connection.BeginTransaction(deferred: false);
        if (replace)
        {
            using var clear = Command("DELETE FROM lines; DELETE FROM customers; DELETE FROM fx_rates;");
            clear.ExecuteNonQuery();
        }

        _customers = new BatchedUpsert(connection, _transaction, SqliteTable.Customers);
        _lines = new BatchedUpsert(connection, _transaction, SqliteTable.Lines);
        _rates = new BatchedUpsert(connection, _transaction, SqliteTable.Fx);
        _customerExists = Command("SELECT 1 FROM customers WHERE customer_id = $id");
        _customerExists.Parameters.Add(new SqliteParameter { ParameterName = "$id" });
    }

    public bool IsCustomerStored(string customerId)
    {
        _customerExists.Parameters[0].Value = customerId;
        return _customerExists.ExecuteScalar() is not null;
    }

    public void Upsert(Customer customer)
    {
        _customers.Add(SqliteTable.Values(customer));
        _customerCount++;
    }

    public void Upsert(FxRate rate)
    {
        _rates.Add(SqliteTable.Values(rate));
        _rateCount++;
    }

    public void Upsert(RevenueLine line)
    {
        if (_customers.HasPending)
        {
            _customers.Flush(); // lines reference customers: they must be in the table first
        }

        _lines.Add(SqliteTable.Values(line));
        _lineCount++;
    }

    public void Commit()
    {
        _customers.Flush();
        _rates.Flush();
        _lines.Flush();
        using var log = Command("INSERT INTO imports (at, mode, customers, lines, fx_rates) VALUES ($at, $mode, $c, $l, $f)");
        log.Parameters.AddWithValue("$at", _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        log.Parameters.AddWithValue("$mode", _replace ? "replace" : "merge");
        log.Parameters.AddWithValue("$c", _customerCount);
        log.Parameters.AddWithValue("$l", _lineCount);
        log.Parameters.AddWithValue("$f", _rateCount);
        log.ExecuteNonQuery();
        SqliteLedgerStore.BumpRevision(_connection, _transaction);
        _transaction.Commit();
        _committed = true;
    }

    public void Dispose()
    {
        _customers.Dispose();
        _lines.Dispose();
        _rates.Dispose();
        _customerExists.Dispose();
        if (!_committed)
        {
            _transaction.Rollback();
        }

        _transaction.Dispose();
    }


    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        return command;
    }
}
