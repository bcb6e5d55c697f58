namespace RunRate.Storage.Postgres;

/// <summary>
/// The schema of one workspace (one PostgreSQL schema, on the connection's search path), as an append-only list of
/// migrations; the applied version is the one row of <c>schema_version</c>. Money, quantities and rates are
/// <c>numeric</c> without a fixed scale, so 12.50 comes back as 12.50; dates are <c>date</c>, instants
/// <c>timestamptz</c> plus their sub-microsecond rest (<c>*_100ns</c>, 0..9) so that they round-trip to the .NET tick
/// like SQLite's text. Ids, keys and names that reports sort by use the "C" collation: byte order, as in SQLite.
/// Foreign keys to customers are deferrable so that a replacing import can swap the ledger under CRM records and
/// check them once, at the end.
/// </summary>
internal static class PostgresMigrations
{
    public static readonly string[] Steps =
    [
        // 1: the ledger and its revision, bumped by every committed write so that readers anywhere can tell it changed
        """
        CREATE TABLE customers (
            customer_id text COLLATE "C" PRIMARY KEY,
            name text, country text, segment text, channel text, owner text,
            attributes jsonb NOT NULL DEFAULT '{}'
        );
        CREATE TABLE lines (
            line_id text COLLATE "C" PRIMARY KEY,
            customer_id text COLLATE "C" NOT NULL REFERENCES customers(customer_id) DEFERRABLE INITIALLY IMMEDIATE,
            kind text NOT NULL CHECK (kind IN ('subscription','addon','one_time')),
            product text,
            start_date date NOT NULL,
            end_date date,
            amount numeric NOT NULL,
            quantity numeric NOT NULL,
            currency text NOT NULL,
            interval_months integer
        );
        CREATE INDEX lines_by_customer ON lines(customer_id);
        CREATE TABLE fx_rates (
            date date NOT NULL, from_currency text COLLATE "C" NOT NULL, to_currency text COLLATE "C" NOT NULL, rate numeric NOT NULL,
            PRIMARY KEY (date, from_currency, to_currency)
        );
        CREATE TABLE imports (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            at timestamptz NOT NULL, mode text NOT NULL,
            customers integer NOT NULL, lines bigint NOT NULL, fx_rates integer NOT NULL
        );
        CREATE TABLE meta (
            key text PRIMARY KEY,
            value bigint NOT NULL
        );
        INSERT INTO meta (key, value) VALUES ('revision', 0);
        """,

        // 2: the CRM side. Deleting a customer is refused while CRM rows refer to it, like while lines do.
        """
        CREATE TABLE crm_accounts (
            customer_id text COLLATE "C" PRIMARY KEY REFERENCES customers(customer_id) DEFERRABLE INITIALLY IMMEDIATE,
            domains text NOT NULL DEFAULT ''
        );
        CREATE TABLE contacts (
            contact_id text COLLATE "C" PRIMARY KEY,
            customer_id text COLLATE "C" NOT NULL REFERENCES customers(customer_id) DEFERRABLE INITIALLY IMMEDIATE,
            name text NOT NULL, email text UNIQUE, phone text, role text
        );
        CREATE INDEX contacts_by_customer ON contacts(customer_id);
        CREATE TABLE pipeline_stages (
            position integer PRIMARY KEY,
            key text NOT NULL UNIQUE, name text NOT NULL, probability numeric NOT NULL,
            outcome text NOT NULL CHECK (outcome IN ('open','won','lost'))
        );
        INSERT INTO pipeline_stages VALUES
            (0,'lead','Lead',0.10,'open'), (1,'qualified','Qualified',0.25,'open'),
            (2,'proposal','Proposal',0.50,'open'), (3,'negotiation','Negotiation',0.75,'open'),
            (4,'won','Won',1,'won'), (5,'lost','Lost',0,'lost');
        CREATE TABLE deals (
            deal_id text COLLATE "C" PRIMARY KEY,
            customer_id text COLLATE "C" NOT NULL REFERENCES customers(customer_id) DEFERRABLE INITIALLY IMMEDIATE,
            title text NOT NULL, stage text NOT NULL, arr numeric NOT NULL, currency text NOT NULL,
            kind text NOT NULL, expected_close date NOT NULL, owner text, channel text, lost_reason text,
            created date NOT NULL
        );
        CREATE INDEX deals_by_customer ON deals(customer_id);
        CREATE TABLE deal_history (
            deal_id text COLLATE "C" NOT NULL REFERENCES deals(deal_id) ON DELETE CASCADE,
            seq integer NOT NULL, stage text NOT NULL, on_date date NOT NULL,
            PRIMARY KEY (deal_id, seq)
        );
        CREATE TABLE deal_lines (
            deal_id text COLLATE "C" NOT NULL REFERENCES deals(deal_id) ON DELETE CASCADE,
            line_id text COLLATE "C" NOT NULL,
            PRIMARY KEY (deal_id, line_id)
        );
        CREATE TABLE activities (
            activity_id text COLLATE "C" PRIMARY KEY,
            kind text NOT NULL, at timestamptz NOT NULL, at_100ns smallint NOT NULL DEFAULT 0,
            subject text NOT NULL, body text,
            customer_id text COLLATE "C" NOT NULL REFERENCES customers(customer_id) DEFERRABLE INITIALLY IMMEDIATE,
            contact_id text, deal_id text, source text NOT NULL,
            external_id text UNIQUE
        );
        CREATE INDEX activities_by_customer ON activities(customer_id);
        CREATE TABLE targets (
            owner text COLLATE "C" NOT NULL, start_month date NOT NULL, months integer NOT NULL,
            arr numeric NOT NULL, currency text NOT NULL,
            PRIMARY KEY (owner, start_month, months)
        );
        CREATE TABLE payments (
            payment_key text COLLATE "C" PRIMARY KEY,
            customer_id text NOT NULL, on_date date NOT NULL, succeeded boolean NOT NULL,
            amount numeric, currency text, reference text NOT NULL
        );
        CREATE TABLE webhook_events (
            event_id text COLLATE "C" PRIMARY KEY,
            type text NOT NULL, received_at timestamptz NOT NULL, received_at_100ns smallint NOT NULL DEFAULT 0, summary text NOT NULL
        );
        """,

        // 3: costs (no natural key: an import replaces whole months; id keeps the file's order) and saved scenarios
        // (name_key is the name's invariant upper case, unique; NULL = rule not set)
        """
        CREATE TABLE costs (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            month date NOT NULL,
            category text NOT NULL CHECK (category IN ('cogs','sales','marketing','other')),
            amount numeric NOT NULL,
            currency text NOT NULL,
            channel text,
            description text
        );
        CREATE INDEX costs_by_month ON costs(month);
        CREATE TABLE scenarios (
            name_key text PRIMARY KEY,
            name text NOT NULL,
            churn_points numeric, new_percent numeric, expansion_percent numeric,
            price_percent numeric, price_from date, pipeline_percent numeric,
            updated_at timestamptz NOT NULL
        );
        """,

        // 4: the audit log, append-only: triggers refuse UPDATE, DELETE and TRUNCATE, so not even a bug can rewrite history
        """
        CREATE TABLE audit_log (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            at timestamptz NOT NULL,
            at_100ns smallint NOT NULL DEFAULT 0,
            actor text NOT NULL,
            action text NOT NULL,
            entity text NOT NULL,
            entity_id text,
            before_json text,
            after_json text,
            detail text
        );
        CREATE INDEX audit_by_entity ON audit_log(entity, entity_id);
        CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS
            'BEGIN RAISE EXCEPTION ''the audit log is append-only''; END';
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
        CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
        """,
    ];
}
