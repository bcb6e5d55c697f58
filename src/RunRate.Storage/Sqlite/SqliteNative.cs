using System.Runtime.InteropServices;

namespace RunRate.Storage.Sqlite;

/// <summary>
/// The few SQLite C functions the bulk import calls millions of times, bound directly to the same native library
/// Microsoft.Data.Sqlite loads (e_sqlite3). Going around SQLitePCL's wrappers saves a safe-handle reference count per
/// call and, above all, lets text be bound with <c>SQLITE_STATIC</c>: SQLite reads the caller's pinned bytes during
/// the step instead of allocating and copying every value. Only <see cref="MultiRowInsert"/> uses this, on statements
/// and connections SQLitePCL still owns.
/// </summary>
internal static unsafe partial class SqliteNative
{
    private const string Library = "e_sqlite3";

    /// <summary>SQLITE_STATIC: the bytes stay valid and unchanged until the statement is stepped and rebound.</summary>
    private static readonly IntPtr Static = IntPtr.Zero;

    public static int BindText(IntPtr statement, int index, byte* text, int length) =>
        sqlite3_bind_text(statement, index, text, length, Static);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_text")]
    private static partial int sqlite3_bind_text(IntPtr statement, int index, byte* text, int length, IntPtr destructor);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_int")]
    public static partial int BindInt(IntPtr statement, int index, int value);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_null")]
    public static partial int BindNull(IntPtr statement, int index);

    [LibraryImport(Library, EntryPoint = "sqlite3_step")]
    public static partial int Step(IntPtr statement);

    [LibraryImport(Library, EntryPoint = "sqlite3_reset")]
    public static partial int Reset(IntPtr statement);
}
