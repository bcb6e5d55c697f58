using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace RunRate.Storage.Sqlite;

/// <summary>
/// One prepared statement driven through SQLite's C API on an open <see cref="SqliteConnection"/> (and so inside its
/// transaction): values are bound as UTF-8 bytes (<see cref="EncodedRows"/>), with no parameter objects, boxing or
/// intermediate strings. The bulk import writes millions of rows through this; everything else uses ADO.NET.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public RawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    /// <summary>The native statement, for <see cref="SqliteNative"/>; valid until this is disposed.</summary>
    public IntPtr Handle => _statement.DangerousGetHandle();

    /// <summary>Throws SQLite's message for a failed call.</summary>
    public void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException($"SQLite Error {rc}: '{raw.sqlite3_errmsg(_db).utf8_to_string()}'.", rc);
        }
    }

    public void Null(int index) => Check(raw.sqlite3_bind_null(_statement, index));

    public void Int(int index, int value) => Check(raw.sqlite3_bind_int(_statement, index, value));

    /// <summary>Binds text; an empty span would reach SQLite as a null pointer (NULL), so "" goes its own way.</summary>
    public void Utf8(int index, ReadOnlySpan<byte> value) =>
        Check(value.IsEmpty ? raw.sqlite3_bind_text(_statement, index, string.Empty) : raw.sqlite3_bind_text(_statement, index, value));

    /// <summary>Moves to the next result row; false when there is none.</summary>
    public bool Step()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        if (rc != raw.SQLITE_DONE)
        {
            throw new SqliteException($"SQLite Error {rc}: '{raw.sqlite3_errmsg(_db).utf8_to_string()}'.", rc);
        }

        return false;
    }

    /// <summary>True when the column of the current row is NULL.</summary>
    public bool IsNull(int column) => raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL;

    /// <summary>The column's stored bytes (UTF-8 for text), valid until the next step.</summary>
    public ReadOnlySpan<byte> Bytes(int column) => raw.sqlite3_column_blob(_statement, column);

    /// <summary>The column as an integer.</summary>
    public int Int32(int column) => raw.sqlite3_column_int(_statement, column);

    /// <summary>Runs the statement once with the bound values, then readies it for the next row.</summary>
    public void Run()
    {
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
        {
            throw new SqliteException($"SQLite Error {rc}: '{raw.sqlite3_errmsg(_db).utf8_to_string()}'.", rc);
        }
    }

    public void Dispose() => _statement.Dispose();
}
