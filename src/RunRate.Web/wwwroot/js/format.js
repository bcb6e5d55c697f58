// Number, money, percentage and date formatting. Fixed en-US grouping so figures read exactly like
// the CLI's (e.g. $10,209,048.14) whatever the browser's locale.
import { h } from './dom.js';

const LOCALE = 'en-US';
const moneyFmts = new Map();

function moneyFmt(currency, key, opts) {
  const k = `${currency}|${key}`;
  if (!moneyFmts.has(k)) {
    let f;
    try {
      f = new Intl.NumberFormat(LOCALE, { style: 'currency', currency, ...opts });
    } catch {
      f = new Intl.NumberFormat(LOCALE, opts); // unknown code: plain number, code appended by caller
      f.unknown = true;
    }
    moneyFmts.set(k, f);
  }
  return moneyFmts.get(k);
}

const withCode = (f, s, currency) => (f.unknown ? `${s} ${currency}` : s);

/** Full precision money: $10,209,048.14. */
export function money(n, currency = 'USD', { sign = false } = {}) {
  if (n == null || Number.isNaN(n)) return '—';
  const f = moneyFmt(currency, sign ? 'full+' : 'full', {
    minimumFractionDigits: 2, maximumFractionDigits: 2, ...(sign ? { signDisplay: 'exceptZero' } : {}),
  });
  return withCode(f, f.format(n), currency);
}

/** Compact money for axes and tight spaces: $9.9M. */
export function moneyCompact(n, currency = 'USD') {
  if (n == null || Number.isNaN(n)) return '—';
  const digits = Math.abs(n) >= 1000 ? 1 : 0;
  const f = moneyFmt(currency, `compact${digits}`, { notation: 'compact', maximumFractionDigits: digits });
  return withCode(f, f.format(n), currency);
}

const pctFmts = {};
/** 0.0175 -> 1.75% (digits after the point, default 1). */
export function pct(r, digits = 1, { sign = false } = {}) {
  if (r == null || Number.isNaN(r)) return '—';
  const k = `${digits}${sign}`;
  pctFmts[k] ??= new Intl.NumberFormat(LOCALE, {
    style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits,
    ...(sign ? { signDisplay: 'exceptZero' } : {}),
  });
  return pctFmts[k].format(r);
}

const intFmt = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
export const int = (n) => (n == null ? '—' : intFmt.format(n));

const decFmt = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const dec2 = (n) => (n == null ? '—' : decFmt.format(n));

const numFmt = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 6 });
export const num = (n) => (n == null ? '—' : numFmt.format(n));

/** Exact money value for data-value attributes: cents, no grouping. */
export const moneyValue = (n) => (n == null ? '' : Number(n).toFixed(2));

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** '2026-10' -> 'Oct 2026' (long: 'October 2026'). */
export function month(ym, { long = false, short = false } = {}) {
  if (!ym) return '—';
  const [y, m] = ym.split('-').map(Number);
  if (short) return `${MONTHS[m - 1]} ’${String(y).slice(2)}`;
  return `${(long ? MONTHS_LONG : MONTHS)[m - 1]} ${y}`;
}

/** '2026-06-05' -> 'Jun 5, 2026'. */
export function date(iso) {
  if (!iso) return '—';
  const [y, m, d] = iso.split('-').map(Number);
  return `${MONTHS[m - 1]} ${d}, ${y}`;
}

export function dateFromMs(ms, { withDay = false } = {}) {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  return withDay ? `${MONTHS[m]} ${d.getUTCDate()}, ${y}` : `${MONTHS[m]} ${y}`;
}

/** Today's date as YYYY-MM-DD in the user's time zone. */
export function todayIso() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export const isoToMs = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));

export const MOVEMENT_LABELS = {
  new: 'New', expansion: 'Expansion', contraction: 'Contraction', churn: 'Churn', reactivation: 'Reactivation',
};

export const STATUS_LABELS = {
  active: 'Active', churned: 'Churned', future: 'Future', 'never-active': 'Never active',
};

/** Why a ratio can be null (docs/metrics.md: a ratio whose base is zero or missing does not exist). */
export const NULL_REASONS = {
  nrr: 'No base: nobody was active twelve months earlier, so there is no revenue to retain.',
  grr: 'No base: nobody was active twelve months earlier, so there is no revenue to retain.',
  growth_yoy: 'No base: closing MRR twelve months earlier was zero.',
  valuation: 'Needs growth and NRR, and at least one has no base (nothing twelve months earlier).',
  customer_churn_rate: 'No base: no customer was active at the opening of the month.',
  gross_mrr_churn_rate: 'No base: opening MRR was zero.',
  net_mrr_churn_rate: 'No base: opening MRR was zero.',
  arpa: 'No base: no active customer at the close of the month.',
  quick_ratio: 'No base: there was no churn or contraction this month to divide by.',
  revenue_retention: 'No base: the cohort closed its first month at zero MRR.',
  logo_retention: 'No base: the cohort has no customer.',
  mixed: 'These deals are in several currencies: clear the owner filter to see the total converted by the server.',
  win_rate: 'No base: no deal was won or lost here in this period.',
  sales_cycle: 'No deal was won in this period, so there is no cycle to measure.',
  renewal_rate: 'No base: nothing due this month was renewed or lost yet.',
  default: 'This figure does not exist for this selection (its base is zero or missing).',
};

/**
 * A formatted figure, or an em dash with an explanation when the figure is null.
 * Returns a text node or an element that can sit inside any container.
 */
export function figure(value, formatter, nullKey = 'default') {
  if (value == null) {
    const why = NULL_REASONS[nullKey] || NULL_REASONS.default;
    return h('span', { class: 'na', tabindex: '0', 'data-tip': why, 'aria-label': `Not available. ${why}` }, '—');
  }
  return document.createTextNode(formatter(value));
}
