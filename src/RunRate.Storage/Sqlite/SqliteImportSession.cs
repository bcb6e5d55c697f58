using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using RunRate.Engine.Ledger;
using RunRate.Ingest;

namespace RunRate.Storage.Sqlite;

/// <summary>One import transaction with prepared upserts; rolled back unless committed.</summary>
internal sealed class SqliteImportSession : ILedgerImportSession
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly bool _replace;
    private readonly TimeProvider _clock;
    private readonly SqliteCommand _customer;
    private readonly SqliteCommand _line;
    private readonly SqliteCommand _fx;
    private readonly SqliteCommand _customerExists;
    private int _customers;
    private int _rates;
    private long _lines;
    private bool _committed;

    public SqliteImportSession(SqliteConnection connection, bool replace, TimeProvider clock)
    {
        _connection = connection;
        _replace = replace;
        _clock = clock;
        _transaction = connection.BeginTransaction(deferred: false);
        if (replace)
        {
            Execute("DELETE FROM lines; DELETE FROM customers; DELETE FROM fx_rates;");
        }

        _customer = Prepare(
            """
            INSERT INTO customers (customer_id, name, country, segment, channel, owner, attributes)
            VALUES ($id, $name, $country, $segment, $channel, $owner, $attributes)
            ON CONFLICT(customer_id) DO UPDATE SET name = excluded.name, country = excluded.country,
              segment = excluded.segment, channel = excluded.channel, owner = excluded.owner, attributes = excluded.attributes
            """,
            "$id", "$name", "$country", "$segment", "$channel", "$owner", "$attributes");
        _line = Prepare(
            """
            INSERT INTO lines (line_id, customer_id, kind, product, start_date, end_date, amount, quantity, currency, interval_months)
            VALUES ($id, $customer, $kind, $product, $start, $end, $amount, $quantity, $currency, $interval)
            ON CONFLICT(line_id) DO UPDATE SET customer_id = excluded.customer_id, kind = excluded.kind, product = excluded.product,
              start_date = excluded.start_date, end_date = excluded.end_date, amount = excluded.amount, quantity = excluded.quantity,
              currency = excluded.currency, interval_months = excluded.interval_months
            """,
            "$id", "$customer", "$kind", "$product", "$start", "$end", "$amount", "$quantity", "$currency", "$interval");
        _fx = Prepare(
            """
            INSERT INTO fx_rates (date, from_currency, to_currency, rate) VALUES ($date, $from, $to, $rate)
            ON CONFLICT(date, from_currency, to_currency) DO UPDATE SET rate = excluded.rate
            """,
            "$date", "$from", "$to", "$rate");
        _customerExists = Prepare("SELECT 1 FROM customers WHERE customer_id = $id", "$id");
    }

    public bool IsCustomerStored(string customerId)
    {
        _customerExists.Parameters[0].Value = customerId;
        return _customerExists.ExecuteScalar() is not null;
    }

    public void Upsert(Customer customer)
    {
        var p = _customer.Parameters;
        p[0].Value = customer.Id.Value;
        p[1].Value = (object?)customer.Name ?? DBNull.Value;
        p[2].Value = (object?)customer.Country ?? DBNull.Value;
        p[3].Value = (object?)customer.Segment ?? DBNull.Value;
        p[4].Value = (object?)customer.Channel ?? DBNull.Value;
        p[5].Value = (object?)customer.Owner ?? DBNull.Value;
        p[6].Value = JsonSerializer.Serialize(customer.Attributes);
        _customer.ExecuteNonQuery();
        _customers++;
    }

    public void Upsert(FxRate rate)
    {
        var p = _fx.Parameters;
        p[0].Value = SqliteRows.Date(rate.Date);
        p[1].Value = rate.From.Value;
        p[2].Value = rate.To.Value;
        p[3].Value = SqliteRows.Decimal(rate.Rate);
        _fx.ExecuteNonQuery();
        _rates++;
    }

    public void Upsert(RevenueLine line)
    {
        var p = _line.Parameters;
        p[0].Value = line.Id.Value;
        p[1].Value = line.CustomerId.Value;
        p[2].Value = line.Kind.ToLedgerText();
        p[3].Value = (object?)line.Product ?? DBNull.Value;
        p[4].Value = SqliteRows.Date(line.Start);
        p[5].Value = line.End is { } end ? SqliteRows.Date(end) : DBNull.Value;
        p[6].Value = SqliteRows.Decimal(line.Amount);
        p[7].Value = SqliteRows.Decimal(line.Quantity);
        p[8].Value = line.Currency.Value;
        p[9].Value = line.IntervalMonths is { } months ? months : DBNull.Value;
        _line.ExecuteNonQuery();
        _lines++;
    }

    public void Commit()
    {
        using var log = Prepare("INSERT INTO imports (at, mode, customers, lines, fx_rates) VALUES ($at, $mode, $c, $l, $f)", "$at", "$mode", "$c", "$l", "$f");
        log.Parameters[0].Value = _clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        log.Parameters[1].Value = _replace ? "replace" : "merge";
        log.Parameters[2].Value = _customers;
        log.Parameters[3].Value = _lines;
        log.Parameters[4].Value = _rates;
        log.ExecuteNonQuery();
        _transaction.Commit();
        _committed = true;
    }

    public void Dispose()
    {
        _customer.Dispose();
        _line.Dispose();
        _fx.Dispose();
        _customerExists.Dispose();
        if (!_committed)
        {
            _transaction.Rollback();
        }

        _transaction.Dispose();
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }
}
