using System.Text;
using Microsoft.Data.Sqlite;

namespace RunRate.Storage.Sqlite;

/// <summary>
/// Inserts or replaces rows many at a time with one multi-row statement: per-statement overhead,
/// not SQLite itself, dominates a row-at-a-time import of a million lines.
/// </summary>
internal sealed class BatchedUpsert : IDisposable
{
    private const int BatchRows = 16;

    private readonly SqliteCommand _single;
    private readonly SqliteCommand _batch;
    private readonly int _columns;
    private readonly object?[] _pending;
    private int _rows;

    public BatchedUpsert(SqliteConnection connection, SqliteTransaction transaction, SqliteTable table)
    {
        _columns = table.Columns.Length;
        _pending = new object?[BatchRows * _columns];
        _single = Prepare(connection, transaction, table.Name, table.Columns, table.Conflict, 1);
        _batch = Prepare(connection, transaction, table.Name, table.Columns, table.Conflict, BatchRows);
    }

    public bool HasPending => _rows > 0;

    public void Add(object?[] values)
    {
        Array.Copy(values, 0, _pending, _rows * _columns, _columns);
        if (++_rows == BatchRows)
        {
            Execute(_batch, 0, BatchRows);
            _rows = 0;
        }
    }

    public void Flush()
    {
        for (var row = 0; row < _rows; row++)
        {
            Execute(_single, row, 1);
        }

        _rows = 0;
    }

    public void Dispose()
    {
        _single.Dispose();
        _batch.Dispose();
    }

    private void Execute(SqliteCommand command, int firstRow, int rows)
    {
        var parameters = command.Parameters;
        for (var i = 0; i < rows * _columns; i++)
        {
            parameters[i].Value = _pending[(firstRow * _columns) + i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string table, string[] columns, string conflict, int rows)
    {
        var sql = new StringBuilder($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ");
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < columns.Length; column++)
            {
                var name = $"$p{row}_{column}";
                sql.Append(column == 0 ? name : ", " + name);
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            sql.Append(')');
        }

        command.CommandText = sql.Append(' ').Append(conflict).ToString();
        command.Prepare();
        return command;
    }
}
