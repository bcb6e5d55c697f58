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

    /// <summary>
    /// True when <paramref name="location"/> already holds a store: the SQLite file exists, or the PostgreSQL database
    /// has the access tables or the default workspace's schema. Reading commands ask first, so that on both engines
    /// they report a missing store instead of creating one. An unreachable server is a <see cref="StoreException"/>.
    /// </summary>
    public static bool Exists(string location)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        if (!StoreFactory.IsPostgres(location))
        {
            return File.Exists(location);
        }

        using var db = AccessDb.Postgres(location);
        return db.Read(connection => AccessDb.Query(
            connection,
            null,
            "SELECT 1 WHERE to_regclass('public.access_schema') IS NOT NULL OR EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'ws_default')",
            _ => 1).Count > 0);
    }
}
