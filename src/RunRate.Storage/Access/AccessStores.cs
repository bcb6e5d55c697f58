namespace RunRate.Storage.Access;

/// <summary>Opens the access store of a location: the same location string as <see cref="StoreFactory.Open"/>.</summary>
public static class AccessStores
{
    /// <summary>
    /// Opens the access tables (creating them, and the default workspace's row, when missing). SQLite: inside the
    /// main store file (the default workspace's file; created if missing, its folder must exist); PostgreSQL: in the
    /// database's <c>public</c> schema. <paramref name="clock"/> decides lockouts, expiries and the times recorded.
    /// The returned store may be shared between threads.
    /// </summary>
    public static IAccessStore Open(string location, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        var time = clock ?? TimeProvider.System;
        var db = StoreFactory.IsPostgres(location) ? AccessDb.Postgres(location) : AccessDb.Sqlite(location);
        try
        {
            AccessMigrations.Apply(db, time.GetUtcNow());
        }
        catch
        {
            db.Dispose();
            throw;
        }

        return new AccessStore(db, time);
    }
}
