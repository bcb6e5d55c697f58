using Microsoft.Data.Sqlite;

namespace RunRate.Storage.Sqlite;

/// <summary>
/// Inserts (or upserts) encoded rows of one table many at a time: one statement carries up to
/// <see cref="RowsPerStatement"/> rows (<c>VALUES (...), (...), ...</c>), so SQLite's per-statement work (step,
/// reset, the program's start) is paid once for the group instead of once per row. A run of rows that is not a
/// multiple of the group size ends with a statement prepared for exactly the rows left (prepared once, then reused).
/// </summary>
internal sealed class MultiRowInsert : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTable _table;
    private readonly string _conflict;
    private readonly RawStatement?[] _statements;

    public MultiRowInsert(SqliteConnection connection, SqliteTable table, int rowsPerStatement, bool upsert)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowsPerStatement, 1);
        _connection = connection;
        _table = table;
        _conflict = upsert ? " " + table.Conflict : string.Empty;
        RowsPerStatement = rowsPerStatement;
        _statements = new RawStatement?[rowsPerStatement + 1];
    }

    public int RowsPerStatement { get; }

    /// <summary>Writes rows <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), all of this table.</summary>
    public unsafe void Write(EncodedRows rows, int from, int to)
    {
        var columns = _table.Columns.Length;
        fixed (byte* bytes = rows.Buffer)
        {
            while (from < to)
            {
                var count = Math.Min(RowsPerStatement, to - from);
                var statement = _statements[count] ??= new RawStatement(_connection, Sql(count));
                var handle = statement.Handle;
                var index = 1;
                for (var row = from; row < from + count; row++)
                {
                    for (var column = 0; column < columns; column++, index++)
                    {
                        // Text is bound in place (SQLITE_STATIC): the buffer stays pinned and unchanged until the step below.
                        var length = rows.Slot(row, column, out var start);
                        statement.Check(length switch
                        {
                            EncodedRows.IntegerSlot => SqliteNative.BindInt(handle, index, start),
                            EncodedRows.NullSlot => SqliteNative.BindNull(handle, index),
                            _ => SqliteNative.BindText(handle, index, bytes + start, length),
                        });
                    }
                }

                var rc = SqliteNative.Step(handle);
                SqliteNative.Reset(handle);
                if (rc != SQLitePCL.raw.SQLITE_DONE)
                {
                    statement.Check(rc);
                }

                from += count;
            }
        }
    }

    public void Dispose()
    {
        foreach (var statement in _statements)
        {
            statement?.Dispose();
        }
    }

    private string Sql(int rows)
    {
        var one = "(" + string.Join(", ", Enumerable.Repeat("?", _table.Columns.Length)) + ")";
        return $"INSERT INTO {_table.Name} ({string.Join(", ", _table.Columns)}) VALUES {string.Join(", ", Enumerable.Repeat(one, rows))}{_conflict}";
    }
}
