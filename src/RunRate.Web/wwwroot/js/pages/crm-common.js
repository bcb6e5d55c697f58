// Pieces the CRM pages share: labels, badges, exact sums and the account link.
import { h } from '../dom.js';
import * as url from '../url.js';
import * as fmt from '../format.js';

export const DEAL_KINDS = [
  ['new_business', 'New business'], ['expansion', 'Expansion'], ['cross_sell', 'Cross-sell'], ['renewal', 'Renewal'],
];
export const DEAL_KIND_LABELS = Object.fromEntries(DEAL_KINDS);

export const dealKindBadge = (kind) => h('span', { class: `kind deal-kind-${kind}` }, DEAL_KIND_LABELS[kind] || kind);

/** Open / won / lost, as a coloured badge. */
export const outcomeBadge = (outcome, label) =>
  h('span', { class: `badge outcome-${outcome}` }, label || { open: 'Open', won: 'Won', lost: 'Lost' }[outcome] || outcome);

/** Sum of money values to the cent, without binary drift (0.1 + 0.2 stays 0.30). */
export function sumMoney(values) {
  return values.reduce((n, v) => n + Math.round((v || 0) * 100), 0) / 100;
}

/** `path` with the global filters and `extra` query parameters (withGlobals alone takes a bare path). */
export function hrefWith(path, extra) {
  const [base, qs = ''] = url.withGlobals(path).split('?');
  const q = new URLSearchParams(qs);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return `${base}?${q}`;
}

export const accountHref = (id) => url.withGlobals(`/customers/${encodeURIComponent(id)}`);

/** The account as a link to its page, with its id underneath (like the customers table). */
export const accountLink = (id, name, testid = null) =>
  h('a', { href: accountHref(id), 'data-link': true, 'data-testid': testid }, name || id);

/** "in 12 days" / "5 days ago" / "today" against today's date. */
export function relativeDays(iso, today = fmt.todayIso()) {
  const days = Math.round((fmt.isoToMs(iso) - fmt.isoToMs(today)) / 86400000);
  if (days === 0) return 'today';
  return days > 0 ? `in ${days} day${days === 1 ? '' : 's'}` : `${-days} day${days === -1 ? '' : 's'} ago`;
}

/** A plain label/value list (the <dl class="mini-dl"> of cards and tiles). */
export const miniDl = (pairs) => h('dl', { class: 'mini-dl' },
  pairs.filter(Boolean).map(([k, v]) => h('div', null, h('dt', null, k), h('dd', null, v))));

/** A progress bar for a share (0..1, capped visually at 100%, the figure says the rest). */
export function progress(share, label) {
  const pct = share == null ? 0 : Math.max(0, Math.min(1, share)) * 100;
  return h('div', { class: `progress${share != null && share >= 1 ? ' is-done' : ''}`, role: 'progressbar', 'aria-label': label,
    'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': String(Math.round(pct)) },
  h('span', { class: 'progress-fill', style: `width:${pct}%` }));
}

const dateTimeFmt = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
/** An ISO-8601 timestamp in the reader's time zone: "Oct 28, 2026, 09:30". */
export const dateTime = (iso) => (iso ? dateTimeFmt.format(new Date(iso)) : '—');

/** A datetime-local input's value (local time) as the API's UTC timestamp, without milliseconds. */
export const localToUtc = (value) => new Date(value).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Now as a datetime-local value (local time, minutes). */
export function nowLocal() {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}
