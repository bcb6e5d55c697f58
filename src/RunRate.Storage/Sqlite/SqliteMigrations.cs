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
        // 3: the CRM side. Accounts are the ledger's customers; these tables add what the ledger does not carry.
        // Deleting a customer is refused while CRM rows refer to it (foreign keys), like while lines do.
        """
        CREATE TABLE crm_accounts (
            customer_id TEXT PRIMARY KEY NOT NULL REFERENCES customers(customer_id),
            domains TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE contacts (
            contact_id TEXT PRIMARY KEY NOT NULL,
            customer_id TEXT NOT NULL REFERENCES customers(customer_id),
            name TEXT NOT NULL, email TEXT UNIQUE, phone TEXT, role TEXT
        );
        CREATE INDEX contacts_by_customer ON contacts(customer_id);
        CREATE TABLE pipeline_stages (
            position INTEGER PRIMARY KEY NOT NULL,
            key TEXT NOT NULL UNIQUE, name TEXT NOT NULL, probability TEXT NOT NULL,
            outcome TEXT NOT NULL CHECK (outcome IN ('open','won','lost'))
        );
        INSERT INTO pipeline_stages VALUES
            (0,'lead','Lead','0.10','open'), (1,'qualified','Qualified','0.25','open'),
            (2,'proposal','Proposal','0.50','open'), (3,'negotiation','Negotiation','0.75','open'),
            (4,'won','Won','1','won'), (5,'lost','Lost','0','lost');
        CREATE TABLE deals (
            deal_id TEXT PRIMARY KEY NOT NULL,
            customer_id TEXT NOT NULL REFERENCES customers(customer_id),
            title TEXT NOT NULL, stage TEXT NOT NULL, arr TEXT NOT NULL, currency TEXT NOT NULL,
            kind TEXT NOT NULL, expected_close TEXT NOT NULL, owner TEXT, channel TEXT, lost_reason TEXT,
            created TEXT NOT NULL
        );
        CREATE INDEX deals_by_customer ON deals(customer_id);
        CREATE TABLE deal_history (
            deal_id TEXT NOT NULL REFERENCES deals(deal_id) ON DELETE CASCADE,
            seq INTEGER NOT NULL, stage TEXT NOT NULL, on_date TEXT NOT NULL,
            PRIMARY KEY (deal_id, seq)
        );
        CREATE TABLE deal_lines (
            deal_id TEXT NOT NULL REFERENCES deals(deal_id) ON DELETE CASCADE,
            line_id TEXT NOT NULL,
            PRIMARY KEY (deal_id, line_id)
        );
        CREATE TABLE activities (
            activity_id TEXT PRIMARY KEY NOT NULL,
            kind TEXT NOT NULL, at TEXT NOT NULL, subject TEXT NOT NULL, body TEXT,
            customer_id TEXT NOT NULL REFERENCES customers(customer_id),
            contact_id TEXT, deal_id TEXT, source TEXT NOT NULL,
            external_id TEXT UNIQUE
        );
        CREATE INDEX activities_by_customer ON activities(customer_id);
        CREATE TABLE targets (
            owner TEXT NOT NULL, start_month TEXT NOT NULL, months INTEGER NOT NULL,
            arr TEXT NOT NULL, currency TEXT NOT NULL,
            PRIMARY KEY (owner, start_month, months)
        );
        CREATE TABLE payments (
            payment_key TEXT PRIMARY KEY NOT NULL,
            customer_id TEXT NOT NULL, on_date TEXT NOT NULL, succeeded INTEGER NOT NULL,
            amount TEXT, currency TEXT, reference TEXT NOT NULL
        );
        CREATE TABLE webhook_events (
            event_id TEXT PRIMARY KEY NOT NULL,
            type TEXT NOT NULL, received_at TEXT NOT NULL, summary TEXT NOT NULL
        );
        """,

        // 4: costs (costs.csv: gross margin, CAC, payback) and saved forecast scenarios. Costs have no natural
        // key (two marketing rows of a month are normal): an import replaces whole months. A scenario's name is
        // unique ignoring case in any script (name_key is its invariant upper case; SQLite's NOCASE only folds
        // ASCII); each rule is its own column (canonical decimal TEXT, NULL = rule not set).
        """
        CREATE TABLE costs (
            id INTEGER PRIMARY KEY,
            month TEXT NOT NULL,
            category TEXT NOT NULL CHECK (category IN ('cogs','sales','marketing','other')),
            amount TEXT NOT NULL,
            currency TEXT NOT NULL,
            channel TEXT,
            description TEXT
        );
        CREATE INDEX costs_by_month ON costs(month);
        CREATE TABLE scenarios (
            name_key TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            churn_points TEXT, new_percent TEXT, expansion_percent TEXT,
            price_percent TEXT, price_from TEXT, pipeline_percent TEXT,
            updated_at TEXT NOT NULL
        );
        """,

        // 5: the audit log: every write with who, when and the record before and after. Append-only: the
        // triggers refuse UPDATE and DELETE, so not even a bug in RunRate can rewrite history.
        """
        CREATE TABLE audit_log (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id TEXT,
            before_json TEXT,
            after_json TEXT,
            detail TEXT
        );
        CREATE INDEX audit_by_entity ON audit_log(entity, entity_id);
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        """,
        // 6: the same lines table with the kind check written as comparisons. SQLite evaluates `kind IN (...)` in a
        // CHECK through a temporary index built for every inserted row, about 4 µs a row: half the cost of a bulk
        // import. Same rule, same rows; nothing references lines, so the table is simply rebuilt.
        """
        CREATE TABLE lines_v6 (
            line_id TEXT PRIMARY KEY NOT NULL,
            customer_id TEXT NOT NULL REFERENCES customers(customer_id),
            kind TEXT NOT NULL CHECK (kind = 'subscription' OR kind = 'addon' OR kind = 'one_time'),
            product TEXT,
            start_date TEXT NOT NULL,
            end_date TEXT,
            amount TEXT NOT NULL,
            quantity TEXT NOT NULL,
            currency TEXT NOT NULL,
            interval_months INTEGER
        );
        INSERT INTO lines_v6 (line_id, customer_id, kind, product, start_date, end_date, amount, quantity, currency, interval_months)
            SELECT line_id, customer_id, kind, product, start_date, end_date, amount, quantity, currency, interval_months FROM lines;
        DROP TABLE lines;
        ALTER TABLE lines_v6 RENAME TO lines;
        CREATE INDEX lines_by_customer ON lines(customer_id);
        """,
    ];
}
