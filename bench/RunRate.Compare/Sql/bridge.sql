-- The monthly bridge of the contract (ledger-and-metrics.md, sections 2-4) in one query, exact.
--
-- Parameters: $currency (reporting currency), $from_month and $to_month (the reported months) and
-- $first_month (= $from_month - 12: NRR, GRR and growth look a year back). A month is an integer
-- index, year * 12 + month - 1, as the engine's YearMonth.Index.
--
-- Exactness: every line's MRR is amount x quantity x rate / interval_months. With S the largest
-- decimal scale of amount x quantity x rate and L the lcm of the intervals, it is an integer number
-- of 1/D units, D = 10^S x L, so every sum below is an exact HUGEINT (DuckDB raises an error on
-- overflow, it never wraps). The query returns numerators over D; the caller builds the fractions.
WITH
pow10 AS (                                   -- 10^s as an exact integer, s = 0..38
    SELECT s, CAST('1' || repeat('0', s::INTEGER) AS HUGEINT) AS p FROM range(0, 39) t(s)
),

-- Section 2: each line converted once, at the rate of its pair in force on its start date. Lines
-- share few start dates, so each (currency, start date) looks its rate up once.
line_rates AS (
    SELECT k.currency, k.start_date, f.rate_units, f.rate_scale
    FROM (SELECT DISTINCT currency, start_date FROM lines WHERE currency <> $currency) k
    ASOF LEFT JOIN (SELECT * FROM fx WHERE to_currency = $currency) f
        ON f.from_currency = k.currency AND k.start_date >= f.day
),
rated AS (
    SELECT l.line_id, l.customer_key, l.kind, l.start_date, l.end_date, l.interval_months,
           l.amount_units * l.quantity_units * CASE
               WHEN l.currency = $currency THEN 1::HUGEINT
               WHEN r.rate_units IS NULL THEN error('line ' || l.line_id || ': no ' || l.currency || '->'
                   || $currency || ' exchange rate on or before ' || strftime(l.start_date, '%Y-%m-%d'))
               ELSE r.rate_units END AS value_units,               -- amount x quantity x rate ...
           l.amount_scale + l.quantity_scale
               + CASE WHEN l.currency = $currency THEN 0 ELSE r.rate_scale END AS value_scale  -- ... / 10^value_scale
    FROM lines l
    LEFT JOIN line_rates r ON r.currency = l.currency AND r.start_date = l.start_date
),
recurring AS (
    SELECT * FROM rated WHERE kind <> 'one_time' AND value_units <> 0
),
denominator AS (                             -- D = 10^S x L
    SELECT coalesce(max(value_scale), 0) AS s,
           coalesce(list_reduce(list(DISTINCT interval_months::HUGEINT), (a, b) -> lcm(a, b), 1::HUGEINT), 1) AS l
    FROM recurring
),
factors AS (                                 -- 10^(S - scale) x L / interval, per scale and interval in use
    SELECT k.value_scale, k.interval_months, p.p * (d.l // k.interval_months) AS factor
    FROM (SELECT DISTINCT value_scale, interval_months FROM recurring) k
    CROSS JOIN denominator d
    JOIN pow10 p ON p.s = d.s - k.value_scale
),
line_mrr AS (                                -- each line's MRR as an integer numerator over D
    SELECT r.customer_key, r.kind, r.start_date, r.end_date, r.value_units * f.factor AS mrr
    FROM recurring r
    JOIN factors f USING (value_scale, interval_months)
),

-- Section 3: a line adds its MRR on its start date and removes it on its end date. Lines changing
-- on the same day of the same customer net out into one change.
events AS (
    SELECT customer_key, start_date AS day, mrr AS delta, kind FROM line_mrr
    UNION ALL
    SELECT customer_key, end_date, -mrr, kind FROM line_mrr WHERE end_date IS NOT NULL
),
changes AS (
    SELECT customer_key, day,
           sum(delta) AS change,
           coalesce(sum(delta) FILTER (WHERE kind = 'addon'), 0) AS addon_change
    FROM events
    GROUP BY customer_key, day
),
walked AS (                                  -- the customer's MRR from each change day on
    SELECT customer_key, day, change,
           year(day) * 12 + month(day) - 1 AS month,
           sum(change) OVER w AS mrr_after,
           sum(addon_change) OVER w AS addon_after,
           count(*) FILTER (WHERE change <> 0) OVER w AS changes_so_far,
           lag(year(day) * 12 + month(day) - 1) OVER w AS previous_month,
           lead(year(day) * 12 + month(day) - 1) OVER w AS next_month
    FROM changes
    WINDOW w AS (PARTITION BY customer_key ORDER BY day ROWS UNBOUNDED PRECEDING)
),
classified AS (                              -- the table of section 3
    SELECT customer_key, day, month, change, mrr_after - change AS mrr_before,
           CASE
               WHEN mrr_after - change = 0 AND changes_so_far = 1 THEN 'new'  -- MRR starts at 0 and never goes below:
               WHEN mrr_after - change = 0 THEN 'reactivation'                -- the first change is the first activity
               WHEN mrr_after = 0 THEN 'churn'
               WHEN change > 0 THEN 'expansion'
               ELSE 'contraction'
           END AS movement
    FROM walked
    WHERE change <> 0
),
movement_totals AS (
    SELECT month,
           coalesce(sum(change) FILTER (WHERE movement = 'new'), 0) AS new_mrr,
           coalesce(sum(change) FILTER (WHERE movement = 'expansion'), 0) AS expansion_mrr,
           coalesce(sum(change) FILTER (WHERE movement = 'contraction'), 0) AS contraction_mrr,
           coalesce(sum(change) FILTER (WHERE movement = 'churn'), 0) AS churn_mrr,
           coalesce(sum(change) FILTER (WHERE movement = 'reactivation'), 0) AS reactivation_mrr,
           count(*) FILTER (WHERE movement = 'new') AS new_customers,
           count(*) FILTER (WHERE movement = 'reactivation') AS reactivated_customers,
           count(*) FILTER (WHERE movement = 'churn') AS churned_customers
    FROM classified
    WHERE month BETWEEN $from_month AND $to_month
    GROUP BY month
),
churned_from_opening AS (                    -- customer churn: active at opening, churned in the month
    SELECT churn.month, count(DISTINCT churn.customer_key) AS customers
    FROM classified churn
    JOIN walked opening                      -- MRR before the month's first change day = the month's opening
        ON opening.customer_key = churn.customer_key AND opening.month = churn.month
       AND opening.previous_month IS DISTINCT FROM opening.month
    WHERE churn.movement = 'churn' AND opening.mrr_after - opening.change > 0
      AND churn.month BETWEEN $from_month AND $to_month
    GROUP BY churn.month
),

-- Section 4: after a change day the customer's state is the closing state of every month from the
-- day's month up to (not including) the month of its next change: a segment of months [first, end).
segments AS (
    SELECT customer_key, mrr_after AS mrr, addon_after AS addon,
           month AS first_month, coalesce(next_month, 1000000) AS end_month
    FROM walked
    WHERE mrr_after > 0 AND month < coalesce(next_month, 1000000)
),
months AS (
    SELECT month FROM range($first_month, $to_month + 1) t(month)
),
-- Closing totals by differences: a segment adds its state in its first month and takes it away in
-- its end month; the closing state of month M is the sum of every difference up to M.
closing_differences AS (
    SELECT month, sum(mrr) AS mrr, sum(addon) AS addon, sum(customers) AS customers
    FROM (
        SELECT first_month AS month, mrr, addon, 1 AS customers FROM segments
        UNION ALL
        SELECT end_month, -mrr, -addon, -1 FROM segments WHERE end_month <= $to_month
    )
    GROUP BY month
),
closing_totals AS (
    SELECT m.month, sum(d.mrr) AS mrr, sum(d.mrr - d.addon) AS subscription_mrr, sum(d.addon) AS addon_mrr,
           sum(d.customers) AS customers
    FROM months m
    JOIN closing_differences d ON d.month <= m.month
    GROUP BY m.month
),
-- NRR and GRR numerators: a customer's segment a holding its closing state at M-12 and segment b
-- holding it at M (both active) count in the months where both hold, the same way by differences.
retention_pairs AS (
    SELECT greatest(a.first_month + 12, b.first_month) AS first_month, least(a.end_month + 12, b.end_month) AS end_month,
           b.mrr AS nrr, least(a.mrr, b.mrr) AS grr
    FROM segments a
    JOIN segments b ON b.customer_key = a.customer_key
                   AND b.first_month < a.end_month + 12 AND b.end_month > a.first_month + 12
),
retention_differences AS (
    SELECT month, sum(nrr) AS nrr, sum(grr) AS grr
    FROM (
        SELECT first_month AS month, nrr, grr FROM retention_pairs
        UNION ALL
        SELECT end_month, -nrr, -grr FROM retention_pairs WHERE end_month <= $to_month
    )
    GROUP BY month
),
retention AS (
    SELECT m.month, sum(d.nrr) AS nrr_mrr, sum(d.grr) AS grr_mrr
    FROM months m
    JOIN retention_differences d ON d.month <= m.month
    GROUP BY m.month
),
one_time AS (                                -- one-time charges (total revenue, never MRR), over 10^S1
    SELECT year(r.start_date) * 12 + month(r.start_date) - 1 AS month,
           sum(r.value_units * p.p) AS amount
    FROM rated r
    JOIN (SELECT value_scale, max(value_scale) OVER () AS s FROM rated WHERE kind = 'one_time' GROUP BY value_scale) k
        USING (value_scale)
    JOIN pow10 p ON p.s = k.s - k.value_scale
    WHERE r.kind = 'one_time'
    GROUP BY 1
)

SELECT m.month,
       coalesce(opening.mrr, 0) AS opening_mrr,
       coalesce(mt.new_mrr, 0) AS new_mrr,
       coalesce(mt.expansion_mrr, 0) AS expansion_mrr,
       coalesce(mt.contraction_mrr, 0) AS contraction_mrr,
       coalesce(mt.churn_mrr, 0) AS churn_mrr,
       coalesce(mt.reactivation_mrr, 0) AS reactivation_mrr,
       coalesce(cl.mrr, 0) AS closing_mrr,
       coalesce(cl.subscription_mrr, 0) AS subscription_mrr,
       coalesce(cl.addon_mrr, 0) AS addon_mrr,
       coalesce(opening.customers, 0) AS opening_customers,
       coalesce(cl.customers, 0) AS customers,
       coalesce(mt.new_customers, 0) AS new_customers,
       coalesce(mt.reactivated_customers, 0) AS reactivated_customers,
       coalesce(mt.churned_customers, 0) AS churned_customers,
       coalesce(cfo.customers, 0) AS churned_from_opening,
       coalesce(year_ago.mrr, 0) AS nrr_base_mrr,              -- = closing MRR of the customers active at M-12
       coalesce(rt.nrr_mrr, 0) AS nrr_mrr,
       coalesce(rt.grr_mrr, 0) AS grr_mrr,
       coalesce(year_ago.mrr, 0) AS year_ago_mrr,
       (SELECT CAST(p.p AS HUGEINT) * l FROM denominator JOIN pow10 p ON p.s = denominator.s) AS denominator,
       coalesce(ot.amount, 0) AS one_time_amount,
       (SELECT p.p FROM pow10 p WHERE p.s = (SELECT coalesce(max(value_scale), 0) FROM rated WHERE kind = 'one_time')) AS one_time_denominator
FROM range($from_month, $to_month + 1) m(month)
LEFT JOIN closing_totals cl ON cl.month = m.month
LEFT JOIN closing_totals opening ON opening.month = m.month - 1
LEFT JOIN closing_totals year_ago ON year_ago.month = m.month - 12
LEFT JOIN movement_totals mt ON mt.month = m.month
LEFT JOIN churned_from_opening cfo ON cfo.month = m.month
LEFT JOIN retention rt ON rt.month = m.month
LEFT JOIN one_time ot ON ot.month = m.month
ORDER BY m.month
