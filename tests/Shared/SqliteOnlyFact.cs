namespace RunRate.Testing;

/// <summary>
/// A test about SQLite files themselves (a .db file on disk, file locks): run on the SQLite pass, reported as
/// skipped with its reason when the suite runs on PostgreSQL (<c>RUNRATE_TEST_STORE=postgres</c>). Everything
/// else is engine-neutral and runs on both.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SqliteOnlyFactAttribute : FactAttribute
{
    public SqliteOnlyFactAttribute(string reason)
    {
        Reason = reason;
        if (TestStores.OnPostgres)
        {
            Skip = "SQLite only: " + reason;
        }
    }

    /// <summary>Why the test only makes sense on SQLite.</summary>
    public string Reason { get; }
}
