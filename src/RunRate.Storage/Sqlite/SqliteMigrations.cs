namespace RunRate.Storage.Sqlite;

/// <summary>
/// The schema, as an append-only list of migrations; the applied version is SQLite's
/// <c>user_version</c>. Money and rates are canonical decimal TEXT: SQLite has no decimal type and
/// REAL would lose cents.
/// </summary>
internal static class SqliteMigrations
{
    public static readonly string[] Steps =
    [
        // 1: the ledger
        """
        CREATE TABLE customers (
            customer_id TEXT PRIMARY KEY NOT NULL,
            name TEXT, country TEXT, segment TEXT, channel TEXT, owner TEXT,
            attributes TEXT NOT NULL DEFAULT '{}'
        );
        CREATE TABLE lines (
            line_id TEXT PRIMARY KEY NOT NULL,
            customer_id TEXT NOT NULL REFERENCES customers(customer_id),
            kind TEXT NOT NULL CHECK (kind IN ('subscription','addon','one_time')),
            product TEXT,
            start_date TEXT NOT NULL,
            end_date TEXT,
            amount TEXT NOT NULL,
            quantity TEXT NOT NULL,
            currency TEXT NOT NULL,
            interval_months INTEGER
        );
        CREATE INDEX lines_by_customer ON lines(customer_id);
        CREATE TABLE fx_rates (
            date TEXT NOT NULL, from_currency TEXT NOT NULL, to_currency TEXT NOT NULL, rate TEXT NOT NULL,
            PRIMARY KEY (date, from_currency, to_currency)
        );
        CREATE TABLE imports (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL, mode TEXT NOT NULL,
            customers INTEGER NOT NULL, lines INTEGER NOT NULL, fx_rates INTEGER NOT NULL
        );
        """,

        // 2: the ledger revision, bumped by every write transaction (imports and single-row writes),
        // so that readers in any process can tell cheaply whether the ledger changed
        """
        CREATE TABLE meta (
            key TEXT PRIMARY KEY NOT NULL,
            value INTEGER NOT NULL
        );
        INSERT INTO meta (key, value) VALUES ('revision', (SELECT count(*) FROM imports));
        """,
    ];
}
