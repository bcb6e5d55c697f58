-- The ledger as DuckDB tables. Decimals are stored exactly as System.Decimal holds them: an integer
-- mantissa ("units") and a power-of-ten scale, trailing zeros removed (49.90 = 499 / 10^1).
-- Customers get an integer surrogate key so the bridge groups and sorts on integers.
CREATE TABLE customers (
    customer_key   INTEGER NOT NULL,
    customer_id    VARCHAR NOT NULL
);

CREATE TABLE lines (
    line_id         VARCHAR NOT NULL,
    customer_key    INTEGER NOT NULL,
    kind            VARCHAR NOT NULL,   -- subscription | addon | one_time
    start_date      DATE NOT NULL,
    end_date        DATE,               -- exclusive; NULL = ongoing (always NULL for one_time)
    amount_units    HUGEINT NOT NULL,
    amount_scale    UTINYINT NOT NULL,
    quantity_units  HUGEINT NOT NULL,
    quantity_scale  UTINYINT NOT NULL,
    currency        VARCHAR NOT NULL,
    interval_months SMALLINT            -- NULL for one_time
);

CREATE TABLE fx (
    day           DATE NOT NULL,        -- in force from this day until the pair's next row
    from_currency VARCHAR NOT NULL,
    to_currency   VARCHAR NOT NULL,
    rate_units    HUGEINT NOT NULL,
    rate_scale    UTINYINT NOT NULL
);
